using System.Management.Automation;

namespace CarbonOps.Commands
{
    /// <summary>
    /// A cmdlet whose product homes may be left out: without -ProductHome it works on homes it finds itself (each
    /// cmdlet's help says which). Otherwise -ProductHome is what <see cref="HomeCmdlet"/> declares: aliases CarbonHome
    /// and PSPath, position 0, from the pipeline as strings or by property name, completed from the homes on the host.
    /// Invoke-CarbonHardening keeps a form of its own: see its ProductHome.
    /// </summary>
    public abstract class OptionalHomeCmdlet : CarbonCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome", "PSPath")]
        [ArgumentCompleter(typeof(ProductHomeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] ProductHome { get; set; }
    }
}
