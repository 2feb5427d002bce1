using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonAdminCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed partial class SetCarbonAdminCredentialCommand : HomeChangeCmdlet
    {
        // -AdminCredential is declared in AdminCredentialInputs.cs.

        protected override void Validate() => AdminCredentialRemedy.Validate(AdminCredential.GetNetworkCredential());

        protected override Remedy CreateRemedy() =>
            new Remedy(AdminCredentialRemedy.CheckId, c => AdminCredentialRemedy.Apply(c, AdminCredential.GetNetworkCredential()));
    }
}
