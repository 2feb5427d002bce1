using System.Management.Automation;
using System.Security;
using CarbonOps.Changes;
using CarbonOps.Keystores;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonKeystore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonKeystoreCommand : HomeChangeCmdlet
    {
        /// <summary>The keystore to use (bound from a piped New-CarbonKeystore result).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Alias { get; set; }

        [Parameter(Mandatory = true)]
        public SecureString StorePassword { get; set; }

        [Parameter]
        public SecureString KeyPassword { get; set; }

        /// <summary>Where carbon.xml's trust store password is protected by Secure Vault.</summary>
        [Parameter]
        public SecureString TrustStorePassword { get; set; }

        [Parameter]
        public SwitchParameter RemoveDefaultTrust { get; set; }

        protected override Remedy CreateRemedy()
        {
            var request = new KeystoreConfigurator.Request
            {
                KeystorePath = ResolvePath(Path),
                Alias = Alias,
                StorePassword = SecretText.ToPlain(StorePassword),
                KeyPassword = SecretText.ToPlain(KeyPassword),
                TrustStorePassword = SecretText.ToPlain(TrustStorePassword),
                RemoveDefaultTrust = RemoveDefaultTrust,
            };
            return new Remedy(KeystoreConfigurator.CheckId, c => KeystoreConfigurator.Plan(c, request));
        }
    }
}
