using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Keystores;

namespace CarbonOps.SecureVault
{
    /// <summary>One password-bearing place in a home and the Secure Vault alias that protects (or would protect) it.</summary>
    public sealed class SecretSlot
    {
        internal SecretSlot(string alias, string relativePath, string fileName, VaultXPath xpath, string attribute, CipherToolMapping mapping, bool builtIn)
        {
            Alias = alias;
            RelativePath = relativePath;
            FileName = fileName;
            XPath = xpath;
            Attribute = attribute;
            Mapping = mapping;
            BuiltIn = builtIn;
        }

        public string Alias { get; }
        /// <summary>The configuration file, relative to the home.</summary>
        public string RelativePath { get; }
        /// <summary>The file as cipher-tool.properties names it ("carbon.xml").</summary>
        public string FileName { get; }
        public VaultXPath XPath { get; }
        /// <summary>Set for a password held in an attribute (a Tomcat connector's keystorePass), which Secure Vault cannot protect in Carbon 4.2.0.</summary>
        public string Attribute { get; }
        /// <summary>The cipher-tool.properties line that maps the alias; null when the home's file lacks it.</summary>
        public CipherToolMapping Mapping { get; }
        public bool BuiltIn { get; }

        /// <summary>"repository/conf/carbon.xml//Server/Security/KeyStore/Password": a location, never a value.</summary>
        public string Location => RelativePath + XPath.Text + (Attribute != null ? "/@" + Attribute : "");

        public IReadOnlyList<XElement> Select(XmlConfig config) => XPath.Select(config.Document);

        /// <summary>True when the element holds a password in clear: no alias, or an alias beside leftover text.</summary>
        public bool HoldsLiteral(XElement element)
        {
            if (Attribute != null)
            {
                return element.Attribute(Attribute) != null;
            }
            var text = element.Value.Trim();
            return SecureVaultNames.AliasOf(element) == null ? text.Length > 0 : text.Length > 0 && text != SecureVaultNames.ProtectedText;
        }
    }

    /// <summary>
    /// The password-bearing places of a home: the built-in list (carbon.xml keystore passwords, the admin
    /// password, every datasource password, the axis2.xml keystore passwords, a Tomcat keystorePass),
    /// merged with the mappings of cipher-tool.properties. A mapping that selects a built-in place gives
    /// it its alias, so the alias follows the element: Carbon 4.2.0's file maps
    /// Carbon.Security.KeyStore.Password to KeyStore/KeyPassword and Carbon.Security.KeyStore.KeyPassword
    /// to KeyStore/Password, and those are the aliases used.
    /// </summary>
    public sealed class SecretInventory
    {
        private SecretInventory(IReadOnlyList<SecretSlot> slots, IReadOnlyList<CipherToolMapping> brokenMappings, IReadOnlyList<string> listedAliases)
        {
            Slots = slots;
            BrokenMappings = brokenMappings;
            ListedAliases = listedAliases;
        }

        public IReadOnlyList<SecretSlot> Slots { get; }
        /// <summary>Mappings of aliases that cipher-text.properties lists whose file exists but whose XPath cannot be read.</summary>
        public IReadOnlyList<CipherToolMapping> BrokenMappings { get; }
        /// <summary>Aliases with a live line in cipher-text.properties.</summary>
        public IReadOnlyList<string> ListedAliases { get; }

        public static SecretInventory Build(string home, Func<string, XmlConfig> openXml, Func<string, PropertiesConfig> openProperties)
        {
            var mappings = CipherToolMappings.Read(home, openProperties(SecureVaultNames.CipherToolProperties));
            var cipherText = openProperties(SecureVaultNames.CipherTextProperties);
            var listed = cipherText == null ? new List<string>() : cipherText.Entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).ToList();
            var slots = new List<SecretSlot>();
            var used = new HashSet<CipherToolMapping>();
            var taken = new HashSet<string>(mappings.Select(m => m.Alias), StringComparer.Ordinal);
            var selections = new Dictionary<CipherToolMapping, IReadOnlyList<XElement>>();
            IReadOnlyList<XElement> Selected(CipherToolMapping m, XmlConfig config)
            {
                if (!selections.TryGetValue(m, out var found))
                {
                    selections[m] = found = m.XPath.Select(config.Document);
                }
                return found;
            }

