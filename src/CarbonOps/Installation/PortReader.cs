using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Editing;

namespace CarbonOps.Installation
{
    /// <summary>A port a product home's files declare.</summary>
    public sealed class PortDeclaration
    {
        internal PortDeclaration(string name, string protocol, int basePort, bool shifted, bool opensSocket, string source, int proxyPort, string note)
        {
            Name = name;
            Protocol = protocol;
            BasePort = basePort;
            ShiftedByOffset = shifted;
            OpensSocket = opensSocket;
            Source = source;
            ProxyPort = proxyPort;
            Note = note;
        }

        public string Name { get; }
        public string Protocol { get; }
        public int BasePort { get; }
        public bool ShiftedByOffset { get; }
        public bool OpensSocket { get; }
        public string Source { get; }
        public int ProxyPort { get; }
        public string Note { get; }
    }

    /// <summary>
    /// Reads the ports of a Carbon 4.2.0 home: carbon.xml /Server/Ports (shifted by Offset),
    /// catalina-server.xml connectors (shifted) and shutdown port, axis2.xml transport receivers
    /// (shifted), and API Manager's key validation Thrift server in api-manager.xml (not shifted
    /// before API-M 2.0). Commented-out elements are not ports.
    /// </summary>
    public static class PortReader
    {
        public const string ApiManagerXml = "repository/conf/api-manager.xml";

        private static readonly Dictionary<string, string[]> CarbonPortNames = new Dictionary<string, string[]>
        {
            ["JMX/RMIRegistryPort"] = new[] { "JMX RMI registry", "RMI" },
            ["JMX/RMIServerPort"] = new[] { "JMX RMI server", "RMI" },
            ["EmbeddedLDAP/LDAPServerPort"] = new[] { "Embedded LDAP server", "LDAP" },
            ["EmbeddedLDAP/KDCServerPort"] = new[] { "Embedded Kerberos KDC", "Kerberos" },
            ["EmbeddedQpid/BrokerPort"] = new[] { "Embedded Qpid broker", "AMQP" },
            ["EmbeddedQpid/BrokerSSLPort"] = new[] { "Embedded Qpid broker (SSL)", "AMQPS" },
            ["ThriftEntitlementReceivePort"] = new[] { "Thrift entitlement service", "Thrift" },
            ["JNDIProviderPort"] = new[] { "JNDI provider", "RMI" },
        };

        public static IReadOnlyList<PortDeclaration> Read(CarbonHome home)
        {
            var ports = new List<PortDeclaration>();
            ports.AddRange(FromCarbonXml(home.Xml(CarbonPaths.CarbonXml)));
            if (home.Exists(CarbonPaths.CatalinaServerXml))
            {
                ports.AddRange(FromCatalina(home.Xml(CarbonPaths.CatalinaServerXml)));
            }
            if (home.Exists(CarbonPaths.Axis2Xml))
            {
                ports.AddRange(FromAxis2(home.Xml(CarbonPaths.Axis2Xml)));
            }
            if (home.Exists(ApiManagerXml))
            {
                ports.AddRange(FromApiManager(home.Xml(ApiManagerXml)));
            }
            return ports;
        }

        private static IEnumerable<PortDeclaration> FromCarbonXml(XmlConfig config)
        {
            var root = config.SelectSingle("Ports");
            if (root == null)
            {
                yield break;
            }
            foreach (var element in root.Descendants().Where(e => !e.HasElements && e.Name.LocalName != "Offset"))
            {
                var path = string.Join("/", element.AncestorsAndSelf().TakeWhile(e => e != root).Reverse().Select(e => e.Name.LocalName));
                if (!TryPort(element.Value, out var port))
                {
                    continue;
                }
                var names = CarbonPortNames.TryGetValue(path, out var known) ? known : new[] { path, "TCP" };
                yield return new PortDeclaration(names[0], names[1], port, true, true,
                    Source(CarbonPaths.CarbonXml, "Server/Ports/" + path, config.LineOf(element)), 0, null);
            }
        }

