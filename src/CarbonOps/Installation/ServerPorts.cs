using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Host;

namespace CarbonOps.Installation
{
    /// <summary>The servlet transport ports of a home (9443 HTTPS, 9763 HTTP plus the offset in a stock home), and which of them a server process holds.</summary>
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

        /// <summary>The catalina-server.xml connectors, as Get-CarbonPort reads them, HTTPS first.</summary>
        public static IReadOnlyList<Connector> Connectors(CarbonHome home)
        {
            var offset = CarbonInstanceReader.PortOffset(home);
            return PortReader.Read(home)
                .Where(p => p.OpensSocket && p.Source.StartsWith(CarbonPaths.CatalinaServerXml, StringComparison.Ordinal)
                    && (p.Protocol == "HTTPS" || p.Protocol == "HTTP"))
                .Select(p => new Connector(HomePorts.EffectiveAt(p, offset), p.Protocol == "HTTPS"))
                .OrderByDescending(c => c.Https)
                .ToList();
        }

        /// <summary>The HTTPS management port (9443 plus offset in a stock home), or null.</summary>
        public static int? Https(CarbonHome home) => Connectors(home).Where(c => c.Https).Select(c => (int?)c.Port).FirstOrDefault();

        /// <summary>The home's ports on which the process <paramref name="processId"/> listens now.</summary>
        internal static int[] ListeningPorts(CarbonHome home, int processId)
        {
            var offset = CarbonInstanceReader.PortOffset(home);
            var configured = PortReader.Read(home).Where(p => p.OpensSocket).Select(p => HomePorts.EffectiveAt(p, offset)).ToList();
            return HostProbe.Current.ListeningSockets(configured).Sockets
                .Where(s => s.ProcessId == processId)
                .Select(s => s.Port)
                .Distinct()
                .OrderBy(p => p)
                .ToArray();
        }
    }
}
