using System;
using System.Management.Automation;
using CarbonOps.Changes;

namespace CarbonOps.Commands
{
    /// <summary>The values remedies need; a remedy whose value is missing is Skipped, naming the parameter.</summary>
    public sealed partial class InvokeCarbonHardeningCommand
    {
        [Parameter]
        [ValidatePattern(@"^\d+(KB|MB|GB)$", Options = System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
        public string LogMaxFileSize { get; set; } = "10MB";

        [Parameter]
        [ValidateRange(1, 10000)]
        public int LogMaxBackupIndex { get; set; } = 20;

        /// <summary>Security.DefaultAdminPassword: the admin user and password to set before the first start.</summary>
        [Parameter]
        [Credential]
        public PSCredential AdminCredential { get; set; }

        /// <summary>Security.ConsoleAccess: addresses (regular expressions or literal IPs) allowed to reach the console.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] AllowedAddress { get; set; }

        [Parameter]
        public ConsoleAccessScope ConsoleScope { get; set; } = ConsoleAccessScope.Console;

        /// <summary>Carbon.HostName.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string HostName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string MgtHostName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string WsdlEprPrefix { get; set; }

        /// <summary>Security.TlsProtocols: the protocols to enable; by default those of TLSv1, 1.1 and 1.2 that the JDK speaks.</summary>
        [Parameter]
        [ValidateSet("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3")]
        public string[] TlsProtocol { get; set; }

        /// <summary>The JDK the server runs on; $env:JAVA_HOME when not given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string JavaHome { get; set; }

        /// <summary>Security.ServerHeader: the neutral value for the connectors' server attribute.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ServerHeader { get; set; } = RemediationOptions.NeutralServerHeader;

        /// <summary>Security.Jmx: turn the JMX RMI server off (only on request).</summary>
        [Parameter]
        public SwitchParameter DisableJmx { get; set; }

        /// <summary>Jvm.Heap: the -Xms to raise launchers to.</summary>
        [Parameter]
        [ValidatePattern(@"^\d+[kKmMgG]?$")]
        public string InitialHeap { get; set; } = RemediationOptions.GuideInitialHeap;

        [Parameter]
        [ValidatePattern(@"^\d+[kKmMgG]?$")]
        public string MaxHeap { get; set; } = RemediationOptions.GuideMaxHeap;

        [Parameter]
        [ValidatePattern(@"^\d+[kKmMgG]?$")]
        public string MaxPermSize { get; set; } = RemediationOptions.GuideMaxPermSize;

        private RemediationOptions BuildOptions()
        {
            var javaHome = JavaHome ?? Environment.GetEnvironmentVariable("JAVA_HOME");
            return new RemediationOptions
            {
                LogMaxFileSize = LogMaxFileSize.ToUpperInvariant(),
                LogMaxBackupIndex = LogMaxBackupIndex,
                AdminCredential = AdminCredential?.GetNetworkCredential(),
                AllowedAddress = AllowedAddress,
                ConsoleScope = ConsoleScope,
                HostName = HostName,
                MgtHostName = MgtHostName,
                WsdlEprPrefix = WsdlEprPrefix,
                TlsProtocols = TlsProtocol,
                JavaHome = string.IsNullOrEmpty(javaHome) ? null : ResolvePath(javaHome),
                ServerHeader = ServerHeader,
                DisableJmx = DisableJmx,
                JvmInitialHeap = InitialHeap,
                JvmMaxHeap = MaxHeap,
                JvmMaxPermSize = MaxPermSize,
            };
        }
    }
}
