using System;
using System.Collections.Generic;
using System.Linq;

namespace CarbonOps.Host
{
    /// <summary>
    /// The INPUT chain of the filter table from `iptables-save` / `ip6tables-save` (ufw's rules live there
    /// too, in its own chains), with jumps into user chains followed.
    /// </summary>
    public static class IptablesSave
    {
        /// <summary>One or more iptables-save listings (IPv4, IPv6); each filter table's INPUT chain is one chain of the result.</summary>
        public static InboundFilter Parse(params string[] listings)
        {
            var result = new List<FilterChain>();
            var unread = new List<string>();
            var number = 0;
            foreach (var listing in listings.Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                number++;
                var chains = new Dictionary<string, List<ListedRule>>(StringComparer.Ordinal);
                FilterVerdict? policy = null;
                var inFilter = false;
                foreach (var raw in listing.Replace("\r", "").Split('\n'))
                {
                    var line = raw.Trim();
                    if (line.StartsWith("*", StringComparison.Ordinal))
                    {
                        inFilter = line == "*filter";
                    }
                    else if (!inFilter || line.Length == 0 || line[0] == '#' || line == "COMMIT")
                    {
                        continue;
                    }
                    else if (line[0] == ':')
                    {
                        var parts = line.Substring(1).Split(' ');
                        chains[parts[0]] = new List<ListedRule>();
                        if (parts[0] == "INPUT" && parts.Length > 1)
                        {
                            policy = parts[1] == "DROP" ? FilterVerdict.Drop : FilterVerdict.Accept;
                        }
                    }
                    else if (line.StartsWith("-A ", StringComparison.Ordinal))
                    {
                        var words = Words(line);
                        if (!chains.TryGetValue(words[1], out var list))
                        {
                            continue;
                        }
                        var rule = ParseRule(words.Skip(2).ToList(), line);
                        if (rule == null)
                        {
                            unread.Add(line);
                        }
                        else if (rule.Verdict != null)
                        {
                            list.Add(rule);
                        }
                    }
                }
                if (policy.HasValue)
                {
                    result.Add(FilterChainBuilder.Build(listings.Length > 1 ? $"filter INPUT ({number})" : "filter INPUT", policy.Value, "INPUT", chains));
                }
            }
            return new InboundFilter("iptables", result, unread: unread);
        }

        /// <summary>The words of a rule, with quoted strings (comments, log prefixes) kept whole.</summary>
        private static List<string> Words(string line)
        {
            var words = new List<string>();
            var current = new System.Text.StringBuilder();
            var quoted = false;
            foreach (var c in line)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ' ' && !quoted)
                {
                    if (current.Length > 0)
                    {
                        words.Add(current.ToString());
                        current.Clear();
                    }
                }
                else
                {
                    current.Append(c);
                }
            }
            if (current.Length > 0)
            {
                words.Add(current.ToString());
            }
            return words;
        }

        /// <summary>A rule with no verdict (-j LOG, no -j) has a null Verdict; null when a port list cannot be read.</summary>
        private static ListedRule ParseRule(List<string> words, string text)
        {
            var rule = new ListedRule { Text = text };
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                var next = i + 1 < words.Count ? words[i + 1] : "";
                var negated = i > 0 && words[i - 1] == "!";
                switch (word)
                {
                    case "!":
                        continue;
                    case "-m":
                        if (next == "comment")
                        {
                            i += 3; // -m comment --comment "text"
                        }
                        else
                        {
                            i++;
                        }
                        continue;
                    case "-i":
                    case "--in-interface":
                        i++;
                        if (next == "lo" && !negated)
                        {
                            rule.Match = FilterMatch.Loopback;
                        }
                        else
                        {
                            rule.Conditions.Add((negated ? "! " : "") + "-i " + next);
                        }
                        continue;
                    case "--ctstate":
                    case "--state":
                        i++;
                        if (!next.Contains("NEW") && !negated)
                        {
                            rule.Match = FilterMatch.Established;
                        }
                        else
                        {
                            rule.Conditions.Add(word + " " + next);
                        }
                        continue;
                    case "-p":
                    case "--protocol":
                        i++;
                        if (next == "icmp" || next == "ipv6-icmp" || next == "icmpv6")
                        {
                            rule.Match = FilterMatch.Icmp;
                        }
                        else if ((next == "tcp" || next == "udp") && !negated)
                        {
                            rule.Protocol = next;
                        }
                        else
                        {
                            rule.Conditions.Add((negated ? "! " : "") + "-p " + next);
                        }
                        continue;
                    case "--dport":
                    case "--destination-port":
                    case "--dports":
                    case "--destination-ports":
                        i++;
                        if (negated)
                        {
                            rule.Conditions.Add("! " + word + " " + next);
                            continue;
                        }
                        rule.Ports = FilterChainBuilder.ParsePorts(next);
                        if (rule.Ports == null)
                        {
                            return null;
                        }
                        continue;
                    case "-j":
                    case "-g":
                    case "--jump":
                    case "--goto":
                        i++;
                        rule.Verdict = next == "ACCEPT" ? "accept" : next == "DROP" || next == "REJECT" ? "drop" : next == "RETURN" ? "return"
                            : next == "LOG" || next == "NFLOG" || next == "ULOG" ? null : (word == "-g" || word == "--goto") ? "goto" : "jump";
                        rule.Target = next;
                        // A REJECT's --reject-with and a LOG's options follow the target: they ask nothing of the packet.
                        i = words.Count;
                        continue;
                    default:
                        if (word.StartsWith("-", StringComparison.Ordinal))
                        {
                            var condition = (negated ? "! " : "") + word;
                            if (i + 1 < words.Count && !next.StartsWith("-", StringComparison.Ordinal) && next != "!")
                            {
                                condition += " " + next;
                                i++;
                            }
                            rule.Conditions.Add(condition);
                        }
                        continue;
                }
            }
            return rule;
        }
    }
}
