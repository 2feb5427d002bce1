using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CarbonOps.Installation
{
    /// <summary>
    /// The guide's memory rule: "4 GB RAM (2 GB for JVM and 2 GB for the operating system)" per instance, and
    /// "To run the JVM with 2 GB (-Xmx2048m), you should ideally have about 4GB of memory". The heap (-Xmx) of
    /// every instance plus 2 GB for the OS must fit in the RAM. PermGen is not added: the guide's own settings
    /// (-Xmx2048m -XX:MaxPermSize=1024m) on its own 4 GB (and three on 8 GB) show that it comes out of the
    /// OS's share.
    /// </summary>
    public static class JvmMemoryBudget
    {
        public const long OsReserveMb = 2048;

        /// <summary>
        /// MemTotal is the installed RAM less what the firmware and kernel keep: a host sold as 4 GB shows about
        /// 3.8-3.9 GiB. A host counts as having N GB when it shows at least this share of it.
        /// </summary>
        public const double KernelReserveAllowance = 0.95;

        /// <summary>The largest -Xmx, in MB, over the launchers of a home as they are on disk now.</summary>
        public static long MaxHeapMb(string productHome)
        {
            var home = CarbonHome.Open(productHome);
            long largest = 0;
            foreach (var launcher in CarbonPaths.StartupScripts.Where(home.Exists))
            {
                try
                {
                    var command = home.Launcher(launcher);
                    var values = JvmValues.From(command.Tokens.Where(t => !t.IsJavaOpts).Select(t => t.Word));
                    largest = System.Math.Max(largest, JvmSize.Megabytes(values[JvmSetting.MaxHeap]) ?? 0);
                }
                catch (CarbonOpsException)
                {
                }
            }
            return largest;
        }

        /// <summary>Whether <paramref name="memoryTotalBytes"/> counts as at least <paramref name="requiredMb"/> (see <see cref="KernelReserveAllowance"/>).</summary>
        public static bool Holds(long memoryTotalBytes, long requiredMb) =>
            memoryTotalBytes >= requiredMb * 1024L * 1024 * KernelReserveAllowance;

        /// <summary>A warning when the instances' -Xmx in MB plus 2 GB exceed the RAM; null when they fit or the RAM is unknown.</summary>
        public static string Check(IReadOnlyCollection<long> maxHeapMbPerInstance, long? memoryTotalBytes)
        {
            if (!memoryTotalBytes.HasValue || maxHeapMbPerInstance.Count == 0)
            {
                return null;
            }
            var needMb = maxHeapMbPerInstance.Sum() + OsReserveMb;
            if (Holds(memoryTotalBytes.Value, needMb))
            {
                return null;
            }
            return string.Format(CultureInfo.InvariantCulture,
                "{0} instance(s) with these heaps (-Xmx) need {1} MB with 2 GB for the OS, but the host has {2} MB of RAM (the guide: a 2 GB heap wants about 4 GB of RAM; MemTotal counts from {3:0}% of that).",
                maxHeapMbPerInstance.Count, needMb, memoryTotalBytes.Value / (1024 * 1024), KernelReserveAllowance * 100);
        }
    }
}
