using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>Reads the clustering facts of product homes; without -ProductHome, of the homes Get-CarbonInstance discovers.</summary>
    [Cmdlet(VerbsCommon.Get, "CarbonCluster")]
    [OutputType(typeof(CarbonCluster))]
    public sealed class GetCarbonClusterCommand : OptionalHomeCmdlet
    {
        protected override void ProcessRecord()
        {
            if (ProductHome == null)
            {
                foreach (var found in InstanceDiscovery.Discover())
                {
                    Read(found.Path);
                }
                return;
            }
            foreach (var path in ProductHome)
            {
                Read(path);
            }
        }

        private void Read(string path)
        {
            var home = OpenHome(path);
            if (home == null)
            {
                return;
            }
            try
            {
                WriteObject(ClusterReader.Read(home, ComputerName));
            }
            catch (CarbonOpsException ex)
            {
                WriteCarbonError(ex, path);
            }
        }
    }
}
