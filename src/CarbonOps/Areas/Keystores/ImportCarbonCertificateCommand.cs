using System.Management.Automation;
using System.Security;
using CarbonOps.Keystores;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsData.Import, "CarbonCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KeystoreEntry))]
    public sealed class ImportCarbonCertificateCommand : CarbonCmdlet
    {
        /// <summary>The keystore.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string CertificatePath { get; set; }

        [Parameter(Mandatory = true)]
        public SecureString StorePassword { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Alias { get; set; }

        [Parameter]
        public SecureString KeyPassword { get; set; }

        protected override void ProcessRecord()
        {
            var path = ResolvePath(Path);
            var storePassword = SecretText.ToPlain(StorePassword);
            try
            {
                var plan = KeystoreOperations.PlanImport(path, storePassword, ResolvePath(CertificatePath), Alias, SecretText.ToPlain(KeyPassword));
                if (plan.Changed)
                {
                    if (!ShouldProcess(path, $"Import '{CertificatePath}' under the alias '{plan.Alias}': {plan.What}"))
                    {
                        return;
                    }
                    KeystoreOperations.WriteFile(path, plan.Bytes, KeystoreOperations.ModeOf(path));
                }
                else
                {
                    WriteVerbose($"Nothing to import into '{path}': {plan.What} ('{plan.Alias}').");
                }
                WriteObject(KeystoreOperations.Describe(path, storePassword, plan.Alias, ComputerName));
            }
            catch (CarbonOpsException ex)
            {
                WriteCarbonError(ex, Path);
            }
        }
    }
}
