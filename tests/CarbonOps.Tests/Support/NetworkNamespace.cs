using System;
using System.IO;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// A throw-away network namespace (`unshare -n`, root) whose nftables ruleset a test loads: the firewall of
    /// the host is never touched. The namespace lives as long as the one command run in it.
    /// </summary>
    public static class NetworkNamespace
    {
        private static readonly Lazy<string> missing = new Lazy<string>(WhyMissing);

        /// <summary>Why the namespace tests cannot run here; null when they can.</summary>
        public static string Missing => missing.Value;

        public static string Unshare => ExternalTool.Find("unshare") ?? "/usr/bin/unshare";
        public static string Nft => ExternalTool.Find("nft") ?? (File.Exists("/usr/sbin/nft") ? "/usr/sbin/nft" : null);

        /// <summary>Loads <paramref name="ruleset"/> (may be empty) in a new namespace, then runs <paramref name="command"/> (a shell line) there.</summary>
        public static (int ExitCode, string Output) Run(TempFolder temp, string ruleset, string command)
        {
            var rules = temp.Write("ruleset-" + Guid.NewGuid().ToString("N") + ".nft", ruleset ?? "");
            var load = string.IsNullOrWhiteSpace(ruleset) ? "" : $"'{Nft}' -f '{rules}' && ";
            return ExternalTool.Run(Unshare, new[] { "-n", "/bin/sh", "-c", load + command }, TimeSpan.FromSeconds(120));
        }

        /// <summary>The ruleset as nft lists it after loading it (the text the firewall reader parses).</summary>
        public static string Listing(TempFolder temp, string ruleset)
        {
            var (code, output) = Run(temp, ruleset, $"'{Nft}' list ruleset");
            Assert.True(code == 0, output);
            return output;
        }

        private static string WhyMissing()
        {
            if (!OperatingSystem.IsLinux())
            {
                return "Needs Linux network namespaces.";
            }
            if (Nft == null)
            {
                return "nft is not installed (Debian's nftables package; .ci/run installs it).";
            }
            try
            {
                var (code, output) = ExternalTool.Run(Unshare, new[] { "-n", Nft, "list", "ruleset" }, TimeSpan.FromSeconds(30));
                return code == 0 ? null : "unshare -n could not make a network namespace (needs root): " + output.Trim();
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is TimeoutException)
            {
                return "unshare could not run: " + ex.Message;
            }
        }
    }

    public sealed class NetnsFactAttribute : FactAttribute
    {
        public NetnsFactAttribute()
        {
            if (NetworkNamespace.Missing != null)
            {
                Skip = NetworkNamespace.Missing;
            }
        }
    }
}
