using System;
using System.Security.Cryptography;
using System.Text;
using CarbonOps.Keystores;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CarbonOps.SecureVault
{
    /// <summary>
    /// What Java's Cipher.getInstance("RSA") does for Secure Vault: RSA with PKCS#1 v1.5 padding, the
    /// result in base64, done with .NET's own RSA on a key read by BouncyCastle. The padding is random,
    /// so one value never encrypts to the same text twice.
    /// </summary>
    internal sealed class SecretCipher : IDisposable
    {
        private readonly RSA publicKey;
        private readonly RSA privateKey;

        /// <param name="privateKey">Null where only encryption is needed.</param>
        public SecretCipher(AsymmetricKeyParameter publicKey, AsymmetricKeyParameter privateKey)
        {
            this.publicKey = ToRsa(publicKey as RsaKeyParameters);
            this.privateKey = privateKey == null ? null : ToRsa(privateKey as RsaPrivateCrtKeyParameters);
        }

        /// <summary>
        /// Encrypts with the certificate's key, read from its encoding (see <see cref="CertificateFacts.RsaKey"/>);
        /// decrypts with <paramref name="privateKey"/> when given.
        /// </summary>
        public SecretCipher(X509Certificate certificate, RSAParameters? privateKey)
        {
            var key = CertificateFacts.RsaKey(certificate);
            if (key == null)
            {
                this.publicKey = ToRsa(certificate.GetPublicKey() as RsaKeyParameters);
            }
            else
            {
                this.publicKey = RSA.Create();
                this.publicKey.ImportParameters(new RSAParameters { Modulus = key.Modulus.ToByteArrayUnsigned(), Exponent = key.PublicExponent.ToByteArrayUnsigned() });
            }
            if (privateKey != null)
            {
                this.privateKey = RSA.Create();
                this.privateKey.ImportParameters(privateKey.Value);
            }
        }

        public string Encrypt(string plaintext)
        {
            var bytes = Encoding.UTF8.GetBytes(plaintext);
            var limit = publicKey.KeySize / 8 - 11;
            if (bytes.Length > limit)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"A secret is longer ({bytes.Length} bytes) than the keystore's RSA key can encrypt in one block ({limit} bytes).");
            }
            return Convert.ToBase64String(publicKey.Encrypt(bytes, RSAEncryptionPadding.Pkcs1));
        }

        /// <summary>The plaintext, or null when the value is not base64 or does not decrypt with the key.</summary>
        public string TryDecrypt(string base64)
        {
            byte[] data;
            try
            {
                // The cipher tool's base64 encoder wraps lines; tolerate any whitespace.
                data = Convert.FromBase64String(StripWhitespace(base64 ?? ""));
            }
            catch (FormatException)
            {
                return null;
            }
            try
            {
                return new UTF8Encoding(false, true).GetString(privateKey.Decrypt(data, RSAEncryptionPadding.Pkcs1));
            }
            catch (Exception ex) when (ex is CryptographicException || ex is ArgumentException || ex is DecoderFallbackException)
            {
                return null;
            }
        }

        /// <summary>True when the key pair encrypts and decrypts: the certificate belongs to the private key.</summary>
        public bool KeysMatch()
        {
            const string probe = "carbonops-key-probe";
            return TryDecrypt(Encrypt(probe)) == probe;
        }

        public static bool KeysMatch(AsymmetricKeyParameter publicKey, AsymmetricKeyParameter privateKey)
        {
            using (var cipher = new SecretCipher(publicKey, privateKey))
            {
                return cipher.KeysMatch();
            }
        }

        public void Dispose()
        {
            publicKey.Dispose();
            privateKey?.Dispose();
        }

        private static RSA ToRsa(RsaKeyParameters key)
        {
            if (key == null)
            {
                throw new CarbonOpsException(ErrorIds.CertificateInvalid, "Secure Vault encrypts with RSA; the keystore's key is not an RSA key.");
            }
            var rsa = RSA.Create();
            rsa.ImportParameters(key is RsaPrivateCrtKeyParameters crt ? DotNetUtilities.ToRSAParameters(crt) : DotNetUtilities.ToRSAParameters(key));
            return rsa;
        }

        private static string StripWhitespace(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s)
            {
                if (!char.IsWhiteSpace(c))
                {
                    sb.Append(c);
                }
            }
            return sb.ToString();
        }
    }
}
