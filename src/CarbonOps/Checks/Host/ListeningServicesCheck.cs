using System;
using System.Linq;
using System.Net;
using CarbonOps.Host;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide: "Turning off all services that you're not using is also critical." A socket listening on a
    /// non-loopback address that belongs to neither a Carbon JVM nor sshd is a service to account for.
    /// </summary>
    public sealed class ListeningServicesCheck : CarbonCheck
    {
        public override string Id => CheckIds.HostListeningServices;
        public override string Title => "No network service but Carbon and SSH listens on a non-loopback address";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Running recommendations for security: Host machine security hardening (services not in use)";
        public override string RemediationText =>
            "Stop and disable the services this host does not need (systemctl disable --now <unit>), or bind them to 127.0.0.1.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var target = context.ComputerName;
            var table = context.Facts.AllSockets(context.Host);
            if (table == null)
            {
                return Skip(context, target, "The listening sockets of this host could not be read.");
            }
            const string expected = "Only Carbon JVMs and sshd listen on non-loopback addresses";
            var foreign = table.Sockets
                .Where(s => !IsLoopback(s.Address) && s.CarbonHome == null && !IsSshd(s.ProcessName))
                .GroupBy(s => new { s.Address, s.Port }).Select(g => g.First())
                .OrderBy(s => s.Port).ThenBy(s => s.Address, StringComparer.Ordinal)
                .Select(Describe).ToList();
            var note = table.OwnersComplete ? "" : " (" + table.Note.TrimEnd('.') + ")";
            if (foreign.Count == 0)
            {
                return Pass(context, expected, "No other service listens beyond loopback" + note, target);
            }
            return Warn(context, expected, string.Join("; ", foreign) + note, target,
                $"{foreign.Count} listening socket(s) on non-loopback addresses belong to other services; turn off those not in use.");
        }

        private static bool IsSshd(string processName) => processName != null && processName.StartsWith("sshd", StringComparison.Ordinal);

        internal static bool IsLoopback(string address)
        {
            var text = address ?? "";
            var percent = text.IndexOf('%');
            return IPAddress.TryParse(percent < 0 ? text : text.Substring(0, percent), out var ip)
                && (IPAddress.IsLoopback(ip) || (ip.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(ip.MapToIPv4())));
        }

        private static string Describe(ListeningSocket s)
        {
            var address = s.Address.Contains(":") ? "[" + s.Address + "]" : s.Address;
            var owner = s.ProcessId == 0 ? $"process not visible, user {s.User}" : $"{s.ProcessName} (pid {s.ProcessId}, user {s.User})";
            return $"{address}:{s.Port}/tcp {owner}";
        }
    }
}
