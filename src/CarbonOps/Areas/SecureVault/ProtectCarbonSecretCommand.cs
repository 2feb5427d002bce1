using System.Management.Automation;
using System.Security;
using CarbonOps.Changes;
using CarbonOps.Remedies;
using CarbonOps.SecureVault;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsSecurity.Protect, "CarbonSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [Alias("Enable-CarbonSecureVault")]
    [OutputType(typeof(ChangeResult))]
    public sealed class ProtectCarbonSecretCommand : HomeChangeCmdlet
    {
        /// <summary>Only these Secure Vault aliases; all password-bearing places when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Alias { get; set; }

        /// <summary>The primary keystore's password, where carbon.xml no longer holds it in plain text.</summary>
        [Parameter]
        public SecureString KeystorePassword { get; set; }

        protected override Remedy CreateRemedy()
        {
            var options = new SecretProtector.Options { Aliases = Alias, KeystorePassword = SecretText.ToPlain(KeystorePassword) };
            return new Remedy(SecretProtector.CheckId, c => SecretProtector.Plan(c, options));
        }
    }
}
