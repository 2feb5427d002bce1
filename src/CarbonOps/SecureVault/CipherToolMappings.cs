using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Editing;

namespace CarbonOps.SecureVault
{
    /// <summary>One line of cipher-tool.properties: alias=&lt;file&gt;//&lt;xpath&gt;,&lt;true if element names start with a capital&gt;.</summary>
    public sealed class CipherToolMapping
    {
        internal CipherToolMapping(string alias, string fileName, string xpathText, string capitalFlag, int line, string relativePath, VaultXPath xpath, string parseError)
        {
            Alias = alias;
            FileName = fileName;
            XPathText = xpathText;
            CapitalFlag = capitalFlag;
            Line = line;
            RelativePath = relativePath;
            XPath = xpath;
            ParseError = parseError;
        }

        public string Alias { get; }
        public string FileName { get; }
        public string XPathText { get; }
        public string CapitalFlag { get; }
        public int Line { get; }
        /// <summary>The file relative to the home, found where the cipher tool looks; null when no such file exists.</summary>
        public string RelativePath { get; }
        public VaultXPath XPath { get; }
        /// <summary>Why the value could not be read, or null.</summary>
        public string ParseError { get; }
    }

    public static class CipherToolMappings
    {
        /// <summary>The folders WSO2's cipher tool searches, in its order, for a mapping's file name.</summary>
        private static readonly string[] SearchFolders =
        {
            "repository/conf/", "", "repository/conf/security/", "repository/conf/axis2/", "repository/conf/tomcat/",
            "repository/conf/etc/", "repository/conf/datasources/", "repository/deployment/server/userstores/",
        };

        public static IReadOnlyList<CipherToolMapping> Read(string home, PropertiesConfig file)
        {
            if (file == null)
            {
                return new CipherToolMapping[0];
            }
            var result = new List<CipherToolMapping>();
            // Many lines name the same file (axis2.xml, carbon.xml): each is looked for once.
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            string Find(string fileName)
            {
                var key = fileName ?? "";
                if (!found.TryGetValue(key, out var relative))
                {
                    relative = FindFile(home, fileName);
                    found[key] = relative;
                }
                return relative;
            }
            foreach (var entry in file.Entries)
            {
                var line = file.Text.GetLineNumber(entry.LineStart);
                result.Add(Parse(entry.Key, entry.Value, line, Find));
            }
            // java.util.Properties keeps the last line of a key.
            return result.GroupBy(m => m.Alias, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        }

        /// <summary>The value of a mapping line for a location: file//xpath,capital.</summary>
        public static string Format(string fileName, string xpath)
        {
            var first = xpath.TrimStart('/');
            var capital = first.Length > 0 && char.IsUpper(first[0]);
            return fileName + xpath + "," + (capital ? "true" : "false");
        }

        public static string FindFile(string home, string fileName)
        {
            if (string.IsNullOrEmpty(fileName))
            {
                return null;
            }
            var name = fileName.Replace('\\', '/').TrimStart('/');
            foreach (var folder in SearchFolders)
            {
                var relative = folder + name;
                if (File.Exists(Path.Combine(home, relative.Replace('/', Path.DirectorySeparatorChar))))
                {
                    return relative;
                }
            }
            return null;
        }

        private static CipherToolMapping Parse(string alias, string value, int line, Func<string, string> findFile)
        {
            var slashes = value.IndexOf("//", StringComparison.Ordinal);
            if (slashes <= 0)
            {
                return new CipherToolMapping(alias, null, null, null, line, null, null, "the value is not <file>//<xpath>[,true|false]");
            }
            var fileName = value.Substring(0, slashes).Trim();
            var rest = value.Substring(slashes);
            string flag = null;
            var comma = rest.LastIndexOf(',');
            if (comma > 0)
            {
                var tail = rest.Substring(comma + 1).Trim();
                if (tail == "true" || tail == "false")
                {
                    flag = tail;
                    rest = rest.Substring(0, comma);
                }
            }
            VaultXPath xpath = null;
            string error = null;
            try
            {
                xpath = VaultXPath.Parse(rest);
            }
            catch (FormatException ex)
            {
                error = $"the XPath '{rest}' cannot be read: {ex.Message}";
            }
            return new CipherToolMapping(alias, fileName, rest.Trim(), flag, line, findFile(fileName), xpath, error);
        }
    }
}
