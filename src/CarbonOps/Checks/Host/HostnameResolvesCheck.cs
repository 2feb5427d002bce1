using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide: "When using SUSE Linux, it ignores /etc/resolv.conf and only looks at the /etc/hosts file ...
    /// add the following line above localhost in the /etc/hosts file: &lt;ip_address&gt; &lt;machine_name&gt; localhost".
    /// On SUSE that line (a non-loopback address naming the host, above the loopback localhost line) passes.
    /// Elsewhere the host name must resolve beyond loopback; Debian's and Ubuntu's stock 127.0.1.1 mapping is
    /// a Warning (a single node works; cluster members and callbacks need the machine's address).
    /// </summary>
    public sealed class HostnameResolvesCheck : CarbonCheck
    {
        public override string Id => "Host.HostnameResolves";
        public override string Title => "The host name resolves to a non-loopback address";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Installation Prerequisites: Host name";
        public override string RemediationText => "Map the host name to the machine's address in DNS or in /etc/hosts (a line '<ip> <hostname>' above the localhost line; on SUSE the guide's '<ip_address> <machine_name> localhost').";

        /// <summary>Debian's and Ubuntu's installers map the host name to this address in /etc/hosts.</summary>
        internal const string DebianHostAddress = "127.0.1.1";

        public override CheckResult Evaluate(CheckContext context)
        {
            var name = context.Host.HostName;
            if (string.IsNullOrEmpty(name))
            {
                return Skip(context, context.ComputerName, "The host name could not be read.");
            }
            var expected = $"{name} resolves to an address other than loopback";
            var os = context.Host.OperatingSystem;
            var suse = os != null && ((os.Id ?? "").IndexOf("suse", StringComparison.OrdinalIgnoreCase) >= 0 || os.Id == "sles" ||
                                      (os.IdLike ?? "").IndexOf("suse", StringComparison.OrdinalIgnoreCase) >= 0);
            if (suse)
            {
                return EvaluateSuse(context, name, expected);
            }
            var resolution = context.Host.Resolve(name);
            if (resolution.Addresses.Count == 0)
            {
                return Fail(context, expected, $"{name} does not resolve", context.ComputerName, $"{name} does not resolve{(resolution.Error != null ? " (" + resolution.Error + ")" : "")}.");
            }
            var actual = $"{name} -> {string.Join(", ", resolution.Addresses)}";
            if (resolution.Addresses.Any(a => !IsLoopback(a)))
            {
                return Pass(context, expected, actual, context.ComputerName);
            }
            if (resolution.Addresses.All(a => a == DebianHostAddress))
            {
                return Warn(context, expected, actual, context.ComputerName,
                    $"{name} resolves to {DebianHostAddress}, Debian's and Ubuntu's stock mapping: a single server runs, but Carbon advertises " +
                    $"{DebianHostAddress}, so cluster members (Hazelcast well-known addresses) and clients that call back by host name cannot reach it. " +
                    "For a cluster, map the name to the machine's address, or set HostName in carbon.xml.");
            }
            return Fail(context, expected, actual, context.ComputerName, $"{name} resolves to loopback only; Carbon would bind and advertise {resolution.Addresses[0]}.");
        }

        private CheckResult EvaluateSuse(CheckContext context, string name, string expected)
        {
            expected = $"/etc/hosts maps {name} to a non-loopback address above the localhost line";
            var hosts = context.Host.ReadHostsFile();
            if (hosts == null)
            {
                return Fail(context, expected, "no /etc/hosts", context.ComputerName, "SUSE resolves the host name from /etc/hosts, and there is none.");
            }
            var lines = ParseHosts(hosts);
            var shortName = name.Split('.')[0];
            // The localhost line is the loopback one: the guide's own line carries "localhost" after the machine's address.
            var localhost = lines.FindIndex(l => IsLoopback(l.Key) && l.Value.Contains("localhost"));
            var own = lines.FindIndex(l => !IsLoopback(l.Key) && (l.Value.Contains(name) || l.Value.Contains(shortName)));
            if (own < 0)
            {
                return Fail(context, expected, $"no line maps {name} to a non-loopback address", context.ComputerName,
                    $"On SUSE /etc/hosts must carry a line '<ip> {name}' with the machine's address.");
            }
            var actual = $"{lines[own].Key} {string.Join(" ", lines[own].Value)} (line {own + 1} of its entries)";
            return localhost < 0 || own < localhost
                ? Pass(context, expected, actual, "/etc/hosts")
                : Fail(context, expected, actual, "/etc/hosts", $"The line for {name} comes after the localhost line; SUSE uses the first match.");
        }

        /// <summary>The address and names of each entry of a hosts file, comments and blank lines left out.</summary>
        internal static List<KeyValuePair<string, List<string>>> ParseHosts(string text)
        {
            var entries = new List<KeyValuePair<string, List<string>>>();
            foreach (var raw in text.Split('\n'))
            {
                var hash = raw.IndexOf('#');
                var fields = (hash >= 0 ? raw.Substring(0, hash) : raw).Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 2)
                {
                    entries.Add(new KeyValuePair<string, List<string>>(fields[0], fields.Skip(1).ToList()));
                }
            }
            return entries;
        }

        internal static bool IsLoopback(string address) =>
            IPAddress.TryParse(address.Split('%')[0], out var ip) && IPAddress.IsLoopback(ip);
    }
}
