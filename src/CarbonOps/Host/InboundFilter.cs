using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CarbonOps.Host
{
    public enum FilterVerdict { Accept, Drop }

    /// <summary>What a rule matches: ordinary traffic, or the kinds a host firewall always lets through.</summary>
    public enum FilterMatch { Traffic, Loopback, Established, Icmp }

    /// <summary>An inclusive range of ports (one port when First equals Last).</summary>
    public sealed class PortRange
    {
        public PortRange(int first, int last)
        {
            First = first;
            Last = last;
        }

        public int First { get; }
        public int Last { get; }

        public bool Contains(int port) => port >= First && port <= Last;

        public override string ToString() => First == Last
            ? First.ToString(CultureInfo.InvariantCulture)
            : First.ToString(CultureInfo.InvariantCulture) + "-" + Last.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>One inbound rule as far as the port check needs it; jumps into other chains are already followed.</summary>
    public sealed class FilterRule
    {
        public FilterRule(FilterMatch match, string protocol, IReadOnlyList<PortRange> ports, FilterVerdict verdict, string condition, string text)
        {
            Match = match;
            Protocol = protocol;
            Ports = ports;
            Verdict = verdict;
            Condition = condition;
            Text = text;
        }

        public FilterMatch Match { get; }
        /// <summary>tcp or udp; null for any protocol.</summary>
        public string Protocol { get; }
        /// <summary>Destination ports; null for any port.</summary>
        public IReadOnlyList<PortRange> Ports { get; }
        public FilterVerdict Verdict { get; }
        /// <summary>What else the rule asks (a source address, an interface), in the firewall's words; null when nothing.</summary>
        public string Condition { get; }
        /// <summary>The rule as the firewall printed it.</summary>
        public string Text { get; }

        /// <summary>Matches every packet that reaches it: the chain's real default.</summary>
        public bool CatchesAll => Match == FilterMatch.Traffic && Protocol == null && Ports == null && Condition == null;

        internal bool Decides(string protocol, int port) =>
            Match == FilterMatch.Traffic && (Protocol == null || Protocol == protocol) && (Ports == null || Ports.Any(r => r.Contains(port)))
            // A drop for some sources only does not close the port to the others.
            && (Condition == null || Verdict == FilterVerdict.Accept);

        /// <summary>"tcp/8000-8100", "udp/53", "all ports" for a rule's reach.</summary>
        public string Reach => (Protocol ?? "any protocol") + "/" + (Ports == null ? "all ports" : string.Join(",", Ports.Select(p => p.ToString())))
            + (Condition == null ? "" : " where " + Condition);
    }

    /// <summary>One chain hooked on inbound traffic, its rules in order (jumps followed) and its policy.</summary>
    public sealed class FilterChain
    {
        public FilterChain(string name, FilterVerdict policy, IReadOnlyList<FilterRule> rules)
        {
            Name = name;
            Policy = policy;
            Rules = rules;
        }

        public string Name { get; }
        public FilterVerdict Policy { get; }
        public IReadOnlyList<FilterRule> Rules { get; }

        /// <summary>The rules a packet can reach: those before the first catch-all rule.</summary>
        public IEnumerable<FilterRule> Reachable => Rules.TakeWhile(r => !r.CatchesAll);

        /// <summary>What happens to a packet no earlier rule decided: a catch-all rule's verdict, else the policy.</summary>
        public FilterVerdict Default => Rules.FirstOrDefault(r => r.CatchesAll)?.Verdict ?? Policy;

        public FilterVerdict Decide(string protocol, int port) => Reachable.FirstOrDefault(r => r.Decides(protocol, port))?.Verdict ?? Default;
    }

    /// <summary>
    /// The host's inbound filtering as read from its firewall: every chain on the input hook (a packet must
    /// pass them all), or why it could not be read. <see cref="RulesRead"/> is false where only the default
    /// action is known (Windows Firewall profiles).
    /// </summary>
    public sealed class InboundFilter
    {
        public InboundFilter(string source, IReadOnlyList<FilterChain> chains, bool rulesRead = true, string error = null, IReadOnlyList<string> unread = null)
        {
            Source = source;
            Chains = chains ?? new FilterChain[0];
            RulesRead = rulesRead;
            Error = error;
            Unread = unread ?? new string[0];
        }

        public static InboundFilter Unreadable(string source, string error) => new InboundFilter(source, null, false, error);

        /// <summary>nftables, iptables, Windows Firewall; null when no firewall tool was found.</summary>
        public string Source { get; }
        public IReadOnlyList<FilterChain> Chains { get; }
        public bool RulesRead { get; }
        public string Error { get; }
        /// <summary>Rules this reader does not understand (left out of the verdict), as printed.</summary>
        public IReadOnlyList<string> Unread { get; }

        /// <summary>Some inbound packet is dropped: a chain with a drop policy or a drop rule.</summary>
        public bool Filters => Chains.Any(c => c.Policy == FilterVerdict.Drop || c.Rules.Any(r => r.Verdict == FilterVerdict.Drop));

        public bool DefaultDeny => Chains.Any(c => c.Default == FilterVerdict.Drop);

        public FilterVerdict Decide(string protocol, int port) =>
            Chains.Any(c => c.Decide(protocol, port) == FilterVerdict.Drop) ? FilterVerdict.Drop : FilterVerdict.Accept;

        /// <summary>The accept rules for ordinary traffic that a packet can reach in every default-deny chain.</summary>
        public IEnumerable<FilterRule> Openings => Chains.Where(c => c.Default == FilterVerdict.Drop)
            .SelectMany(c => c.Reachable).Where(r => r.Match == FilterMatch.Traffic && r.Verdict == FilterVerdict.Accept);
    }
}
