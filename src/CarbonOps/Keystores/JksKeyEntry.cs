using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;

namespace CarbonOps.Keystores
{
    /// <summary>
    /// The PKCS#8 bytes of a JKS private key entry, decrypted as Sun's KeyProtector does (SHA-1 key stream
    /// from the password and a 20-byte salt, a SHA-1 check of the password and plaintext at the end).
    /// Reading these bytes directly, rather than through BouncyCastle's JksStore.GetKey, spares the
    /// primality test BouncyCastle runs on every RSA modulus it builds a key from (about 15 ms for 2048 bits).
    /// The store's integrity is checked by the caller (JksStore.Load with the store password).
    /// </summary>
    internal static class JksKeyEntry
    {
        private const uint Magic = 0xFEEDFEED;
        private const int PrivateKeyTag = 1;
        private const int TrustedCertificateTag = 2;
        private const string KeyProtectorOid = "1.3.6.1.4.1.42.2.17.1.1";

        /// <returns>The PKCS#8 PrivateKeyInfo, or null when the file has no key entry under the alias (compared without case) or
        /// the entry is not protected by Sun's KeyProtector.</returns>
        /// <exception cref="CryptographicException">The key password is wrong.</exception>
        public static byte[] Decrypt(byte[] jks, string alias, char[] password)
        {
            var encrypted = Find(jks, alias);
            if (encrypted == null)
            {
                return null;
            }
            var info = EncryptedPrivateKeyInfo.GetInstance(Asn1Object.FromByteArray(encrypted));
            if (info.EncryptionAlgorithm.Algorithm.Id != KeyProtectorOid)
            {
                return null;
            }
            return Unprotect(info.GetEncryptedData(), password);
        }

        private static byte[] Find(byte[] jks, string alias)
        {
            using var reader = new BigEndianReader(jks);
            if (reader.UInt32() != Magic)
            {
                return null;
            }
            var version = reader.Int32();
            var count = reader.Int32();
            for (var i = 0; i < count; i++)
            {
                var tag = reader.Int32();
                var name = reader.Utf();
                reader.Skip(8); // date
                if (tag == PrivateKeyTag)
                {
                    var key = reader.Bytes(reader.Int32());
                    if (string.Equals(name, alias, StringComparison.OrdinalIgnoreCase))
                    {
                        return key;
                    }
                    var chain = reader.Int32();
                    for (var c = 0; c < chain; c++)
                    {
                        SkipCertificate(reader, version);
                    }
                }
                else if (tag == TrustedCertificateTag)
                {
                    SkipCertificate(reader, version);
                }
                else
                {
                    return null;
                }
            }
            return null;
        }

        private static void SkipCertificate(BigEndianReader reader, int version)
        {
            if (version == 2)
            {
                reader.Utf(); // certificate type
            }
            reader.Skip(reader.Int32());
        }

        private static byte[] Unprotect(byte[] data, char[] password)
        {
            const int digestLength = 20;
            if (data.Length < 2 * digestLength)
            {
                throw new CryptographicException("The key entry is too short.");
            }
            var passwordBytes = new byte[password.Length * 2];
            for (var i = 0; i < password.Length; i++)
            {
                passwordBytes[2 * i] = (byte)(password[i] >> 8);
                passwordBytes[2 * i + 1] = (byte)password[i];
            }
            var plain = new byte[data.Length - 2 * digestLength];
            try
            {
                using var sha1 = SHA1.Create();
                var digest = new byte[digestLength];
                Buffer.BlockCopy(data, 0, digest, 0, digestLength);
                var input = new byte[passwordBytes.Length + digestLength];
                Buffer.BlockCopy(passwordBytes, 0, input, 0, passwordBytes.Length);
                for (var offset = 0; offset < plain.Length; offset += digestLength)
                {
                    Buffer.BlockCopy(digest, 0, input, passwordBytes.Length, digestLength);
                    digest = sha1.ComputeHash(input);
                    for (var j = 0; j < digestLength && offset + j < plain.Length; j++)
                    {
                        plain[offset + j] = (byte)(data[digestLength + offset + j] ^ digest[j]);
                    }
                }
                var check = new byte[passwordBytes.Length + plain.Length];
                Buffer.BlockCopy(passwordBytes, 0, check, 0, passwordBytes.Length);
                Buffer.BlockCopy(plain, 0, check, passwordBytes.Length, plain.Length);
                var expected = sha1.ComputeHash(check);
                Array.Clear(check, 0, check.Length);
                var diff = 0;
                for (var j = 0; j < digestLength; j++)
                {
                    diff |= expected[j] ^ data[data.Length - digestLength + j];
                }
                if (diff != 0)
                {
                    Array.Clear(plain, 0, plain.Length);
                    throw new CryptographicException("The key password is wrong.");
                }
                return plain;
            }
            finally
            {
                Array.Clear(passwordBytes, 0, passwordBytes.Length);
            }
        }

        private sealed class BigEndianReader : IDisposable
        {
            private readonly BinaryReader reader;

            public BigEndianReader(byte[] bytes) => reader = new BinaryReader(new MemoryStream(bytes, false));

            public uint UInt32()
            {
                var b = reader.ReadBytes(4);
                if (b.Length < 4)
                {
                    throw new EndOfStreamException();
                }
                return (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
            }

            public int Int32() => (int)UInt32();

            public byte[] Bytes(int count)
            {
                var b = count < 0 ? null : reader.ReadBytes(count);
                if (b == null || b.Length < count)
                {
                    throw new EndOfStreamException();
                }
                return b;
            }

            public void Skip(int count) => Bytes(count);

            /// <summary>Java's DataInput.readUTF: a 2-byte length and modified UTF-8 (aliases are plain text).</summary>
            public string Utf()
            {
                var b = Bytes(2);
                return Encoding.UTF8.GetString(Bytes(b[0] << 8 | b[1]));
            }

            public void Dispose() => reader.Dispose();
        }
    }
}
