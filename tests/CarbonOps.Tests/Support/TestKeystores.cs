using System.IO;
using CarbonOps.Keystores;

namespace CarbonOps.Tests.Support
{
    /// <summary>Keystores made for a test, in a copy of a home (the sample home ships none).</summary>
    public static class TestKeystores
    {
        public const string DefaultPassword = "wso2carbon";
        public const string SecurityFolder = "repository/resources/security";

        /// <summary>
        /// A WSO2-default-like pair in the home: wso2carbon.jks with a 1024-bit SHA1withRSA key for
        /// CN=localhost, O=WSO2 under 'wso2carbon' (password wso2carbon), and client-truststore.jks trusting it.
        /// Its fingerprint is not WSO2's (that key is WSO2's); the password and the weakness are the same.
        /// </summary>
        public static void AddWso2LikeStores(string home)
        {
            var folder = Path.Combine(home, SecurityFolder);
            Directory.CreateDirectory(folder);
            var cert = Write(Path.Combine(folder, "wso2carbon.jks"), "wso2carbon", "CN=localhost, O=WSO2, L=Mountain View, ST=CA, C=US", DefaultPassword, 1024, "SHA1WITHRSA");
            var trust = KeystoreFile.CreateEmpty(KeystoreType.JKS, Path.Combine(folder, "client-truststore.jks"));
            trust.SetTrustedCertificate("wso2carbon", cert);
            File.WriteAllBytes(trust.Path, trust.Save(DefaultPassword.ToCharArray()));
        }

        public static Org.BouncyCastle.X509.X509Certificate Write(string path, string alias, string subject, string password, int bits = 2048,
            string signature = "SHA256WITHRSA", KeystoreType type = KeystoreType.JKS, int validityDays = 730, System.DateTime? notBefore = null)
        {
            var made = KeystoreGenerator.SelfSigned(new KeystoreGenerator.Request { Subject = subject, KeySize = bits, SignatureAlgorithm = signature, ValidityDays = validityDays, NotBefore = notBefore });
            var store = KeystoreFile.CreateEmpty(type, path);
            store.SetKeyEntry(alias, made.KeyPair.Private, password.ToCharArray(), new[] { made.Certificate });
            File.WriteAllBytes(path, store.Save(password.ToCharArray()));
            return made.Certificate;
        }
    }
}
