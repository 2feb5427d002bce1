using System.Collections.Generic;
using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Get, "CarbonServer")]
    [OutputType(typeof(CarbonServer))]
    public sealed class GetCarbonServerCommand : CarbonCmdlet
    {
        private readonly HashSet<string> seen = new HashSet<string>(InstanceDiscovery.PathComparer);

        /// <summary>Homes to report, running or not; without it, every Carbon JVM running on this host.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] ProductHome { get; set; }

        protected override void ProcessRecord()
        {
            if (ProductHome == null)
            {
                foreach (var running in CarbonServerReader.RunningHomes())
                {
                    Emit(running, TryOpen(running));
                }
                return;
            }
            foreach (var path in ProductHome)
            {
                var home = OpenHome(path);
                if (home != null)
                {
                    Emit(home.Path, home);
                }
            }
        }

        private void Emit(string path, CarbonHome home)
        {
            if (!seen.Add(path))
            {
                return;
            }
            try
            {
                WriteObject(CarbonServerReader.Read(path, home, ComputerName));
            }
            catch (CarbonOpsException ex)
            {
                WriteCarbonError(ex, path);
            }
        }

        // A JVM may run from a folder that is no longer a readable product home; it is still reported.
        private static CarbonHome TryOpen(string path)
        {
            try
            {
                return CarbonHome.Open(path);
            }
            catch (CarbonOpsException)
            {
                return null;
            }
        }
    }
}
