using System.Linq;
using System.Management.Automation;
using System.Security;
using CarbonOps.SecureVault;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsSecurity.Unprotect, "CarbonSecret")]
    [OutputType(typeof(SecretValue))]
    public sealed class UnprotectCarbonSecretCommand : HomeCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Alias { get; set; }

        [Parameter]
        public SecureString KeystorePassword { get; set; }

        /// <summary>Also return each value as plain text (PlainText); otherwise values come only as SecureString.</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override void ProcessRecord()
        {
            var password = SecretText.ToPlain(KeystorePassword);
            ForEachHome(ProductHome, home =>
            {
                var vault = VaultVerifier.Inspect(home, password);
                if (vault.KeyProblemId != null)
                {
                    throw new CarbonOpsException(vault.KeyProblemId, vault.KeyProblem, home.Path);
                }
                foreach (var alias in vault.Aliases.Where(a => Alias == null || Alias.Contains(a.Name)))
                {
                    if (alias.Plaintext == null)
                    {
                        WriteCarbonError(new CarbonOpsException(ErrorIds.SecureVaultBroken, $"'{alias.Name}' in '{home.Path}': {alias.Message}", home.Path), alias.Name);
                        continue;
                    }
                    WriteObject(new SecretValue(home.Path, alias.Name, SecretText.FromPlain(alias.Plaintext), AsPlainText ? alias.Plaintext : null, ComputerName));
                }
            });
        }
    }
}
