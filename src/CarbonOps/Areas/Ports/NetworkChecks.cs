using System.Collections.Generic;
using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>What every network check of one Test-CarbonHost call shares: the homes' ports, one reading of the sockets and who wants which port.</summary>
    internal static class NetworkView
    {
        private sealed class View
        {
            public Dictionary<string, HomePorts> Homes;
            public SocketTable Sockets;
            public PortMap Map;
        }

        public static SocketTable Sockets(CheckContext context) => Get(context).Sockets;

        /// <summary>The other homes under test (those that can be read), with their ports.</summary>
        public static List<HomePorts> Others(CheckContext context) =>
            Get(context).Homes.Where(h => h.Key != context.Home.Path && h.Value != null).Select(h => h.Value).ToList();

        /// <summary>
        /// Who wants which port among every home of the call and the sockets, made once per call: a home's conflicts with
        /// this map are those with a map of the other homes and itself, since a home's own entries are never its conflicts.
        /// Null when the home is not one of the call's, which then needs a map of its own.
        /// </summary>
        public static PortMap Map(CheckContext context)
        {
            var view = Get(context);
            if (!view.Homes.ContainsKey(context.Home.Path))
            {
                return null;
            }
            lock (view)
            {
                return view.Map ?? (view.Map = new PortMap(view.Homes.Values.Where(h => h != null), view.Sockets));
            }
        }

        private static View Get(CheckContext context)
        {
            return context.Facts.Shared(nameof(NetworkView), () =>
            {
                var view = new View { Homes = new Dictionary<string, HomePorts>() };
                // The homes of the call, already open: their files are parsed once for every check.
                foreach (var home in context.Options.Homes.Concat(new[] { context.Home }))
                {
                    if (!view.Homes.ContainsKey(home.Path))
                    {
                        view.Homes[home.Path] = TryRead(context, home);
                    }
                }
                var ports = new HashSet<int>(view.Homes.Values.Where(h => h != null).SelectMany(h => h.Declared.Select(h.Effective)));
                view.Sockets = context.Facts.SocketsOn(context.Host, ports);
                return view;
            });
        }

        private static HomePorts TryRead(CheckContext context, CarbonHome home)
        {
            try
            {
                return context.Facts.PortsOf(home);
            }
            catch (CarbonOpsException)
            {
                return null; // its own checks report it
            }
        }
    }

    /// <summary>Two homes on a host with the same effective ports, or a port another process holds, keep Carbon from starting.</summary>
    public sealed class PortConflictCheck : CarbonCheck
    {
        public override string Id => CheckIds.NetworkPortConflict;
        public override string Title => "No port of the instance is wanted by another home on the host or held by another process";
        public override string Category => "Network";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Common guidelines and checklist (port offset for several instances on one host)";
        public override string RemediationText =>
            "Give each instance on the host its own port offset: Set-CarbonPortOffset -ProductHome <home> -Auto (or -PortOffset <n>), " +
            "or Invoke-CarbonHardening -PortOffset <n>.";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            var home = context.Facts.PortsOf(context.Home);
            var map = NetworkView.Map(context) ?? new PortMap(NetworkView.Others(context).Concat(new[] { home }), NetworkView.Sockets(context));
            // One list of parts joined once: with many homes at one offset, each port's clashes name every other home.
            var parts = new List<string>();
            var ports = new List<int>();
            foreach (var declared in home.Declared.Where(d => d.OpensSocket))
            {
                var port = home.Effective(declared);
                var conflicts = map.Conflicts(home, declared, port, home.Offset);
                if (conflicts.Count > 0)
                {
                    parts.Add($"{port} ({declared.Name}): {conflicts[0]}");
                    parts.AddRange(conflicts.Skip(1));
                    ports.Add(port);
                }
            }
            var expected = "Every opened port is this instance's alone";
            if (ports.Count == 0)
            {
                return Pass(context, expected, $"Offset {home.Offset}; no port clashes", context.Home.Path);
            }
            return Fail(context, expected, string.Join("; ", parts), context.Home.Path,
                $"{ports.Count} port(s) of this instance are also wanted elsewhere: {string.Join(", ", ports)}.");
        }

        /// <summary>Only with a given offset: which offset is free depends on the other homes, which Set-CarbonPortOffset -Auto reads.</summary>
        public override void Remediate(RemediationContext context)
        {
            if (context.Options.PortOffset == null)
            {
                throw new RemediationValueMissingException("PortOffset");
            }
            context.Record(PortOffsetEditor.Apply(context.Home, context.Session, context.Options.PortOffset.Value));
        }
    }

    /// <summary>A report of the ports a firewall must open for the instance: the guide's list, with the offset.</summary>
    public sealed class ExposedPortsCheck : CarbonCheck
    {
        public override string Id => CheckIds.NetworkExposedPorts;
        public override string Title => "Ports a firewall must open for the instance (the guide's list, with the offset)";
        public override string Category => "Network";
        public override CheckSeverity Severity => CheckSeverity.Info;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Common guidelines and checklist (firewall ports)";
        public override string RemediationText => "Open the listed ports in the host's and the network's firewalls.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var home = context.Facts.PortsOf(context.Home);
            var open = home.Declared
                .Where(d => d.OpensSocket && PortMap.FirewallPorts.Contains(d.BasePort))
                .Select(d => new { Port = home.Effective(d), d.Name })
                .GroupBy(p => p.Port).OrderBy(g => System.Array.IndexOf(PortMap.FirewallPorts, g.Key - home.Offset))
                .Select(g => $"{g.Key}/tcp ({g.First().Name})").ToList();
            var expected = $"{string.Join(", ", PortMap.FirewallPorts)} shifted by the offset ({home.Offset}), where the instance opens them";
            var actual = open.Count == 0 ? "(none of the guide's ports)" : string.Join(", ", open);
            return Pass(context, expected, actual, context.Home.Path, "Open in the firewall: " + actual + ".");
        }
    }
}
