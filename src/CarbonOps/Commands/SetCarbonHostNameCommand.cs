using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonHostName", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonHostNameCommand : HomeChangeCmdlet
    {
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string HostName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string MgtHostName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string WsdlEprPrefix { get; set; }

        protected override void Validate() => HostNameRemedy.Validate(HostName, MgtHostName, WsdlEprPrefix);

        protected override Remedy CreateRemedy() =>
            new Remedy(HostNameRemedy.CheckId, c => HostNameRemedy.Apply(c, HostName, MgtHostName, WsdlEprPrefix));
    }
}
