using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CarbonOps.Host
{
    /// <summary>Command lines of the processes this user may read (Linux /proc; empty elsewhere).</summary>
    public static class ProcessCommandLines
    {
        public sealed class Entry
        {
            public int ProcessId;
            public string[] Arguments;
        }

        public static IEnumerable<Entry> All()
        {
            if (!Directory.Exists("/proc"))
            {
                yield break;
            }
            foreach (var dir in Directory.GetDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }
                var args = Read(pid);
                if (args != null && args.Length > 0)
                {
                    yield return new Entry { ProcessId = pid, Arguments = args };
                }
            }
        }

        /// <summary>The main class of a Carbon server JVM.</summary>
        public const string CarbonBootstrapClass = "org.wso2.carbon.bootstrap.Bootstrap";

        /// <summary>The -Dcarbon.home= value of a command line (the last one wins, as in Java), or null.</summary>
        public static string CarbonHomeArgument(IEnumerable<string> args)
        {
            const string prefix = "-Dcarbon.home=";
            var arg = args.LastOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal));
            return arg?.Substring(prefix.Length).Trim('"');
        }

        public static string[] Read(int pid)
        {
            try
            {
                var bytes = File.ReadAllBytes("/proc/" + pid + "/cmdline");
                return Encoding.UTF8.GetString(bytes).Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
