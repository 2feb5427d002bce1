using System;
using System.Collections.Generic;
using System.Linq;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CarbonOps.Keystores
{
    /// <summary>What the checks and cmdlets tell about one certificate, in the words keytool uses.</summary>
    internal static class CertificateFacts
    {
        /// <summary>WSO2's public demo certificate (CN=localhost, O=WSO2...), shipped in every 4.2.0 wso2carbon.jks.</summary>
        public const string Wso2DefaultSha1 = "6B:F8:E1:36:EB:36:D4:A5:6E:A0:5C:7A:E4:B9:A4:5B:63:BF:97:5D";
        public const string Wso2DefaultMd5 = "02:FB:AA:5F:20:64:49:4A:27:29:55:71:83:F7:46:CD";
        public const string Wso2DefaultPassword = "wso2carbon";

        public static string Fingerprint(X509Certificate cert, string algorithm) =>
            string.Join(":", DigestUtilities.CalculateDigest(algorithm, cert.GetEncoded()).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

        public static bool IsWso2Default(X509Certificate cert) =>
            Fingerprint(cert, "SHA-1") == Wso2DefaultSha1 || Fingerprint(cert, "MD5") == Wso2DefaultMd5;

        /// <summary>The distinguished name as keytool prints it: most specific first ("CN=..., O=..., C=US").</summary>
        public static string DisplayName(X509Name name)
        {
            var oids = name.GetOidList();
            var values = name.GetValueList();
            var parts = new List<string>();
            for (var i = oids.Count - 1; i >= 0; i--)
            {
                var symbol = X509Name.DefaultSymbols.TryGetValue(oids[i], out var s) ? s : oids[i].Id;
                parts.Add(symbol + "=" + values[i]);
            }
            return string.Join(", ", parts);
        }

        /// <summary>
        /// The certificate's RSA key read from its encoding, or null for another algorithm. BouncyCastle's GetPublicKey
        /// tests the modulus for primality each time (about 15 ms for 2048 bits), which a reader of the key's size or a
        /// cipher does not need.
        /// </summary>
        public static RsaPublicKeyStructure RsaKey(X509Certificate cert)
        {
            var info = cert.CertificateStructure.SubjectPublicKeyInfo;
            var oid = info.Algorithm.Algorithm;
            return oid.Equals(PkcsObjectIdentifiers.RsaEncryption) || oid.Equals(X509ObjectIdentifiers.IdEARsa)
                ? RsaPublicKeyStructure.GetInstance(info.ParsePublicKey())
                : null;
        }

        /// <summary>Key size in bits (RSA modulus, DSA p, EC field), or 0 when unknown.</summary>
        public static int KeySize(X509Certificate cert)
        {
            if (RsaKey(cert) is RsaPublicKeyStructure key)
            {
                return key.Modulus.BitLength;
            }
            switch (cert.GetPublicKey())
            {
                case RsaKeyParameters rsa: return rsa.Modulus.BitLength;
                case DsaPublicKeyParameters dsa: return dsa.Parameters.P.BitLength;
                case ECPublicKeyParameters ec: return ec.Parameters.Curve.FieldSize;
                default: return 0;
            }
        }

        public static string KeyAlgorithm(X509Certificate cert)
        {
            if (RsaKey(cert) != null)
            {
                return "RSA";
            }
            switch (cert.GetPublicKey())
            {
                case RsaKeyParameters _: return "RSA";
                case DsaPublicKeyParameters _: return "DSA";
                case ECPublicKeyParameters _: return "EC";
                default: return "unknown";
            }
        }

        /// <summary>keytool's spelling: SHA256withRSA, SHA1withRSA, MD5withRSA.</summary>
        public static string SignatureAlgorithm(X509Certificate cert) => cert.SigAlgName.Replace("-", "");

        public static bool HasWeakSignature(X509Certificate cert)
        {
            var alg = SignatureAlgorithm(cert).ToUpperInvariant();
            return alg.StartsWith("MD2", StringComparison.Ordinal) || alg.StartsWith("MD5", StringComparison.Ordinal) || alg.StartsWith("SHA1", StringComparison.Ordinal);
        }

        public static string[] DnsNames(X509Certificate cert)
        {
            var names = cert.GetSubjectAlternativeNames();
            if (names == null)
            {
                return new string[0];
            }
            return names.Where(n => n.Count >= 2 && Convert.ToInt32(n[0], System.Globalization.CultureInfo.InvariantCulture) == GeneralName.DnsName)
                .Select(n => n[1].ToString()).ToArray();
        }

        public static bool IsSelfSigned(X509Certificate cert) => cert.SubjectDN.Equivalent(cert.IssuerDN);

        public static KeystoreEntry ToEntry(KeystoreFile store, string alias, string computerName)
        {
            var cert = store.GetCertificate(alias);
            var key = store.IsKeyEntry(alias);
            return new KeystoreEntry(store.Path, KeystoreFile.Describe(store.Type), alias, key ? "PrivateKey" : "TrustedCertificate",
                DisplayName(cert.SubjectDN), DisplayName(cert.IssuerDN), cert.SerialNumber.ToString(16).ToUpperInvariant(),
                cert.NotBefore, cert.NotAfter, KeyAlgorithm(cert), KeySize(cert), SignatureAlgorithm(cert), DnsNames(cert),
                Fingerprint(cert, "SHA-1"), Fingerprint(cert, "SHA-256"), key ? store.GetChain(alias).Length : 1, IsWso2Default(cert), computerName);
        }
    }
}
