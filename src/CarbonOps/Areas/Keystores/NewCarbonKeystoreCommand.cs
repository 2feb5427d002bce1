using System.Management.Automation;
using System.Security;
using CarbonOps.Keystores;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.New, "CarbonKeystore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KeystoreEntry))]
    public sealed class NewCarbonKeystoreCommand : CarbonCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Alias { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Subject { get; set; }

        [Parameter]
        [ValidateSet("2048", "3072", "4096")]
        public int KeySize { get; set; } = 2048;

        [Parameter]
        [ValidateRange(1, 3650)]
        public int ValidityDays { get; set; } = 730;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[] DnsName { get; set; }

        [Parameter(Mandatory = true)]
        public SecureString StorePassword { get; set; }

        [Parameter]
        public SecureString KeyPassword { get; set; }

        [Parameter]
        [ValidateSet("JKS", "PKCS12")]
        public string Type { get; set; } = "JKS";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CertificateRequestPath { get; set; }

        protected override void ProcessRecord()
        {
            var request = new KeystoreOperations.NewRequest
            {
                Path = ResolvePath(Path),
                Alias = Alias,
                Subject = Subject,
                KeySize = KeySize,
                ValidityDays = ValidityDays,
                DnsNames = DnsName,
                StorePassword = SecretText.ToPlain(StorePassword),
                KeyPassword = SecretText.ToPlain(KeyPassword),
                Type = Type == "PKCS12" ? KeystoreType.PKCS12 : KeystoreType.JKS,
                CertificateRequestPath = CertificateRequestPath == null ? null : ResolvePath(CertificateRequestPath),
            };
            try
            {
                KeystoreOperations.ValidateNew(request);
                if (!ShouldProcess(request.Path, $"Create a {Type} keystore with a new RSA {KeySize}-bit key for '{Subject}' under the alias '{Alias}'"))
                {
                    return;
                }
                WriteVerbose($"Generating an RSA {KeySize}-bit key and a SHA-256 self-signed certificate valid for {ValidityDays} days.");
                var (store, csr) = KeystoreOperations.BuildNew(request);
                KeystoreOperations.WriteFile(request.Path, store, KeystoreOperations.OwnerOnly);
                if (csr != null)
                {
                    KeystoreOperations.WriteFile(request.CertificateRequestPath, csr, 0x1a4);
                    WriteVerbose($"Wrote the PKCS#10 certificate request to '{request.CertificateRequestPath}'.");
                }
                WriteObject(KeystoreOperations.Describe(request.Path, request.StorePassword, Alias, ComputerName));
            }
            catch (CarbonOpsException ex)
            {
                WriteCarbonError(ex, Path);
            }
        }
    }
}
