using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// The management console is reachable only from allowed addresses, in any of the guide's four ways: a RemoteAddrValve
    /// with an allow list in repository/conf/tomcat/carbon/META-INF/context.xml (console only) or repository/conf/context.xml
    /// (all web applications); a RemoteAddrFilter in repository/conf/tomcat/web.xml (or the console's own web.xml) mapped to
    /// the console (/*, /carbon, or any /carbon/... pattern such as the guide's /carbon/admin/login.jsp); a RemoteAddrValve
    /// in catalina-server.xml, which "applies to all web applications". A worker node (-DworkerNode in a launcher, the site
    /// wrapper or a service unit) has no console login at all: also a Pass.
    /// </summary>
    public sealed class ConsoleAccessCheck : CarbonCheck, IHighImpactRemedy
    {
        private static readonly Regex WorkerNode = new Regex(@"-DworkerNode(=true)?(?=[\s""']|$)", RegexOptions.CultureInvariant | RegexOptions.Multiline);

        public override string Id => ConsoleAccessRemedy.CheckId;
        public override string Title => "The management console is restricted to allowed client addresses";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Running the product: restricting access to the management console";
        public override string RemediationText =>
            "Add a RemoteAddrValve with allow=\"<regex>|<regex>\" to repository/conf/tomcat/carbon/META-INF/context.xml " +
            "(Set-CarbonConsoleAccess -AllowedAddress, or Invoke-CarbonHardening -AllowedAddress; -Scope AllWebApps writes repository/conf/context.xml), " +
            "or run the node as a worker (-DworkerNode). Include the addresses you administer from.";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            const string expected = "a RemoteAddrValve (console, all web apps or catalina-server.xml) or RemoteAddrFilter on the console with an allow list, or a worker node";
            var home = context.Home;
            foreach (var source in HomeJvmOptions.Sources(context))
            {
                if (HomeJvmOptions.LinesWith(source.Value, "-DworkerNode").Any(l => WorkerNode.IsMatch(l)))
                {
                    return Pass(context, expected, $"worker node (-DworkerNode in {source.Key})", source.Key.StartsWith("/", StringComparison.Ordinal) ? source.Key : home.FilePath(source.Key),
                        "A worker node starts without the management console, so there is no console login to restrict.");
                }
            }
            foreach (var relative in new[] { CarbonPaths.ConsoleContextXml, CarbonPaths.GlobalContextXml, CarbonPaths.CatalinaServerXml })
            {
                if (!home.Exists(relative))
                {
                    continue;
                }
                var config = home.Xml(relative);
                var valve = config.Root.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Valve"
                    && (string)e.Attribute("className") == ConsoleAccessRemedy.ValveClass && !string.IsNullOrEmpty((string)e.Attribute("allow")));
                if (valve != null)
                {
                    return Pass(context, expected, $"RemoteAddrValve allow=\"{(string)valve.Attribute("allow")}\" in {relative}", config.Path).AtLine(config.LineOf(valve));
                }
            }
            foreach (var relative in new[] { CarbonPaths.TomcatWebXml, CarbonPaths.ConsoleWebXml })
            {
                if (home.Exists(relative) && FilterAllow(home.Xml(relative).Root) is KeyValuePair<string, string> filter)
                {
                    return Pass(context, expected, $"RemoteAddrFilter allow=\"{filter.Key}\" on {filter.Value} in {relative}", home.FilePath(relative));
                }
            }
            // The valve without an allow list, or else the console's Context element, where a valve belongs.
            var denyOnly = new[] { CarbonPaths.ConsoleContextXml, CarbonPaths.GlobalContextXml, CarbonPaths.CatalinaServerXml }.Where(home.Exists).Select(home.Xml)
                .Select(x => new { Config = x, Valve = x.Root.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Valve" && (string)e.Attribute("className") == ConsoleAccessRemedy.ValveClass) })
                .FirstOrDefault(v => v.Valve != null);
            var console = home.Xml(CarbonPaths.ConsoleContextXml);
            return Fail(context, expected, denyOnly != null ? "a RemoteAddrValve without an allow list" : "no address restriction", denyOnly?.Config.Path ?? console.Path,
                "Any client that reaches the server's HTTPS port can open the management console login page.")
                .AtLine(denyOnly != null ? denyOnly.Config.LineOf(denyOnly.Valve) : console.LineOf(console.Root));
        }

        public override void Remediate(RemediationContext context) =>
            ConsoleAccessRemedy.Apply(context, context.Options.AllowedAddress, context.Options.ConsoleScope);

        /// <summary>The allow of a RemoteAddrFilter and the console pattern it is mapped to (/*, /carbon, /carbon/...), or null.</summary>
        private static KeyValuePair<string, string>? FilterAllow(XElement webApp)
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
                var pattern = webApp.Elements().Where(e => e.Name.LocalName == "filter-mapping" && Text(e, "filter-name") == name)
                    .SelectMany(m => m.Elements().Where(e => e.Name.LocalName == "url-pattern").Select(e => e.Value.Trim()))
                    .FirstOrDefault(p => p == "/*" || p == "/carbon" || p.StartsWith("/carbon/", StringComparison.Ordinal));
                if (pattern != null && !string.IsNullOrEmpty(allow))
                {
                    return new KeyValuePair<string, string>(allow, pattern);
                }
            }
            return null;
        }

        private static string Text(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
    }
}
