using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CarbonOps.Installation
{
    /// <summary>The RDBMS datasources of a home (master-datasources.xml first, then the other files of repository/conf/datasources), found by JNDI name.</summary>
    public static class Datasources
    {
        public const string Folder = "repository/conf/datasources";
        private static readonly Regex UrlSecret = new Regex(@"(?i)\b(password|pwd)=[^&;]*", RegexOptions.CultureInvariant);

        /// <summary>The datasource whose jndiConfig/name is <paramref name="jndiName"/>: its name, URL and user name, or null.</summary>
        public static (string Name, string Url, string UserName)? Find(CarbonHome home, string jndiName)
        {
            foreach (var relative in Files(home))
            {
                var ds = home.Xml(relative).Select("datasources/datasource").FirstOrDefault(d =>
                    Child(Child(d, "jndiConfig"), "name")?.Value.Trim() == jndiName);
                if (ds != null)
                {
                    var configuration = Child(Child(ds, "definition"), "configuration");
                    return (Child(ds, "name")?.Value.Trim(), Child(configuration, "url")?.Value.Trim(), Child(configuration, "username")?.Value.Trim());
                }
            }
            return null;
        }

        /// <summary>A JDBC URL with any password=/pwd= value masked.</summary>
        public static string WithoutSecrets(string url) => url == null ? null : UrlSecret.Replace(url, m => m.Groups[1].Value + "=********");

        public static bool IsH2(string url) => (url ?? "").StartsWith("jdbc:h2:", StringComparison.OrdinalIgnoreCase);

        private static IEnumerable<string> Files(CarbonHome home)
        {
            if (home.Exists(CarbonPaths.MasterDatasourcesXml))
            {
                yield return CarbonPaths.MasterDatasourcesXml;
            }
            var folder = home.FilePath(Folder);
            if (!Directory.Exists(folder))
            {
                yield break;
            }
            foreach (var file in Directory.GetFiles(folder, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
            {
                var relative = Folder + "/" + Path.GetFileName(file);
                if (relative != CarbonPaths.MasterDatasourcesXml)
                {
                    yield return relative;
                }
            }
        }

        private static XElement Child(XElement parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
    }
}
