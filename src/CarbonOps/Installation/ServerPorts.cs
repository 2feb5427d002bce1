using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace CarbonOps.Installation
{
    /// <summary>
    /// The management ports of a home as configured: the servlet transport connectors of
    /// catalina-server.xml (9443 HTTPS, 9763 HTTP) plus carbon.xml's Ports/Offset.
    /// </summary>
    public static class ServerPorts
    {
        public sealed class Connector
        {
            internal Connector(int port, bool https)
            {
                Port = port;
                Https = https;
            }

            /// <summary>The effective port: the connector's port plus the offset.</summary>
            public int Port { get; }
            public bool Https { get; }
        }

        /// <summary>Every connector with a numeric port, HTTPS first; empty where catalina-server.xml is absent.</summary>
        public static IReadOnlyList<Connector> Connectors(CarbonHome home)
        {
            if (!home.Exists(CarbonPaths.CatalinaServerXml))
            {
                return new Connector[0];
            }
            var offset = CarbonInstanceReader.PortOffset(home);
            return home.Xml(CarbonPaths.CatalinaServerXml).Select("Service/Connector")
                .Select(c => new { Element = c, Port = Port(c) })
                .Where(c => c.Port.HasValue)
                .Select(c => new Connector(c.Port.Value + offset, IsHttps(c.Element)))
                .OrderByDescending(c => c.Https)
                .ToList();
        }

        /// <summary>The HTTPS management port (9443 plus offset in a stock home), or null.</summary>
        public static int? Https(CarbonHome home) => Connectors(home).Where(c => c.Https).Select(c => (int?)c.Port).FirstOrDefault();

        /// <summary>
        /// The ports a running server of this home listens on, as configured. One place to change when
        /// the listening sockets of the process are read instead.
        /// </summary>
        internal static int[] ListeningPorts(CarbonHome home, int processId) => Connectors(home).Select(c => c.Port).ToArray();

        private static int? Port(XElement connector) =>
            int.TryParse((string)connector.Attribute("port"), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : (int?)null;

        private static bool IsHttps(XElement connector) =>
            string.Equals((string)connector.Attribute("scheme"), "https", StringComparison.OrdinalIgnoreCase)
            || string.Equals((string)connector.Attribute("SSLEnabled"), "true", StringComparison.OrdinalIgnoreCase);
    }
}
