using System.Linq;
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
            var homes = ProductHome ?? InstanceDiscovery.Discover().Select(found => found.Path);
            ForEachHome(homes, home => WriteObject(ClusterReader.Read(home, ComputerName)));
        }
    }
}
