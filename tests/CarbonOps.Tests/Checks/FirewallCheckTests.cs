using System.IO;
using System.Linq;
using CarbonOps.Checks;
using CarbonOps.Checks.Host;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    /// <summary>
    /// Host.Firewall against real nftables rulesets, each loaded in its own network namespace and listed back by nft,
    /// for the sample home with port offset 3 (the guide's ports become 9446, 9766, 10002, 8283, 8246).
    /// </summary>
    public class FirewallCheckTests
    {
        private const string ProductPorts = "9446, 9766, 10002, 8283, 8246";

        private static string HomeWithOffset3(TempFolder temp)
        {
            var home = temp.CopyHome(TestPaths.SampleHome);
            var carbonXml = Path.Combine(home, "repository", "conf", "carbon.xml");
            File.WriteAllText(carbonXml, File.ReadAllText(carbonXml).Replace("<Offset>0</Offset>", "<Offset>3</Offset>"));
            return home;
        }

        private static string Ruleset(string policy, string rules) => $@"
table inet filter {{
  chain input {{
    type filter hook input priority 0; policy {policy};
    iif lo accept
    ct state established,related accept
    {rules}
  }}
}}
";

        private static CheckResult Evaluate(InboundFilter filter, params string[] homes) =>
            CheckRunner.Run(new FirewallCheck(), new CheckContext(new RecordedHost { Firewall = filter }, null,
                new CheckOptions { Homes = homes.Select(CarbonHome.Open).ToList() }));

        private static CheckResult EvaluateRuleset(TempFolder temp, string ruleset, params string[] homes) =>
            Evaluate(NftRuleset.Parse(NetworkNamespace.Listing(temp, ruleset)), homes);

        [NetnsFact]
        public void TheGuidesRuleWithTheOffsetPasses()
        {
            using var temp = new TempFolder();
            var home = HomeWithOffset3(temp);
            var result = EvaluateRuleset(temp, Ruleset("drop", $"tcp dport {{ 22, {ProductPorts} }} accept\n    meta l4proto icmp accept"), home);
            Assert.True(result.Outcome == CheckOutcome.Pass, result.Actual);
            Assert.Contains("9446/tcp", result.Expected);
            Assert.Equal(ProductPorts.Replace(", ", "/tcp, ") + "/tcp", result.Expected.Split(new[] { "open only " }, 2, System.StringSplitOptions.None)[1].Split(" (product)")[0]);
        }

        [NetnsFact]
        public void TheGuidesPortsWithoutTheOffsetBlockTheProductAndOpenOthers()
        {
            using var temp = new TempFolder();
            var home = HomeWithOffset3(temp);
            var result = EvaluateRuleset(temp, Ruleset("drop", "tcp dport { 22, 9443, 9763, 9999, 8280, 8243 } accept"), home);
            Assert.Equal(CheckOutcome.Warning, result.Outcome);
            Assert.Contains("product port(s) blocked: 9446/tcp, 9766/tcp, 10002/tcp, 8283/tcp, 8246/tcp", result.Actual);
            // nft lists a set's elements sorted; SSH is allowed and so not named.
            Assert.Contains("other ports open: tcp/8243,8280,9443,9763,9999", result.Actual);
        }

        [NetnsFact]
        public void AnEmptyRulesetIsNoFilteringAndFails()
        {
            using var temp = new TempFolder();
            var result = EvaluateRuleset(temp, "", HomeWithOffset3(temp));
            Assert.Equal(CheckOutcome.Fail, result.Outcome);
            Assert.Contains("No inbound filtering: nftables has no chain on inbound traffic", result.Actual);
        }

        [NetnsFact]
        public void AnAcceptPolicyWithNoDropRuleFails()
        {
            using var temp = new TempFolder();
            var result = EvaluateRuleset(temp, Ruleset("accept", "tcp dport 22 accept"), HomeWithOffset3(temp));
            Assert.Equal(CheckOutcome.Fail, result.Outcome);
            Assert.Contains("accepts every inbound packet", result.Actual);
        }

        [NetnsFact]
        public void AnAcceptPolicyThatDropsSomePortsIsAWarning()
        {
            using var temp = new TempFolder();
            var result = EvaluateRuleset(temp, Ruleset("accept", "tcp dport { 23, 111 } drop"), HomeWithOffset3(temp));
            Assert.Equal(CheckOutcome.Warning, result.Outcome);
            Assert.Contains("inbound default is accept", result.Actual);
        }

        [NetnsFact]
        public void OtherOpenPortsAreNamedWithTheirSources()
        {
            using var temp = new TempFolder();
            var home = HomeWithOffset3(temp);
            var result = EvaluateRuleset(temp, Ruleset("drop",
                $"tcp dport {{ 22, {ProductPorts} }} accept\n    tcp dport 3306 ip saddr 10.0.0.0/8 accept\n    udp dport 53 accept"), home);
            Assert.Equal(CheckOutcome.Warning, result.Outcome);
            Assert.Contains("tcp/3306 where ip saddr 10.0.0.0/8", result.Actual);
            Assert.Contains("udp/53", result.Actual);
            Assert.DoesNotContain("blocked", result.Actual);
        }

        [NetnsFact]
        public void JumpsNamedSetsAndACatchAllRejectAreFollowed()
        {
            using var temp = new TempFolder();
            var home = HomeWithOffset3(temp);
            var ruleset = $@"
table inet filter {{
  set carbon {{
    type inet_service
    elements = {{ {ProductPorts} }}
  }}
  chain input {{
    type filter hook input priority 0; policy accept;
    iifname ""lo"" accept
    ct state invalid drop
    ct state {{ established, related }} accept
    jump services
    counter reject with icmpx type admin-prohibited
  }}
  chain services {{
    tcp dport @carbon accept
    tcp dport ssh accept comment ""admins""
  }}
}}
";
            var listing = NetworkNamespace.Listing(temp, ruleset);
            var filter = NftRuleset.Parse(listing);
            Assert.True(filter.DefaultDeny, listing);
            Assert.Equal(FilterVerdict.Drop, filter.Decide("tcp", 3306));
            Assert.Equal(FilterVerdict.Accept, filter.Decide("tcp", 9446));
            var result = Evaluate(filter, home);
            Assert.True(result.Outcome == CheckOutcome.Pass, result.Actual + "\n" + listing);

            // Negative control: the same ruleset without the catch-all reject accepts everything else.
            var open = Evaluate(NftRuleset.Parse(NetworkNamespace.Listing(temp, ruleset.Replace("counter reject with icmpx type admin-prohibited", ""))), home);
            Assert.Equal(CheckOutcome.Warning, open.Outcome);
            Assert.Contains("inbound default is accept", open.Actual);
        }

        [NetnsFact]
        public void FirewalldsNftablesRulesAreReadThroughItsZoneChains()
        {
            // The shape firewalld (nftables backend) writes: an accept-policy base chain ending in a reject, zones by interface.
            const string ruleset = @"
table inet firewalld {
  chain filter_INPUT {
    type filter hook input priority filter + 10; policy accept;
    ct state { established, related } accept
    ct status dnat accept
    iifname ""lo"" accept
    ct state invalid drop
    jump filter_INPUT_POLICIES
    reject with icmpx admin-prohibited
  }
  chain filter_INPUT_POLICIES {
    iifname ""eth0"" jump filter_IN_public
    iifname ""eth0"" reject with icmpx admin-prohibited
    jump filter_IN_public
    reject with icmpx admin-prohibited
  }
  chain filter_IN_public {
    jump filter_IN_public_allow
    meta l4proto { icmp, ipv6-icmp } accept
  }
  chain filter_IN_public_allow {
    tcp dport 22 accept
    ip6 daddr fe80::/64 udp dport 546 accept
    tcp dport 9443 accept
    tcp dport 9090 accept
  }
}
";
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var filter = NftRuleset.Parse(NetworkNamespace.Listing(temp, ruleset));
            Assert.True(filter.DefaultDeny);
            Assert.Empty(filter.Unread);
            var result = Evaluate(filter, home);
            Assert.Equal(CheckOutcome.Warning, result.Outcome);
            Assert.Contains("product port(s) blocked: 9763/tcp, 9999/tcp, 8280/tcp, 8243/tcp", result.Actual);
            Assert.Contains("other ports open: udp/546 where ip6 daddr fe80::/64; tcp/9090", result.Actual);
            Assert.DoesNotContain("iifname", result.Actual);
            Assert.DoesNotContain("ct status", result.Actual);
        }

        [NetnsFact]
        public void TheModuleReadsTheFirewallOfItsOwnNamespace()
        {
            using var temp = new TempFolder();
            var home = HomeWithOffset3(temp);
            var script = temp.Write("firewall.ps1", $@"
Import-Module '{ChildPwsh.ModuleAssembly}'
Test-CarbonHost -CheckId Host.Firewall -ProductHome '{home}' | Where-Object CheckId -eq Host.Firewall | ForEach-Object {{ ""$($_.Outcome)|$($_.Actual)"" }}
");
            var run = $"NO_COLOR=1 '{ChildPwsh.Path}' -NoProfile -NonInteractive -File '{script}'";
            var (code, good) = NetworkNamespace.Run(temp, Ruleset("drop", $"tcp dport {{ 22, {ProductPorts} }} accept"), run);
            Assert.True(code == 0, good);
            Assert.StartsWith("Pass|nftables: default deny", good.Trim());
            var (_, none) = NetworkNamespace.Run(temp, "", run);
            Assert.StartsWith("Fail|No inbound filtering", none.Trim());
        }

        [Fact]
        public void IptablesSaveWithUfwChainsIsRead()
        {
            // The shape ufw leaves in iptables-save: INPUT jumps into its chains, the user rules, and a drop policy.
            const string listing = @"# Generated by iptables-save v1.8.9 on Thu Dec  3 10:00:00 2026
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:ufw-before-input - [0:0]
:ufw-user-input - [0:0]
-A INPUT -j ufw-before-input
-A INPUT -j ufw-user-input
-A ufw-before-input -i lo -j ACCEPT
-A ufw-before-input -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A ufw-before-input -m conntrack --ctstate INVALID -j DROP
-A ufw-before-input -p icmp -m icmp --icmp-type 8 -j ACCEPT
-A ufw-user-input -p tcp -m tcp --dport 22 -j ACCEPT
-A ufw-user-input -p tcp -m multiport --dports 9443,9763 -j ACCEPT
-A ufw-user-input -s 192.168.0.0/16 -p tcp -m tcp --dport 5432 -m comment --comment ""db from lan"" -j ACCEPT
-A ufw-user-input -p tcp -m tcp --dport 8000:8100 -j REJECT --reject-with tcp-reset
COMMIT
";
            var filter = IptablesSave.Parse(listing);
            Assert.True(filter.DefaultDeny);
            Assert.Equal(FilterVerdict.Accept, filter.Decide("tcp", 9763));
            Assert.Equal(FilterVerdict.Drop, filter.Decide("tcp", 8080));
            Assert.Equal(FilterVerdict.Drop, filter.Decide("tcp", 9999));
            Assert.Equal(new[] { "tcp/22", "tcp/9443,9763", "tcp/5432 where -s 192.168.0.0/16" }, filter.Openings.Select(r => r.Reach).ToArray());
            var accepting = IptablesSave.Parse(listing.Replace(":INPUT DROP", ":INPUT ACCEPT"));
            Assert.False(accepting.DefaultDeny);
            Assert.Equal(FilterVerdict.Accept, accepting.Decide("tcp", 9999));
        }

        [Fact]
        public void WindowsProfilesGiveTheDefaultInboundActionOnly()
        {
            // The English output of `netsh advfirewall show allprofiles` (abridged); the Windows path is compiled, not run here.
            const string text = "\r\nDomain Profile Settings:\r\n----------------------------------------------------------------------\r\nState                                 ON\r\nFirewall Policy                       BlockInbound,AllowOutbound\r\n\r\nPrivate Profile Settings:\r\n----------------------------------------------------------------------\r\nState                                 OFF\r\nFirewall Policy                       BlockInbound,AllowOutbound\r\n\r\nPublic Profile Settings:\r\n----------------------------------------------------------------------\r\nState                                 ON\r\nFirewall Policy                       AllowInbound,AllowOutbound\r\nOk.\r\n";
            var filter = FirewallReader.ParseWindowsProfiles(text);
            Assert.Equal(new[] { "Domain profile", "Public profile" }, filter.Chains.Select(c => c.Name).ToArray());
            Assert.True(filter.DefaultDeny);
            var result = Evaluate(filter);
            Assert.Equal(CheckOutcome.Warning, result.Outcome);
            Assert.Contains("allow rules are not read", result.Actual);
            Assert.Equal(CheckOutcome.Fail, Evaluate(FirewallReader.ParseWindowsProfiles(text.Replace("ON", "OFF"))).Outcome);
        }

        [Fact]
        public void AFirewallThatCannotBeReadIsSkippedWithTheReason()
        {
            var result = Evaluate(InboundFilter.Unreadable("nftables", "nft list ruleset failed (reading the firewall needs root): Operation not permitted"));
            Assert.Equal(CheckOutcome.Skipped, result.Outcome);
            Assert.Contains("needs root", result.Message);
            Assert.Equal(CheckOutcome.Fail, Evaluate(new InboundFilter(null, null)).Outcome);
        }
    }
}
