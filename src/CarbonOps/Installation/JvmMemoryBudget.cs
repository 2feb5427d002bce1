using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CarbonOps.Installation
{
    /// <summary>The guide's memory rule: the heap and PermGen of every instance on a host, plus 2 GB for the OS, fit in its RAM.</summary>
    public static class JvmMemoryBudget
    {
        public const long OsReserveMb = 2048;

        /// <summary>The largest -Xmx plus -XX:MaxPermSize, in MB, over the launchers of a home as they are on disk now.</summary>
        public static long HeapPlusPermMb(string productHome)
        {
            var home = CarbonHome.Open(productHome);
            long largest = 0;
            foreach (var launcher in CarbonPaths.StartupScripts.Where(home.Exists))
            {
                try
                {
                    var command = home.Launcher(launcher);
                    var values = JvmValues.From(command.Tokens.Where(t => !t.IsJavaOpts).Select(t => t.Word));
                    largest = System.Math.Max(largest, (JvmSize.Megabytes(values[JvmSetting.MaxHeap]) ?? 0) + (JvmSize.Megabytes(values[JvmSetting.MaxPermSize]) ?? 0));
                }
                catch (CarbonOpsException)
                {
                }
            }
            return largest;
        }

        /// <summary>A warning when the instances' (heap + PermGen) in MB plus 2 GB exceed the RAM; null when they fit or the RAM is unknown.</summary>
        public static string Check(IReadOnlyCollection<long> heapPlusPermMbPerInstance, long? memoryTotalBytes)
        {
            if (!memoryTotalBytes.HasValue || heapPlusPermMbPerInstance.Count == 0)
            {
                return null;
            }
            var needMb = heapPlusPermMbPerInstance.Sum() + OsReserveMb;
            var haveMb = memoryTotalBytes.Value / (1024 * 1024);
            if (needMb <= haveMb)
            {
                return null;
            }
            return string.Format(CultureInfo.InvariantCulture,
                "{0} instance(s) with these heap and PermGen sizes need {1} MB with 2 GB for the OS, but the host has {2} MB of RAM (the guide: a 2 GB heap wants about 4 GB of RAM).",
                heapPlusPermMbPerInstance.Count, needMb, haveMb);
        }
    }
}
