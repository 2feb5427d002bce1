using System;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CarbonOps.Installation
{
    /// <summary>The heap and PermGen sizes a home's launcher starts the JVM with, in megabytes.</summary>
    public sealed class JvmMemorySettings
    {
        internal JvmMemorySettings(string launcher, long? initialHeapMb, long? maxHeapMb, long? maxPermSizeMb)
        {
            Launcher = launcher;
            InitialHeapMb = initialHeapMb;
            MaxHeapMb = maxHeapMb;
            MaxPermSizeMb = maxPermSizeMb;
        }

        /// <summary>The launcher the values came from, relative to the product home.</summary>
        public string Launcher { get; }
        public long? InitialHeapMb { get; }
        public long? MaxHeapMb { get; }
        public long? MaxPermSizeMb { get; }
    }

    public static class JvmMemory
    {
        private static readonly Regex Size = new Regex(@"^(?<n>\d+)(?<unit>[kKmMgGtT]?)$", RegexOptions.CultureInvariant);
        private static readonly Regex InitialHeap = new Regex(@"(?<![\w-])-Xms(?<v>\d+[kKmMgGtT]?)\b", RegexOptions.CultureInvariant);
        private static readonly Regex MaxHeap = new Regex(@"(?<![\w-])-Xmx(?<v>\d+[kKmMgGtT]?)\b", RegexOptions.CultureInvariant);
        private static readonly Regex MaxPerm = new Regex(@"(?<![\w-])-XX:MaxPermSize=(?<v>\d+[kKmMgGtT]?)\b", RegexOptions.CultureInvariant);

        /// <summary>
        /// The memory options of the launcher this platform uses (wso2server.sh, or wso2server.bat on
        /// Windows, else the YAJSW wrapper.conf); null when the home has none of them.
        /// The last occurrence of an option wins, as on a java command line.
        /// </summary>
        public static JvmMemorySettings Read(CarbonHome home)
        {
            var order = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? new[] { CarbonPaths.StartupScriptBat, CarbonPaths.StartupScriptSh, CarbonPaths.WrapperConf }
                : new[] { CarbonPaths.StartupScriptSh, CarbonPaths.StartupScriptBat, CarbonPaths.WrapperConf };
            var launcher = order.FirstOrDefault(home.Exists);
            if (launcher == null)
            {
                return null;
            }
            var text = home.Text(launcher).Text;
            return new JvmMemorySettings(launcher, Last(InitialHeap, text), Last(MaxHeap, text), Last(MaxPerm, text));
        }

        /// <summary>A JVM size (256m, 2g, 1048576k, 512) in megabytes; null when it does not parse.</summary>
        public static long? ParseMegabytes(string size)
        {
            var match = Size.Match(size ?? "");
            if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }
            switch (match.Groups["unit"].Value.ToLowerInvariant())
            {
                case "": return n / (1024 * 1024);
                case "k": return n / 1024;
                case "m": return n;
                case "g": return n * 1024;
                default: return n * 1024 * 1024;
            }
        }

        private static long? Last(Regex option, string text)
        {
            var matches = option.Matches(text);
            return matches.Count == 0 ? null : ParseMegabytes(matches[matches.Count - 1].Groups["v"].Value);
        }
    }
}
