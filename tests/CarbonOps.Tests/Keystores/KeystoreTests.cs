using System;
using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Keystores;
using CarbonOps.Tests.Support;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Xunit;
using static CarbonOps.Tests.SecureVault.VaultFlowTests;

namespace CarbonOps.Tests.Keystores
{
    public class KeystoreTests
    {
        private static string Keystore(TempFolder temp, string name = "own.jks") => Path.Combine(temp.Path, name);

        private static PowerShellRunner.Output NewKeystore(PowerShellRunner ps, string path, string type = "JKS", string extra = "") =>
            ps.Run($"param($p, $pw) New-CarbonKeystore -Path $p -Alias carbon -Subject 'CN=esb.example.com, O=Example Ltd, L=Colombo, C=LK' -DnsName esb.example.com, esb-2.example.com -StorePassword $pw -Type {type} {extra}",
                new Hashtable { ["p"] = path, ["pw"] = Secure(StorePassword) });

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void WSO2sShippedKeystoreIsTheKnownDefault(string relative)
        {
            var path = Path.Combine(TestPaths.CorpusPath(relative), "repository/resources/security/wso2carbon.jks");
            var store = KeystoreFile.Open(path, "wso2carbon".ToCharArray(), KeystoreType.JKS);
            var cert = store.GetCertificate("wso2carbon");
            Assert.True(store.IsKeyEntry("wso2carbon"));
            Assert.Equal("CN=localhost, O=WSO2, L=Mountain View, ST=CA, C=US", CertificateFacts.DisplayName(cert.SubjectDN));
            Assert.Equal("02:FB:AA:5F:20:64:49:4A:27:29:55:71:83:F7:46:CD", CertificateFacts.Fingerprint(cert, "MD5"));
            Assert.Equal("6B:F8:E1:36:EB:36:D4:A5:6E:A0:5C:7A:E4:B9:A4:5B:63:BF:97:5D", CertificateFacts.Fingerprint(cert, "SHA-1"));
            Assert.Equal(1024, CertificateFacts.KeySize(cert));
            Assert.Equal("SHA1withRSA", CertificateFacts.SignatureAlgorithm(cert));
            Assert.NotNull(store.GetPrivateKey("wso2carbon", "wso2carbon".ToCharArray()));
            var trust = KeystoreFile.Open(Path.Combine(Path.GetDirectoryName(path), "client-truststore.jks"), null);
            Assert.False(trust.IntegrityVerified);
            Assert.Contains(trust.Aliases, a => CertificateFacts.IsWso2Default(trust.GetCertificate(a)));
        }

