using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Editing;
using CarbonOps.SecureVault;

namespace CarbonOps.Installation
{
    /// <summary>A datasource of type RDBMS from master-datasources.xml or another file of repository/conf/datasources.</summary>
    public sealed class RdbmsDatasource
    {
        public const string DatasourcesFolder = "repository/conf/datasources";

        private RdbmsDatasource()
        {
        }

        /// <summary>The file, relative to the home (repository/conf/datasources/master-datasources.xml).</summary>
        public string File { get; private set; }
        public int Line { get; private set; }
        public string Name { get; private set; }
        public string Url { get; private set; }
        public string Username { get; private set; }
        /// <summary>The svns:secretAlias of the password element, where Secure Vault holds it.</summary>
        public string PasswordAlias { get; private set; }
        public string ValidationQuery { get; private set; }
        /// <summary>The password as written in the file (null where an alias stands for it).</summary>
        internal string Password { get; private set; }

        /// <summary>master-datasources.xml first, then the other files of the folder in name order.</summary>
        public static IReadOnlyList<RdbmsDatasource> ReadAll(CarbonHome home)
        {
            var others = Directory.Exists(home.FilePath(DatasourcesFolder))
                ? Directory.GetFiles(home.FilePath(DatasourcesFolder), "*.xml").Select(f => DatasourcesFolder + "/" + Path.GetFileName(f))
                    .Where(f => f != CarbonPaths.MasterDatasourcesXml).OrderBy(f => f, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
            return new[] { CarbonPaths.MasterDatasourcesXml }.Concat(others).SelectMany(f => Read(f, home.Xml(f))).ToList();
        }

        private static IEnumerable<RdbmsDatasource> Read(string relative, XmlConfig config)
        {
            foreach (var datasource in config.Select("datasources/datasource"))
            {
                var definition = Child(datasource, "definition");
                if (!string.Equals((string)definition?.Attribute("type"), "RDBMS", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var configuration = Child(definition, "configuration");
                var password = Child(configuration, "password");
                var alias = password == null ? null : SecureVaultNames.AliasOf(password);
                yield return new RdbmsDatasource
                {
                    File = relative,
                    Line = config.LineOf(datasource),
                    Name = Child(datasource, "name")?.Value.Trim() ?? "(unnamed)",
                    Url = Child(configuration, "url")?.Value.Trim(),
                    Username = Child(configuration, "username")?.Value.Trim(),
                    PasswordAlias = string.IsNullOrEmpty(alias) ? null : alias,
                    Password = string.IsNullOrEmpty(alias) ? password?.Value : null,
                    ValidationQuery = NullIfEmpty(Child(configuration, "validationQuery")?.Value.Trim()),
                };
            }
        }

        private static string NullIfEmpty(string text) => string.IsNullOrEmpty(text) ? null : text;

        private static XElement Child(XElement parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
    }
}
