using System;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace CarbonOps.SecureVault
{
    /// <summary>
    /// What Java's Cipher.getInstance("RSA") does for Secure Vault: RSA with PKCS#1 v1.5 padding,
    /// the result in base64. The padding is random, so one value never encrypts to the same text twice.
    /// </summary>
    internal static class SecretCipher
    {
        public static string Encrypt(AsymmetricKeyParameter publicKey, string plaintext)
        {
            var engine = new Pkcs1Encoding(new RsaEngine());
            engine.Init(true, new ParametersWithRandom(publicKey, new SecureRandom()));
            var bytes = Encoding.UTF8.GetBytes(plaintext);
            if (bytes.Length > engine.GetInputBlockSize())
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"A secret is longer ({bytes.Length} bytes) than the keystore's RSA key can encrypt in one block ({engine.GetInputBlockSize()} bytes).");
            }
            return Convert.ToBase64String(engine.ProcessBlock(bytes, 0, bytes.Length));
        }

        /// <summary>The plaintext, or null when the value is not base64 or does not decrypt with the key.</summary>
        public static string TryDecrypt(AsymmetricKeyParameter privateKey, string base64)
        {
            byte[] data;
            try
            {
                // The cipher tool's base64 encoder wraps lines; tolerate any whitespace.
                data = Convert.FromBase64String(StripWhitespace(base64));
            }
            catch (FormatException)
            {
                return null;
            }
            try
            {
                var engine = new Pkcs1Encoding(new RsaEngine());
                engine.Init(false, privateKey);
                var plain = engine.ProcessBlock(data, 0, data.Length);
                return new UTF8Encoding(false, true).GetString(plain);
            }
            catch (Exception ex) when (ex is InvalidCipherTextException || ex is DataLengthException || ex is ArgumentException)
            {
                return null;
            }
        }

        /// <summary>True when the key pair encrypts and decrypts: the certificate belongs to the private key.</summary>
        public static bool KeysMatch(AsymmetricKeyParameter publicKey, AsymmetricKeyParameter privateKey)
        {
            const string probe = "carbonops-key-probe";
            return TryDecrypt(privateKey, Encrypt(publicKey, probe)) == probe;
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