        [Fact]
        public void NewCarbonKeystoreWritesAnOwnerOnlyJksWithSanAndSha256()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var output = NewKeystore(ps, Keystore(temp));
            Assert.Empty(output.Errors);
            var entry = Assert.Single(output.Of<KeystoreEntry>());
            Assert.Equal("carbon", entry.Alias);
            Assert.Equal("PrivateKey", entry.EntryType);
            Assert.Equal("CN=esb.example.com, O=Example Ltd, L=Colombo, C=LK", entry.Subject);
            Assert.Equal(entry.Subject, entry.Issuer);
            Assert.Equal(2048, entry.KeySize);
            Assert.Equal("SHA256withRSA", entry.SignatureAlgorithm);
            Assert.Equal(new[] { "esb.example.com", "esb-2.example.com" }, entry.DnsNames);
            Assert.False(entry.IsWso2Default);
            Assert.InRange((entry.NotAfter - entry.NotBefore).TotalDays, 729.9, 730.1);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Keystore(temp)));
            }
            var store = KeystoreFile.Open(Keystore(temp), StorePassword.ToCharArray(), KeystoreType.JKS);
            Assert.NotNull(store.GetPrivateKey("carbon", StorePassword.ToCharArray()));
        }

        [Fact]
        public void AnExistingFileIsNotOverwritten()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            File.WriteAllText(Keystore(temp), "keep me");
            var output = NewKeystore(ps, Keystore(temp));
            Assert.Equal("KeystoreFileExists,CarbonOps.Commands.NewCarbonKeystoreCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal("keep me", File.ReadAllText(Keystore(temp)));
        }

        [JdkFact]
        public void KeytoolReadsWhatNewCarbonKeystoreWrites()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            foreach (var (type, name) in new[] { ("JKS", "own.jks"), ("PKCS12", "own.p12") })
            {
                Assert.Empty(NewKeystore(ps, Keystore(temp, name), type).Errors);
                var list = JavaTools.Run("keytool", "-list", "-v", "-keystore", Keystore(temp, name), "-storetype", type, "-storepass", StorePassword);
                Assert.True(list.ExitCode == 0, type + ": " + list.Output + list.Error);
                Assert.Contains("Alias name: carbon", list.Output);
                Assert.Contains("Entry type: PrivateKeyEntry", list.Output);
                Assert.Contains("Owner: CN=esb.example.com, O=Example Ltd, L=Colombo, C=LK", list.Output);
                Assert.Contains("Signature algorithm name: SHA256withRSA", list.Output);
                Assert.Contains("2048-bit RSA key", list.Output);
                Assert.Contains("DNSName: esb.example.com", list.Output);
                Assert.Contains("DNSName: esb-2.example.com", list.Output);
            }
        }

        [JdkFact]
        public void KeytoolReadsTheCertificateRequest()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var csr = Path.Combine(temp.Path, "own.csr");
            Assert.Empty(NewKeystore(ps, Keystore(temp), extra: $"-CertificateRequestPath '{csr}'").Errors);
            var print = JavaTools.Run("keytool", "-printcertreq", "-v", "-file", csr);
            Assert.True(print.ExitCode == 0, print.Error);
            Assert.Contains("Subject: CN=esb.example.com, O=Example Ltd, L=Colombo, C=LK", print.Output);
            Assert.Contains("DNSName: esb.example.com", print.Output);
        }

        [Fact]
        public void ACaSignedChainReplacesTheSelfSignedCertificateAndATrustedCertificateIsAdded()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var csrPath = Path.Combine(temp.Path, "own.csr");
            Assert.Empty(NewKeystore(ps, Keystore(temp), extra: $"-CertificateRequestPath '{csrPath}'").Errors);
            var (caCert, signed) = SignRequest(csrPath);
            var chainPath = Path.Combine(temp.Path, "chain.pem");
            File.WriteAllText(chainPath, Pem(signed) + Pem(caCert));

            var import = ps.Run("param($p, $c, $pw) Import-CarbonCertificate -Path $p -CertificatePath $c -StorePassword $pw -Confirm:$false",
                new Hashtable { ["p"] = Keystore(temp), ["c"] = chainPath, ["pw"] = Secure(StorePassword) });
            Assert.Empty(import.Errors);
            var entry = Assert.Single(import.Of<KeystoreEntry>());
            Assert.Equal("carbon", entry.Alias);
            Assert.Equal(2, entry.ChainLength);
            Assert.Equal("CN=Test Issuing CA, O=Example Ltd, C=LK", entry.Issuer);

            var bytes = File.ReadAllBytes(Keystore(temp));
            var again = ps.Run("param($p, $c, $pw) Import-CarbonCertificate -Path $p -CertificatePath $c -StorePassword $pw -Confirm:$false",
                new Hashtable { ["p"] = Keystore(temp), ["c"] = chainPath, ["pw"] = Secure(StorePassword) });
            Assert.Empty(again.Errors);
            Assert.Equal(bytes, File.ReadAllBytes(Keystore(temp)));

            var caPath = Path.Combine(temp.Path, "ca.pem");
            File.WriteAllText(caPath, Pem(caCert));
            var trust = ps.Run("param($p, $c, $pw) Import-CarbonCertificate -Path $p -CertificatePath $c -StorePassword $pw -Alias issuing-ca -Confirm:$false",
                new Hashtable { ["p"] = Keystore(temp), ["c"] = caPath, ["pw"] = Secure(StorePassword) });
            Assert.Empty(trust.Errors);
            Assert.Equal("TrustedCertificate", Assert.Single(trust.Of<KeystoreEntry>()).EntryType);
        }

        [Fact]
        public void ACertificateOfAnotherKeyIsRefused()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            Assert.Empty(NewKeystore(ps, Keystore(temp)).Errors);
            var other = TestKeystores.Write(Path.Combine(temp.Path, "other.jks"), "x", "CN=other", "otherpass");
            var pem = Path.Combine(temp.Path, "other.pem");
            File.WriteAllText(pem, Pem(other));
            var before = File.ReadAllBytes(Keystore(temp));
            var output = ps.Run("param($p, $c, $pw) Import-CarbonCertificate -Path $p -CertificatePath $c -StorePassword $pw -Alias carbon -Confirm:$false",
                new Hashtable { ["p"] = Keystore(temp), ["c"] = pem, ["pw"] = Secure(StorePassword) });
            Assert.Equal("CertificateInvalid,CarbonOps.Commands.ImportCarbonCertificateCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal(before, File.ReadAllBytes(Keystore(temp)));
        }

        [Fact]
        public void BadKeystoresAreClearErrors()
        {
            using var temp = new TempFolder();
            var good = Keystore(temp);
            TestKeystores.Write(good, "carbon", "CN=a", StorePassword);
            var wrong = Assert.Throws<CarbonOpsException>(() => KeystoreFile.Open(good, "not-the-password".ToCharArray()));
            Assert.Equal(ErrorIds.KeystorePasswordIncorrect, wrong.ErrorId);
            Assert.DoesNotContain("not-the-password", wrong.Message);

            var truncated = Keystore(temp, "truncated.jks");
            File.WriteAllBytes(truncated, File.ReadAllBytes(good).Take(300).ToArray());
            Assert.Equal(ErrorIds.KeystoreCorrupt, Assert.Throws<CarbonOpsException>(() => KeystoreFile.Open(truncated, StorePassword.ToCharArray())).ErrorId);

            var p12 = Keystore(temp, "really-pkcs12.jks");
            TestKeystores.Write(p12, "carbon", "CN=a", StorePassword, type: KeystoreType.PKCS12);
            var mismatch = Assert.Throws<CarbonOpsException>(() => KeystoreFile.Open(p12, StorePassword.ToCharArray(), KeystoreType.JKS));
            Assert.Equal(ErrorIds.KeystoreTypeMismatch, mismatch.ErrorId);

            var store = KeystoreFile.Open(good, StorePassword.ToCharArray());
            store.SetTrustedCertificate("trusted", store.GetCertificate("carbon"));
            Assert.Equal(ErrorIds.KeystoreKeyNotFound, Assert.Throws<CarbonOpsException>(() => store.GetPrivateKey("trusted", StorePassword.ToCharArray())).ErrorId);
        }

        private static string Pem(X509Certificate cert)
        {
            using var writer = new StringWriter();
            var pem = new PemWriter(writer);
            pem.WriteObject(cert);
            pem.Writer.Flush();
            return writer.ToString();
        }

        /// <summary>A test CA that signs the request's public key, as a real CA would.</summary>
        private static (X509Certificate Ca, X509Certificate Signed) SignRequest(string csrPath)
        {
            Pkcs10CertificationRequest request;
            using (var reader = new StreamReader(csrPath))
            {
                request = (Pkcs10CertificationRequest)new PemReader(reader).ReadObject();
            }
            Assert.True(request.Verify());
            var random = new SecureRandom();
            var generator = new RsaKeyPairGenerator();
            generator.Init(new Org.BouncyCastle.Crypto.KeyGenerationParameters(random, 2048));
            var caKeys = generator.GenerateKeyPair();
            var caName = new X509Name(true, "CN=Test Issuing CA, O=Example Ltd, C=LK");
            var ca = new X509V3CertificateGenerator();
            ca.SetSerialNumber(BigInteger.ValueOf(1));
            ca.SetIssuerDN(caName);
            ca.SetSubjectDN(caName);
            ca.SetNotBefore(DateTime.UtcNow.AddDays(-1));
            ca.SetNotAfter(DateTime.UtcNow.AddDays(3650));
            ca.SetPublicKey(caKeys.Public);
            ca.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
            var caCert = ca.Generate(new Asn1SignatureFactory("SHA256WITHRSA", caKeys.Private, random));
            var leaf = new X509V3CertificateGenerator();
            leaf.SetSerialNumber(BigInteger.ValueOf(2));
            leaf.SetIssuerDN(caName);
            leaf.SetSubjectDN(request.GetCertificationRequestInfo().Subject);
            leaf.SetNotBefore(DateTime.UtcNow.AddDays(-1));
            leaf.SetNotAfter(DateTime.UtcNow.AddDays(365));
            leaf.SetPublicKey(request.GetPublicKey());
            return (caCert, leaf.Generate(new Asn1SignatureFactory("SHA256WITHRSA", caKeys.Private, random)));
        }
    }
}