            foreach (var builtIn in BuiltIns(home, openXml))
            {
                var config = openXml(builtIn.RelativePath);
                var elements = builtIn.Select(config);
                var mapping = builtIn.Attribute == null
                    ? mappings.FirstOrDefault(m => m.RelativePath == builtIn.RelativePath && m.XPath != null && Selected(m, config).Intersect(elements).Any())
                    : null;
                if (mapping != null)
                {
                    used.Add(mapping);
                    slots.Add(new SecretSlot(mapping.Alias, builtIn.RelativePath, mapping.FileName, mapping.XPath, null, mapping, true));
                    continue;
                }
                var alias = builtIn.Alias;
                for (var n = 2; taken.Contains(alias); n++)
                {
                    alias = builtIn.Alias + "." + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                taken.Add(alias);
                slots.Add(new SecretSlot(alias, builtIn.RelativePath, builtIn.FileName, builtIn.XPath, builtIn.Attribute, null, true));
            }

            var broken = new List<CipherToolMapping>();
            foreach (var mapping in mappings.Where(m => !used.Contains(m) && m.RelativePath != null))
            {
                var isListed = listed.Contains(mapping.Alias);
                if (mapping.XPath == null)
                {
                    if (isListed)
                    {
                        broken.Add(mapping);
                    }
                    continue;
                }
                var config = TryOpenXml(openXml, mapping.RelativePath);
                if (config == null)
                {
                    continue;
                }
                var slot = new SecretSlot(mapping.Alias, mapping.RelativePath, mapping.FileName, mapping.XPath, null, mapping, false);
                if (isListed || Selected(mapping, config).Any(slot.HoldsLiteral))
                {
                    slots.Add(slot);
                }
            }
            return new SecretInventory(slots, broken, listed);
        }

        public static SecretInventory Build(CarbonHome home) =>
            Build(home.Path, rel => home.Exists(rel) ? home.Xml(rel) : null, rel => home.Exists(rel) ? home.Properties(rel) : null);

        private static XmlConfig TryOpenXml(Func<string, XmlConfig> openXml, string relative)
        {
            try
            {
                return openXml(relative);
            }
            catch (CarbonOpsException ex) when (ex.ErrorId == ErrorIds.ConfigFileMalformed)
            {
                // Not a configuration this run can read as XML (a mapping to a .properties file, say): nothing to protect there.
                return null;
            }
        }

