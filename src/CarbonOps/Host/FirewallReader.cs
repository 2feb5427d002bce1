using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CarbonOps.Host
{
    /// <summary>
    /// Reads the active inbound filtering. Linux: nftables (`nft list ruleset`), else iptables
    /// (`iptables-save`, `ip6tables-save`); ufw and firewalld write their rules into these, so they are read there.
    /// Windows: the firewall profiles' state and default inbound action (`netsh advfirewall show allprofiles`).
    /// </summary>
    public static class FirewallReader
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

        public static InboundFilter ReadLinux()
        {
            InboundFilter found = null;
            var nft = ExecutableSearch.FindSystemProgram("nft");
            if (nft != null)
            {
                var output = ProcessRunner.Run(nft, new[] { "list", "ruleset" }, Timeout);
                if (output.ExitCode != 0)
                {
                    return InboundFilter.Unreadable("nftables", Failure("nft list ruleset", output));
                }
                found = NftRuleset.Parse(output.StdOut);
                if (found.Chains.Count > 0)
                {
                    return found;
                }
            }
            var iptables = ExecutableSearch.FindSystemProgram("iptables-save");
            if (iptables != null)
            {
                var v4 = ProcessRunner.Run(iptables, new string[0], Timeout);
                if (v4.ExitCode != 0)
                {
                    return InboundFilter.Unreadable("iptables", Failure("iptables-save", v4));
                }
                var ip6 = ExecutableSearch.FindSystemProgram("ip6tables-save");
                var v6 = ip6 == null ? null : ProcessRunner.Run(ip6, new string[0], Timeout);
                var read = IptablesSave.Parse(v4.StdOut, v6?.ExitCode == 0 ? v6.StdOut : null);
                if (read.Chains.Count > 0 || found == null)
                {
                    return read;
                }
            }
            return found ?? new InboundFilter(null, null);
        }

        public static InboundFilter ReadWindows()
        {
            var netsh = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "netsh.exe");
            var output = ProcessRunner.Run(netsh, new[] { "advfirewall", "show", "allprofiles" }, Timeout);
            return output.ExitCode == 0 ? ParseWindowsProfiles(output.StdOut) : InboundFilter.Unreadable("Windows Firewall", Failure("netsh advfirewall show allprofiles", output));
        }

        /// <summary>
        /// `netsh advfirewall show allprofiles` (English output): one chain per profile that is ON, whose policy is
        /// its default inbound action. The allow rules are not read, so <see cref="InboundFilter.RulesRead"/> is false.
        /// </summary>
        public static InboundFilter ParseWindowsProfiles(string text)
        {
            var chains = new List<FilterChain>();
            string profile = null;
            var on = false;
            foreach (var raw in (text ?? "").Replace("\r", "").Split('\n'))
            {
                var line = raw.Trim();
                var header = Regex.Match(line, @"^(?<p>\w+) Profile Settings:", RegexOptions.CultureInvariant);
                if (header.Success)
                {
                    profile = header.Groups["p"].Value;
                    on = false;
                    continue;
                }
                var value = Regex.Match(line, @"^(?<k>State|Firewall Policy)\s+(?<v>\S+)", RegexOptions.CultureInvariant);
                if (profile == null || !value.Success)
                {
                    continue;
                }
                if (value.Groups["k"].Value == "State")
                {
                    on = value.Groups["v"].Value.Equals("ON", StringComparison.OrdinalIgnoreCase);
                }
                else if (on)
                {
                    var block = value.Groups["v"].Value.StartsWith("BlockInbound", StringComparison.OrdinalIgnoreCase);
                    chains.Add(new FilterChain(profile + " profile", block ? FilterVerdict.Drop : FilterVerdict.Accept, new FilterRule[0]));
                }
            }
            return new InboundFilter("Windows Firewall", chains, rulesRead: false);
        }


        private static string Failure(string command, ProcessOutput output)
        {
            var why = output.StartError ?? (output.TimedOut ? "no answer within " + Timeout.TotalSeconds + " s" : output.StdErr.Trim());
            var root = why.IndexOf("not permitted", StringComparison.OrdinalIgnoreCase) >= 0 || why.IndexOf("denied", StringComparison.OrdinalIgnoreCase) >= 0
                ? " (reading the firewall needs root)" : "";
            return $"{command} failed{root}: {why}";
        }
    }
}
