using System.Management.Automation;
using CarbonOps.Checks;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonAdminCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonAdminCredentialCommand : CarbonSetCmdlet
    {
        [Parameter(Mandatory = true)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        protected override void Validate() => AdminCredentialRemedy.Validate(Credential.GetNetworkCredential());

        protected override Remedy CreateRemedy() =>
            new Remedy(AdminCredentialRemedy.CheckId, c => AdminCredentialRemedy.Apply(c, Credential.GetNetworkCredential()));
    }
}
