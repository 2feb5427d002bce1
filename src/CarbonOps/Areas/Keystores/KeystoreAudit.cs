using System.Collections.Generic;
using System.Linq;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Keystores;
using CarbonOps.Remedies;
using CarbonOps.SecureVault;
using Org.BouncyCastle.X509;

namespace CarbonOps.Checks.Security
{
    /// <summary>The configured keystores of a home, opened for the checks with the best password at hand.</summary>
    internal sealed class KeystoreAudit
    {
        public ConfiguredKeystore Config;
        public KeystoreFile Store;
        /// <summary>Why the store could not be read, or null.</summary>
        public string Problem;
        public bool OpensWithDefaultPassword;

        private string HomePath;

        /// <summary>The places that configure one keystore file, reported together.</summary>
        public sealed class FileGroup
        {
            public string Label;
            public List<KeystoreAudit> Members;
            public KeystoreFile Store => Members[0].Store;
            public IEnumerable<string> Problems => Members.Where(m => m.Problem != null).Select(m => m.Problem).Distinct();

            /// <summary>The keys in use through any of the places, once per alias.</summary>
            public List<KeyInUse> Keys => Members.SelectMany(m => m.KeyCertificates()).GroupBy(k => k.Alias).Select(g => g.First()).ToList();
        }

        /// <summary>"repository/resources/security/wso2carbon.jks (carbon.xml Security/KeyStore, axis2.xml ...)" per file.</summary>
        public static List<FileGroup> ByFile(IReadOnlyList<KeystoreAudit> audits) =>
            audits.GroupBy(a => a.Config.FullPath ?? a.Config.Source)
                .Select(g => new FileGroup
                {
                    Label = $"{SecretProtector.LocationFor(g.First().HomePath, g.First().Config.FullPath ?? g.First().Config.Location)} ({string.Join(", ", g.Select(a => a.Config.Source))})",
                    Members = g.ToList(),
                })
                .ToList();

        /// <summary>A key in use and its certificate.</summary>
        public sealed class KeyInUse
        {
            public string Alias;
            public X509Certificate Certificate;
        }

        /// <summary>The certificates of the keys in use: the configured alias, or every key entry where none is configured.</summary>
        /// <remarks>A list, not an iterator: a compiler-made iterator of BouncyCastle types would load BouncyCastle with the catalogue.</remarks>
        public List<KeyInUse> KeyCertificates()
        {
            var result = new List<KeyInUse>();
            if (Store == null)
            {
                return result;
            }
            var aliases = Config.KeyAlias != null ? new[] { Store.FindAlias(Config.KeyAlias) }.Where(a => a != null) : Store.Aliases.Where(Store.IsKeyEntry);
            foreach (var alias in aliases)
            {
                result.Add(new KeyInUse { Alias = alias, Certificate = Store.GetCertificate(alias) });
            }
            return result;
        }

        /// <summary>The home's keystores of this role, opened once per call for every keystore check (the call's -KeystorePassword is the same for all).</summary>
        public static IReadOnlyList<KeystoreAudit> Open(CheckContext context, KeystoreRole role) =>
            context.Facts.Shared($"{nameof(KeystoreAudit)}:{role}:{context.Home.Path}", () => OpenNow(context, role));

        private static IReadOnlyList<KeystoreAudit> OpenNow(CheckContext context, KeystoreRole role)
        {
            var home = context.Home;
            var given = SecretText.ToPlain(context.Options.KeystorePassword);
            var startup = PasswordFiles.ReadStartupPassword(home.Path);
            var result = new List<KeystoreAudit>();
            foreach (var config in KeystoreLocations.Read(home).Where(k => k.Role == role))
            {
                var audit = new KeystoreAudit { Config = config, HomePath = home.Path };
                result.Add(audit);
                if (config.FullPath == null)
                {
                    audit.Problem = "no Location is configured";
                    continue;
                }
                if (PosixFile.IsMissing(config.FullPath))
                {
                    // What opening it says, without an exception for each keystore a home lacks.
                    audit.Problem = KeystoreFile.NotFoundMessage(config.FullPath);
                    continue;
                }
                var type = KeystoreFile.ParseType(config.Type);
                var candidates = new[] { config.Password.Literal, given, startup }.Where(p => p != null).Distinct().ToList();
                string failure = null;
                foreach (var password in candidates)
                {
                    try
                    {
                        audit.Store = KeystoreFile.Open(config.FullPath, password.ToCharArray(), type);
                        failure = null;
                        break;
                    }
                    catch (CarbonOpsException ex) when (ex.ErrorId == ErrorIds.KeystorePasswordIncorrect)
                    {
                        // Only the configured literal is this store's own password; the others are tries.
                        if (password == config.Password.Literal)
                        {
                            failure = "it does not open with its configured password";
                        }
                    }
                    catch (CarbonOpsException ex)
                    {
                        failure = ex.Message;
                        break;
                    }
                }
                if (audit.Store == null && (failure == null || failure.StartsWith("it does not open", System.StringComparison.Ordinal)))
                {
                    try
                    {
                        // A JKS store's certificates can be read without its password.
                        audit.Store = KeystoreFile.Open(config.FullPath, null, type);
                    }
                    catch (CarbonOpsException ex)
                    {
                        failure = failure ?? (ex.ErrorId == ErrorIds.KeystorePasswordRequired ? "its password is not at hand (give -KeystorePassword)" : ex.Message);
                    }
                }
                audit.Problem = failure;
                if (audit.Store == null && failure != null && !System.IO.File.Exists(config.FullPath))
                {
                    continue;
                }
                audit.OpensWithDefaultPassword = config.Password.Literal == CertificateFacts.Wso2DefaultPassword || OpensWith(config.FullPath, CertificateFacts.Wso2DefaultPassword);
            }
            return result;
        }

        private static bool OpensWith(string path, string password)
        {
            try
            {
                KeystoreFile.Open(path, password.ToCharArray());
                return true;
            }
            catch (CarbonOpsException)
            {
                return false;
            }
        }
    }
}
