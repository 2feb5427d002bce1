using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Get, "CarbonCluster")]
    [OutputType(typeof(CarbonCluster))]
    public sealed class GetCarbonClusterCommand : CarbonCmdlet
    {
        /// <summary>Product homes; without it, the homes Get-CarbonInstance discovers.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] ProductHome { get; set; }

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
