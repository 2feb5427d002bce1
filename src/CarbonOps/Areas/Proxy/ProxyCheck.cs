using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// The guide's two ways of using a proxy: system properties at start-up (-Dhttp.proxyHost, -Dhttp.proxyPort) and
    /// axis2.xml's &lt;parameter name="Proxy"&gt;. Reports every proxy setting of a home: the JVM properties in the
    /// launchers (their JAVA_OPTS lines too), the site wrapper (bin/wso2server-local.sh/.bat) and a systemd unit that
    /// runs the home; the proxy parameters of the axis2.xml senders; proxyName/proxyPort on the connectors. A proxy is
    /// optional ("If the product is hosted behind a proxy"), so no proxy is a Pass; a proxy host given without its
    /// port (Java would use port 80) is a Warning.
    /// </summary>
    public sealed class ProxyCheck : CarbonCheck
    {
        private static readonly Regex JvmProperty = new Regex(@"-D(?<k>https?\.(?:proxyHost|proxyPort|nonProxyHosts))=(?<v>[^\s""']+)", RegexOptions.CultureInvariant);
        private static readonly string[] SenderParameters = { "Proxy", "http.proxyHost", "http.proxyPort", "http.nonProxyHosts", "https.proxyHost", "https.proxyPort" };

        public override string Id => ProxyRemedy.CheckId;
        public override string Title => "Proxy settings (reported)";
        public override string Category => "Network";
        public override CheckSeverity Severity => CheckSeverity.Info;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Common guidelines and checklist (proxy servers)";
        public override string RemediationText =>
            "Set-CarbonProxy -ProxyName sets proxyName/proxyPort on the connectors for a reverse proxy in front; Set-CarbonProxy -OutboundProxy sets axis2.xml's senders " +
            "(the Proxy parameter and the pass-through senders' http.proxyHost/http.proxyPort); Set-CarbonJvmOption -SystemProperty @{ 'http.proxyHost' = ...; 'http.proxyPort' = ... } sets the JVM's.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var found = new List<string>();
            var halfSet = new List<string>();
            foreach (var source in HomeJvmOptions.Sources(context))
            {
                var properties = HomeJvmOptions.LinesWith(source.Value, "-D")
                    .SelectMany(l => JvmProperty.Matches(l).Cast<Match>()).Select(m => m.Groups["k"].Value + "=" + m.Groups["v"].Value).Distinct().ToList();
                found.AddRange(properties.Select(p => $"{source.Key}: {p}"));
                foreach (var scheme in new[] { "http", "https" })
                {
                    if (properties.Any(p => p.StartsWith(scheme + ".proxyHost=", StringComparison.Ordinal)) && !properties.Any(p => p.StartsWith(scheme + ".proxyPort=", StringComparison.Ordinal)))
                    {
                        halfSet.Add($"{source.Key} sets {scheme}.proxyHost without {scheme}.proxyPort");
                    }
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
            const string expected = "proxy settings as the network needs (reported only); a proxy host with its port";
            var actual = found.Count == 0 ? "no proxy settings" : string.Join("; ", found);
            if (halfSet.Count > 0)
            {
                return Warn(context, expected, actual, context.Home.Path,
                    string.Join("; ", halfSet) + ": Java then uses port 80 for the proxy. Give the port too.");
            }
            return Pass(context, expected, actual, context.Home.Path,
                found.Count == 0 ? "No proxy is configured: outbound calls go direct and links use the server's own name and ports." : $"{found.Count} proxy setting(s) found.");
        }
    }
}
