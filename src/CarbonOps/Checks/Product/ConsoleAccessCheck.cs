using System.Linq;
using System.Xml.Linq;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// The management console is reachable only from allowed addresses: a RemoteAddrValve in the console's
    /// (or every web application's) context.xml, or a RemoteAddrFilter mapped to the console in a web.xml.
    /// </summary>
    public sealed class ConsoleAccessCheck : CarbonCheck, IHighImpactRemedy
    {
        public override string Id => ConsoleAccessRemedy.CheckId;
        public override string Title => "The management console is restricted to allowed client addresses";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Security guidelines for production deployment: restricting access to the management console";
        public override string RemediationText =>
            "Add a RemoteAddrValve with allow=\"<regex>|<regex>\" to repository/conf/tomcat/carbon/META-INF/context.xml " +
            "(Set-CarbonConsoleAccess -AllowedAddress, or Invoke-CarbonHardening -AllowedAddress). Include the addresses you administer from.";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            const string expected = "a RemoteAddrValve (or RemoteAddrFilter on /carbon) with an allow list";
            var console = context.Home.Xml(CarbonPaths.ConsoleContextXml);
            foreach (var relative in new[] { CarbonPaths.ConsoleContextXml, CarbonPaths.GlobalContextXml })
            {
                if (!context.Home.Exists(relative))
                {
                    continue;
                }
                var config = context.Home.Xml(relative);
                var valve = config.Root.Elements().FirstOrDefault(e => e.Name.LocalName == "Valve"
                    && (string)e.Attribute("className") == ConsoleAccessRemedy.ValveClass && !string.IsNullOrEmpty((string)e.Attribute("allow")));
                if (valve != null)
                {
                    return Pass(context, expected, $"RemoteAddrValve allow=\"{(string)valve.Attribute("allow")}\"", config.Path).AtLine(config.LineOf(valve));
                }
            }
            foreach (var relative in new[] { CarbonPaths.ConsoleWebXml, CarbonPaths.TomcatWebXml })
            {
                if (context.Home.Exists(relative) && FilterAllow(context.Home.Xml(relative).Root) is string allow)
                {
                    return Pass(context, expected, $"RemoteAddrFilter allow=\"{allow}\"", context.Home.FilePath(relative));
                }
            }
            var denyOnly = console.Root.Elements().FirstOrDefault(e => e.Name.LocalName == "Valve" && (string)e.Attribute("className") == ConsoleAccessRemedy.ValveClass);
            // The valve without an allow list, or else the Context element the valve belongs in.
            return Fail(context, expected, denyOnly != null ? "a RemoteAddrValve without an allow list" : "no address restriction", console.Path,
                "Any client that reaches the server's HTTPS port can open the management console login page.").AtLine(console.LineOf(denyOnly ?? console.Root));
        }

        public override void Remediate(RemediationContext context) =>
            ConsoleAccessRemedy.Apply(context, context.Options.AllowedAddress, context.Options.ConsoleScope);

        /// <summary>The allow of a RemoteAddrFilter mapped to /carbon/* or /*, or null.</summary>
        private static string FilterAllow(XElement webApp)
        {
            foreach (var filter in webApp.Elements().Where(e => e.Name.LocalName == "filter"))
            {
                if (Text(filter, "filter-class") != ConsoleAccessRemedy.FilterClass)
                {
                    continue;
                }
                var name = Text(filter, "filter-name");
                var allow = filter.Elements().Where(e => e.Name.LocalName == "init-param")
                    .FirstOrDefault(p => Text(p, "param-name") == "allow") is XElement param ? Text(param, "param-value") : null;
                var mapped = webApp.Elements().Where(e => e.Name.LocalName == "filter-mapping" && Text(e, "filter-name") == name)
                    .SelectMany(m => m.Elements().Where(e => e.Name.LocalName == "url-pattern").Select(e => e.Value.Trim()))
                    .Any(p => p == "/*" || p == "/carbon/*" || p == "/carbon");
                if (mapped && !string.IsNullOrEmpty(allow))
                {
                    return allow;
                }
            }
            return null;
        }

        private static string Text(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
    }
}
