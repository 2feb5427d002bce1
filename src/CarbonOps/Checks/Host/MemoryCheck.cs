using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide: 2 GB of RAM for the OS plus 2 GB for each Carbon instance on the host, or the instance's
    /// -Xmx where its launcher sets more; a Cassandra data node 8 GB.
    /// </summary>
    public sealed class MemoryCheck : CarbonCheck
    {
        private const long GiB = 1024L * 1024 * 1024;
        private const long InstanceMb = 2048;

        public override string Id => "Host.Memory";
        public override string Title => "Physical memory for the OS and each Carbon instance";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Installation Prerequisites: Hardware (memory)";
        public override string RemediationText => "Add memory to the host, or run fewer Carbon instances on it.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var instances = context.Options.InstanceCount < 1 ? 1 : context.Options.InstanceCount;
            // The largest heaps first: with fewer instances than homes, the biggest ones are what must fit.
            var heaps = context.Options.Homes.Select(h => new { Home = h, Mb = MaxHeapMb(h) })
                .Where(h => h.Mb > InstanceMb).OrderByDescending(h => h.Mb).Take(instances).ToList();
            var plain = instances - heaps.Count;
            var requiredMb = InstanceMb + heaps.Sum(h => h.Mb) + plain * InstanceMb;
            var parts = new List<string> { "2 GB for the OS" };
            parts.AddRange(heaps.Select(h => $"{Gb(h.Mb)} (-Xmx of {System.IO.Path.GetFileName(h.Home.Path)})"));
            if (plain > 0)
            {
                parts.Add($"2 GB x {plain} instance{(plain == 1 ? "" : "s")}");
            }
            var expected = $"{Gb(requiredMb)} ({string.Join(" + ", parts)})";
            if (context.Options.Profile == HostProfile.CassandraNode && requiredMb < 8192)
            {
                requiredMb = 8192;
                expected = "8 GB (Cassandra data node)";
            }
            var total = context.Host.MemoryTotalBytes;
            if (!total.HasValue)
            {
                return Skip(context, context.ComputerName, "The physical memory of this host could not be read.");
            }
            var actual = FormatGb(total.Value);
            return JvmMemoryBudget.Holds(total.Value, requiredMb)
                ? Pass(context, expected, actual, context.ComputerName)
                : Fail(context, expected, actual, context.ComputerName, $"The host has {actual} of memory; {instances} Carbon instance(s) need {Gb(requiredMb)}.");
        }

        /// <summary>The -Xmx of a home's launcher in MB; 0 when it sets none or cannot be read (the 2 GB share applies).</summary>
        private static long MaxHeapMb(CarbonHome home)
        {
            try
            {
                return JvmMemory.Read(home)?.MaxHeapMb ?? 0;
            }
            catch (CarbonOpsException)
            {
                return 0;
            }
        }

        private static string Gb(long mb) => (mb / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " GB";

        internal static string FormatGb(long bytes) => (bytes / (double)GiB).ToString("0.0", CultureInfo.InvariantCulture) + " GB";
    }
}
