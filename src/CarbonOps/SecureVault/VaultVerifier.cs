using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.SecureVault
{
    /// <summary>
    /// Reads a home's Secure Vault as Carbon would at start-up: every svns:secretAlias under
    /// repository/conf, the entries of cipher-text.properties, and whether each decrypts with the
    /// identity key of secret-conf.properties.
    /// </summary>
    internal sealed class VaultVerifier
    {
        public sealed class Alias
        {
            public string Name;
            public SecretStatus Status;
            public bool Referenced;
            public List<string> Locations = new List<string>();
            public string Message;
            /// <summary>Set only when the entry decrypts.</summary>
            public string Plaintext;
        }

        public bool VaultEnabled;
        public string KeyProblem;
        public string KeyProblemId;
        public string KeyDescription;
        public List<Alias> Aliases = new List<Alias>();

        /// <summary>secret-conf.properties names a secret repository and its file: Carbon resolves svns:secretAlias values.</summary>
        public static bool IsEnabled(PropertiesConfig secretConf) =>
            !string.IsNullOrWhiteSpace(secretConf?.Get("secretRepositories")) && !string.IsNullOrWhiteSpace(secretConf?.Get("secretRepositories.file.location"));

        public static VaultVerifier Inspect(CarbonHome home, string givenPassword)
        {
            var result = new VaultVerifier();
            var conf = home.Exists(SecureVaultNames.SecretConfProperties) ? home.Properties(SecureVaultNames.SecretConfProperties) : null;
            result.VaultEnabled = IsEnabled(conf);
            var references = References(home);
            var cipherTextPath = conf?.Get("secretRepositories.file.location") ?? SecureVaultNames.CipherTextProperties;
            var cipherFull = Keystores.KeystoreLocations.Resolve(home.Path, cipherTextPath);
            var entries = File.Exists(cipherFull) ? TextDocumentEntries(cipherFull) : new List<PropertyEntry>();
            if (references.Count == 0 && entries.Count == 0)
            {
                return result;
            }
            VaultKey key = null;
            try
            {
                key = VaultKey.Open(home.Path, rel => home.Exists(rel) ? home.Xml(rel) : null, rel => home.Exists(rel) ? home.Properties(rel) : null,
                    givenPassword, requirePrivateKey: false, identityFromSecretConf: true);
                result.KeyDescription = $"key '{key.Alias}' of {key.StorePath}";
                if (key.PrivateKey == null)
                {
                    result.KeyProblemId = ErrorIds.KeystorePasswordRequired;
                    result.KeyProblem = $"The password of '{key.StorePath}' is protected by Secure Vault and no start-up password file is present: give -KeystorePassword to verify decryption.";
                }
            }
            catch (CarbonOpsException ex)
            {
                result.KeyProblemId = ex.ErrorId;
                result.KeyProblem = ex.Message;
            }
            var names = references.Keys.Concat(entries.Select(e => e.Key)).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal);
            foreach (var name in names)
            {
                var alias = new Alias { Name = name, Referenced = references.ContainsKey(name) };
                if (alias.Referenced)
                {
                    alias.Locations.AddRange(references[name]);
                }
                var entry = entries.LastOrDefault(e => e.Key == name);
                if (entry == null)
                {
                    alias.Status = SecretStatus.Missing;
                    alias.Message = "No entry in cipher-text.properties: Carbon would use the alias text itself as the password.";
                }
                else if (SecureVaultNames.Bracketed(entry.Value) != null)
                {
                    alias.Status = SecretStatus.Plaintext;
                    alias.Message = "The entry is plain text in [brackets], not encrypted; Secure Vault cannot decrypt it. Run Protect-CarbonSecret.";
                }
                else if (key?.PrivateKey == null)
                {
                    alias.Status = SecretStatus.NotVerified;
                    alias.Message = result.KeyProblem ?? "The key was not available.";
                }
                else
                {
                    alias.Plaintext = key.Cipher.TryDecrypt(entry.Value);
                    alias.Status = alias.Plaintext != null ? SecretStatus.Decrypts : SecretStatus.Undecryptable;
                    alias.Message = alias.Plaintext != null ? "Decrypts with the " + result.KeyDescription + "." : "Does not decrypt with the " + result.KeyDescription + ".";
                }
                result.Aliases.Add(alias);
            }
            return result;
        }

        /// <summary>Alias → "repository/conf/carbon.xml line 92" for every svns:secretAlias in the XML files of repository/conf.</summary>
        private static Dictionary<string, List<string>> References(CarbonHome home)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var conf = home.FilePath("repository/conf");
            if (!Directory.Exists(conf))
            {
                return result;
            }
            foreach (var file in Directory.GetFiles(conf, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var relative = BackupStore.RelativePath(home.Path, file);
                XmlConfig config;
                try
                {
                    if (home.Text(relative).Text.IndexOf(SecureVaultNames.AliasAttribute, StringComparison.Ordinal) < 0)
                    {
                        continue;
                    }
                    config = home.Xml(relative);
                    _ = config.Document;
                }
                catch (CarbonOpsException)
                {
                    continue; // a malformed file is reported by the checks that read it
                }
                foreach (var element in config.Document.Descendants())
                {
                    var alias = SecureVaultNames.AliasOf(element);
                    if (!string.IsNullOrEmpty(alias))
                    {
                        if (!result.TryGetValue(alias, out var list))
                        {
                            result[alias] = list = new List<string>();
                        }
                        list.Add($"{relative} line {config.LineOf(element)}");
                    }
                }
            }
            return result;
        }

        private static List<PropertyEntry> TextDocumentEntries(string path) => new PropertiesConfig(TextDocument.Load(path)).Entries.ToList();
    }
}
