using System.Linq;
using System.Management.Automation;
using System.Security;
using CarbonOps.SecureVault;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsDiagnostic.Test, "CarbonSecureVault")]
    [OutputType(typeof(SecureVaultEntry))]
    public sealed class TestCarbonSecureVaultCommand : HomeCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Alias { get; set; }

        /// <summary>The identity keystore's password; without it the start-up password file is used, or decryption is not verified.</summary>
        [Parameter]
        public SecureString KeystorePassword { get; set; }

        protected override void ProcessRecord()
        {
            var password = SecretText.ToPlain(KeystorePassword);
            ForEachHome(ProductHome, home =>
            {
                var vault = VaultVerifier.Inspect(home, password);
                if (vault.KeyProblem != null && vault.Aliases.Count > 0)
                {
                    WriteWarning(vault.KeyProblem);
                }
                foreach (var alias in vault.Aliases.Where(a => Alias == null || Alias.Contains(a.Name)))
                {
                    WriteObject(new SecureVaultEntry(home.Path, alias.Name, alias.Status, alias.Referenced, alias.Locations.ToArray(), alias.Message, ComputerName));
                }
            });
        }
    }
}
