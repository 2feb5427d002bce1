using System;
using System.IO;
using System.Linq;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace CarbonOps.Keystores
{
    /// <summary>An RSA key with a self-signed certificate, and a PKCS#10 request for a CA to sign.</summary>
    internal static class KeystoreGenerator
    {
        public sealed class Request
        {
            public string Subject;
            public int KeySize = 2048;
            public int ValidityDays = 730;
            public string[] DnsNames = new string[0];
            /// <summary>SHA256WITHRSA; tests make weak keys with SHA1WITHRSA to exercise the checks.</summary>
            public string SignatureAlgorithm = "SHA256WITHRSA";
            /// <summary>Start of validity; a few minutes ago by default (clock skew). Tests set it in the past.</summary>
            public DateTime? NotBefore;
        }

        public sealed class Result
        {
            public AsymmetricCipherKeyPair KeyPair;
            public X509Certificate Certificate;
        }

        /// <summary>Parses "CN=host, O=Org, C=US" (most specific first, as keytool prints it).</summary>
        public static X509Name ParseSubject(string subject)
        {
            try
            {
                // reverse: keep the written order when printed, most specific first, as Java does.
                var name = new X509Name(true, subject);
                if (name.GetOidList().Count == 0)
                {
                    throw new ArgumentException("empty");
                }
                return name;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is InvalidOperationException)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"'{subject}' is not a distinguished name such as 'CN=carbon.example.com, O=Example, C=US'.", null, 0, ex);
            }
        }

        public static Result SelfSigned(Request request)
        {
            var subject = ParseSubject(request.Subject);
            var random = new SecureRandom();
            var generator = new RsaKeyPairGenerator();
            generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), random, request.KeySize, 100));
            var pair = generator.GenerateKeyPair();
            var dnsNames = DnsNamesFor(subject, request.DnsNames);

            var cert = new X509V3CertificateGenerator();
            cert.SetSerialNumber(new BigInteger(64, random).Add(BigInteger.One));
            cert.SetIssuerDN(subject);
            cert.SetSubjectDN(subject);
            var notBefore = request.NotBefore ?? DateTime.UtcNow.AddMinutes(-5);
            cert.SetNotBefore(notBefore);
            cert.SetNotAfter(notBefore.AddDays(request.ValidityDays));
            cert.SetPublicKey(pair.Public);
            cert.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(pair.Public));
            cert.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
            // dataEncipherment too: Java's Cipher.init(ENCRYPT_MODE, certificate), as WSO2's cipher tool calls it, asks for it.
            cert.AddExtension(X509Extensions.KeyUsage, false, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment | KeyUsage.DataEncipherment));
            cert.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeID.id_kp_serverAuth, KeyPurposeID.id_kp_clientAuth));
            if (dnsNames.Length > 0)
            {
                cert.AddExtension(X509Extensions.SubjectAlternativeName, false, SubjectAltNames(dnsNames));
            }
            var certificate = cert.Generate(new Asn1SignatureFactory(request.SignatureAlgorithm, pair.Private, random));
            return new Result { KeyPair = pair, Certificate = certificate };
        }

        /// <summary>A PEM PKCS#10 request for the key, asking for the same subject and DNS names.</summary>
        public static byte[] CertificateRequestPem(Result key, string subjectText, string[] dnsNames)
        {
            var subject = ParseSubject(subjectText);
            var names = DnsNamesFor(subject, dnsNames);
            DerSet attributes = null;
            if (names.Length > 0)
            {
                var extensions = new X509Extensions(new System.Collections.Generic.Dictionary<DerObjectIdentifier, X509Extension>
                {
                    [X509Extensions.SubjectAlternativeName] = new X509Extension(false, new DerOctetString(SubjectAltNames(names))),
                });
                attributes = new DerSet(new AttributePkcs(PkcsObjectIdentifiers.Pkcs9AtExtensionRequest, new DerSet(extensions)));
            }
            var csr = new Pkcs10CertificationRequest(new Asn1SignatureFactory("SHA256WITHRSA", key.KeyPair.Private), subject, key.KeyPair.Public, attributes);
            using (var writer = new StringWriter())
            {
                var pem = new PemWriter(writer);
                pem.WriteObject(csr);
                pem.Writer.Flush();
                return new System.Text.UTF8Encoding(false).GetBytes(writer.ToString().Replace("\r\n", "\n"));
            }
        }

        /// <summary>The DNS names given, or the subject's CN when none was.</summary>
        private static string[] DnsNamesFor(X509Name subject, string[] given)
        {
            if (given != null && given.Length > 0)
            {
                return given.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            }
            var cn = subject.GetValueList(X509Name.CN).FirstOrDefault();
            return string.IsNullOrWhiteSpace(cn) ? new string[0] : new[] { cn };
        }

        private static GeneralNames SubjectAltNames(string[] dnsNames) =>
            new GeneralNames(dnsNames.Select(n => new GeneralName(GeneralName.DnsName, n)).ToArray());
    }
}
