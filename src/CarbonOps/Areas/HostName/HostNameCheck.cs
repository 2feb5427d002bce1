using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>The guide: set HostName and MgtHostName in carbon.xml; Java's own lookup of the host name is unreliable.</summary>
    public sealed class HostNameCheck : CarbonCheck
    {
        public override string Id => HostNameRemedy.CheckId;
        public override string Title => "carbon.xml names the host (HostName and MgtHostName)";
        public override string Category => "Carbon";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Common guidelines and checklist (host name)";
        public override string RemediationText =>
            "Set HostName and MgtHostName in repository/conf/carbon.xml to the name clients use (Set-CarbonHostName -HostName, or " +
            "Invoke-CarbonHardening -HostName); behind a proxy, also the WSDLEPRPrefix of the axis2.xml listeners (-WsdlEprPrefix).";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            var carbon = context.Home.Xml(CarbonPaths.CarbonXml);
            var host = carbon.Value("HostName");
            var mgt = carbon.Value("MgtHostName");
            var actual = $"HostName {Show(host)}, MgtHostName {Show(mgt)}";
            var prefix = WsdlEprPrefix(context.Home);
            if (prefix != null)
            {
                actual += $", WSDLEPRPrefix {prefix}";
            }
            const string expected = "HostName and MgtHostName set";
            if (!string.IsNullOrEmpty(host) && !string.IsNullOrEmpty(mgt))
            {
                return Pass(context, expected, actual, carbon.Path);
            }
            var missing = string.Join(" and ", new[] { string.IsNullOrEmpty(host) ? "HostName" : null, string.IsNullOrEmpty(mgt) ? "MgtHostName" : null }.Where(n => n != null));
            return Fail(context, expected, actual, carbon.Path,
                $"carbon.xml does not set {missing}: service endpoints and console links use whatever name Java looks up for this machine.")
                .AtLine(carbon.LineOf(string.IsNullOrEmpty(host) ? "HostName" : "MgtHostName"));
        }

        public override void Remediate(RemediationContext context) =>
            HostNameRemedy.Apply(context, context.Options.HostName, context.Options.MgtHostName, context.Options.WsdlEprPrefix);

        private static string Show(string value) => string.IsNullOrEmpty(value) ? "(not set)" : value;

        /// <summary>"not set" or the values of the listeners that honour it; null when axis2.xml has none of them.</summary>
        private static string WsdlEprPrefix(CarbonHome home)
        {
            if (!home.Exists(CarbonPaths.Axis2Xml))
            {
                return null;
            }
            var listeners = HostNameRemedy.Listeners(home.Xml(CarbonPaths.Axis2Xml).Root).ToList();
            if (listeners.Count == 0)
            {
                return null;
            }
            var values = listeners.Select(l => l.Elements().FirstOrDefault(e => e.Name.LocalName == "parameter" && (string)e.Attribute("name") == "WSDLEPRPrefix")?.Value.Trim())
                .Where(v => !string.IsNullOrEmpty(v)).Distinct().ToList();
            return values.Count == 0 ? "(not set; needed only behind a proxy)" : string.Join(", ", values);
        }
    }
}
