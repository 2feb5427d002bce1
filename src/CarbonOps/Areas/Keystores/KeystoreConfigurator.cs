using System;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Keystores;
using CarbonOps.SecureVault;

namespace CarbonOps.Remedies
{
    /// <summary>
    /// Points every place a home configures its key (the places Security.DefaultKeystore reads) at a new
    /// keystore, after checking that the store opens and holds a private key under the alias, and adds
    /// the new certificate to carbon.xml's trust store. Edits are planned in the session; the trust store
    /// comes back as a whole file to write after them.
    /// </summary>
    internal static class KeystoreConfigurator
    {
        public const string CheckId = CheckIds.SecurityDefaultKeystore;

        public sealed class Request
        {
            public string KeystorePath;
            public string Alias;
            public string StorePassword;
            public string KeyPassword;
            public string TrustStorePassword;
            public bool RemoveDefaultTrust;
        }

        public static void Plan(RemediationContext changes, Request request)
        {
            var home = changes.Home;
            var session = changes.Session;
            var storePath = System.IO.Path.GetFullPath(request.KeystorePath);
            RefuseMisnamed(storePath);
            var store = KeystoreFile.Open(storePath, request.StorePassword.ToCharArray());
            var alias = store.FindAlias(request.Alias);
            var key = store.GetPrivateKey(request.Alias, (request.KeyPassword ?? request.StorePassword).ToCharArray());
            var cert = store.GetCertificate(alias);
            if (!SecretCipher.KeysMatch(cert.GetPublicKey(), key))
            {
                throw new CarbonOpsException(ErrorIds.CertificateInvalid, $"The certificate under '{alias}' in '{storePath}' does not belong to its private key.", storePath);
            }
            XmlConfig OpenXml(string rel) => home.Exists(rel) ? session.OpenXml(home.FilePath(rel)) : null;
            RefuseWhenVaultIsOn(home, session);

            var type = store.Type == KeystoreType.JKS ? "JKS" : "PKCS12";
            var relative = SecretProtector.LocationFor(home.Path, storePath);
            var inside = relative != storePath;
            var keyPassword = request.KeyPassword ?? request.StorePassword;

            var carbon = OpenXml(CarbonPaths.CarbonXml);
            foreach (var name in new[] { "KeyStore", "RegistryKeyStore" })
            {
                if (carbon.SelectSingle("Security/" + name) == null)
                {
                    continue;
                }
                Func<XElement> parent = () => carbon.SelectSingle("Security/" + name);
                SetChild(carbon, parent, "Location", inside ? "${carbon.home}/" + relative : storePath, false, changes, name);
                SetChild(carbon, parent, "Type", type, false, changes, name);
                SetChild(carbon, parent, "Password", request.StorePassword, true, changes, name);
                SetChild(carbon, parent, "KeyAlias", alias, false, changes, name);
                SetChild(carbon, parent, "KeyPassword", keyPassword, true, changes, name);
            }
            var axis2 = OpenXml(CarbonPaths.Axis2Xml);
            if (axis2 != null)
            {
                var transports = KeystoreLocations.Axis2Transports(axis2).Count();
                for (var t = 0; t < transports; t++)
                {
                    var index = t;
                    Func<XElement> parent = () => KeystoreLocations.Axis2Transports(axis2).ElementAt(index).Elements()
                        .Where(e => e.Name.LocalName == "parameter" && (string)e.Attribute("name") == "keystore")
                        .Elements().FirstOrDefault(e => e.Name.LocalName == "KeyStore");
                    if (parent() == null)
                    {
                        continue;
                    }
                    var label = $"{KeystoreLocations.Axis2Transports(axis2).ElementAt(index).Name.LocalName}[@name='{(string)KeystoreLocations.Axis2Transports(axis2).ElementAt(index).Attribute("name")}'] KeyStore";
                    SetChild(axis2, parent, "Location", inside ? relative : storePath, false, changes, label);
                    SetChild(axis2, parent, "Type", type, false, changes, label);
                    SetChild(axis2, parent, "Password", request.StorePassword, true, changes, label);
                    SetChild(axis2, parent, "KeyPassword", keyPassword, true, changes, label);
                }
            }
            var catalina = OpenXml(CarbonPaths.CatalinaServerXml);
            if (catalina != null)
            {
                var connectors = catalina.Select("Service/Connector").Count();
                for (var c = 0; c < connectors; c++)
                {
                    var index = c;
                    Func<XElement> connector = () => catalina.Select("Service/Connector").ElementAt(index);
                    if (connector().Attribute("keystoreFile") == null)
                    {
                        continue;
                    }
                    var label = $"Connector[@port='{(string)connector().Attribute("port")}']";
                    SetAttribute(catalina, connector, "keystoreFile", inside ? "${carbon.home}/" + relative : storePath, false, changes, label, always: true);
                    SetAttribute(catalina, connector, "keystorePass", request.StorePassword, true, changes, label, always: true);
                    SetAttribute(catalina, connector, "keystoreType", type, false, changes, label, always: false);
                    SetAttribute(catalina, connector, "keyAlias", alias, false, changes, label, always: false);
                    SetAttribute(catalina, connector, "keyPass", keyPassword, true, changes, label, always: false);
                }
            }
            TrustStoreFile(home, carbon, cert, request, changes);
        }

