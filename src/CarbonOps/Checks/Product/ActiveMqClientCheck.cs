using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>The guide: with a JMS transport enabled against ActiveMQ, the ActiveMQ 5.5.0+ client jars are in repository/components/lib.</summary>
    public sealed class ActiveMqClientCheck : CarbonCheck
    {
        internal const string LibFolder = "repository/components/lib";
        private static readonly Regex ClientJar = new Regex(@"^activemq-(core|client|all)-(?<v>\d+(\.\d+)*)[\w.\-]*\.jar$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public override string Id => CheckIds.AppsActiveMqClient;
        public override string Title => "ActiveMQ 5.5.0+ client jars for an enabled JMS transport";
        public override string Category => "Apps";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Installation Prerequisites: Required applications (ActiveMQ JMS provider)";
        public override string RemediationText =>
            "Copy the ActiveMQ 5.5.0 or later client jars (activemq-core or activemq-client, with geronimo-j2ee-management_1.1_spec and geronimo-jms_1.1_spec) into repository/components/lib, then restart.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var axis2 = context.Home.Xml(CarbonPaths.Axis2Xml);
            var jms = axis2.Select("transportReceiver").Concat(axis2.Select("transportSender"))
                .Where(t => string.Equals(t.Attribute("name")?.Value.Trim(), "jms", StringComparison.OrdinalIgnoreCase)).ToList();
            if (jms.Count == 0)
            {
                return Skip(context, axis2.Path, "No JMS transport is enabled in axis2.xml.");
            }
            var factories = jms.SelectMany(t => t.Descendants().Where(e => e.Name.LocalName == "parameter" && e.Attribute("name")?.Value == "java.naming.factory.initial"))
                .Select(e => e.Value.Trim()).Distinct().ToList();
            if (factories.Count > 0 && !factories.Any(f => f.IndexOf("activemq", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return Skip(context, axis2.Path, $"The JMS transport uses {string.Join(", ", factories)}, not ActiveMQ.");
            }
            var lib = context.Home.FilePath(LibFolder);
            const string expected = "an ActiveMQ 5.5.0 or later client jar in repository/components/lib";
            var jars = Directory.Exists(lib)
                ? Directory.GetFiles(lib, "activemq-*.jar").Select(Path.GetFileName).Where(n => ClientJar.IsMatch(n)).OrderBy(n => n, StringComparer.Ordinal).ToList()
                : new System.Collections.Generic.List<string>();
            if (jars.Count == 0)
            {
                return Fail(context, expected, "no ActiveMQ client jar", lib, "axis2.xml enables a JMS transport for ActiveMQ, but repository/components/lib has no ActiveMQ client jar.");
            }
            var best = jars.OrderByDescending(n => ToolInstallation.Numbers(ClientJar.Match(n).Groups["v"].Value), VersionComparer.Instance).First();
            var version = ClientJar.Match(best).Groups["v"].Value;
            var tool = new ToolInstallation("ActiveMQ client", Path.Combine(lib, best), version, null);
            return tool.AtLeast("5.5.0")
                ? Pass(context, expected, string.Join(", ", jars), lib)
                : Fail(context, expected, string.Join(", ", jars), lib, $"{best} is older than ActiveMQ 5.5.0.");
        }

        private sealed class VersionComparer : System.Collections.Generic.IComparer<int[]>
        {
            public static readonly VersionComparer Instance = new VersionComparer();

            public int Compare(int[] a, int[] b)
            {
                for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
                {
                    var c = (i < a.Length ? a[i] : 0).CompareTo(i < b.Length ? b[i] : 0);
                    if (c != 0)
                    {
                        return c;
                    }
                }
                return 0;
            }
        }
    }
}
