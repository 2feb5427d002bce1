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
            return Write(path, alias, made, password, type);
        }

        /// <summary>
        /// A 2048-bit key and its self-signed certificate for <paramref name="subject"/>, made once per test run.
        /// The reliability suites make thousands of homes, each with keystores under its own password: a new RSA key
        /// for each (about 0.3 s of CPU) was most of their cost, and none of them tests the key itself.
        /// </summary>
        internal static KeystoreGenerator.Result SharedKey(string subject) =>
            Shared.GetOrAdd(subject, s => new System.Lazy<KeystoreGenerator.Result>(() => KeystoreGenerator.SelfSigned(new KeystoreGenerator.Request { Subject = s }))).Value;

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Lazy<KeystoreGenerator.Result>> Shared =
            new System.Collections.Concurrent.ConcurrentDictionary<string, System.Lazy<KeystoreGenerator.Result>>(System.StringComparer.Ordinal);

        /// <summary>A keystore at <paramref name="path"/> holding <paramref name="made"/> under <paramref name="alias"/>, saved under <paramref name="password"/>.</summary>
        internal static Org.BouncyCastle.X509.X509Certificate Write(string path, string alias, KeystoreGenerator.Result made, string password, KeystoreType type = KeystoreType.JKS)
        {
            var store = KeystoreFile.CreateEmpty(type, path);
            store.SetKeyEntry(alias, made.KeyPair.Private, password.ToCharArray(), new[] { made.Certificate });
            File.WriteAllBytes(path, store.Save(password.ToCharArray()));
            return made.Certificate;
        }
    }
}
