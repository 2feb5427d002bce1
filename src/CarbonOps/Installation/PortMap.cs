using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Host;

namespace CarbonOps.Installation
{
    /// <summary>The ports of one home with its offset applied.</summary>
    public sealed class HomePorts
    {
        internal HomePorts(CarbonHome home, int offset, IReadOnlyList<PortDeclaration> declared)
        {
            Home = home;
            Offset = offset;
            Declared = declared;
        }

        public CarbonHome Home { get; }
        public int Offset { get; }
        public IReadOnlyList<PortDeclaration> Declared { get; }

        public int Effective(PortDeclaration port) => EffectiveAt(port, Offset);

        public static int EffectiveAt(PortDeclaration port, int offset) => port.ShiftedByOffset ? port.BasePort + offset : port.BasePort;

        public static HomePorts Read(CarbonHome home) => new HomePorts(home, CarbonInstanceReader.PortOffset(home), PortReader.Read(home));

        /// <summary>
        /// Reads many homes on all cores (parsing their XML is the slow part); each result is the ports
        /// or the failure of that home, in the order given.
        /// </summary>
        public static KeyValuePair<HomePorts, CarbonOpsException>[] ReadAll(IReadOnlyList<CarbonHome> homes)
        {
            var results = new KeyValuePair<HomePorts, CarbonOpsException>[homes.Count];
            System.Threading.Tasks.Parallel.For(0, homes.Count, i =>
            {
                try
                {
                    results[i] = new KeyValuePair<HomePorts, CarbonOpsException>(Read(homes[i]), null);
                }
                catch (CarbonOpsException ex)
                {
                    results[i] = new KeyValuePair<HomePorts, CarbonOpsException>(null, ex);
                }
            });
            return results;
        }

        /// <summary>The same ports with another offset (a change planned or under -WhatIf).</summary>
        public static HomePorts WithOffset(HomePorts ports, int offset) => new HomePorts(ports.Home, offset, ports.Declared);
    }

    /// <summary>
    /// Who wants which port: the homes given, each other, and the sockets listening now, indexed by
    /// port once per call. A socket held by the home's own running JVM is the home at work, not a conflict.
    /// </summary>
    public sealed class PortMap
    {
        /// <summary>The guide's list of ports a firewall must open for an instance (before the offset).</summary>
        public static readonly int[] FirewallPorts = { 9443, 9763, 9999, 8280, 8243 };

        /// <summary>By effective port: the homes that open it, each with how a conflict names it (made once, since every other home's check names it).</summary>
        private readonly Dictionary<int, List<KeyValuePair<string, string>>> byPort = new Dictionary<int, List<KeyValuePair<string, string>>>();
        private readonly ILookup<int, ListeningSocket> sockets;

        public PortMap(IEnumerable<HomePorts> homes, SocketTable sockets)
        {
            foreach (var home in homes)
            {
                foreach (var declared in home.Declared.Where(d => d.OpensSocket))
                {
                    var port = home.Effective(declared);
                    if (!byPort.TryGetValue(port, out var list))
                    {
                        list = new List<KeyValuePair<string, string>>();
                        byPort[port] = list;
                    }
                    list.Add(new KeyValuePair<string, string>(home.Home.Path, $"{home.Home.Path} ({declared.Name})"));
                }
            }
            this.sockets = sockets.Sockets.ToLookup(s => s.Port);
        }

        public IEnumerable<CarbonPort> Describe(HomePorts home, string computerName)
        {
            foreach (var declared in home.Declared)
            {
                var port = home.Effective(declared);
                var listener = sockets[port].FirstOrDefault();
                var conflicts = declared.OpensSocket ? Conflicts(home, declared, port, home.Offset) : new List<string>();
                yield return new CarbonPort(home.Home.Path, declared.Name, declared.Protocol, declared.BasePort, home.Offset, port,
                    declared.ShiftedByOffset, declared.OpensSocket, declared.Source, declared.ProxyPort, listener != null,
                    listener?.ProcessId ?? 0, listener?.ProcessName, listener?.User,
                    conflicts.Count == 0 ? null : string.Join("; ", conflicts), declared.Note, computerName);
            }
        }

