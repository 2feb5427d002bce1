using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.SecureVault;

namespace CarbonOps.Remedies
{
    /// <summary>
    /// What WSO2's cipher tool (-Dconfigure) does for Carbon 4.2.0, as edits in an edit session: each
    /// password encrypted with the primary keystore's certificate into cipher-text.properties, the
    /// element's text replaced by "password" with svns:secretAlias, the svns namespace declared on the
    /// document element, missing mappings added to cipher-tool.properties, and secret-conf.properties
    /// pointed at the file repository and the identity keystore. Nothing is written here: the caller
    /// commits the session, or reverts it. Any bad input throws before a change is kept.
    /// </summary>
    internal static class SecretProtector
    {
        public const string CheckId = CheckIds.SecurityPlaintextPassword;

        public sealed class Options
        {
            public string[] Aliases;
            public string KeystorePassword;
        }

        /// <summary>Plans the protection; its warnings never hold a value.</summary>
        public static void Plan(RemediationContext changes, Options options)
        {
            var home = changes.Home;
            var session = changes.Session;
            XmlConfig OpenXml(string rel) => home.Exists(rel) ? session.OpenXml(home.FilePath(rel)) : null;
            PropertiesConfig OpenProperties(string rel) => home.Exists(rel) ? session.OpenProperties(home.FilePath(rel)) : null;
            var warnings = new List<string>();

            var key = VaultKey.Open(home.Path, OpenXml, OpenProperties, options.KeystorePassword, requirePrivateKey: true, identityFromSecretConf: false);
            if (key.KeyPasswordDiffers)
            {
                warnings.Add($"The private key password of '{key.StorePath}' differs from its store password. At start-up Carbon reads one password (password-tmp or the prompt) for both, unless started with -Dkey.password=true.");
            }
            var cipherText = OpenProperties(SecureVaultNames.CipherTextProperties)
                ?? throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"{home.FilePath(SecureVaultNames.CipherTextProperties)} does not exist; Carbon's Secure Vault keeps the encrypted passwords there.", home.FilePath(SecureVaultNames.CipherTextProperties));
            var secretConf = OpenProperties(SecureVaultNames.SecretConfProperties)
                ?? throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"{home.FilePath(SecureVaultNames.SecretConfProperties)} does not exist.", home.FilePath(SecureVaultNames.SecretConfProperties));
            var cipherTool = OpenProperties(SecureVaultNames.CipherToolProperties);
            // The values and the vault's settings go on disk before any element names an alias.
            session.WriteFirst(cipherText.Path);
            session.WriteFirst(secretConf.Path);

