using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CarbonOps.Host
{
    /// <summary>A rule as a firewall's listing gives it, before jumps into other chains are followed.</summary>
    internal sealed class ListedRule
    {
        public FilterMatch Match = FilterMatch.Traffic;
        public string Protocol;
        public List<PortRange> Ports;
        public List<string> Conditions = new List<string>();
        /// <summary>accept, drop, return, jump or goto.</summary>
        public string Verdict;
        public string Target;
        public string Text;
    }

    /// <summary>Turns the chains of one table into the inbound chains, following jumps and gotos.</summary>
    internal static class FilterChainBuilder
    {
        private const int MaxDepth = 16;

        public static FilterChain Build(string name, FilterVerdict policy, string start, IDictionary<string, List<ListedRule>> chains)
        {
            var rules = new List<FilterRule>();
            Follow(start, chains, rules, null, new List<string>(), 0);
            return new FilterChain(name, policy, rules);
        }

        /// <summary>Appends the rules of a chain; returns true when the chain ended in a goto (nothing after it in the caller runs).</summary>
        private static bool Follow(string chain, IDictionary<string, List<ListedRule>> chains, List<FilterRule> into, ListedRule via, List<string> conditions, int depth)
        {
            if (depth > MaxDepth || !chains.TryGetValue(chain, out var list))
            {
                return false;
            }
            foreach (var rule in list)
            {
                var protocol = rule.Protocol ?? via?.Protocol;
                var ports = rule.Ports ?? via?.Ports;
                var all = conditions.Concat(rule.Conditions).ToList();
                switch (rule.Verdict)
                {
                    case "accept":
                    case "drop":
                        into.Add(new FilterRule(via?.Match != null && via.Match != FilterMatch.Traffic ? via.Match : rule.Match, protocol, ports,
                            rule.Verdict == "accept" ? FilterVerdict.Accept : FilterVerdict.Drop, all.Count == 0 ? null : string.Join(" ", all), rule.Text));
                        break;
                    case "return":
                        if (rule.Match == FilterMatch.Traffic && rule.Protocol == null && rule.Ports == null && rule.Conditions.Count == 0)
                        {
                            return false;
                        }
                        break;
                    case "jump":
                    case "goto":
                        var inner = new ListedRule { Match = rule.Match, Protocol = protocol, Ports = ports };
                        var ended = Follow(rule.Target, chains, into, inner, all, depth + 1);
                        if (ended || (rule.Verdict == "goto" && rule.Match == FilterMatch.Traffic && rule.Protocol == null && rule.Ports == null && rule.Conditions.Count == 0))
                        {
                            return true;
                        }
                        break;
                }
            }
            return false;
        }

        /// <summary>"22", "8000-8100", "8000:8100", "{ 22, 9443 }", "22,9443" as ranges; null when a part is no port (a service name, a variable).</summary>
        public static List<PortRange> ParsePorts(string text)
        {
            var ranges = new List<PortRange>();
            foreach (var part in text.Trim().TrimStart('{').TrimEnd('}').Split(','))
            {
                var bounds = part.Trim().Split('-', ':');
                if (bounds.Length > 2 || !bounds.All(b => int.TryParse(b.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                {
                    return null;
                }
                var first = int.Parse(bounds[0].Trim(), CultureInfo.InvariantCulture);
                ranges.Add(new PortRange(first, bounds.Length == 2 ? int.Parse(bounds[1].Trim(), CultureInfo.InvariantCulture) : first));
            }
            return ranges.Count == 0 ? null : ranges;
        }
    }
}
