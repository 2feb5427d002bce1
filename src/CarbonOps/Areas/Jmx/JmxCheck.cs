using System.Globalization;
using CarbonOps.Changes;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>Carbon's JMX RMI server (jmx.xml StartRMIServer): a Warning naming the ports to firewall; turned off on request only.</summary>
    public sealed class JmxCheck : CarbonCheck
    {
        public override string Id => CheckIds.SecurityJmx;
        public override string Title => "The JMX RMI server is off, or its ports are firewalled";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Security guidelines for production deployment: JMX monitoring ports";
        public override string RemediationText =>
            "Firewall the JMX ports from untrusted networks, or, when nothing monitors the server over JMX, set StartRMIServer to false in " +
            "repository/conf/etc/jmx.xml (Invoke-CarbonHardening -DisableJmx).";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            var jmx = context.Home.Xml(CarbonPaths.JmxXml);
            var start = jmx.Value("StartRMIServer");
            const string expected = "StartRMIServer false, or the JMX ports firewalled";
            if (!string.Equals(start, "true", System.StringComparison.OrdinalIgnoreCase))
            {
                return Pass(context, expected, $"StartRMIServer {start ?? "(not set)"}", jmx.Path);
            }
            var registry = Port(context.Home, jmx.Value("RMIRegistryPort"));
            var server = Port(context.Home, jmx.Value("RMIServerPort"));
            return Warn(context, expected, $"StartRMIServer true, ports {registry} (registry) and {server} (server)", jmx.Path,
                $"The JMX RMI server listens on ports {registry} and {server}; allow them only from monitoring hosts, or turn JMX off.")
                .AtLine(jmx.LineOf("StartRMIServer"));
        }

        public override void Remediate(RemediationContext context)
        {
            if (!context.Options.DisableJmx)
            {
                throw new RemediationValueMissingException("DisableJmx");
            }
            var jmx = context.Xml(CarbonPaths.JmxXml);
            if (jmx.SelectSingle("StartRMIServer") == null)
            {
                throw RemedyXml.Missing(jmx, "StartRMIServer element");
            }
            RemedyXml.EnsureChildText(context, jmx, () => jmx.Root, "StartRMIServer", null, "false", "StartRMIServer", null);
        }

        /// <summary>A jmx.xml port: a number, or ${Ports.JMX.X} from carbon.xml; plus the port offset.</summary>
        private static string Port(CarbonHome home, string value)
        {
            if (value != null && value.StartsWith("${Ports.", System.StringComparison.Ordinal) && value.EndsWith("}", System.StringComparison.Ordinal))
            {
                value = home.Xml(CarbonPaths.CarbonXml).Value(value.Substring(2, value.Length - 3).Replace('.', '/'));
            }
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port))
            {
                return value ?? "(unknown)";
            }
            return (port + CarbonInstanceReader.PortOffset(home)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