        private static IEnumerable<PortDeclaration> FromCatalina(XmlConfig config)
        {
            var server = config.Root;
            if (server.Name.LocalName == "Server" && TryPort((string)server.Attribute("port"), out var shutdown) && shutdown > 0)
            {
                yield return new PortDeclaration("Tomcat shutdown", "TCP", shutdown, false, false,
                    Source(CarbonPaths.CatalinaServerXml, "Server/@port", config.LineOf(server)), 0,
                    "Carbon runs Tomcat embedded and does not listen on the shutdown port; it takes no part in conflicts.");
            }
            foreach (var connector in config.Select("Service/Connector"))
            {
                if (!TryPort((string)connector.Attribute("port"), out var port))
                {
                    continue;
                }
                var secure = IsTrue(connector, "SSLEnabled") || IsTrue(connector, "secure") || string.Equals((string)connector.Attribute("scheme"), "https", System.StringComparison.OrdinalIgnoreCase);
                TryPort((string)connector.Attribute("proxyPort"), out var proxy);
                yield return new PortDeclaration(secure ? "Servlet HTTPS transport" : "Servlet HTTP transport", secure ? "HTTPS" : "HTTP", port, true, true,
                    Source(CarbonPaths.CatalinaServerXml, "Server/Service/Connector/@port", config.LineOf(connector)), proxy,
                    proxy > 0 ? $"Clients reach it through a proxy on port {proxy}." : null);
            }
        }

        private static IEnumerable<PortDeclaration> FromAxis2(XmlConfig config)
        {
            foreach (var receiver in config.Select("transportReceiver"))
            {
                var parameter = receiver.Elements().FirstOrDefault(e => e.Name.LocalName == "parameter" && (string)e.Attribute("name") == "port");
                if (parameter == null || !TryPort(parameter.Value, out var port))
                {
                    continue;
                }
                var name = (string)receiver.Attribute("name") ?? "?";
                var className = (string)receiver.Attribute("class") ?? "";
                var servlet = className.StartsWith("org.wso2.carbon.core.transports.", System.StringComparison.Ordinal);
                var shortClass = className.Substring(className.LastIndexOf('.') + 1);
                yield return new PortDeclaration(
                    servlet ? $"Axis2 {name} servlet transport" : TransportName(name, shortClass),
                    name.ToUpperInvariant(), port, true, !servlet,
                    Source(CarbonPaths.Axis2Xml, $"transportReceiver[@name='{name}']/parameter[@name='port']", config.LineOf(parameter)), 0,
                    servlet ? "Served by the Tomcat connector of catalina-server.xml; this entry only names its port." : null);
            }
        }

        private static string TransportName(string name, string shortClass)
        {
            switch (shortClass)
            {
                case "PassThroughHttpListener": return "Pass-through HTTP transport";
                case "PassThroughHttpSSLListener": return "Pass-through HTTPS transport";
                case "HttpCoreNIOListener": return "NIO HTTP transport";
                case "HttpCoreNIOSSLListener": return "NIO HTTPS transport";
                default: return $"Axis2 {name} transport ({shortClass})";
            }
        }

        /// <summary>The key validation Thrift server: under APIKeyManager in API-M 1.7, APIKeyValidator in 1.8 and 1.9.</summary>
        private static IEnumerable<PortDeclaration> FromApiManager(XmlConfig config)
        {
            foreach (var section in config.Root.Elements())
            {
                var element = section.Elements().FirstOrDefault(e => e.Name.LocalName == "ThriftServerPort");
                if (element == null || !TryPort(element.Value, out var port))
                {
                    continue;
                }
                var enable = section.Elements().FirstOrDefault(e => e.Name.LocalName == "EnableThriftServer")?.Value.Trim();
                var enabled = !string.Equals(enable, "false", System.StringComparison.OrdinalIgnoreCase);
                yield return new PortDeclaration("API-M key validation Thrift server", "Thrift", port, false, enabled,
                    Source(ApiManagerXml, $"{config.Root.Name.LocalName}/{section.Name.LocalName}/ThriftServerPort", config.LineOf(element)), 0,
                    "API Manager before 2.0 does not add the offset to this port: instances on one host need different values."
                    + (enabled ? "" : " EnableThriftServer is false, so it is not opened."));
            }
        }

        private static bool TryPort(string text, out int port) =>
            int.TryParse((text ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

        private static bool IsTrue(XElement element, string attribute) =>
            string.Equals((string)element.Attribute(attribute), "true", System.StringComparison.OrdinalIgnoreCase);

        private static string Source(string file, string path, int line) => $"{file} {path} (line {line})";
    }
}
