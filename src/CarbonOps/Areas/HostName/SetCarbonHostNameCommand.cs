using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonHostName", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed partial class SetCarbonHostNameCommand : HomeChangeCmdlet
    {
        // -HostName, -MgtHostName and -WsdlEprPrefix are declared in HostNameInputs.cs.
        protected override void Validate() => HostNameRemedy.Validate(HostName, MgtHostName, WsdlEprPrefix);

        protected override Remedy CreateRemedy() =>
            new Remedy(HostNameRemedy.CheckId, c => HostNameRemedy.Apply(c, HostName, MgtHostName, WsdlEprPrefix));
    }
}
