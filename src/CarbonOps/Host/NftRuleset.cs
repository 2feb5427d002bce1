using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CarbonOps.Host
{
    /// <summary>
    /// The inbound chains of an nftables ruleset, from `nft list ruleset` (the listing nft prints and `nft -f`
    /// reads back). Base chains of type filter on the input hook (families inet, ip, ip6) are the inbound
    /// filtering; jumps and gotos into their table's chains are followed, and named sets of ports are resolved.
    /// </summary>
    public static class NftRuleset
    {
        private static readonly Regex Block = new Regex(@"^(?<kind>table|chain|set|map|flowtable|ct|counter|quota|limit|secmark|synproxy)\s+(?<rest>.*?)\s*\{$", RegexOptions.CultureInvariant);
        private static readonly Regex Hook = new Regex(@"type\s+filter\s+hook\s+input\b.*?;(\s*policy\s+(?<policy>accept|drop)\s*;)?", RegexOptions.CultureInvariant);
        private static readonly Regex Comment = new Regex(@"\s*comment\s+""[^""]*""", RegexOptions.CultureInvariant);
        private static readonly Regex Counter = new Regex(@"\bcounter(\s+packets\s+\d+\s+bytes\s+\d+)?|\blog(\s+(prefix\s+""[^""]*""|level\s+\S+|flags\s+\S+|group\s+\d+))*", RegexOptions.CultureInvariant);
        private static readonly Regex Verdict = new Regex(@"\b(?<v>accept|drop|reject|return|jump|goto)\b(\s+with\s+.*|\s+(?<t>[^\s{}]+))?\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex Ports = new Regex(@"\b(?<p>tcp|udp|th|sctp)\s+dport\s+(?<neg>!=\s*)?(?<spec>\{[^}]*\}|@\S+|\S+)", RegexOptions.CultureInvariant);
        private static readonly Regex Protocol = new Regex(@"\b(meta\s+l4proto|ip\s+protocol|ip6\s+nexthdr)\s+(?<p>tcp|udp)\b", RegexOptions.CultureInvariant);
        private static readonly Regex Loopback = new Regex(@"\biif(name)?\s+""?lo""?(\s|$)", RegexOptions.CultureInvariant);
        // "ct status dnat" (firewalld) accepts what a port forward already let in: not an opening of its own.
        private static readonly Regex State = new Regex(@"\bct\s+(state|status)\s+(?<s>\{[^}]*\}|\S+)", RegexOptions.CultureInvariant);
        private static readonly Regex Icmp = new Regex(@"\b(icmp|icmpv6)\s+type\b|\b(meta\s+l4proto|ip\s+protocol|ip6\s+nexthdr)\s+(icmp|icmpv6|ipv6-icmp|\{[^}]*icmp[^}]*\})", RegexOptions.CultureInvariant);
        private static readonly Regex Elements = new Regex(@"elements\s*=\s*\{(?<e>[^}]*)\}", RegexOptions.CultureInvariant | RegexOptions.Singleline);

        private sealed class Table
        {
            public string Name;
            public readonly Dictionary<string, List<ListedRule>> Chains = new Dictionary<string, List<ListedRule>>(StringComparer.Ordinal);
            public readonly Dictionary<string, string> Sets = new Dictionary<string, string>(StringComparer.Ordinal);
            public readonly List<KeyValuePair<string, FilterVerdict>> InputChains = new List<KeyValuePair<string, FilterVerdict>>();
            public readonly List<KeyValuePair<string, string>> RuleLines = new List<KeyValuePair<string, string>>();
        }

        public static InboundFilter Parse(string listing)
        {
            var tables = ReadTables(listing ?? "");
            var unread = new List<string>();
            var chains = new List<FilterChain>();
            foreach (var table in tables)
            {
                foreach (var line in table.RuleLines)
                {
                    var rule = ParseRule(line.Value, table.Sets);
                    if (rule == null)
                    {
                        if (Verdict.IsMatch(StripNoise(line.Value)) || line.Value.Contains(" vmap "))
                        {
                            unread.Add(line.Value);
                        }
                        continue;
                    }
                    table.Chains[line.Key].Add(rule);
                }
                foreach (var input in table.InputChains)
                {
                    chains.Add(FilterChainBuilder.Build(table.Name + " " + input.Key, input.Value, input.Key, table.Chains));
                }
            }
            return new InboundFilter("nftables", chains, unread: unread);
        }

        private static List<Table> ReadTables(string listing)
        {
            var tables = new List<Table>();
            Table table = null;
            string chain = null;
            string set = null;
            var setText = "";
            var depth = 0;
            foreach (var raw in listing.Replace("\r", "").Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }
                var block = Block.Match(line);
                if (block.Success)
                {
                    depth++;
                    var kind = block.Groups["kind"].Value;
                    var name = block.Groups["rest"].Value.Split(' ').Last();
                    if (kind == "table" && depth == 1)
                    {
                        table = new Table { Name = block.Groups["rest"].Value };
                        tables.Add(table);
                    }
                    else if (kind == "chain" && depth == 2 && table != null)
                    {
                        chain = name;
                        table.Chains[chain] = new List<ListedRule>();
                    }
                    else if ((kind == "set" || kind == "map") && depth == 2)
                    {
                        set = name;
                        setText = "";
                    }
                    continue;
                }
                if (set != null)
                {
                    setText += " " + line;
                }
                depth += line.Count(c => c == '{') - line.Count(c => c == '}');
                if (line == "}" || depth < 2)
                {
                    if (set != null && depth < 2 && table != null)
                    {
                        var elements = Elements.Match(setText);
                        table.Sets[set] = elements.Success ? "{" + elements.Groups["e"].Value + "}" : "{}";
                        set = null;
                    }
                    if (depth < 2)
                    {
                        chain = null;
                    }
                    continue;
                }
                if (chain == null || table == null || set != null)
                {
                    continue;
                }
                var hook = Hook.Match(line);
                if (hook.Success)
                {
                    table.InputChains.Add(new KeyValuePair<string, FilterVerdict>(chain,
                        hook.Groups["policy"].Value == "drop" ? FilterVerdict.Drop : FilterVerdict.Accept));
                }
                else if (!line.StartsWith("type ", StringComparison.Ordinal) && !line.StartsWith("policy ", StringComparison.Ordinal))
                {
                    table.RuleLines.Add(new KeyValuePair<string, string>(chain, line));
                }
            }
            return tables;
        }

        private static string StripNoise(string rule) => Counter.Replace(Comment.Replace(rule, ""), "").Trim();

        /// <summary>One rule line; null when it decides nothing (a counter, a log) or is a form not read here (a verdict map).</summary>
        internal static ListedRule ParseRule(string text, IDictionary<string, string> sets)
        {
            var rest = StripNoise(text);
            var verdict = Verdict.Match(rest);
            if (!verdict.Success || rest.Contains(" vmap "))
            {
                return null;
            }
            var rule = new ListedRule { Text = text, Verdict = verdict.Groups["v"].Value == "reject" ? "drop" : verdict.Groups["v"].Value, Target = verdict.Groups["t"].Value };
            rest = rest.Substring(0, verdict.Index).Trim();
            if (Loopback.IsMatch(rest))
            {
                rule.Match = FilterMatch.Loopback;
                rest = Loopback.Replace(rest, " ");
            }
            var state = State.Match(rest);
            if (state.Success && !state.Groups["s"].Value.Contains("new") && !state.Groups["s"].Value.Contains("untracked"))
            {
                rule.Match = FilterMatch.Established;
                rest = State.Replace(rest, " ");
            }
            if (Icmp.IsMatch(rest))
            {
                rule.Match = FilterMatch.Icmp;
                rest = "";
            }
            var ports = Ports.Match(rest);
            if (ports.Success && ports.Groups["neg"].Length == 0)
            {
                var spec = ports.Groups["spec"].Value;
                if (spec.StartsWith("@", StringComparison.Ordinal) && sets.TryGetValue(spec.Substring(1), out var elements))
                {
                    spec = elements;
                }
                rule.Ports = FilterChainBuilder.ParsePorts(spec);
                if (rule.Ports != null)
                {
                    var p = ports.Groups["p"].Value;
                    rule.Protocol = p == "th" ? null : p;
                    rest = rest.Remove(ports.Index, ports.Length);
                }
            }
            var protocol = Protocol.Match(rest);
            if (protocol.Success)
            {
                rule.Protocol = protocol.Groups["p"].Value;
                rest = rest.Remove(protocol.Index, protocol.Length);
            }
            rest = Regex.Replace(rest, @"\s+", " ").Trim();
            if (rest.Length > 0)
            {
                rule.Conditions.Add(rest);
            }
            return rule;
        }
    }
}
