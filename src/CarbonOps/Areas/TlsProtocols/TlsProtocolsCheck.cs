using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// POODLE: Carbon 4.2.0's HTTPS connector has sslProtocol="TLS" and no sslEnabledProtocols, which leaves
    /// SSLv3 on; the pass-through SSL listener and sender need an HttpsProtocols parameter for the same reason.
    /// </summary>
    public sealed class TlsProtocolsCheck : CarbonCheck, IHighImpactRemedy
    {
        public override string Id => TlsProtocolRemedy.CheckId;
        public override string Title => "HTTPS listeners and senders enable TLS protocols only (no SSLv3)";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "WSO2 security advisory for Carbon 4.x: disabling SSLv3 (POODLE)";
        public override string RemediationText =>
            "Set sslEnabledProtocols on the HTTPS connectors of catalina-server.xml and HttpsProtocols on the SSL listeners and senders of axis2.xml " +
            "(Set-CarbonTlsProtocol, or Invoke-CarbonHardening -JavaHome <JDK>); only protocols the JDK speaks (JDK 1.6: TLSv1).";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            var catalina = context.Home.Xml(CarbonPaths.CatalinaServerXml);
            var problems = new List<string>();
            var seen = new List<string>();
            foreach (var connector in TlsProtocolRemedy.HttpsConnectors(catalina.Root))
            {
                var label = $"connector {(string)connector.Attribute("port")}";
                Inspect(label, (string)connector.Attribute("sslEnabledProtocols"), "sslEnabledProtocols", problems, seen);
            }
            if (context.Home.Exists(CarbonPaths.Axis2Xml))
            {
                foreach (var transport in TlsProtocolRemedy.SslTransports(context.Home.Xml(CarbonPaths.Axis2Xml).Root))
                {
                    var label = $"axis2 {transport.Name.LocalName} {(string)transport.Attribute("name")}";
                    var value = transport.Elements().FirstOrDefault(e => e.Name.LocalName == "parameter" && (string)e.Attribute("name") == "HttpsProtocols")?.Value.Trim();
                    Inspect(label, value, "HttpsProtocols", problems, seen);
                }
            }
            const string expected = "sslEnabledProtocols / HttpsProtocols set to TLS protocols only";
            if (seen.Count + problems.Count == 0)
            {
                return Skip(context, catalina.Path, "No HTTPS connector or SSL transport was found.");
            }
            if (problems.Count == 0)
            {
                return Pass(context, expected, string.Join("; ", seen), catalina.Path);
            }
            return Fail(context, expected, string.Join("; ", problems), catalina.Path,
                "Without an explicit protocol list the JDK's defaults apply, which include SSLv3 on the JDKs Carbon 4.2.0 runs on (POODLE): " + string.Join("; ", problems) + ".");
        }

        public override void Remediate(RemediationContext context) =>
            TlsProtocolRemedy.Apply(context, context.Options.TlsProtocol, context.Options.JavaHome);

        private static void Inspect(string label, string value, string attribute, List<string> problems, List<string> seen)
        {
            if (string.IsNullOrEmpty(value))
            {
                problems.Add($"{label}: no {attribute}");
                return;
            }
            var protocols = value.Split(',').Select(p => p.Trim()).ToList();
            var bad = protocols.Where(p => !TlsProtocolRemedy.Known.Contains(p, StringComparer.Ordinal) && p != "SSLv2Hello").ToList();
            if (bad.Count > 0)
            {
                problems.Add($"{label}: {attribute} enables {string.Join(", ", bad)}");
                return;
            }
            seen.Add($"{label}: {value}");
        }
    }
}
