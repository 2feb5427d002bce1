using System.IO;
using CarbonOps.Keystores;
using CarbonOps.Tests.Support;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Xunit;

namespace CarbonOps.Tests.Keystores
{
    /// <summary>The JKS key entry read from the file's bytes is the key BouncyCastle's JksStore gives.</summary>
    public class JksKeyEntryTests
    {
        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void TheKeyOfWSO2sKeytoolWrittenStoreIsBouncyCastlesKey(string relative)
        {
            var path = Path.Combine(TestPaths.CorpusPath(relative), "repository/resources/security/wso2carbon.jks");
            AssertSameKey(KeystoreFile.Open(path, "wso2carbon".ToCharArray(), KeystoreType.JKS), "wso2carbon", "wso2carbon");
        }

        [Fact]
        public void AKeyWithItsOwnPasswordAfterATrustedCertificateIsReadAndAWrongPasswordRefused()
        {
            using var temp = new TempFolder();
            var path = Path.Combine(temp.Path, "own.jks");
            var trusted = TestKeystores.Write(Path.Combine(temp.Path, "other.jks"), "other", "CN=other", "secret-1", 1024);
            var made = KeystoreGenerator.SelfSigned(new KeystoreGenerator.Request { Subject = "CN=esb.example.com", KeySize = 2048, SignatureAlgorithm = "SHA256WITHRSA", ValidityDays = 30 });
            var store = KeystoreFile.CreateEmpty(KeystoreType.JKS, path);
            store.SetTrustedCertificate("a-partner", trusted);
            store.SetKeyEntry("Carbon", made.KeyPair.Private, "key-pass".ToCharArray(), new[] { made.Certificate });
            File.WriteAllBytes(path, store.Save("store-pass".ToCharArray()));

            var opened = KeystoreFile.Open(path, "store-pass".ToCharArray(), KeystoreType.JKS);
            AssertSameKey(opened, "carbon", "key-pass");
            var wrong = Assert.Throws<CarbonOpsException>(() => opened.GetRsaPrivateKey("carbon", "store-pass".ToCharArray()));
            Assert.Equal(ErrorIds.KeystorePasswordIncorrect, wrong.ErrorId);
        }

        private static void AssertSameKey(KeystoreFile store, string alias, string keyPassword)
        {
            var expected = DotNetUtilities.ToRSAParameters((RsaPrivateCrtKeyParameters)store.GetPrivateKey(alias, keyPassword.ToCharArray()));
            var actual = store.GetRsaPrivateKey(alias, keyPassword.ToCharArray());
            Assert.Equal(expected.Modulus, actual.Modulus);
            Assert.Equal(expected.Exponent, actual.Exponent);
            Assert.Equal(expected.D, actual.D);
            Assert.Equal(expected.P, actual.P);
            Assert.Equal(expected.Q, actual.Q);
            Assert.Equal(expected.DP, actual.DP);
            Assert.Equal(expected.DQ, actual.DQ);
            Assert.Equal(expected.InverseQ, actual.InverseQ);
        }
    }
}
