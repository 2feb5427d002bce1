using System.Management.Automation;
using System.Security;
using CarbonOps.Changes;
using CarbonOps.Remedies;
using CarbonOps.SecureVault;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonKeystorePassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonKeystorePasswordCommand : HomeChangeCmdlet
    {
        [Parameter(Mandatory = true)]
        public SecureString Password { get; set; }

        /// <summary>Write password-persist (kept across starts) instead of password-tmp (deleted by Carbon once read).</summary>
        [Parameter]
        public SwitchParameter Persist { get; set; }

        protected override Remedy CreateRemedy()
        {
            var password = SecretText.ToPlain(Password);
            return new Remedy(PasswordFilePlanner.CheckId, c => PasswordFilePlanner.Plan(c, password, Persist));
        }
    }
}