            var inventory = SecretInventory.Build(home.Path, OpenXml, OpenProperties);
            var broken = inventory.BrokenMappings.FirstOrDefault();
            if (broken != null)
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileMalformed,
                    $"{cipherTool.Path} line {broken.Line}: the mapping of '{broken.Alias}' cannot be used: {broken.ParseError}.", cipherTool.Path, broken.Line);
            }

            var wanted = options.Aliases == null || options.Aliases.Length == 0 ? null : new HashSet<string>(options.Aliases, StringComparer.Ordinal);
            if (wanted != null)
            {
                var unknown = wanted.Where(a => !inventory.Slots.Any(s => s.Alias == a) && !inventory.ListedAliases.Contains(a)).ToList();
                if (unknown.Count > 0)
                {
                    throw new CarbonOpsException(ErrorIds.SecretAliasNotFound,
                        $"No password-bearing element or cipher-text.properties entry has the alias {string.Join(", ", unknown.Select(a => "'" + a + "'"))} in '{home.Path}'.", home.Path);
                }
            }

            var slots = inventory.Slots.Where(s => wanted == null || wanted.Contains(s.Alias)).ToList();
            foreach (var attributeSlot in slots.Where(s => s.Attribute != null))
            {
                warnings.Add($"{attributeSlot.Location} holds a password in an attribute, which Secure Vault cannot protect in Carbon 4.2.0; remove keystoreFile/keystorePass from the connector so Tomcat uses carbon.xml's keystore, or keep the file owner-only.");
            }
            var encrypted = new Dictionary<string, bool>(StringComparer.Ordinal);
            var edits = new List<ElementEdit>();
            foreach (var group in slots.Where(s => s.Attribute == null).GroupBy(s => s.Alias, StringComparer.Ordinal))
            {
                encrypted[group.Key] = ProtectAlias(group.Key, group.ToList(), OpenXml, cipherText, key, changes, warnings, edits);
            }
            ApplyElementEdits(edits, changes);
            foreach (var alias in inventory.ListedAliases.Where(a => !encrypted.ContainsKey(a) && (wanted == null || wanted.Contains(a))))
            {
                ProtectOrphan(alias, cipherText, key, changes, warnings);
            }
            if (cipherTool != null)
            {
                foreach (var slot in slots.Where(s => s.Attribute == null && s.Mapping == null && encrypted.ContainsKey(s.Alias)))
                {
                    var mapping = CipherToolMappings.Format(slot.FileName, slot.XPath.Text);
                    changes.Record(cipherTool.Path, slot.Alias, cipherTool.Get(slot.Alias), mapping);
                    cipherTool.Set(slot.Alias, mapping);
                }
            }
            ConfigureSecretConf(home, secretConf, key, changes);
            foreach (var warning in warnings)
            {
                changes.Warn(warning);
            }
        }

        /// <returns>True when the alias is (now) protected.</returns>
        private sealed class ElementEdit
        {
            public XmlConfig Config;
            public XElement Element;
            public string Alias;
        }

        private static bool ProtectAlias(string alias, List<SecretSlot> slots, Func<string, XmlConfig> openXml, PropertiesConfig cipherText,
            VaultKey key, RemediationContext changes, List<string> warnings, List<ElementEdit> edits)
        {
            var literals = new List<(SecretSlot Slot, XElement Element, string Value)>();
            var protectedCount = 0;
            foreach (var slot in slots)
            {
                var config = openXml(slot.RelativePath);
                var elements = config == null ? new List<XElement>() : slot.Select(config).ToList();
                if (elements.Count == 0)
                {
                    // A mapping of the home's cipher-tool.properties is at fault: the error names that file and its line.
                    var toolPath = Path.Combine(Path.GetDirectoryName(cipherText.Path), Path.GetFileName(SecureVaultNames.CipherToolProperties));
                    var where = slot.Mapping != null ? $"'{toolPath}' line {slot.Mapping.Line} maps" : "The built-in location of";
                    throw new CarbonOpsException(ErrorIds.ConfigElementNotFound,
                        $"{where} the alias '{alias}' to '{slot.FileName}{slot.XPath.Text}', which matches no element in '{config?.Path ?? slot.RelativePath}'.",
                        slot.Mapping != null ? toolPath : config?.Path ?? slot.RelativePath, slot.Mapping?.Line ?? 0);
                }
                for (var i = 0; i < elements.Count; i++)
                {
                    var own = SecureVaultNames.AliasOf(elements[i]);
                    if (slot.HoldsLiteral(elements[i]))
                    {
                        literals.Add((slot, elements[i], elements[i].Value.Trim()));
                    }
                    else if (own == alias)
                    {
                        protectedCount++;
                    }
                }
            }
            var entry = cipherText.Find(alias);
            var bracketed = SecureVaultNames.Bracketed(entry?.Value);
            string plaintext = null;
            if (literals.Count > 0)
            {
                if (literals.Select(l => l.Value).Distinct(StringComparer.Ordinal).Count() > 1)
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                        $"The alias '{alias}' maps to elements that hold different passwords ({string.Join(", ", slots.Select(s => s.Location).Distinct())}); one alias holds one secret.", slots[0].RelativePath);
                }
                plaintext = literals[0].Value;
                if (bracketed != null && bracketed != plaintext)
                {
                    warnings.Add($"cipher-text.properties gives '{alias}' a [bracketed] value that differs from the element's; the element's value, which the server uses now, was encrypted.");
                }
            }
            else if (bracketed != null)
            {
                plaintext = bracketed;
            }
            else if (protectedCount == 0)
            {
                return false;
            }
            else if (entry == null)
            {
                throw new CarbonOpsException(ErrorIds.SecureVaultBroken,
                    $"'{alias}' is referenced by svns:secretAlias but cipher-text.properties has no entry for it, so Carbon would use the alias text as the password. Put the password in [brackets] there and run again.", cipherText.Path);
            }
            else if (key.Cipher.TryDecrypt(entry.Value) == null)
            {
                throw new CarbonOpsException(ErrorIds.SecureVaultBroken,
                    $"The cipher-text.properties entry '{alias}' does not decrypt with the key '{key.Alias}' of '{key.StorePath}'. Put the password in [brackets] there and run again.", cipherText.Path);
            }
            else
            {
                foreach (var slot in slots)
                {
                    changes.Record(openXml(slot.RelativePath).Path, $"{alias} ({slot.XPath.Text})", Protected(alias), Protected(alias));
                }
                changes.Record(cipherText.Path, alias, "(encrypted)", "(encrypted)");
                return true;
            }

            foreach (var group in literals.GroupBy(l => l.Slot))
            {
                var config = openXml(group.Key.RelativePath);
                edits.AddRange(group.Select(l => new ElementEdit { Config = config, Element = l.Element, Alias = alias }));
                changes.Record(config.Path, $"{alias} ({group.Key.XPath.Text})", "(plain text)", Protected(alias));
            }
            changes.Record(cipherText.Path, alias, entry == null ? null : bracketed != null ? "[plain text]" : "(encrypted)", "(encrypted)");
            cipherText.Set(alias, key.Cipher.Encrypt(plaintext));
            return true;
        }

        /// <summary>
        /// Applies the element edits of each file from its last element to its first, so every element
        /// keeps the position it had when the file was parsed: one parse per file, not one per edit.
        /// </summary>
        private static void ApplyElementEdits(List<ElementEdit> edits, RemediationContext changes)
        {
            foreach (var file in edits.GroupBy(e => e.Config))
            {
                var config = file.Key;
                var root = config.Root;
                var prefix = SecureVaultNames.DeclaredPrefix(root);
                var declare = prefix == null;
                if (declare)
                {
                    prefix = root.GetNamespaceOfPrefix(SecureVaultNames.Prefix) == null ? SecureVaultNames.Prefix : "svns1";
                }
                foreach (var edit in file.OrderByDescending(e => config.ElementOffset(e.Element)))
                {
                    config.SetElementText(edit.Element, SecureVaultNames.ProtectedText);
                    config.SetAttribute(edit.Element, XName.Get(SecureVaultNames.AliasAttribute, SecureVaultNames.Namespace), prefix + ":" + SecureVaultNames.AliasAttribute, edit.Alias);
                }
                if (declare)
                {
                    changes.Record(config.Path, "xmlns:" + prefix, null, SecureVaultNames.Namespace);
                    config.SetAttribute(root, XNamespace.Xmlns + prefix, "xmlns:" + prefix, SecureVaultNames.Namespace);
                }
            }
        }

        /// <summary>An entry of cipher-text.properties that no element maps: encrypt it when it is in [brackets].</summary>
        private static void ProtectOrphan(string alias, PropertiesConfig cipherText, VaultKey key, RemediationContext changes, List<string> warnings)
        {
            var value = cipherText.Get(alias);
            var bracketed = SecureVaultNames.Bracketed(value);
            if (bracketed != null)
            {
                changes.Record(cipherText.Path, alias, "[plain text]", "(encrypted)");
                cipherText.Set(alias, key.Cipher.Encrypt(bracketed));
                return;
            }
            if (key.Cipher.TryDecrypt(value) == null)
            {
                warnings.Add($"The cipher-text.properties entry '{alias}' does not decrypt with the key '{key.Alias}'; no configuration element maps it here, so it was left as it is.");
                return;
            }
            changes.Record(cipherText.Path, alias, "(encrypted)", "(encrypted)");
        }

        private static void ConfigureSecretConf(CarbonHome home, PropertiesConfig conf, VaultKey key, RemediationContext changes)
        {
            var current = conf.Get("keystore.identity.location");
            var location = current != null && KeystoreLocationsResolve(home.Path, current) == key.StorePath ? current : LocationFor(home.Path, key.StorePath);
            var settings = new[]
            {
                ("carbon.secretProvider", SecureVaultNames.SecretManagerHandler),
                ("secretRepositories", "file"),
                ("secretRepositories.file.provider", SecureVaultNames.FileRepositoryProvider),
                ("secretRepositories.file.location", SecureVaultNames.CipherTextProperties),
                ("keystore.identity.location", location),
                ("keystore.identity.type", key.StoreType),
                ("keystore.identity.alias", key.Alias),
                ("keystore.identity.store.password", "identity.store.password"),
                ("keystore.identity.store.secretProvider", SecureVaultNames.CarbonDefaultHandler),
                ("keystore.identity.key.password", "identity.key.password"),
                ("keystore.identity.key.secretProvider", SecureVaultNames.CarbonDefaultHandler),
            };
            string previous = null;
            foreach (var (name, value) in settings)
            {
                changes.Record(conf.Path, name, conf.Get(name), value);
                conf.Set(name, value, previous != null && conf.Find(previous) != null ? previous : null);
                previous = name;
            }
        }

        private static string KeystoreLocationsResolve(string home, string location) => Keystores.KeystoreLocations.Resolve(home, location);

        /// <summary>Relative to the home where the keystore is inside it (Carbon starts in its home), else absolute.</summary>
        internal static string LocationFor(string home, string fullPath)
        {
            var root = Path.GetFullPath(home).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return fullPath.StartsWith(root, StringComparison.Ordinal) ? fullPath.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/') : fullPath;
        }

        private static string Protected(string alias) => $"{SecureVaultNames.Prefix}:{SecureVaultNames.AliasAttribute}=\"{alias}\"";
    }
}
