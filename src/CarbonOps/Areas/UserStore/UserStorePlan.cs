using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.SecureVault;

namespace CarbonOps.Remedies
{
    /// <summary>What Set-CarbonUserStore was asked for. The password is in <see cref="Credential"/> only.</summary>
    public sealed class UserStoreSettings
    {
        /// <summary>One of <see cref="UserStoreTypes"/>.</summary>
        public string Type { get; set; }
        public string ConnectionUrl { get; set; }
        /// <summary>UserName: the bind DN (LDAP) or database user (JDBC); Password: its password.</summary>
        public NetworkCredential Credential { get; set; }
        public string UserSearchBase { get; set; }
        public string GroupSearchBase { get; set; }
        public string UserNameAttribute { get; set; }
        /// <summary>The JDBC driver class; derived from the URL when null.</summary>
        public string DriverName { get; set; }
        /// <summary>The primary keystore's password, needed when Secure Vault is on.</summary>
        public string KeystorePassword { get; set; }
    }

    /// <summary>
    /// Makes the UserStoreManager of user-mgt.xml the one asked for, with the properties Carbon 4.2.0 needs for
    /// that class. The active manager is commented out and the file's commented template of the class is
    /// uncommented (a new element is written only where the file has no template); then each property is set in
    /// place. The connection password goes through Secure Vault when the home's vault is on, else it is written
    /// as text (and Security.PlaintextPassword fails, as it should).
    /// </summary>
    public static class UserStorePlan
    {
        public const string CheckId = "UserStore.Embedded";
        private const string LdapTenantManager = "org.wso2.carbon.user.core.tenant.CommonHybridLDAPTenantManager";
        private static readonly Regex SearchFilterAttribute = new Regex(@"\((\w+)=\?\)", RegexOptions.CultureInvariant);

        /// <summary>
        /// The properties each manager must have, with the values of the kernel 4.2.0 templates for an external
        /// store (ReadWriteLDAPUserStoreConstants/ActiveDirectoryUserStoreConstants list the mandatory ones).
        /// A value the file already has is kept; the connection and search bases are set from the parameters.
        /// </summary>
        private static readonly IReadOnlyDictionary<string, (string Name, string Value)[]> Defaults = new Dictionary<string, (string, string)[]>
        {
            [UserStoreTypes.ReadWriteLdap] = new[]
            {
                ("TenantManager", LdapTenantManager), ("Disabled", "false"), ("passwordHashMethod", "PLAIN_TEXT"),
                ("UserNameListFilter", "(objectClass=person)"), ("UserEntryObjectClass", "inetOrgPerson"),
                ("UserNameSearchFilter", "(&(objectClass=person)(uid=?))"), ("UserNameAttribute", "uid"),
                ("ReadGroups", "true"), ("WriteGroups", "true"), ("GroupNameListFilter", "(objectClass=groupOfNames)"),
                ("GroupEntryObjectClass", "groupOfNames"), ("GroupNameSearchFilter", "(&(objectClass=groupOfNames)(cn=?))"),
                ("GroupNameAttribute", "cn"), ("MembershipAttribute", "member"),
            },
            [UserStoreTypes.ReadOnlyLdap] = new[]
            {
                ("TenantManager", LdapTenantManager), ("ReadOnly", "true"), ("Disabled", "false"), ("passwordHashMethod", "PLAIN_TEXT"),
                ("UserNameListFilter", "(objectClass=person)"), ("UserNameSearchFilter", "(&(objectClass=person)(uid=?))"),
                ("UserNameAttribute", "uid"), ("ReadGroups", "true"), ("GroupNameListFilter", "(objectClass=groupOfNames)"),
                ("GroupNameSearchFilter", "(&(objectClass=groupOfNames)(cn=?))"), ("GroupNameAttribute", "cn"), ("MembershipAttribute", "member"),
            },
            [UserStoreTypes.ActiveDirectory] = new[]
            {
                ("TenantManager", LdapTenantManager), ("Disabled", "false"), ("passwordHashMethod", "PLAIN_TEXT"),
                ("UserEntryObjectClass", "user"), ("UserNameAttribute", "cn"), ("isADLDSRole", "false"), ("userAccountControl", "512"),
                ("UserNameListFilter", "(objectClass=user)"), ("UserNameSearchFilter", "(&(objectClass=user)(cn=?))"),
                ("ReadGroups", "true"), ("WriteGroups", "true"), ("GroupEntryObjectClass", "group"), ("GroupNameAttribute", "cn"),
                ("MembershipAttribute", "member"), ("GroupNameListFilter", "(objectcategory=group)"),
                ("GroupNameSearchFilter", "(&(objectClass=group)(cn=?))"), ("Referral", "follow"), ("BackLinksEnabled", "true"),
            },
            [UserStoreTypes.Jdbc] = new[]
            {
                ("TenantManager", "org.wso2.carbon.user.core.tenant.JDBCTenantManager"), ("ReadOnly", "false"),
                ("PasswordDigest", "SHA-256"), ("StoreSaltedPassword", "true"), ("ReadGroups", "true"), ("WriteGroups", "true"),
            },
        };

