using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Keystores;
using Org.BouncyCastle.X509;

namespace CarbonOps.SecureVault
{
    /// <summary>
    /// The key Secure Vault encrypts with: the primary keystore of carbon.xml (Security/KeyStore), or for
    /// checking an existing vault the identity keystore of secret-conf.properties. Its password comes from
    /// the literal in carbon.xml, the caller, or the start-up password file, in that order.
    /// </summary>
    internal sealed class VaultKey
    {
        public string StorePath;
        public string StoreType;
        public string Alias;
        public KeystoreFile Store;
        public X509Certificate Certificate;
        /// <summary>Null when no password was available (a JKS store is then read for its certificate only).</summary>
        public RSAParameters? PrivateKey;
        /// <summary>Encrypts with the certificate; decrypts only when PrivateKey is set.</summary>
        public SecretCipher Cipher;
        public string PasswordSource;
        public bool KeyPasswordDiffers;

        public static VaultKey Open(string home, Func<string, XmlConfig> openXml, Func<string, PropertiesConfig> openProperties,
            string givenPassword, bool requirePrivateKey, bool identityFromSecretConf)
        {
            var primary = KeystoreLocations.Read(home, openXml).FirstOrDefault(k => k.Source == "carbon.xml Security/KeyStore");
            if (primary == null || primary.FullPath == null)
            {
                throw new CarbonOpsException(ErrorIds.ConfigElementNotFound, $"{Path.Combine(home, CarbonPaths.CarbonXml)} has no Security/KeyStore/Location: there is no primary keystore.", Path.Combine(home, CarbonPaths.CarbonXml));
            }
            var key = new VaultKey { StorePath = primary.FullPath, StoreType = primary.Type, Alias = primary.KeyAlias };
            var conf = identityFromSecretConf ? openProperties(SecureVaultNames.SecretConfProperties) : null;
            var confLocation = conf?.Get("keystore.identity.location");
            if (!string.IsNullOrWhiteSpace(conf?.Get("secretRepositories")) && !string.IsNullOrWhiteSpace(confLocation))
            {
                key.StorePath = KeystoreLocations.Resolve(home, confLocation);
                key.StoreType = conf.Get("keystore.identity.type") ?? key.StoreType;
                key.Alias = conf.Get("keystore.identity.alias") ?? key.Alias;
            }
            if (string.IsNullOrEmpty(key.Alias))
            {
                throw new CarbonOpsException(ErrorIds.ConfigElementNotFound, $"No key alias is configured for the keystore '{key.StorePath}' (carbon.xml Security/KeyStore/KeyAlias).", key.StorePath);
            }
            var type = KeystoreFile.ParseType(key.StoreType);
            var samePrimary = string.Equals(key.StorePath, primary.FullPath, StringComparison.Ordinal);

            var candidates = new List<(string Source, string Password)>();
            if (samePrimary && primary.Password.Literal != null)
            {
                candidates.Add(("carbon.xml Security/KeyStore/Password", primary.Password.Literal));
            }
            if (givenPassword != null)
            {
                candidates.Add(("-KeystorePassword", givenPassword));
            }
            var startup = PasswordFiles.ReadStartupPassword(home);
            if (startup != null)
            {
                candidates.Add(("the start-up password file", startup));
            }
            CarbonOpsException lastFailure = null;
            foreach (var (source, password) in candidates)
            {
                try
                {
                    key.Store = KeystoreFile.Open(key.StorePath, password.ToCharArray(), type);
                    key.PasswordSource = source;
                    var keyPassword = samePrimary && primary.KeyPassword?.Literal != null ? primary.KeyPassword.Literal : password;
                    key.KeyPasswordDiffers = keyPassword != password;
                    key.PrivateKey = key.Store.GetRsaPrivateKey(key.Alias, keyPassword.ToCharArray());
                    key.Certificate = key.Store.GetCertificate(key.Store.FindAlias(key.Alias));
                    key.Cipher = new SecretCipher(key.Certificate, key.PrivateKey);
                    if (!key.Cipher.KeysMatch())
                    {
                        throw new CarbonOpsException(ErrorIds.CertificateInvalid, $"The certificate under '{key.Alias}' in '{key.StorePath}' does not belong to its private key.", key.StorePath);
                    }
                    return key;
                }
                catch (CarbonOpsException ex) when (ex.ErrorId == ErrorIds.KeystorePasswordIncorrect)
                {
                    lastFailure = ex;
                }
            }
            if (lastFailure != null)
            {
                throw new CarbonOpsException(ErrorIds.KeystorePasswordIncorrect,
                    $"The keystore '{key.StorePath}' does not open with the password from {string.Join(" or ", candidates.Select(c => c.Source))}.", key.StorePath, 0, lastFailure);
            }
            if (requirePrivateKey)
            {
                throw new CarbonOpsException(ErrorIds.KeystorePasswordRequired,
                    $"The password of the keystore '{key.StorePath}' is protected by Secure Vault and no start-up password file is present; give -KeystorePassword.", key.StorePath);
            }
            key.Store = KeystoreFile.Open(key.StorePath, null, type);
            var stored = key.Store.FindAlias(key.Alias);
            if (stored == null)
            {
                throw new CarbonOpsException(ErrorIds.KeystoreKeyNotFound, $"The keystore '{key.StorePath}' has no entry under the alias '{key.Alias}'.", key.StorePath);
            }
            key.Certificate = key.Store.GetCertificate(stored);
            key.Cipher = new SecretCipher(key.Certificate, null);
            return key;
        }
    }
}
