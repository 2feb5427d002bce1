using System;
using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.SecureVault;
using Org.BouncyCastle.X509;

namespace CarbonOps.Keystores
{
    /// <summary>Creating keystores and importing certificates: checks first, then the bytes to write.</summary>
    internal static class KeystoreOperations
    {
        public const uint OwnerOnly = 0x180; // 0600

        public sealed class NewRequest
        {
            public string Path;
            public string Alias;
            public string Subject;
            public int KeySize = 2048;
            public int ValidityDays = 730;
            public string[] DnsNames;
            public string StorePassword;
            public string KeyPassword;
            public KeystoreType Type = KeystoreType.JKS;
            public string CertificateRequestPath;
            public string SignatureAlgorithm = "SHA256WITHRSA";
        }

        /// <summary>Refuses what cannot be done before any key is made: an existing file, a bad subject, two passwords where PKCS#12 keeps one.</summary>
        public static void ValidateNew(NewRequest request)
        {
            foreach (var path in new[] { request.Path, request.CertificateRequestPath }.Where(p => p != null))
            {
                if (File.Exists(path))
                {
                    throw new CarbonOpsException(ErrorIds.KeystoreFileExists, $"'{path}' already exists; CarbonOps does not overwrite it. Choose another path or remove it first.", path);
                }
                if (!Directory.Exists(System.IO.Path.GetDirectoryName(path)))
                {
                    throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"The folder of '{path}' does not exist.", path);
                }
            }
            if (string.IsNullOrWhiteSpace(request.Alias))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "The alias is empty.");
            }
            if (request.Type == KeystoreType.PKCS12 && request.KeyPassword != null && request.KeyPassword != request.StorePassword)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "A PKCS#12 keystore protects its keys with the store password; give no -KeyPassword, or the same one.");
            }
            if (string.IsNullOrEmpty(request.StorePassword) || request.StorePassword.Length < 6)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "The store password must have at least 6 characters (keytool's rule).");
            }
            KeystoreGenerator.ParseSubject(request.Subject);
        }

        public static (byte[] Store, byte[] CertificateRequest) BuildNew(NewRequest request)
        {
            var generated = KeystoreGenerator.SelfSigned(new KeystoreGenerator.Request
            {
                Subject = request.Subject,
                KeySize = request.KeySize,
                ValidityDays = request.ValidityDays,
                DnsNames = request.DnsNames,
                SignatureAlgorithm = request.SignatureAlgorithm,
            });
            var store = KeystoreFile.CreateEmpty(request.Type, request.Path);
            store.SetKeyEntry(request.Alias, generated.KeyPair.Private, (request.KeyPassword ?? request.StorePassword).ToCharArray(), new[] { generated.Certificate });
            var csr = request.CertificateRequestPath == null ? null : KeystoreGenerator.CertificateRequestPem(generated, request.Subject, request.DnsNames);
            return (store.Save(request.StorePassword.ToCharArray()), csr);
        }

        public static KeystoreEntry Describe(string path, string storePassword, string alias, string computerName)
        {
            var store = KeystoreFile.Open(path, storePassword?.ToCharArray());
            return CertificateFacts.ToEntry(store, store.FindAlias(alias) ?? alias, computerName);
        }

        /// <summary>
        /// Writes a whole file. Inside a product home it goes through an edit session of that home, so
        /// the file is in a backup set first and Restore-CarbonConfiguration puts back (or removes) it.
        /// </summary>
        /// <returns>The backup set, or null for a file outside any home.</returns>
        public static string WriteFile(string path, byte[] bytes, uint mode)
        {
            var home = FindEnclosingHome(path);
            if (home == null)
            {
                AtomicFile.Create(path, bytes, mode);
                return null;
            }
            using (var session = new EditSession(home))
            {
                session.PlanNewFile(path, bytes, mode);
                session.CommitPending();
                return session.BackupPath;
            }
        }

        public static string FindEnclosingHome(string path)
        {
            var dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)));
            for (; dir != null; dir = dir.Parent)
            {
                if (CarbonHome.IsProductHome(dir.FullName))
                {
                    return dir.FullName;
                }
            }
            return null;
        }

        public static uint ModeOf(string path) => PosixFile.Stat(path)?.Mode ?? OwnerOnly;

        public sealed class ImportResult
        {
            public byte[] Bytes;
            public bool Changed;
            public string Alias;
            public string What;
        }

        /// <summary>
        /// Adds a certificate file (PEM or DER, one certificate or a chain) to a keystore: as the new chain
        /// of the key entry whose public key it carries (a CA's answer to a request), or else as a trusted certificate.
        /// </summary>
        public static ImportResult PlanImport(string keystorePath, string storePassword, string certificatePath, string alias, string keyPassword)
        {
            var store = KeystoreFile.Open(keystorePath, storePassword.ToCharArray());
            var certs = ReadCertificates(certificatePath);
            var keyAlias = alias != null
                ? (store.FindAlias(alias) is string a && store.IsKeyEntry(a) ? a : null)
                : store.Aliases.Where(store.IsKeyEntry).FirstOrDefault(k => certs.Any(c => c.GetPublicKey().Equals(store.GetCertificate(k).GetPublicKey())));
            if (keyAlias != null)
            {
                return ReplaceChain(store, keyAlias, certs, storePassword, keyPassword);
            }
            if (certs.Count != 1)
            {
                throw new CarbonOpsException(ErrorIds.CertificateInvalid,
                    $"'{certificatePath}' holds {certs.Count} certificates and none is for a private key of the keystore; import one trusted certificate at a time.", certificatePath);
            }
            var cert = certs[0];
            var existing = store.Aliases.FirstOrDefault(x => store.GetCertificate(x).Equals(cert));
            var name = alias ?? DefaultAlias(cert);
            if (existing != null)
            {
                return new ImportResult { Changed = false, Alias = existing, What = "already trusted" };
            }
            if (store.FindAlias(name) != null)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"The alias '{name}' in '{keystorePath}' already holds another certificate; choose another -Alias.", keystorePath);
            }
            store.SetTrustedCertificate(name, cert);
            return new ImportResult { Changed = true, Alias = store.FindAlias(name), Bytes = store.Save(storePassword.ToCharArray()), What = "trusted certificate added" };
        }

        private static ImportResult ReplaceChain(KeystoreFile store, string alias, System.Collections.Generic.List<X509Certificate> certs, string storePassword, string keyPassword)
        {
            var key = store.GetPrivateKey(alias, (keyPassword ?? storePassword).ToCharArray());
            var leaf = certs.FirstOrDefault(c => c.GetPublicKey().Equals(store.GetCertificate(alias).GetPublicKey()))
                ?? throw new CarbonOpsException(ErrorIds.CertificateInvalid, $"None of the certificates is for the private key under '{alias}' in '{store.Path}'.", store.Path);
            var chain = new System.Collections.Generic.List<X509Certificate> { leaf };
            while (!CertificateFacts.IsSelfSigned(chain[chain.Count - 1]))
            {
                var last = chain[chain.Count - 1];
                var issuer = certs.FirstOrDefault(c => !chain.Contains(c) && c.SubjectDN.Equivalent(last.IssuerDN));
                if (issuer == null)
                {
                    break;
                }
                chain.Add(issuer);
            }
            for (var i = 0; i + 1 < chain.Count; i++)
            {
                try
                {
                    chain[i].Verify(chain[i + 1].GetPublicKey());
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    throw new CarbonOpsException(ErrorIds.CertificateInvalid,
                        $"The certificate of '{CertificateFacts.DisplayName(chain[i].SubjectDN)}' is not signed by '{CertificateFacts.DisplayName(chain[i + 1].SubjectDN)}'.", store.Path, 0, ex);
                }
            }
            if (store.GetChain(alias).SequenceEqual(chain))
            {
                return new ImportResult { Changed = false, Alias = alias, What = "the key entry already has this chain" };
            }
            store.SetKeyEntry(alias, key, (keyPassword ?? storePassword).ToCharArray(), chain.ToArray());
            return new ImportResult { Changed = true, Alias = store.FindAlias(alias), Bytes = store.Save(storePassword.ToCharArray()), What = $"chain of {chain.Count} certificate(s) set on the key entry" };
        }

        public static System.Collections.Generic.List<X509Certificate> ReadCertificates(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"The certificate file '{path}' does not exist.", path, 0, ex);
            }
            try
            {
                var certs = new X509CertificateParser().ReadCertificates(bytes).ToList();
                if (certs.Count > 0)
                {
                    return certs;
                }
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                throw new CarbonOpsException(ErrorIds.CertificateInvalid, $"'{path}' is not an X.509 certificate file (PEM or DER).", path, 0, ex);
            }
            throw new CarbonOpsException(ErrorIds.CertificateInvalid, $"'{path}' holds no X.509 certificate.", path);
        }

        private static string DefaultAlias(X509Certificate cert)
        {
            var cn = cert.SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN).FirstOrDefault() ?? "trusted";
            return new string(cn.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '-' ? c : '-').ToArray());
        }
    }
}
