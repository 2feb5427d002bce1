using System.Management.Automation;
using System.Security;
using CarbonOps.Keystores;
using CarbonOps.SecureVault;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonKeystorePassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonKeystorePasswordCommand : HomeChangeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] ProductHome { get; set; }

        [Parameter(Mandatory = true)]
        public SecureString Password { get; set; }

        /// <summary>Write password-persist (kept across starts) instead of password-tmp (deleted by Carbon once read).</summary>
        [Parameter]
        public SwitchParameter Persist { get; set; }

        protected override void ProcessRecord()
        {
            var password = SecretText.ToPlain(Password);
            foreach (var home in ProductHome)
            {
                RunChange(home, PasswordFilePlanner.CheckId, (h, session, changes, warnings) => PasswordFilePlanner.Plan(h, changes, password, Persist, warnings));
            }
        }
    }
}
