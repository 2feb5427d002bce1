using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CarbonOps.Host
{
    /// <summary>Security updates the package manager's local metadata lists as pending, or why it cannot tell.</summary>
    public sealed class PendingSecurityUpdates
    {
        public PendingSecurityUpdates(string source, IReadOnlyList<string> packages, DateTime? metadataTime, string reason = null)
        {
            Source = source;
            Packages = packages;
            MetadataTime = metadataTime;
            Reason = reason;
        }

        public static PendingSecurityUpdates Unknown(string source, string reason) => new PendingSecurityUpdates(source, null, null, reason);

        /// <summary>apt, dnf or yum; null when no package manager was found.</summary>
        public string Source { get; }
        /// <summary>The packages with a pending security update; null when the metadata could not answer.</summary>
        public IReadOnlyList<string> Packages { get; }
        /// <summary>When the package lists were last downloaded (UTC), where known.</summary>
        public DateTime? MetadataTime { get; }
        public string Reason { get; }
    }

    /// <summary>
    /// Pending security updates from what the package manager already has on disk; nothing here goes to the network.
    /// apt: `apt list --upgradable`, counting the installed packages whose candidate comes from a security suite
    /// (it reads the same lists as a simulated upgrade, without the resolver, at about a third of the time).
    /// dnf/yum: `updateinfo list` of the security advisories, from the cache only (-C).
    /// </summary>
    public static class SecurityUpdateReader
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
        private static readonly Regex AptUpgradable = new Regex(@"^(?<pkg>[^/\s]+)/(?<suites>\S+)\s+\S+\s+\S+\s+\[upgradable from:", RegexOptions.CultureInvariant);
        private static readonly Regex UpdateInfo = new Regex(@"^\S+\s+(\S+/)?Sec\.?\s+(?<pkg>\S+)\s*$|^\S+\s+security\s+(?<pkg>\S+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly object CacheLock = new object();
        private static string cacheKey;
        // Sources, pins and options change which candidate a package has, so they are part of the key too.
        private static readonly string[] AptConfiguration = { "/etc/apt/sources.list", "/etc/apt/sources.list.d", "/etc/apt/preferences", "/etc/apt/preferences.d", "/etc/apt/apt.conf.d" };
        private static readonly string[] DnfConfiguration = { "/etc/yum.repos.d", "/etc/dnf/dnf.conf", "/etc/yum.conf" };
        private static PendingSecurityUpdates cached;

        /// <summary>
        /// The packages of `apt list --upgradable` ("name/suite[,suite] version arch [upgradable from: old]") whose
        /// candidate is in a security suite (bookworm-security, oldstable-security, jammy-security).
        /// </summary>
        public static List<string> ParseAptUpgradable(string text) =>
            (text ?? "").Replace("\r", "").Split('\n')
                .Select(l => AptUpgradable.Match(l.Trim()))
                .Where(m => m.Success && m.Groups["suites"].Value.Split(',').Any(suite => suite.EndsWith("-security", StringComparison.OrdinalIgnoreCase)))
                .Select(m => m.Groups["pkg"].Value)
                .Distinct(StringComparer.Ordinal).ToList();

        /// <summary>The packages of `dnf updateinfo list --security` / `yum updateinfo list security` (advisory, type, package).</summary>
        public static List<string> ParseUpdateInfo(string text) =>
            (text ?? "").Replace("\r", "").Split('\n')
                .Select(l => UpdateInfo.Match(l.Trim()))
                .Where(m => m.Success)
                .Select(m => m.Groups["pkg"].Value)
                .Distinct(StringComparer.Ordinal).ToList();

        /// <summary>
        /// Reads the host's package manager; the answer is kept (in the process, and on disk for the next process: see
        /// <see cref="SecurityUpdateCache"/>) while its metadata, the installed set and its configuration stay the same.
        /// </summary>
        public static PendingSecurityUpdates ReadLinux()
        {
            var apt = ExecutableSearch.FindSystemProgram("apt");
            var dnf = ExecutableSearch.FindSystemProgram("dnf") ?? ExecutableSearch.FindSystemProgram("yum");
            if (apt == null && dnf == null)
            {
                return PendingSecurityUpdates.Unknown(null, "No apt, dnf or yum on this host: pending security updates are not read here.");
            }
            var lists = apt != null ? "/var/lib/apt/lists" : "/var/cache/" + Path.GetFileName(dnf);
            var installed = apt != null ? "/var/lib/dpkg/status" : "/var/lib/rpm";
            var metadata = NewestWrite(lists);
            var key = lists + "|" + metadata?.Ticks + "|" + NewestWrite(installed)?.Ticks + "|"
                + string.Join(",", (apt != null ? AptConfiguration : DnfConfiguration).Select(p => NewestWrite(p)?.Ticks + "/" + (Directory.Exists(p) ? Directory.GetLastWriteTimeUtc(p).Ticks : 0)));
            lock (CacheLock)
            {
                if (key == cacheKey)
                {
                    return cached;
                }
            }
            var disk = SecurityUpdateCache.ForUser();
            var result = disk?.Read(key);
            if (result == null)
            {
                result = apt != null ? ReadApt(apt, lists, metadata) : ReadUpdateInfo(dnf, metadata);
                disk?.Write(key, result);
            }
            lock (CacheLock)
            {
                cacheKey = key;
                cached = result;
            }
            return result;
        }

        private static PendingSecurityUpdates ReadApt(string apt, string lists, DateTime? metadata)
        {
            if (!Directory.Exists(lists) || !Directory.EnumerateFiles(lists, "*Packages*").Any())
            {
                return PendingSecurityUpdates.Unknown("apt", $"apt has no package lists in {lists} (apt-get update has not been run): it cannot tell which updates are pending.");
            }
            var output = ProcessRunner.Run(apt, new[] { "list", "--upgradable" }, Timeout);
            if (output.ExitCode != 0)
            {
                return PendingSecurityUpdates.Unknown("apt", "apt list --upgradable failed: " + (output.StartError ?? (output.TimedOut ? "no answer in time" : output.StdErr.Trim())));
            }
            return new PendingSecurityUpdates("apt", ParseAptUpgradable(output.StdOut), metadata);
        }

        private static PendingSecurityUpdates ReadUpdateInfo(string tool, DateTime? metadata)
        {
            var name = Path.GetFileName(tool);
            var arguments = name == "dnf" ? new[] { "-C", "-q", "updateinfo", "list", "--security" } : new[] { "-C", "-q", "updateinfo", "list", "security" };
            var output = ProcessRunner.Run(tool, arguments, Timeout);
            if (output.ExitCode != 0)
            {
                return PendingSecurityUpdates.Unknown(name, $"{name} {string.Join(" ", arguments)} failed (no cached metadata, or no updateinfo in the repositories): "
                    + (output.StartError ?? output.StdErr.Trim()));
            }
            return new PendingSecurityUpdates(name, ParseUpdateInfo(output.StdOut), metadata);
        }

        private static DateTime? NewestWrite(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    return File.GetLastWriteTimeUtc(path);
                }
                if (!Directory.Exists(path))
                {
                    return null;
                }
                var times = Directory.EnumerateFiles(path).Select(File.GetLastWriteTimeUtc).ToList();
                return times.Count == 0 ? (DateTime?)null : times.Max();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
