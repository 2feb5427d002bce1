using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Audit;
using CarbonOps.Checks;
using CarbonOps.Installation;
using CarbonOps.Waivers;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsDiagnostic.Test, "CarbonHost")]
    [OutputType(typeof(CheckResult))]
    [OutputType(typeof(bool))]
    public sealed class TestCarbonHostCommand : OptionalHomeCmdlet
    {
        private readonly List<CarbonHome> homes = new List<CarbonHome>();
        private readonly List<string> checkIds = new List<string>();
        private WaiverSet waivers;

        /// <summary>Also bound from piped objects' CheckId (Get-CarbonCheck, check results); the ids of every piped object are run.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[] CheckId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(CategoryCompleter))]
        public string[] Category { get; set; }

        /// <summary>Carbon instances that share this host; by default the number of product homes under test.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int InstanceCount { get; set; }

        /// <summary>What the host is for: the guide's CPU and memory minimums differ.</summary>
        [Parameter]
        public HostProfile Profile { get; set; } = HostProfile.PhysicalServer;

        /// <summary>The Java home to check; by default $JAVA_HOME, then the java on PATH.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string JavaHome { get; set; }

        /// <summary>The products are built from source on this host: checks Maven and Subversion, and wants a JDK.</summary>
        [Parameter]
        public SwitchParameter BuildFromSource { get; set; }

        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>The primary keystore's password, where Secure Vault protects it in the files (keystore and Secure Vault checks).</summary>
        [Parameter]
        public System.Security.SecureString KeystorePassword { get; set; }

        /// <summary>Security.CertificateExpiry warns about certificates that expire within this many days.</summary>
        [Parameter]
        [ValidateRange(1, 3650)]
        public int CertificateExpiryDays { get; set; } = 30;

        /// <summary>A .json or .psd1 file of waivers: matching results are marked Waived, not counted as failures.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string WaiverPath { get; set; }

        /// <summary>Also run the online checks (Database.Reachable, UserStore.Reachable), which connect to the homes' databases and LDAP servers.</summary>
        [Parameter]
        public SwitchParameter Online { get; set; }

        /// <summary>Seconds an online check waits for each connect, login or query.</summary>
        [Parameter]
        [ValidateRange(1, 60)]
        public int OnlineTimeout { get; set; } = 5;

        protected override void BeginProcessing()
        {
            if (WaiverPath == null)
            {
                return;
            }
            try
            {
                waivers = WaiverSet.Load(ResolvePath(WaiverPath), System.DateTime.Now);
            }
            catch (CarbonOpsException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, WaiverPath));
            }
            foreach (var warning in waivers.Warnings)
            {
                WriteWarning(warning);
            }
        }

        protected override void ProcessRecord()
        {
            checkIds.AddRange((CheckId ?? new string[0]).Where(id => !checkIds.Contains(id)));
            foreach (var path in ProductHome ?? new string[0])
            {
                var home = OpenHome(path);
                if (home != null && !homes.Any(h => h.Path == home.Path))
                {
                    homes.Add(home);
                }
            }
        }

        protected override void EndProcessing()
        {
            var ids = checkIds.Count > 0 ? checkIds : null;
            var checks = CheckCatalog.Select(ids, Category).Where(c => Online || !c.RequiresOnline).ToList();
            if (checks.Count == 0)
            {
                WriteCarbonError(new CarbonOpsException(ErrorIds.CheckNotFound, "No check matches -CheckId and -Category (the online checks run only with -Online). Get-CarbonCheck lists them."), ids);
                return;
            }
            var request = new AuditRequest
            {
                Checks = checks,
                Homes = homes,
                Waivers = waivers,
                Options = new CheckOptions
                {
                    InstanceCount = MyInvocation.BoundParameters.ContainsKey(nameof(InstanceCount)) ? InstanceCount : System.Math.Max(1, homes.Count),
                    Profile = Profile,
                    JavaHome = JavaHome == null ? null : ResolvePath(JavaHome),
                    BuildFromSource = BuildFromSource,
                    CurrentDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                    KeystorePassword = KeystorePassword,
                    CertificateExpiryDays = CertificateExpiryDays,
                    Online = Online,
                    OnlineTimeoutSeconds = OnlineTimeout,
                },
            };
            var allPassed = AuditEngine.Run(request, new Writer(this));
            if (Quiet)
            {
                WriteObject(allPassed);
            }
        }

        /// <summary>Results to the pipeline (none under -Quiet), progress when more than one home is audited.</summary>
        private sealed class Writer : IAuditWriter
        {
            private readonly TestCarbonHostCommand cmdlet;

            public Writer(TestCarbonHostCommand cmdlet) => this.cmdlet = cmdlet;

            public void WriteResult(CheckResult result)
            {
                if (!cmdlet.Quiet)
                {
                    cmdlet.WriteObject(result);
                }
            }

            // A new record each time: the host may keep the ones it was given (a Progress stream collects them).
            public void WriteProgress(string productHome, int percent) =>
                cmdlet.WriteProgress(new ProgressRecord(1, "Test-CarbonHost", productHome ?? "Done")
                {
                    PercentComplete = percent,
                    RecordType = percent >= 100 ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                });
        }
    }
}