        /// <summary>Every other port of the home (at <paramref name="offset"/>), other home and foreign socket that wants <paramref name="port"/>.</summary>
        public List<string> Conflicts(HomePorts home, PortDeclaration declared, int port, int offset)
        {
            var found = new List<string>();
            foreach (var own in home.Declared.Where(d => d != declared && d.OpensSocket && HomePorts.EffectiveAt(d, offset) == port))
            {
                found.Add($"this home's {own.Name}");
            }
            if (byPort.TryGetValue(port, out var wanting))
            {
                foreach (var other in wanting.Where(w => !SameHome(w.Key, home.Home.Path)))
                {
                    found.Add(other.Value);
                }
            }
            foreach (var socket in sockets[port].Where(s => !IsHomeJvm(s, home)))
            {
                found.Add(Describe(socket));
            }
            return found.Distinct().ToList();
        }

        private static string Describe(ListeningSocket socket)
        {
            var where = $"{socket.Address}:{socket.Port}";
            if (socket.ProcessId == 0)
            {
                return $"a process of user {socket.User ?? "(unknown)"} listening on {where} (not visible to this user)";
            }
            return $"process {socket.ProcessId} ({socket.ProcessName}{(socket.User == null ? "" : ", user " + socket.User)}) listening on {where}";
        }

        private static bool IsHomeJvm(ListeningSocket socket, HomePorts home)
        {
            if (socket.CarbonHome == null)
            {
                return false;
            }
            try
            {
                return SameHome(System.IO.Path.GetFullPath(socket.CarbonHome).TrimEnd(System.IO.Path.DirectorySeparatorChar), home.Home.Path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException)
            {
                return false;
            }
        }

        private static bool SameHome(string a, string b) => InstanceDiscovery.PathComparer.Equals(a, b);
    }

    /// <summary>The smallest offset at which none of a home's opened, shifted ports clashes.</summary>
    public sealed class OffsetPlan
    {
        internal OffsetPlan(int? offset, IReadOnlyList<string> rejected, IReadOnlyList<string> unmovable)
        {
            Offset = offset;
            Rejected = rejected;
            Unmovable = unmovable;
        }

        /// <summary>Null when no offset up to the highest port number works.</summary>
        public int? Offset { get; }
        /// <summary>Why each smaller offset was rejected.</summary>
        public IReadOnlyList<string> Rejected { get; }
        /// <summary>Clashes of ports the offset does not move (no offset fixes those).</summary>
        public IReadOnlyList<string> Unmovable { get; }

        public static OffsetPlan Find(HomePorts home, IReadOnlyList<HomePorts> others, SocketTable sockets)
        {
            var map = new PortMap(others, sockets);
            var shifted = home.Declared.Where(d => d.OpensSocket && d.ShiftedByOffset).ToList();
            var unmovable = home.Declared.Where(d => d.OpensSocket && !d.ShiftedByOffset)
                .SelectMany(d => map.Conflicts(home, d, d.BasePort, home.Offset).Where(c => !c.StartsWith("this home's", StringComparison.Ordinal))
                    .Select(c => $"{d.Name} {d.BasePort} (not moved by the offset) is also wanted by {c}"))
                .ToList();
            var highest = shifted.Count == 0 ? 0 : shifted.Max(d => d.BasePort);
            var rejected = new List<string>();
            for (var offset = 0; highest + offset <= 65535; offset++)
            {
                var clash = shifted
                    .Select(d => new { Port = d.BasePort + offset, Declared = d, With = map.Conflicts(home, d, d.BasePort + offset, offset) })
                    .FirstOrDefault(x => x.With.Count > 0);
                if (clash == null)
                {
                    return new OffsetPlan(offset, rejected, unmovable);
                }
                rejected.Add($"Offset {offset}: {clash.Declared.Name} would take {clash.Port}, which {string.Join("; ", clash.With)} also wants.");
            }
            return new OffsetPlan(null, rejected, unmovable);
        }
    }
}
