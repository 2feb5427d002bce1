using System.Management.Automation;
using System.Security;
using CarbonOps.Keystores;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonKeystore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonKeystoreCommand : HomeChangeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome")]
        [ValidateNotNullOrEmpty]
        public string[] ProductHome { get; set; }

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

        protected override void ProcessRecord()
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
            foreach (var home in ProductHome)
            {
                RunChange(home, KeystoreConfigurator.CheckId, (h, session, changes, warnings) => KeystoreConfigurator.Plan(h, session, changes, request));
            }
        }
    }
}
