using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.SecureVault;

namespace CarbonOps.Keystores
{
    public enum KeystoreRole { Identity, Trust }

    /// <summary>A password as a configuration file holds it: a literal, or a Secure Vault alias.</summary>
    public sealed class ConfiguredSecret
    {
        internal ConfiguredSecret(string literal, string vaultAlias)
        {
            Literal = literal;
            VaultAlias = vaultAlias;
        }

        /// <summary>The value written in the file; null when absent or protected by Secure Vault.</summary>
        public string Literal { get; }
        public string VaultAlias { get; }
        public bool IsProtected => VaultAlias != null;

        internal static ConfiguredSecret FromElement(XElement element)
        {
            if (element == null)
            {
                return new ConfiguredSecret(null, null);
            }
            var alias = SecureVaultNames.AliasOf(element);
            return new ConfiguredSecret(alias == null ? element.Value.Trim() : null, alias);
        }

        internal static ConfiguredSecret FromAttribute(XAttribute attribute, string tomcatDefault) =>
            new ConfiguredSecret(attribute?.Value ?? tomcatDefault, null);
    }

    /// <summary>One place a product home configures a keystore or trust store.</summary>
    public sealed class ConfiguredKeystore
    {
        internal ConfiguredKeystore(string source, string configPath, KeystoreRole role, string location, string fullPath, string type,
            ConfiguredSecret password, ConfiguredSecret keyPassword, string keyAlias)
        {
            Source = source;
            ConfigPath = configPath;
            Role = role;
            Location = location;
            FullPath = fullPath;
            Type = type;
            Password = password;
            KeyPassword = keyPassword;
            KeyAlias = keyAlias;
        }

        /// <summary>Where, in words: "carbon.xml Security/KeyStore".</summary>
        public string Source { get; }
        public string ConfigPath { get; }
        public KeystoreRole Role { get; }
        public string Location { get; }
        public string FullPath { get; }
        public string Type { get; }
        public ConfiguredSecret Password { get; }
        public ConfiguredSecret KeyPassword { get; }
        /// <summary>The alias of the key in use; null where the configuration names none (the store's key entries are all candidates).</summary>
        public string KeyAlias { get; }
    }

    /// <summary>
    /// Every keystore a Carbon 4.2.0 home configures: carbon.xml KeyStore, RegistryKeyStore and TrustStore,
    /// the keystore and truststore parameters of every axis2.xml transport, and keystoreFile/truststoreFile
    /// on a catalina-server.xml connector.
    /// </summary>
    public static class KeystoreLocations
    {
        public const string TomcatDefaultPassword = "changeit";

        /// <param name="open">Opens a configuration file relative to the home, or returns null where it is absent.</param>
        public static IReadOnlyList<ConfiguredKeystore> Read(string home, Func<string, XmlConfig> open)
        {
            var result = new List<ConfiguredKeystore>();
            var carbon = open(CarbonPaths.CarbonXml);
            if (carbon != null)
            {
                foreach (var (name, role) in new[] { ("KeyStore", KeystoreRole.Identity), ("RegistryKeyStore", KeystoreRole.Identity), ("TrustStore", KeystoreRole.Trust) })
                {
                    var element = carbon.SelectSingle("Security/" + name);
                    if (element != null)
                    {
                        result.Add(FromElement(home, carbon, element, "carbon.xml Security/" + name, role));
                    }
                }
            }
            var axis2 = open(CarbonPaths.Axis2Xml);
            if (axis2 != null)
            {
                foreach (var transport in Axis2Transports(axis2))
                {
                    foreach (var parameter in transport.Elements().Where(e => e.Name.LocalName == "parameter"))
                    {
                        var kind = (string)parameter.Attribute("name");
                        var store = parameter.Elements().FirstOrDefault(e => e.Name.LocalName == (kind == "keystore" ? "KeyStore" : "TrustStore"));
                        if ((kind == "keystore" || kind == "truststore") && store != null)
                        {
                            var source = $"axis2.xml {transport.Name.LocalName}[@name='{(string)transport.Attribute("name")}'] {kind}";
                            result.Add(FromElement(home, axis2, store, source, kind == "keystore" ? KeystoreRole.Identity : KeystoreRole.Trust));
                        }
                    }
                }
            }
            var catalina = open(CarbonPaths.CatalinaServerXml);
            if (catalina != null)
            {
                foreach (var connector in catalina.Select("Service/Connector"))
                {
                    var port = (string)connector.Attribute("port");
                    var keystore = (string)connector.Attribute("keystoreFile");
                    if (keystore != null)
                    {
                        var pass = ConfiguredSecret.FromAttribute(connector.Attribute("keystorePass"), TomcatDefaultPassword);
                        var keyPass = connector.Attribute("keyPass") != null ? ConfiguredSecret.FromAttribute(connector.Attribute("keyPass"), null) : pass;
                        result.Add(new ConfiguredKeystore($"catalina-server.xml Connector[@port='{port}'] keystoreFile", catalina.Path, KeystoreRole.Identity,
                            keystore, Resolve(home, keystore), (string)connector.Attribute("keystoreType") ?? "JKS", pass, keyPass, (string)connector.Attribute("keyAlias")));
                    }
                    var truststore = (string)connector.Attribute("truststoreFile");
                    if (truststore != null)
                    {
                        result.Add(new ConfiguredKeystore($"catalina-server.xml Connector[@port='{port}'] truststoreFile", catalina.Path, KeystoreRole.Trust,
                            truststore, Resolve(home, truststore), (string)connector.Attribute("truststoreType") ?? "JKS",
                            ConfiguredSecret.FromAttribute(connector.Attribute("truststorePass"), TomcatDefaultPassword), null, null));
                    }
                }
            }
            return result;
        }

        /// <summary>Reads through a home's cache; files that are absent are left out.</summary>
        public static IReadOnlyList<ConfiguredKeystore> Read(CarbonHome home) =>
            Read(home.Path, rel => home.Exists(rel) ? home.Xml(rel) : null);

        public static IEnumerable<XElement> Axis2Transports(XmlConfig axis2) =>
            axis2.Select("transportReceiver").Concat(axis2.Select("transportSender"));

        /// <summary>A configured location as a full path: ${carbon.home} expanded, relative paths from the home.</summary>
        public static string Resolve(string home, string location)
        {
            var expanded = location.Trim().Replace("${carbon.home}", home).Replace("${CARBON_HOME}", home).Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
            return Path.GetFullPath(Path.IsPathRooted(expanded) ? expanded : Path.Combine(home, expanded));
        }

        private static ConfiguredKeystore FromElement(string home, XmlConfig config, XElement store, string source, KeystoreRole role)
        {
            XElement Child(string name) => store.Elements().FirstOrDefault(e => e.Name.LocalName == name);
            var location = Child("Location")?.Value.Trim() ?? "";
            var keyAlias = Child("KeyAlias")?.Value.Trim();
            return new ConfiguredKeystore(source, config.Path, role, location, location.Length == 0 ? null : Resolve(home, location),
                Child("Type")?.Value.Trim() ?? "JKS", ConfiguredSecret.FromElement(Child("Password")),
                role == KeystoreRole.Identity ? ConfiguredSecret.FromElement(Child("KeyPassword")) : null,
                string.IsNullOrEmpty(keyAlias) ? null : keyAlias);
        }
    }
}
