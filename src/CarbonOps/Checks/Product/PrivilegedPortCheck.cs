using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>The guide: keep Carbon on its own ports (above 1024) and forward 80/443 with a firewall rule, rather than run it privileged.</summary>
    public sealed class PrivilegedPortCheck : CarbonCheck
    {
        public override string Id => CheckIds.SecurityPrivilegedPort;
        public override string Title => "No connector or transport listens on a port below 1024";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Security guidelines for production deployment: ports below 1024";
        public override string RemediationText =>
            "Keep the default ports (9443, 9763, 8243, 8280 plus the offset) and forward 80/443 to them with a firewall rule (iptables/nftables REDIRECT), " +
            "so the server does not need root.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var offset = CarbonInstanceReader.PortOffset(context.Home);
            var ports = new List<(string Label, int Port)>();
            if (context.Home.Exists(CarbonPaths.CatalinaServerXml))
            {
                foreach (var c in ProxyRemedy.Connectors(context.Home.Xml(CarbonPaths.CatalinaServerXml).Root))
                {
                    if (int.TryParse((string)c.Attribute("port"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
                    {
                        ports.Add(($"Tomcat connector {port}", port + offset));
                    }
                }
            }
            if (context.Home.Exists(CarbonPaths.Axis2Xml))
            {
                foreach (var r in context.Home.Xml(CarbonPaths.Axis2Xml).Root.Elements().Where(e => e.Name.LocalName == "transportReceiver"))
                {
                    var value = r.Elements().FirstOrDefault(e => e.Name.LocalName == "parameter" && (string)e.Attribute("name") == "port")?.Value.Trim();
                    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
                    {
                        ports.Add(($"axis2 {(string)r.Attribute("name")} {port}", port + offset));
                    }
                }
            }
            if (ports.Count == 0)
            {
                return Skip(context, context.Home.Path, "Neither catalina-server.xml nor axis2.xml names a port.");
            }
            const string expected = "every port 1024 or above";
            var low = ports.Where(p => p.Port < 1024).ToList();
            var target = context.Home.FilePath(CarbonPaths.CatalinaServerXml);
            var actual = string.Join(", ", ports.Select(p => p.Port).Distinct().OrderBy(p => p));
            return low.Count == 0
                ? Pass(context, expected, actual, target)
                : Fail(context, expected, actual, target,
                    $"Binding below 1024 needs root or CAP_NET_BIND_SERVICE: {string.Join(", ", low.Select(p => $"{p.Label} (effective {p.Port})"))}.");
        }
    }
}
