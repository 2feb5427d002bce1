using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// Reports the proxy settings a home has: JVM proxy properties in the launchers, proxy parameters of the
    /// axis2.xml senders, and proxyName/proxyPort on the connectors. Information, never a failure;
    /// Set-CarbonProxy sets them on request.
    /// </summary>
    public sealed class ProxyCheck : CarbonCheck
    {
        private static readonly Regex JvmProperty = new Regex(@"-D(?<k>https?\.(?:proxyHost|proxyPort|nonProxyHosts))=(?<v>[^\s""]+)", RegexOptions.CultureInvariant);
        private static readonly string[] SenderParameters = { "Proxy", "http.proxyHost", "http.proxyPort", "http.nonProxyHosts", "https.proxyHost", "https.proxyPort" };

        public override string Id => ProxyRemedy.CheckId;
        public override string Title => "Proxy settings (reported)";
        public override string Category => "Network";
        public override CheckSeverity Severity => CheckSeverity.Info;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: proxy servers and load balancers";
        public override string RemediationText =>
            "Set-CarbonProxy -ProxyName sets proxyName/proxyPort on the connectors for a reverse proxy in front; Set-CarbonProxy -OutboundProxy sets the pass-through senders' proxy.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var found = new List<string>();
            foreach (var launcher in CarbonPaths.StartupScripts.Where(context.Home.Exists))
            {
                foreach (var line in context.Home.Text(launcher).Text.Split('\n').Where(l => !IsComment(l)))
                {
                    found.AddRange(JvmProperty.Matches(line).Cast<Match>().Select(m => $"{launcher}: {m.Groups["k"].Value}={m.Groups["v"].Value}"));
                }
            }
            if (context.Home.Exists(CarbonPaths.Axis2Xml))
            {
                foreach (var sender in context.Home.Xml(CarbonPaths.Axis2Xml).Root.Elements().Where(e => e.Name.LocalName == "transportSender"))
                {
                    foreach (var p in sender.Elements().Where(e => e.Name.LocalName == "parameter" && SenderParameters.Contains((string)e.Attribute("name"))))
                    {
                        var value = p.HasElements ? string.Join(" ", p.Descendants().Where(d => !d.HasElements).Select(d => $"{d.Name.LocalName}={d.Value.Trim()}")) : p.Value.Trim();
                        found.Add($"axis2.xml sender {(string)sender.Attribute("name")}: {(string)p.Attribute("name")}={value}");
                    }
                }
            }
            if (context.Home.Exists(CarbonPaths.CatalinaServerXml))
            {
                foreach (var c in ProxyRemedy.Connectors(context.Home.Xml(CarbonPaths.CatalinaServerXml).Root))
                {
                    var name = (string)c.Attribute("proxyName");
                    var port = (string)c.Attribute("proxyPort");
                    if (name != null || port != null)
                    {
                        found.Add($"connector {(string)c.Attribute("port")}: proxyName={name} proxyPort={port}");
                    }
                }
            }
            var actual = found.Count == 0 ? "no proxy settings" : string.Join("; ", found);
            return Pass(context, "proxy settings as the network needs (reported only)", actual, context.Home.Path,
                found.Count == 0 ? "No proxy is configured: outbound calls go direct and links use the server's own name and ports." : $"{found.Count} proxy setting(s) found.");
        }

        private static bool IsComment(string line)
        {
            var t = line.TrimStart();
            return t.StartsWith("#", StringComparison.Ordinal) || t.StartsWith("rem ", StringComparison.OrdinalIgnoreCase) || t.StartsWith("::", StringComparison.Ordinal);
        }
    }
}
