using System.Collections.Generic;
using System.Linq;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide: "You can further add a firewall rule to close all ports other than the ports the WSO2 product is
    /// running on." Inbound must be default-deny with only the product's ports (with their offset), SSH and loopback open.
    /// </summary>
    public sealed class FirewallCheck : CarbonCheck
    {
        public const int SshPort = 22;

        public override string Id => CheckIds.HostFirewall;
        public override string Title => "Inbound firewall closes every port but the product's, SSH and loopback";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Running recommendations for security: Host machine security hardening (firewall rule)";
        public override string RemediationText =>
            "Set the inbound policy to drop and accept only loopback, established traffic, SSH (22/tcp) and the product's ports "
            + "(Get-CarbonPort lists them with the offset; the guide's list is 9443, 9763, 9999, 8280, 8243).";

        public override CheckResult Evaluate(CheckContext context)
        {
            var target = context.ComputerName;
            var filter = context.Host.InboundFirewall();
            if (filter == null)
            {
                return Skip(context, target, "The firewall of this platform is not read.");
            }
            if (filter.Error != null)
            {
                return Skip(context, target, $"The {filter.Source} rules could not be read: {filter.Error}");
            }
            var ports = ProductPorts(context, out var unreadHomes);
            var expected = $"Inbound default-deny; open only {Describe(ports.Required)} (product), {SshPort}/tcp (SSH) and loopback";
            if (!filter.Filters)
            {
                var what = filter.Source == null ? "no firewall tool (nft, iptables-save) was found"
                    : filter.Chains.Count == 0 ? $"{filter.Source} has no chain on inbound traffic"
                    : $"{filter.Source} accepts every inbound packet ({string.Join(", ", filter.Chains.Select(c => c.Name))}: policy accept, no drop rule)";
                return Fail(context, expected, "No inbound filtering: " + what, target,
                    "Nothing filters inbound traffic: every listening service on this host can be reached from the network.");
            }
            var problems = new List<string>();
            var blocked = ports.Required.Where(p => filter.Decide("tcp", p) == FilterVerdict.Drop).ToList();
            if (blocked.Count > 0)
            {
                problems.Add($"product port(s) blocked: {string.Join(", ", blocked.Select(p => p + "/tcp"))}");
            }
            if (!filter.DefaultDeny)
            {
                problems.Add("inbound default is accept: every port no rule drops is open");
            }
            var allowed = new HashSet<int>(ports.Allowed) { SshPort };
            // A rule reached by several jumps (firewalld's zone chains) is named once, with its broadest reach.
            var others = filter.Openings.GroupBy(r => r.Text).Select(g => g.OrderBy(r => r.Condition?.Length ?? 0).First())
                .Select(r => Beyond(r, allowed)).Where(r => r != null).Distinct().ToList();
            if (others.Count > 0)
            {
                problems.Add($"other ports open: {string.Join("; ", others)}");
            }
            if (!filter.RulesRead)
            {
                problems.Add($"the {filter.Source} allow rules are not read, so the open ports are unknown");
            }
            if (filter.Unread.Count > 0)
            {
                problems.Add($"{filter.Unread.Count} rule(s) not understood and left out: {string.Join("; ", filter.Unread.Take(3))}");
            }
            var actual = $"{filter.Source}: default {(filter.DefaultDeny ? "deny" : "accept")}; " + (problems.Count == 0
                ? $"open {Describe(ports.Required)} (product), {SshPort}/tcp and loopback only" : string.Join("; ", problems))
                + (unreadHomes.Count == 0 ? "" : $" (ports of {string.Join(", ", unreadHomes)} not read)")
                + (ports.HomeCount == 0 ? " (no product home given: no product port is expected)" : "");
            return problems.Count == 0
                ? Pass(context, expected, actual, target)
                : Warn(context, expected, actual, target, "The inbound firewall does not match the guide's rule: " + string.Join("; ", problems) + ".");
        }

        private sealed class Ports
        {
            public List<int> Required;
            public List<int> Allowed;
            public int HomeCount;
        }

        /// <summary>Required: the guide's firewall ports each home opens, with its offset, in the guide's order. Allowed: every port the homes open.</summary>
        private static Ports ProductPorts(CheckContext context, out List<string> unreadHomes)
        {
            var required = new List<KeyValuePair<int, int>>(); // guide's order, port
            var allowed = new SortedSet<int>();
            unreadHomes = new List<string>();
            foreach (var home in context.Options.Homes)
            {
                HomePorts read;
                try
                {
                    read = context.Facts.PortsOf(home);
                }
                catch (CarbonOpsException)
                {
                    unreadHomes.Add(home.Path);
                    continue;
                }
                foreach (var declared in read.Declared.Where(d => d.OpensSocket))
                {
                    allowed.Add(read.Effective(declared));
                    if (PortMap.FirewallPorts.Contains(declared.BasePort))
                    {
                        required.Add(new KeyValuePair<int, int>(System.Array.IndexOf(PortMap.FirewallPorts, declared.BasePort), read.Effective(declared)));
                    }
                }
            }
            return new Ports { Required = required.OrderBy(p => p.Key).ThenBy(p => p.Value).Select(p => p.Value).Distinct().ToList(), Allowed = allowed.ToList(), HomeCount = context.Options.Homes.Count };
        }

        /// <summary>What an accept rule opens beyond the allowed TCP ports ("tcp/3306", "udp/53", "tcp/all ports where ..."); null when nothing.</summary>
        private static string Beyond(FilterRule rule, HashSet<int> allowed)
        {
            if (rule.Ports == null || rule.Protocol != "tcp")
            {
                return rule.Reach;
            }
            var extra = rule.Ports.Where(r => Enumerable.Range(r.First, r.Last - r.First + 1).Any(p => !allowed.Contains(p))).ToList();
            return extra.Count == 0 ? null
                : new FilterRule(rule.Match, rule.Protocol, extra, rule.Verdict, rule.Condition, rule.Text).Reach;
        }

        private static string Describe(List<int> ports) => ports.Count == 0 ? "no port" : string.Join(", ", ports.Select(p => p + "/tcp"));
    }
}
