using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Editing;

namespace CarbonOps.Installation
{
    /// <summary>
    /// Where a home keeps its users: the active UserStoreManager of user-mgt.xml, the datasource behind
    /// it (master-datasources.xml), the embedded ApacheDS LDAP server, and whether the server has
    /// already started against that store (after which user-mgt.xml's admin user is no longer read).
    /// </summary>
    public sealed class UserStoreInfo
    {
        private UserStoreInfo()
        {
        }

        /// <summary>The class of the first UserStoreManager that is not commented out.</summary>
        public string ManagerClass { get; private set; }
        public bool IsLdap { get; private set; }
        /// <summary>An LDAP store on the embedded ApacheDS (its URL uses the EmbeddedLDAP port).</summary>
        public bool IsEmbeddedLdap { get; private set; }
        /// <summary>embedded-ldap.xml exists and enables the embedded ApacheDS server.</summary>
        public bool EmbeddedLdapEnabled { get; private set; }
        /// <summary>The JNDI name of the realm's dataSource property (jdbc/WSO2CarbonDB).</summary>
        public string DataSourceJndi { get; private set; }
        public string DataSourceName { get; private set; }
        public string DataSourceUrl { get; private set; }
        /// <summary>A JDBC user store in an H2 database.</summary>
        public bool OnH2 => !IsLdap && Datasources.IsH2(DataSourceUrl);
        /// <summary>Why the admin user already exists in the store, or null when nothing says the server has started.</summary>
        public string FirstStartEvidence { get; private set; }
        /// <summary>ReadWriteLdap, ReadOnlyLdap, ActiveDirectory, Jdbc, or the class name for another manager.</summary>
        public string Type { get; private set; }
        /// <summary>The LDAP ConnectionURL, or the JDBC URL (the manager's own url property, else its datasource's).</summary>
        public string ConnectionUrl { get; private set; }
        /// <summary>The DN an LDAP store binds with, or the JDBC store's own userName.</summary>
        public string ConnectionName { get; private set; }
        public string UserSearchBase { get; private set; }
        public string GroupSearchBase { get; private set; }
        /// <summary>The Secure Vault alias of the connection password, when it is protected; null otherwise.</summary>
        public string ConnectionPasswordAlias { get; private set; }
        private string connectionPassword;

        /// <summary>The connection password as the file holds it (null when Secure Vault protects it: decrypt <see cref="ConnectionPasswordAlias"/>). Never write it to a stream.</summary>
        public string ConnectionPassword() => connectionPassword;

        public static UserStoreInfo Read(CarbonHome home)
        {
            var userMgt = home.Xml(CarbonPaths.UserMgtXml);
            var info = new UserStoreInfo();
            var realm = userMgt.SelectSingle("Realm");
            var manager = realm?.Elements().FirstOrDefault(e => e.Name.LocalName == "UserStoreManager");
            info.ManagerClass = (string)manager?.Attribute("class");
            var cls = info.ManagerClass ?? "";
            info.IsLdap = cls.IndexOf(".ldap.", StringComparison.OrdinalIgnoreCase) >= 0 || cls.IndexOf("ActiveDirectory", StringComparison.OrdinalIgnoreCase) >= 0;
            var url = Property(manager, "ConnectionURL") ?? "";
            info.Type = UserStoreTypes.Name(info.ManagerClass);
            info.ConnectionName = Property(manager, "ConnectionName") ?? Property(manager, "userName");
            info.UserSearchBase = Property(manager, "UserSearchBase");
            info.GroupSearchBase = Property(manager, "GroupSearchBase");
            var password = PropertyElement(manager, info.IsLdap ? "ConnectionPassword" : "password");
            info.ConnectionPasswordAlias = (string)password?.Attributes().FirstOrDefault(a => a.Name.LocalName == "secretAlias");
            info.connectionPassword = info.ConnectionPasswordAlias == null ? password?.Value.Trim() : null;
            info.IsEmbeddedLdap = info.IsLdap && (url.Contains("Ports.EmbeddedLDAP.LDAPServerPort") || url.Contains("localhost:10389") || url.Contains("127.0.0.1:10389"));
            info.DataSourceJndi = Property(realm?.Elements().FirstOrDefault(e => e.Name.LocalName == "Configuration"), "dataSource");
            if (home.Exists(CarbonPaths.EmbeddedLdapXml))
            {
                var ldap = home.Xml(CarbonPaths.EmbeddedLdapXml);
                var enable = ldap.Select("EmbeddedLDAP/Property").FirstOrDefault(p => (string)p.Attribute("name") == "enable");
                info.EmbeddedLdapEnabled = string.Equals(enable?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            }
            // A JDBC manager with its own driverName and url opens that database instead of the realm's datasource (Carbon 4.2.0 DatabaseUtil).
            var ownUrl = info.IsLdap ? null : Property(manager, "url");
            if (ownUrl != null && Property(manager, "driverName") != null)
            {
                info.DataSourceUrl = ownUrl;
            }
            else if (!info.IsLdap && info.DataSourceJndi != null)
            {
                var ds = Datasources.Find(home, info.DataSourceJndi);
                info.DataSourceName = ds?.Name;
                info.DataSourceUrl = ds?.Url;
            }
            info.ConnectionUrl = info.IsLdap ? (url.Length == 0 ? null : url) : info.DataSourceUrl;
            info.FirstStartEvidence = Evidence(home, info);
            return info;
        }

        private static string Evidence(CarbonHome home, UserStoreInfo info)
        {
            if (info.IsEmbeddedLdap)
            {
                const string ldapData = "repository/data/org.wso2.carbon.directory";
                return Directory.Exists(home.FilePath(ldapData)) ? $"the embedded LDAP data folder {ldapData} exists" : null;
            }
            if (info.IsLdap)
            {
                return $"the user store is an external directory ({info.ManagerClass})";
            }
            if (info.DataSourceUrl == null)
            {
                return null;
            }
            if (!info.OnH2)
            {
                return $"the user store is the external database of datasource {info.DataSourceName ?? info.DataSourceJndi}";
            }
            var file = H2DatabaseFile(home, info.DataSourceUrl);
            return file != null ? $"the H2 database file {file} exists" : null;
        }

        /// <summary>The H2 file of a jdbc:h2: URL that exists, relative to the home, or null.</summary>
        private static string H2DatabaseFile(CarbonHome home, string url)
        {
            var location = url.Substring("jdbc:h2:".Length).Split(';')[0];
            if (location.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                location = location.Substring(5);
            }
            location = location.Replace("${carbon.home}", home.Path);
            var full = Path.IsPathRooted(location) ? location : home.FilePath(location);
            foreach (var suffix in new[] { ".h2.db", ".mv.db" })
            {
                if (File.Exists(full + suffix))
                {
                    return full.StartsWith(home.Path, StringComparison.Ordinal) ? full.Substring(home.Path.Length + 1).Replace('\\', '/') + suffix : full + suffix;
                }
            }
            return null;
        }

        private static XElement Child(XElement parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        private static string Property(XElement parent, string name) => PropertyElement(parent, name)?.Value.Trim();

        private static XElement PropertyElement(XElement parent, string name) =>
            parent?.Elements().FirstOrDefault(e => e.Name.LocalName == "Property" && (string)e.Attribute("name") == name);
    }
}
