using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>Reads the JVM options of product homes; without -ProductHome, of the homes Get-CarbonInstance discovers.</summary>
    [Cmdlet(VerbsCommon.Get, "CarbonJvmOption")]
    [OutputType(typeof(CarbonJvmOption))]
    public sealed class GetCarbonJvmOptionCommand : OptionalHomeCmdlet
    {
        private List<ProcessCommandLines.Entry> processes;

        /// <summary>The JAVA_OPTS to work the effective values out with; by default this session's $env:JAVA_OPTS.</summary>
        [Parameter]
        [AllowEmptyString]
        public string JavaOpts { get; set; }

        protected override void ProcessRecord()
        {
            var javaOpts = MyInvocation.BoundParameters.ContainsKey(nameof(JavaOpts)) ? JavaOpts : Environment.GetEnvironmentVariable("JAVA_OPTS");
            var paths = ProductHome ?? InstanceDiscovery.Discover().Select(f => f.Path).ToArray();
            foreach (var path in paths)
            {
                var home = OpenHome(path);
                if (home == null)
                {
                    continue;
                }
                foreach (var launcher in CarbonPaths.StartupScripts.Where(home.Exists))
                {
                    try
                    {
                        WriteObject(JvmOptionReader.FromLauncher(home, launcher, javaOpts, ComputerName));
                    }
                    catch (CarbonOpsException ex)
                    {
                        WriteCarbonError(ex, home.FilePath(launcher));
                    }
                }
                processes = processes ?? ProcessCommandLines.All().ToList();
                WriteObject(JvmOptionReader.FromProcesses(home, processes, ComputerName), true);
            }
        }
    }
}