        private static IEnumerable<SecretSlot> BuiltIns(string home, Func<string, XmlConfig> openXml)
        {
            var carbon = openXml(CarbonPaths.CarbonXml);
            if (carbon != null)
            {
                foreach (var (store, child, alias) in new[]
                {
                    ("KeyStore", "Password", "Carbon.Security.KeyStore.Password"),
                    ("KeyStore", "KeyPassword", "Carbon.Security.KeyStore.KeyPassword"),
                    ("TrustStore", "Password", "Carbon.Security.TrustStore.Password"),
                    ("RegistryKeyStore", "Password", "Carbon.Security.RegistryKeyStore.Password"),
                    ("RegistryKeyStore", "KeyPassword", "Carbon.Security.RegistryKeyStore.KeyPassword"),
                })
                {
                    if (carbon.SelectSingle($"Security/{store}/{child}") != null)
                    {
                        yield return Slot(alias, CarbonPaths.CarbonXml, $"//{carbon.Root.Name.LocalName}/Security/{store}/{child}");
                    }
                }
            }
            var userMgt = openXml(CarbonPaths.UserMgtXml);
            if (userMgt?.SelectSingle("Realm/Configuration/AdminUser/Password") != null)
            {
                yield return Slot("UserManager.AdminUser.Password", CarbonPaths.UserMgtXml, $"//{userMgt.Root.Name.LocalName}/Realm/Configuration/AdminUser/Password");
            }
            // Carbon 4.2.0's RealmConfigXMLProcessor resolves a user store property through the alias "UserStoreManager.Property.<name>".
            foreach (var property in new[] { "ConnectionPassword", "password" })
            {
                var found = userMgt?.Select("Realm/UserStoreManager/Property").Any(p => (string)p.Attribute("name") == property) ?? false;
                if (found)
                {
                    yield return Slot("UserStoreManager.Property." + property, CarbonPaths.UserMgtXml,
                        $"//{userMgt.Root.Name.LocalName}/Realm/UserStoreManager/Property[@name='{property}']");
                }
            }
            var datasources = openXml(CarbonPaths.MasterDatasourcesXml);
            if (datasources != null)
            {
                foreach (var ds in datasources.Select("datasources/datasource"))
                {
                    var name = ds.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value.Trim();
                    foreach (var definition in ds.Elements().Where(e => e.Name.LocalName == "definition"))
                    {
                        var password = definition.Elements().Where(e => e.Name.LocalName == "configuration").Elements().FirstOrDefault(e => e.Name.LocalName == "password");
                        if (password == null || string.IsNullOrEmpty(name) || name.IndexOf('\'') >= 0)
                        {
                            continue;
                        }
                        var type = (string)definition.Attribute("type");
                        var typeStep = type == null || type.IndexOf('\'') >= 0 ? "" : $"[@type='{type}']";
                        yield return Slot($"Datasources.{name}.Configuration.Password", CarbonPaths.MasterDatasourcesXml,
                            $"//{datasources.Root.Name.LocalName}/datasources/datasource[name='{name}']/definition{typeStep}/configuration/password");
                    }
                }
            }
            var axis2 = openXml(CarbonPaths.Axis2Xml);
            if (axis2 != null)
            {
                foreach (var transport in KeystoreLocations.Axis2Transports(axis2))
                {
                    var name = (string)transport.Attribute("name");
                    if (string.IsNullOrEmpty(name) || name.IndexOf('\'') >= 0)
                    {
                        continue;
                    }
                    var side = transport.Name.LocalName == "transportReceiver" ? "Listener" : "Sender";
                    var prefix = $"//{axis2.Root.Name.LocalName}/{transport.Name.LocalName}[@name='{name}']";
                    var label = "Axis2." + char.ToUpperInvariant(name[0]) + name.Substring(1) + "." + side;
                    foreach (var (parameter, store, child) in new[] { ("keystore", "KeyStore", "Password"), ("keystore", "KeyStore", "KeyPassword"), ("truststore", "TrustStore", "Password") })
                    {
                        var element = transport.Elements().Where(e => e.Name.LocalName == "parameter" && (string)e.Attribute("name") == parameter)
                            .Elements().Where(e => e.Name.LocalName == store).Elements().FirstOrDefault(e => e.Name.LocalName == child);
                        if (element != null)
                        {
                            yield return Slot($"{label}.{store}.{child}", CarbonPaths.Axis2Xml, $"{prefix}/parameter[@name='{parameter}']/{store}/{child}");
                        }
                    }
                }
            }
            var catalina = openXml(CarbonPaths.CatalinaServerXml);
            if (catalina != null)
            {
                foreach (var connector in catalina.Select("Service/Connector"))
                {
                    var port = (string)connector.Attribute("port") ?? "";
                    foreach (var attribute in new[] { "keystorePass", "keyPass", "truststorePass" })
                    {
                        if (connector.Attribute(attribute) != null && port.IndexOf('\'') < 0)
                        {
                            yield return new SecretSlot("Server.Service.Connector." + attribute, CarbonPaths.CatalinaServerXml, "catalina-server.xml",
                                VaultXPath.Parse($"//{catalina.Root.Name.LocalName}/Service/Connector[@port='{port}']"), attribute, null, true);
                        }
                    }
                }
            }
        }

        private static SecretSlot Slot(string alias, string relativePath, string xpath) =>
            new SecretSlot(alias, relativePath, System.IO.Path.GetFileName(relativePath), VaultXPath.Parse(xpath), null, null, true);
    }
}
