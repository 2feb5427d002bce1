using System;
using System.IO;
using System.Linq;
using System.Net;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Installation;

namespace CarbonOps.Remedies
{
    /// <summary>Points a datasource of master-datasources.xml at a production database, with the driver and validation query of its kind.</summary>
    public static class DatasourceRemedy
    {
        public const string CheckId = CheckIds.DatabaseEmbeddedH2;

        public sealed class DatabaseKind
        {
            internal DatabaseKind(string name, string prefix, string driverClassName, string validationQuery, params string[] jarPrefixes)
            {
                Name = name;
                Prefix = prefix;
                DriverClassName = driverClassName;
                ValidationQuery = validationQuery;
                JarPrefixes = jarPrefixes;
            }

            public string Name { get; }
            public string Prefix { get; }
            public string DriverClassName { get; }
            public string ValidationQuery { get; }
            /// <summary>How the driver's jar file names begin.</summary>
            public string[] JarPrefixes { get; }
        }

        private static readonly DatabaseKind[] Kinds =
        {
            new DatabaseKind("MySQL", "jdbc:mysql:", "com.mysql.jdbc.Driver", "SELECT 1", "mysql-connector"),
            new DatabaseKind("PostgreSQL", "jdbc:postgresql:", "org.postgresql.Driver", "SELECT 1", "postgresql"),
            new DatabaseKind("Oracle", "jdbc:oracle:", "oracle.jdbc.driver.OracleDriver", "SELECT 1 FROM DUAL", "ojdbc"),
            new DatabaseKind("MS SQL", "jdbc:sqlserver:", "com.microsoft.sqlserver.jdbc.SQLServerDriver", "SELECT 1", "sqljdbc", "mssql-jdbc"),
            new DatabaseKind("DB2", "jdbc:db2:", "com.ibm.db2.jcc.DB2Driver", "SELECT 1 FROM SYSIBM.SYSDUMMY1", "db2jcc"),
        };

        /// <summary>The kind of database a JDBC URL names, or null when it is none the guide lists.</summary>
        public static DatabaseKind KindOf(string url) =>
            Kinds.FirstOrDefault(k => (url ?? "").StartsWith(k.Prefix, StringComparison.OrdinalIgnoreCase));

        /// <summary>Checks the URL and works out the driver and validation query; bad values are ParameterValueInvalid.</summary>
        public static (string Driver, string Query) Resolve(string url, string driverClassName, string validationQuery)
        {
            if (string.IsNullOrWhiteSpace(url) || !url.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase) || url.Trim() != url)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{url}' is not a JDBC URL (jdbc:<kind>:...).");
            }
            if (url.StartsWith("jdbc:h2:", StringComparison.OrdinalIgnoreCase))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "The URL is another H2 database; the guide asks for Oracle, PostgreSQL, MySQL or MS SQL.");
            }
            var kind = KindOf(url);
            var driver = driverClassName ?? kind?.DriverClassName;
            var query = validationQuery ?? kind?.ValidationQuery;
            if (driver == null || query == null)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"CarbonOps does not know the driver of '{url.Split(':').Take(2).Aggregate((a, b) => a + ":" + b)}:' URLs; give -DriverClassName and -ValidationQuery.");
            }
            return (driver, query);
        }

        public static void Apply(RemediationContext context, string name, string url, NetworkCredential credential, string driverClassName, string validationQuery)
        {
            var (driver, query) = Resolve(url, driverClassName, validationQuery);
            var config = context.Xml(CarbonPaths.MasterDatasourcesXml);
            Func<System.Xml.Linq.XElement> configuration = () =>
                RemedyXml.Child(RemedyXml.Child(config.Select("datasources/datasource")
                    .FirstOrDefault(d => RemedyXml.Child(d, "name")?.Value.Trim() == name), "definition"), "configuration");
            if (configuration() == null)
            {
                throw RemedyXml.Missing(config, $"datasource named '{name}' with a definition/configuration");
            }
            var password = RemedyXml.Child(configuration(), "password");
            if (password != null && password.Attributes().Any(a => a.Name.LocalName == "secretAlias"))
            {
                throw new CarbonOpsException(ErrorIds.SecretInSecureVault,
                    $"The password of datasource '{name}' in '{config.Path}' comes from Secure Vault (svns:secretAlias); change it with the cipher tool.", config.Path);
            }
            var prefix = name + "/";
            Set(context, config, configuration, "url", url, prefix, null);
            Set(context, config, configuration, "username", credential.UserName, prefix, "url");
            Set(context, config, configuration, "password", credential.Password, prefix, "username", secret: true);
            Set(context, config, configuration, "driverClassName", driver, prefix, "password");
            Set(context, config, configuration, "validationQuery", query, prefix, "driverClassName");
        }

        /// <summary>A warning when repository/components/lib holds no jar of the URL's driver, or null.</summary>
        public static string MissingDriverWarning(CarbonHome home, string url)
        {
            var kind = KindOf(url);
            if (kind == null)
            {
                return null;
            }
            var lib = home.FilePath(CarbonPaths.ComponentsLib);
            var jars = Directory.Exists(lib) ? Directory.GetFiles(lib, "*.jar").Select(Path.GetFileName) : Enumerable.Empty<string>();
            if (jars.Any(j => kind.JarPrefixes.Any(p => j.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
            {
                return null;
            }
            return $"{CarbonPaths.ComponentsLib} in '{home.Path}' holds no {kind.Name} JDBC driver ({string.Join(" or ", kind.JarPrefixes.Select(p => p + "*.jar"))}); " +
                "copy it there before the server starts, or the datasource cannot connect.";
        }

        private static void Set(RemediationContext context, Editing.XmlConfig config, Func<System.Xml.Linq.XElement> configuration,
            string element, string value, string prefix, string after, bool secret = false)
        {
            RemedyXml.EnsureChildText(context, config, configuration, element, null, value, prefix + element,
                $"<{element}>{RemedyXml.Escape(value)}</{element}>", after == null ? null : (Func<System.Xml.Linq.XElement>)(() => RemedyXml.Child(configuration(), after)), secret);
        }
    }
}
