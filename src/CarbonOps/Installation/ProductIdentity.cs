using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace CarbonOps.Installation
{
    /// <summary>Which product and version a home is: carbon.xml first, then bin/version.txt, then the folder name.</summary>
    public static class ProductIdentity
    {
        private static readonly Regex FolderName = new Regex(@"^(?:wso2)?(?<code>[a-z]+)-(?<version>\d+(?:\.\d+)+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex VersionLine = new Regex(@"^(?<name>.+?)\s+v(?<version>\d+(?:\.\d+)+\S*)\s*$", RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, string> ProductCodes = new Dictionary<string, string>
        {
            ["esb"] = "WSO2 Enterprise Service Bus",
            ["is"] = "WSO2 Identity Server",
            ["am"] = "WSO2 API Manager",
            ["apim"] = "WSO2 API Manager",
            ["as"] = "WSO2 Application Server",
            ["dss"] = "WSO2 Data Services Server",
            ["bps"] = "WSO2 Business Process Server",
            ["greg"] = "WSO2 Governance Registry",
            ["mb"] = "WSO2 Message Broker",
            ["bam"] = "WSO2 Business Activity Monitor",
            ["cep"] = "WSO2 Complex Event Processor",
            ["brs"] = "WSO2 Business Rules Server",
            ["elb"] = "WSO2 Elastic Load Balancer",
            ["carbon"] = "WSO2 Carbon",
            ["kernel"] = "WSO2 Carbon",
        };

        // Releases built on Carbon 4.2.0, for homes without bin/wso2carbon-version.txt.
        private static readonly Dictionary<string, string[]> OnCarbon420 = new Dictionary<string, string[]>
        {
            ["WSO2 Enterprise Service Bus"] = new[] { "4.8." },
            ["WSO2 Identity Server"] = new[] { "5.0." },
            ["WSO2 API Manager"] = new[] { "1.7.", "1.8.", "1.9." },
            ["WSO2 Application Server"] = new[] { "5.2." },
            ["WSO2 Data Services Server"] = new[] { "3.2." },
            ["WSO2 Business Process Server"] = new[] { "3.2." },
            ["WSO2 Governance Registry"] = new[] { "4.6." },
            ["WSO2 Carbon"] = new[] { "4.2." },
        };

        public sealed class Identity
        {
            public string Name;
            public string Version;
            public string Source;
            public string CarbonVersion;
        }

        public static Identity Read(CarbonHome home)
        {
            var id = new Identity();
            var carbonXml = home.Xml(CarbonPaths.CarbonXml);
            var name = carbonXml.Value("Name");
            var version = carbonXml.Value("Version");
            if (IsFilledIn(name) && IsFilledIn(version))
            {
                id.Name = name;
                id.Version = version;
                id.Source = "carbon.xml";
            }
            else if (TryVersionFile(home, CarbonPaths.VersionTxt, out var fileName, out var fileVersion))
            {
                id.Name = fileName;
                id.Version = fileVersion;
                id.Source = CarbonPaths.VersionTxt;
            }
            else
            {
                var folder = Path.GetFileName(home.Path);
                var match = FolderName.Match(folder);
                if (match.Success && ProductCodes.TryGetValue(match.Groups["code"].Value.ToLowerInvariant(), out var productName))
                {
                    id.Name = productName;
                    id.Version = match.Groups["version"].Success ? match.Groups["version"].Value : null;
                    id.Source = "folder name";
                }
                else
                {
                    id.Name = "Unknown WSO2 Carbon product";
                    id.Source = "none (carbon.xml holds build placeholders and the folder name is not wso2<product>-<version>)";
                }
            }
            id.CarbonVersion = TryVersionFile(home, CarbonPaths.CarbonVersionTxt, out _, out var carbon) ? carbon : InferCarbonVersion(id);
            return id;
        }

        private static bool IsFilledIn(string value) => !string.IsNullOrEmpty(value) && !value.Contains("${");

        private static bool TryVersionFile(CarbonHome home, string relative, out string name, out string version)
        {
            name = version = null;
            if (!home.Exists(relative))
            {
                return false;
            }
            var firstLine = home.Text(relative).Text.Split('\n')[0].Trim();
            var match = VersionLine.Match(firstLine);
            if (!match.Success || !IsFilledIn(match.Value))
            {
                return false;
            }
            name = match.Groups["name"].Value;
            version = match.Groups["version"].Value;
            return true;
        }

        private static string InferCarbonVersion(Identity id)
        {
            if (id.Name == null || id.Version == null || !OnCarbon420.TryGetValue(id.Name, out var prefixes))
            {
                return null;
            }
            foreach (var prefix in prefixes)
            {
                if ((id.Version + ".").StartsWith(prefix, System.StringComparison.Ordinal))
                {
                    return "4.2.0";
                }
            }
            return null;
        }
    }
}
