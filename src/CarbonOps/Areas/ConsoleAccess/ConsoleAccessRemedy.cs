using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Installation;

namespace CarbonOps
{
    /// <summary>Where an address restriction applies: the management console only, or every web application.</summary>
    public enum ConsoleAccessScope { Console, AllWebApps }
}

namespace CarbonOps.Remedies
{
    /// <summary>
    /// Restricts the management console by client address with Tomcat's RemoteAddrValve, in the console's
    /// context.xml (or the one every web application reads, repository/conf/context.xml, created when absent).
    /// An existing valve keeps its place and other attributes; only its allow changes.
    /// </summary>
    public static class ConsoleAccessRemedy
    {
        public const string CheckId = CheckIds.SecurityConsoleAccess;
        public const string ValveClass = "org.apache.catalina.valves.RemoteAddrValve";
        public const string FilterClass = "org.apache.catalina.filters.RemoteAddrFilter";

        private static readonly Regex LiteralIPv4 = new Regex(@"^\d{1,3}(\.\d{1,3}){3}$", RegexOptions.CultureInvariant);

        public static string ContextFile(ConsoleAccessScope scope) =>
            scope == ConsoleAccessScope.AllWebApps ? CarbonPaths.GlobalContextXml : CarbonPaths.ConsoleContextXml;

        /// <summary>
        /// The allow expression for the entries: each must be a valid regular expression (Tomcat matches the
        /// whole client address against it); a literal IPv4 address gets its dots escaped. Duplicates go.
        /// </summary>
        public static string AllowExpression(IEnumerable<string> entries)
        {
            var result = new List<string>();
            foreach (var raw in entries ?? Enumerable.Empty<string>())
            {
                var entry = (raw ?? "").Trim();
                if (entry.Length == 0)
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "An allowed address is empty; give an IP address or a regular expression.");
                }
                if (LiteralIPv4.IsMatch(entry))
                {
                    entry = entry.Replace(".", @"\.");
                }
                try
                {
                    _ = new Regex(entry, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException ex)
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"The allowed address '{raw}' is not a valid regular expression: {ex.Message}");
                }
                if (!result.Contains(entry))
                {
                    result.Add(entry);
                }
            }
            if (result.Count == 0)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "No allowed address was given.");
            }
            return string.Join("|", result);
        }

        /// <summary>repository/conf/context.xml as the guide shows it: a Context holding the RemoteAddrValve, read by every web application.</summary>
        internal static string NewGlobalContext(string allow) =>
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            "<!-- Read by every web application of this server. The RemoteAddrValve lets only these client addresses in. -->\n" +
            "<Context>\n" +
            $"    <Valve className=\"{ValveClass}\" allow=\"{RemedyXml.EscapeAttribute(allow)}\"/>\n" +
            "</Context>\n";

        public static void Apply(RemediationContext context, string[] allowedAddress, ConsoleAccessScope scope)
        {
            if (allowedAddress == null || allowedAddress.Length == 0)
            {
                throw new RemediationValueMissingException("AllowedAddress");
            }
            var allow = AllowExpression(allowedAddress);
            var relative = ContextFile(scope);
            if (!context.Home.Exists(relative))
            {
                if (scope != ConsoleAccessScope.AllWebApps)
                {
                    throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"'{context.Home.FilePath(relative)}' does not exist; the console's context is part of every home.", context.Home.FilePath(relative));
                }
                // The guide's all-web-applications file is absent from stock homes: create it holding just the valve.
                context.Record(context.Home.FilePath(relative), "Valve[RemoteAddrValve]/@allow", null, allow);
                context.CreateFile(relative, System.Text.Encoding.UTF8.GetBytes(NewGlobalContext(allow)), 0x1a4 /* 0644 */);
                return;
            }
            var config = context.Xml(relative);
            if (config.Root.Name.LocalName != "Context")
            {
                throw RemedyXml.Missing(config, "<Context> document element");
            }
            Func<System.Xml.Linq.XElement> valve = () => RemedyXml.Child(config.Root, "Valve", e => (string)e.Attribute("className") == ValveClass);
            if (valve() != null)
            {
                RemedyXml.EnsureAttribute(context, config, valve, "allow", allow, "Valve[RemoteAddrValve]/@allow");
                return;
            }
            context.Record(config.Path, "Valve[RemoteAddrValve]/@allow", null, allow);
            config.AppendChild(config.Root, $"<Valve className=\"{ValveClass}\" allow=\"{RemedyXml.EscapeAttribute(allow)}\"/>");
        }
    }
}
