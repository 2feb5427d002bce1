using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CarbonOps.Keystores
{
    public enum KeystoreType { JKS, PKCS12 }

    /// <summary>
    /// A Java keystore (JKS or PKCS#12) read and written with BouncyCastle. The format is told by the
    /// file's first bytes, not its name. JKS aliases are matched without regard to case, as Java does.
    /// Messages never hold a password.
    /// </summary>
    internal sealed class KeystoreFile
    {
        private const uint JksMagic = 0xFEEDFEED;
        private const uint JceksMagic = 0xCECECECE;

        private readonly JksStore jks;
        private readonly Pkcs12Store p12;
        /// <summary>The file as read, for a JKS store whose integrity was checked (its key entries are read from it).</summary>
        private byte[] jksBytes;

        private KeystoreFile(string path, KeystoreType type, JksStore jks, Pkcs12Store p12, bool verified)
        {
            Path = path;
            Type = type;
            this.jks = jks;
            this.p12 = p12;
            IntegrityVerified = verified;
        }

        public string Path { get; }
        public KeystoreType Type { get; }

        /// <summary>False when a JKS store was read without its password (certificates only, integrity not checked).</summary>
        public bool IntegrityVerified { get; }

        public static KeystoreFile CreateEmpty(KeystoreType type, string path) =>
            type == KeystoreType.JKS
                ? new KeystoreFile(path, type, new JksStore(), null, true)
                : new KeystoreFile(path, type, null, NewPkcs12Builder().Build(), true);

        public static KeystoreType? ParseType(string configured)
        {
            var t = (configured ?? "").Trim().ToUpperInvariant();
            if (t == "JKS")
            {
                return KeystoreType.JKS;
            }
            return t == "PKCS12" || t == "PKCS#12" ? KeystoreType.PKCS12 : (KeystoreType?)null;
        }

        /// <summary>
        /// Opens a keystore. With a null password a JKS store is read without its integrity check (its
        /// certificates are not encrypted); a PKCS#12 store cannot be read at all.
        /// </summary>
        /// <param name="expectedType">The type the configuration names; a file of another format is KeystoreTypeMismatch.</param>
        public static KeystoreFile Open(string path, char[] storePassword, KeystoreType? expectedType = null)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new CarbonOpsException(ErrorIds.KeystoreNotFound, NotFoundMessage(path), path, 0, ex);
            }
            var type = Detect(path, bytes);
            if (expectedType.HasValue && expectedType.Value != type)
            {
                throw new CarbonOpsException(ErrorIds.KeystoreTypeMismatch,
                    $"'{path}' is a {Describe(type)} keystore, but the configuration names it {Describe(expectedType.Value)}; " +
                    "Java opens a keystore by the configured type, so Carbon could not read it.", path);
            }
            return type == KeystoreType.JKS ? OpenJks(path, bytes, storePassword) : OpenPkcs12(path, bytes, storePassword);
        }

        /// <summary>Why a keystore that is not there cannot be opened (KeystoreNotFound).</summary>
        public static string NotFoundMessage(string path) => $"The keystore '{path}' does not exist.";

        public static KeystoreType Detect(string path, byte[] bytes)
        {
            if (bytes.Length >= 4)
            {
                var magic = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
                if (magic == JksMagic)
                {
                    return KeystoreType.JKS;
                }
                if (magic == JceksMagic)
                {
                    throw new CarbonOpsException(ErrorIds.KeystoreCorrupt,
                        $"'{path}' is a JCEKS keystore; CarbonOps reads JKS and PKCS#12. Convert it with keytool -importkeystore.", path);
                }
                if (bytes[0] == 0x30)
                {
                    return KeystoreType.PKCS12;
                }
            }
            throw new CarbonOpsException(ErrorIds.KeystoreCorrupt, $"'{path}' is not a JKS or PKCS#12 keystore (it is empty or starts with unknown bytes).", path);
        }

        public static string Describe(KeystoreType type) => type == KeystoreType.JKS ? "JKS" : "PKCS#12";

        public IReadOnlyList<string> Aliases => (jks != null ? jks.Aliases : p12.Aliases).ToList();

        /// <summary>The stored spelling of an alias (JKS: any case), or null.</summary>
        public string FindAlias(string alias) =>
            Aliases.FirstOrDefault(a => string.Equals(a, alias, Type == KeystoreType.JKS ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

        public bool IsKeyEntry(string alias) => jks != null ? jks.IsKeyEntry(alias) : p12.IsKeyEntry(alias);

        public X509Certificate GetCertificate(string alias) => jks != null ? jks.GetCertificate(alias) : p12.GetCertificate(alias)?.Certificate;

        public X509Certificate[] GetChain(string alias)
        {
            if (jks != null)
            {
                return jks.GetCertificateChain(alias) ?? new[] { jks.GetCertificate(alias) };
            }
            return p12.GetCertificateChain(alias)?.Select(e => e.Certificate).ToArray() ?? new[] { GetCertificate(alias) };
        }

        /// <summary>The private key under <paramref name="alias"/>; KeystoreKeyNotFound or KeystorePasswordIncorrect otherwise.</summary>
        public AsymmetricKeyParameter GetPrivateKey(string alias, char[] keyPassword)
        {
            var stored = FindAlias(alias);
            if (stored == null || !IsKeyEntry(stored))
            {
                var what = stored == null ? "has no entry" : "holds only a certificate, not a private key,";
                throw new CarbonOpsException(ErrorIds.KeystoreKeyNotFound, $"The keystore '{Path}' {what} under the alias '{alias}'.", Path);
            }
            if (p12 != null)
            {
                return p12.GetKey(stored).Key;
            }
            if (!IntegrityVerified || keyPassword == null)
            {
                throw new CarbonOpsException(ErrorIds.KeystorePasswordRequired, $"The private key under '{alias}' in '{Path}' needs the keystore's password.", Path);
            }
            try
            {
                return jks.GetKey(stored, keyPassword);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                throw new CarbonOpsException(ErrorIds.KeystorePasswordIncorrect,
                    $"The private key under the alias '{alias}' in '{Path}' does not open with the key password given.", Path, 0, ex);
            }
        }

        /// <summary>
        /// The RSA private key under <paramref name="alias"/> as .NET parameters. A JKS key entry is decrypted from
        /// the file's bytes, which spares BouncyCastle's primality test of the modulus (see <see cref="JksKeyEntry"/>).
        /// </summary>
        public RSAParameters GetRsaPrivateKey(string alias, char[] keyPassword)
        {
            var stored = FindAlias(alias);
            if (jksBytes != null && stored != null && IsKeyEntry(stored) && keyPassword != null)
            {
                byte[] pkcs8;
                try
                {
                    pkcs8 = JksKeyEntry.Decrypt(jksBytes, stored, keyPassword);
                }
                catch (CryptographicException ex)
                {
                    throw new CarbonOpsException(ErrorIds.KeystorePasswordIncorrect,
                        $"The private key under the alias '{alias}' in '{Path}' does not open with the key password given.", Path, 0, ex);
                }
                if (pkcs8 != null)
                {
                    var info = PrivateKeyInfo.GetInstance(pkcs8);
                    Array.Clear(pkcs8, 0, pkcs8.Length);
                    if (!PkcsObjectIdentifiers.RsaEncryption.Equals(info.PrivateKeyAlgorithm.Algorithm))
                    {
                        throw new CarbonOpsException(ErrorIds.CertificateInvalid, "Secure Vault encrypts with RSA; the keystore's key is not an RSA key.", Path);
                    }
                    return DotNetUtilities.ToRSAParameters(RsaPrivateKeyStructure.GetInstance(info.ParsePrivateKey()));
                }
            }
            if (!(GetPrivateKey(alias, keyPassword) is RsaPrivateCrtKeyParameters key))
            {
                throw new CarbonOpsException(ErrorIds.CertificateInvalid, "Secure Vault encrypts with RSA; the keystore's key is not an RSA key.", Path);
            }
            return DotNetUtilities.ToRSAParameters(key);
        }

        public void SetKeyEntry(string alias, AsymmetricKeyParameter key, char[] keyPassword, X509Certificate[] chain)
        {
            // BouncyCastle refuses an alias in use; replacing an entry is delete + add, as keytool does.
            if (FindAlias(alias) is string existing)
            {
                Delete(existing);
            }
            if (jks != null)
            {
                jks.SetKeyEntry(alias.ToLowerInvariant(), key, keyPassword, chain);
                return;
            }
            p12.SetKeyEntry(alias, new AsymmetricKeyEntry(key), chain.Select(c => new X509CertificateEntry(c)).ToArray());
        }

        public void SetTrustedCertificate(string alias, X509Certificate certificate)
        {
            if (FindAlias(alias) is string existing)
            {
                Delete(existing);
            }
            if (jks != null)
            {
                jks.SetCertificateEntry(alias.ToLowerInvariant(), certificate);
                return;
            }
            p12.SetCertificateEntry(alias, new X509CertificateEntry(certificate));
        }

        public void Delete(string alias)
        {
            if (jks != null)
            {
                jks.DeleteEntry(alias);
            }
            else
            {
                p12.DeleteEntry(alias);
            }
        }

        public byte[] Save(char[] storePassword)
        {
            using (var stream = new MemoryStream())
            {
                if (jks != null)
                {
                    jks.Save(stream, storePassword);
                }
                else
                {
                    p12.Save(stream, storePassword, new SecureRandom());
                }
                return stream.ToArray();
            }
        }

        private static KeystoreFile OpenJks(string path, byte[] bytes, char[] password)
        {
            var store = new JksStore();
            try
            {
                store.LoadUnchecked(new MemoryStream(bytes, false));
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                throw Corrupt(path, "JKS", ex);
            }
            if (password == null)
            {
                return new KeystoreFile(path, KeystoreType.JKS, store, null, false);
            }
            var verified = new JksStore();
            try
            {
                verified.Load(new MemoryStream(bytes, false), password);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                throw WrongPassword(path, ex);
            }
            return new KeystoreFile(path, KeystoreType.JKS, verified, null, true) { jksBytes = bytes };
        }

        private static KeystoreFile OpenPkcs12(string path, byte[] bytes, char[] password)
        {
            try
            {
                Pfx.GetInstance(Asn1Object.FromByteArray(bytes));
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                throw Corrupt(path, "PKCS#12", ex);
            }
            if (password == null)
            {
                throw new CarbonOpsException(ErrorIds.KeystorePasswordRequired, $"The PKCS#12 keystore '{path}' cannot be read without its password.", path);
            }
            var store = NewPkcs12Builder().Build();
            try
            {
                store.Load(new MemoryStream(bytes, false), password);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                throw WrongPassword(path, ex);
            }
            return new KeystoreFile(path, KeystoreType.PKCS12, null, store, true);
        }

        // Triple-DES for keys and certificates: JDK 6 and 7 (which run Carbon 4.2.0) read it, and so does JDK 17.
        private static Pkcs12StoreBuilder NewPkcs12Builder() =>
            new Pkcs12StoreBuilder()
                .SetKeyAlgorithm(PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc)
                .SetCertAlgorithm(PkcsObjectIdentifiers.PbeWithShaAnd3KeyTripleDesCbc)
                .SetUseDerEncoding(true)
                .SetEnableOracleTrustedKeyUsage(true);

        private static CarbonOpsException Corrupt(string path, string format, Exception ex) =>
            new CarbonOpsException(ErrorIds.KeystoreCorrupt, $"'{path}' cannot be read as a {format} keystore: it is truncated or damaged.", path, 0, ex);

        private static CarbonOpsException WrongPassword(string path, Exception ex) =>
            new CarbonOpsException(ErrorIds.KeystorePasswordIncorrect,
                $"The keystore '{path}' does not open with the password given (or it was altered after it was saved).", path, 0, ex);
    }
}