        /// <summary>A PKCS#12 file named .jks (or JKS named .p12) misleads whoever configures it next: refuse it.</summary>
        private static void RefuseMisnamed(string path)
        {
            var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
            KeystoreType? named = extension == ".jks" ? KeystoreType.JKS : extension == ".p12" || extension == ".pfx" ? KeystoreType.PKCS12 : (KeystoreType?)null;
            if (!named.HasValue || !System.IO.File.Exists(path))
            {
                return;
            }
            var actual = KeystoreFile.Detect(path, System.IO.File.ReadAllBytes(path));
            if (actual != named.Value)
            {
                throw new CarbonOpsException(ErrorIds.KeystoreTypeMismatch,
                    $"'{path}' is named {extension} but is a {KeystoreFile.Describe(actual)} keystore; rename it (or convert it with keytool -importkeystore) so its name tells its type.", path);
            }
        }

        private static void RefuseWhenVaultIsOn(CarbonHome home, EditSession session)
        {
            var confPath = home.FilePath(SecureVaultNames.SecretConfProperties);
            if (home.Exists(SecureVaultNames.SecretConfProperties) && !string.IsNullOrWhiteSpace(session.OpenProperties(confPath).Get("secretRepositories")))
            {
                throw new CarbonOpsException(ErrorIds.SecureVaultConfigured,
                    $"Secure Vault is on in '{home.Path}' ({SecureVaultNames.SecretConfProperties}): its passwords are encrypted with the current key, and changing the key would leave them unreadable. " +
                    "Set the keystore before Protect-CarbonSecret, or restore the backup set taken before it.", confPath);
            }
        }

        private static void SetChild(XmlConfig config, Func<XElement> parent, string name, string value, bool secret, RemediationContext changes, string label)
        {
            var child = parent().Elements().FirstOrDefault(e => e.Name.LocalName == name);
            var setting = $"{label}/{name}";
            if (child != null && SecureVaultNames.AliasOf(child) != null)
            {
                throw new CarbonOpsException(ErrorIds.SecureVaultConfigured,
                    $"{config.Path} {setting} is protected by Secure Vault (alias '{SecureVaultNames.AliasOf(child)}'); Set-CarbonKeystore writes plain values. Set the keystore before Protect-CarbonSecret.", config.Path, config.LineOf(child));
            }
            var old = child?.Value.Trim();
            changes.Record(config.Path, setting, old, value, secret);
            if (old == value)
            {
                return;
            }
            if (child == null)
            {
                var escaped = value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
                config.AppendChild(parent(), $"<{name}>{escaped}</{name}>");
                return;
            }
            config.SetElementText(child, value);
        }

        private static void SetAttribute(XmlConfig config, Func<XElement> element, string name, string value, bool secret, RemediationContext changes, string label, bool always)
        {
            var old = (string)element().Attribute(name);
            if (old == null && !always)
            {
                return;
            }
            changes.Record(config.Path, $"{label}/@{name}", old, value, secret);
            if (old != value)
            {
                config.SetAttribute(element(), name, value);
            }
        }

        private static void TrustStoreFile(CarbonHome home, XmlConfig carbon, Org.BouncyCastle.X509.X509Certificate cert, Request request, RemediationContext changes)
        {
            var trust = carbon.SelectSingle("Security/TrustStore");
            var location = trust?.Elements().FirstOrDefault(e => e.Name.LocalName == "Location")?.Value.Trim();
            if (string.IsNullOrEmpty(location))
            {
                return;
            }
            var path = KeystoreLocations.Resolve(home.Path, location);
            var configured = ConfiguredSecret.FromElement(trust.Elements().FirstOrDefault(e => e.Name.LocalName == "Password"));
            var password = request.TrustStorePassword ?? configured.Literal
                ?? throw new CarbonOpsException(ErrorIds.KeystorePasswordRequired, $"The trust store password in {carbon.Path} is protected by Secure Vault; give -TrustStorePassword.", carbon.Path);
            var type = KeystoreFile.ParseType(trust.Elements().FirstOrDefault(e => e.Name.LocalName == "Type")?.Value);
            var store = KeystoreFile.Open(path, password.ToCharArray(), type);
            var changed = false;
            if (request.RemoveDefaultTrust)
            {
                foreach (var alias in store.Aliases.Where(a => CertificateFacts.IsWso2Default(store.GetCertificate(a))).ToList())
                {
                    changes.Record(path, $"trusted certificate '{alias}'", "WSO2 default (SHA-1 " + CertificateFacts.Wso2DefaultSha1 + ")", null);
                    store.Delete(alias);
                    changed = true;
                }
            }
            var fingerprint = "SHA-1 " + CertificateFacts.Fingerprint(cert, "SHA-1");
            var present = store.Aliases.FirstOrDefault(a => store.GetCertificate(a).Equals(cert));
            if (present != null)
            {
                changes.Record(path, $"trusted certificate '{present}'", fingerprint, fingerprint);
            }
            else
            {
                var name = request.Alias.ToLowerInvariant();
                if (store.FindAlias(name) != null)
                {
                    name += "-" + CertificateFacts.Fingerprint(cert, "SHA-1").Replace(":", "").Substring(0, 8).ToLowerInvariant();
                }
                changes.Record(path, $"trusted certificate '{name}'", null, fingerprint);
                store.SetTrustedCertificate(name, cert);
                changed = true;
            }
            if (changed)
            {
                changes.WriteFile(path, store.Save(password.ToCharArray()), KeystoreOperations.ModeOf(path));
            }
        }
    }
}
