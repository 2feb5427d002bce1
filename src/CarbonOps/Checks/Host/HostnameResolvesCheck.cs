using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide: the host name must resolve to an address other than loopback (Carbon binds and
    /// advertises it). On SUSE, which does not use resolv.conf for this, /etc/hosts must carry
    /// "&lt;ip&gt; &lt;hostname&gt;" above the localhost line.
    /// </summary>
    public sealed class HostnameResolvesCheck : CarbonCheck
    {
        public override string Id => CheckIds.HostHostnameResolves;
        public override string Title => "The host name resolves to a non-loopback address";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Installation Prerequisites: Host name";
        public override string RemediationText => "Map the host name to the machine's address in DNS or in /etc/hosts (a line '<ip> <hostname>' above the localhost line).";

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
            return resolution.Addresses.Any(a => !IsLoopback(a))
                ? Pass(context, expected, actual, context.ComputerName)
                : Fail(context, expected, actual, context.ComputerName, $"{name} resolves to loopback only; Carbon would bind and advertise 127.0.0.1.");
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
            var localhost = lines.FindIndex(l => l.Value.Contains("localhost"));
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