        private static readonly (string Prefix, string Driver)[] Drivers =
        {
            ("jdbc:mysql:", "com.mysql.jdbc.Driver"),
            ("jdbc:mariadb:", "org.mariadb.jdbc.Driver"),
            ("jdbc:postgresql:", "org.postgresql.Driver"),
            ("jdbc:oracle:", "oracle.jdbc.driver.OracleDriver"),
            ("jdbc:sqlserver:", "com.microsoft.sqlserver.jdbc.SQLServerDriver"),
            ("jdbc:h2:", "org.h2.Driver"),
        };

        /// <summary>Checks the values; returns warnings to show (never with a secret).</summary>
        public static IReadOnlyList<string> Validate(UserStoreSettings s)
        {
            var warnings = new List<string>();
            if (s.Type == null || !UserStoreTypes.Classes.ContainsKey(s.Type))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{s.Type}' is not a user store type: {string.Join(", ", UserStoreTypes.Classes.Keys)}.");
            }
            if (s.Credential == null || string.IsNullOrWhiteSpace(s.Credential.UserName) || string.IsNullOrEmpty(s.Credential.Password))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "-Credential needs the connection user (a bind DN or database user) and its password.");
            }
            if (s.Credential.Password.Trim() != s.Credential.Password)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "The connection password must not start or end with white space: Carbon trims property text.");
            }
            if (s.Type == UserStoreTypes.Jdbc)
            {
                if (!s.ConnectionUrl.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{s.ConnectionUrl}' is not a JDBC URL (jdbc:...).");
                }
                if (DriverFor(s) == null)
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"No JDBC driver is known for '{Datasources.WithoutSecrets(s.ConnectionUrl)}'; give -DriverName.");
                }
                if (Datasources.IsH2(s.ConnectionUrl))
                {
                    warnings.Add("The user store URL is an H2 database, which the guide does not recommend in production.");
                }
                return warnings;
            }
            if (!Uri.TryCreate(s.ConnectionUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "ldap" && uri.Scheme != "ldaps"))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{s.ConnectionUrl}' is not an ldap:// or ldaps:// URL.");
            }
            if (string.IsNullOrWhiteSpace(s.UserSearchBase))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "An LDAP or Active Directory user store needs -UserSearchBase (the DN under which the users are).");
            }
            if (s.Type == UserStoreTypes.ActiveDirectory && uri.Scheme == "ldap")
            {
                warnings.Add("Active Directory sets and changes passwords only over LDAPS: for a read-write store use ldaps://<host>:636 and import the domain controller's certificate into client-truststore.jks.");
            }
            return warnings;
        }

        public static void Apply(RemediationContext context, UserStoreSettings s)
        {
            Validate(s);
            var config = context.Xml(CarbonPaths.UserMgtXml);
            var cls = UserStoreTypes.Classes[s.Type];
            Func<XElement> realm = () => config.SelectSingle("Realm") ?? throw RemedyXml.Missing(config, "Realm");
            Func<XElement> manager = () => RemedyXml.Child(realm(), "UserStoreManager");
            Activate(context, config, realm, manager, cls, s.Type);

            var values = new List<(string Name, string Value, bool Secret)>();
            if (s.Type == UserStoreTypes.Jdbc)
            {
                values.Add(("driverName", DriverFor(s), false));
                values.Add(("url", s.ConnectionUrl, false));
                values.Add(("userName", s.Credential.UserName, false));
                values.Add(("password", s.Credential.Password, true));
            }
            else
            {
                var attribute = s.UserNameAttribute ?? Property(manager(), "UserNameAttribute") ?? Defaults[s.Type].First(d => d.Name == "UserNameAttribute").Value;
                values.Add(("ConnectionURL", s.ConnectionUrl, false));
                values.Add(("ConnectionName", s.Credential.UserName, false));
                values.Add(("ConnectionPassword", s.Credential.Password, true));
                values.Add(("UserSearchBase", s.UserSearchBase, false));
                values.Add(("GroupSearchBase", s.GroupSearchBase ?? Property(manager(), "GroupSearchBase") ?? s.UserSearchBase, false));
                values.Add(("UserNameAttribute", attribute, false));
                var filter = Property(manager(), "UserNameSearchFilter") ?? Defaults[s.Type].First(d => d.Name == "UserNameSearchFilter").Value;
                if (s.UserNameAttribute != null)
                {
                    values.Add(("UserNameSearchFilter", SearchFilterAttribute.Replace(filter, $"({attribute}=?)", 1), false));
                }
                if (Property(manager(), "UserDNPattern") != null)
                {
                    // A template's pattern names the embedded LDAP's tree; a stale one would make every login bind a DN that does not exist.
                    values.Add(("UserDNPattern", $"{attribute}={{0}},{s.UserSearchBase}", false));
                }
            }
            values.AddRange(Defaults[s.Type].Where(d => Property(manager(), d.Name) == null && values.All(v => v.Name != d.Name)).Select(d => (d.Name, d.Value, false)));

            var secretName = s.Type == UserStoreTypes.Jdbc ? "password" : "ConnectionPassword";
            var protectPassword = SetPassword(context, config, manager, secretName, s);
            foreach (var (name, value, _) in values.Where(v => !v.Secret))
            {
                SetProperty(context, config, manager, name, value, false);
            }
            DisableEmbeddedLdap(context, s.Type);
            if (protectPassword)
            {
                SecretProtector.Plan(context,
                    new SecretProtector.Options { Aliases = new[] { "UserStoreManager.Property." + secretName }, KeystorePassword = s.KeystorePassword });
            }
        }

        /// <summary>Comments out the active manager of another class and uncomments the file's template of this one (or writes one).</summary>
        private static void Activate(RemediationContext context, XmlConfig config, Func<XElement> realm, Func<XElement> manager, string cls, string type)
        {
            var active = manager();
            var old = (string)active?.Attribute("class");
            context.Record(config.Path, "UserStoreManager/@class", old, cls);
            if (old == cls)
            {
                return;
            }
            XComment previous = null;
            if (active != null)
            {
                try
                {
                    config.CommentOut(active);
                }
                catch (InvalidOperationException ex)
                {
                    throw new CarbonOpsException(ErrorIds.RemediationFailed, $"'{config.Path}': the active UserStoreManager cannot be commented out ({ex.Message}).", config.Path);
                }
                previous = realm().Nodes().OfType<XComment>().FirstOrDefault(c => XmlConfig.ParseCommented(c.Value, "UserStoreManager") is XElement e && (string)e.Attribute("class") == old);
            }
            var template = config.FindCommentedElement(realm(), "UserStoreManager", e => (string)e.Attribute("class") == cls && !IsEmbeddedTemplate(e))
                ?? config.FindCommentedElement(realm(), "UserStoreManager", e => (string)e.Attribute("class") == cls);
            if (template != null)
            {
                config.Uncomment(template, "UserStoreManager");
                return;
            }
            var fragment = $"<UserStoreManager class=\"{cls}\">\n" + string.Join("\n", Defaults[type].Select(d =>
                $"{config.IndentUnit(realm())}<Property name=\"{d.Name}\">{RemedyXml.Escape(d.Value)}</Property>")) + "\n</UserStoreManager>";
            if (previous != null)
            {
                config.InsertAfter(previous, fragment);
            }
            else
            {
                config.InsertAfter(RemedyXml.Child(realm(), "Configuration") ?? throw RemedyXml.Missing(config, "Realm/Configuration"), fragment);
            }
        }

        /// <summary>The kernel's first ReadWriteLDAP template points at the embedded ApacheDS; an external store starts from the other one.</summary>
        private static bool IsEmbeddedTemplate(XElement template) =>
            (Property(template, "ConnectionURL") ?? "").Contains("Ports.EmbeddedLDAP");

        /// <returns>True when Secure Vault is on and the password must be protected after the edit.</returns>
        private static bool SetPassword(RemediationContext context, XmlConfig config, Func<XElement> manager, string name, UserStoreSettings s)
        {
            var home = context.Home;
            var vaultOn = VaultVerifier.IsEnabled(home.Exists(SecureVaultNames.SecretConfProperties) ? context.Properties(SecureVaultNames.SecretConfProperties) : null);
            var element = RemedyXml.Child(manager(), "Property", RemedyXml.NameIs(name));
            var alias = element == null ? null : SecureVaultNames.AliasOf(element);
            if (!vaultOn)
            {
                SetProperty(context, config, manager, name, s.Credential.Password, true);
                return false;
            }
            if (string.IsNullOrEmpty(s.KeystorePassword))
            {
                throw new CarbonOpsException(ErrorIds.KeystorePasswordRequired,
                    $"Secure Vault is on in '{home.Path}': give -KeystorePassword (the primary keystore's) so the connection password is encrypted, not written as text.", home.Path);
            }
            if (alias != null && element.Value.Trim() == SecureVaultNames.ProtectedText && Decrypts(context, alias, s))
            {
                context.Record(config.Path, $"Property[{name}]", "********", "********", true);
                return false;
            }
            SetProperty(context, config, manager, name, s.Credential.Password, true);
            return true;
        }

        /// <summary>The vault already holds this password under <paramref name="alias"/>.</summary>
        private static bool Decrypts(RemediationContext context, string alias, UserStoreSettings s)
        {
            var home = context.Home;
            var cipherText = home.Exists(SecureVaultNames.CipherTextProperties) ? context.Properties(SecureVaultNames.CipherTextProperties) : null;
            var entry = cipherText?.Get(alias);
            if (entry == null)
            {
                return false;
            }
            var key = VaultKey.Open(home.Path, rel => home.Exists(rel) ? context.Session.OpenXml(home.FilePath(rel)) : null,
                rel => home.Exists(rel) ? context.Session.OpenProperties(home.FilePath(rel)) : null, s.KeystorePassword, requirePrivateKey: true, identityFromSecretConf: true);
            return key.Cipher.TryDecrypt(entry) == s.Credential.Password;
        }

        private static void SetProperty(RemediationContext context, XmlConfig config, Func<XElement> manager, string name, string value, bool secret)
        {
            var last = (Func<XElement>)(() => manager().Elements().LastOrDefault(e => e.Name.LocalName == "Property"));
            RemedyXml.EnsureChildText(context, config, manager, "Property", RemedyXml.NameIs(name), value, $"Property[{name}]",
                $"<Property name=\"{name}\">{RemedyXml.Escape(value)}</Property>", last, secret);
        }

        /// <summary>An external store replaces the embedded ApacheDS: embedded-ldap.xml's enable goes to false where the file exists.</summary>
        private static void DisableEmbeddedLdap(RemediationContext context, string type)
        {
            if (type == UserStoreTypes.Jdbc || !context.Home.Exists(CarbonPaths.EmbeddedLdapXml))
            {
                return;
            }
            var ldap = context.Xml(CarbonPaths.EmbeddedLdapXml);
            Func<XElement> embedded = () => ldap.SelectSingle("EmbeddedLDAP");
            if (embedded() == null)
            {
                return;
            }
            RemedyXml.EnsureChildText(context, ldap, embedded, "Property", RemedyXml.NameIs("enable"), "false", "EmbeddedLDAP/enable",
                "<Property name=\"enable\">false</Property>");
        }

        private static string DriverFor(UserStoreSettings s) =>
            s.DriverName ?? Drivers.FirstOrDefault(d => s.ConnectionUrl.StartsWith(d.Prefix, StringComparison.OrdinalIgnoreCase)).Driver;

        private static string Property(XElement manager, string name) => RemedyXml.Child(manager, "Property", RemedyXml.NameIs(name))?.Value.Trim();
    }
}
