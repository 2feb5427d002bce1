using System.Collections.Generic;
using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>Reports product homes, running or not; without -ProductHome, every Carbon JVM running on this host.</summary>
    [Cmdlet(VerbsCommon.Get, "CarbonServer")]
    [OutputType(typeof(CarbonServer))]
    public sealed class GetCarbonServerCommand : OptionalHomeCmdlet
    {
        private readonly HashSet<string> seen = new HashSet<string>(InstanceDiscovery.PathComparer);

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
