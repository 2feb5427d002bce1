using System.Management.Automation;
using System.Security;
using CarbonOps.Checks;
using CarbonOps.SecureVault;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsSecurity.Protect, "CarbonSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [Alias("Enable-CarbonSecureVault")]
    [OutputType(typeof(ChangeResult))]
    public sealed class ProtectCarbonSecretCommand : HomeChangeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] ProductHome { get; set; }

        /// <summary>Only these Secure Vault aliases; all password-bearing places when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Alias { get; set; }

        /// <summary>The primary keystore's password, where carbon.xml no longer holds it in plain text.</summary>
        [Parameter]
        public SecureString KeystorePassword { get; set; }

        protected override void ProcessRecord()
        {
            var options = new SecretProtector.Options { Aliases = Alias, KeystorePassword = SecretText.ToPlain(KeystorePassword) };
            foreach (var home in ProductHome)
            {
                RunChange(home, SecretProtector.CheckId, (h, session, changes, warnings) =>
                {
                    warnings.AddRange(SecretProtector.Plan(h, session, changes, options));
                    return new PendingFile[0];
                });
            }
        }
    }
}
