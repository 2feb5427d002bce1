using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Get, "CarbonInstance")]
    [OutputType(typeof(CarbonInstance))]
    public sealed class GetCarbonInstanceCommand : CarbonCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProductHome", "CarbonHome", "PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        protected override void ProcessRecord()
        {
            if (Path == null)
            {
                foreach (var found in InstanceDiscovery.Discover())
                {
                    Emit(found.Path, found.DiscoveredBy);
                }
                return;
            }
            foreach (var path in Path)
            {
                Emit(path, "Path");
            }
        }

        private void Emit(string path, string discoveredBy)
        {
            var home = OpenHome(path);
            if (home == null)
            {
                return;
            }
            try
            {
                WriteObject(CarbonInstanceReader.Read(home, discoveredBy, ComputerName));
            }
            catch (CarbonOpsException ex)
            {
                WriteCarbonError(ex, path);
            }
        }
    }
}
