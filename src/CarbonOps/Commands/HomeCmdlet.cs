using System.Management.Automation;

namespace CarbonOps.Commands
{
    /// <summary>
    /// A cmdlet that works on one or more product homes, named the same way everywhere: -ProductHome
    /// (aliases CarbonHome and PSPath), by position, from the pipeline as strings or by property name
    /// (a Get-CarbonInstance or Test-CarbonHost result), completed from the homes found on the host.
    /// <see cref="OptionalHomeCmdlet"/> declares the same parameter for cmdlets where it may be left out.
    /// </summary>
    public abstract class HomeCmdlet : CarbonCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome", "PSPath")]
        [ArgumentCompleter(typeof(ProductHomeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] ProductHome { get; set; }
    }
}
