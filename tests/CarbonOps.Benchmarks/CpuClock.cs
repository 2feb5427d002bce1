using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;

namespace CarbonOps.Benchmarks
{
    /// <summary>Wall and thread CPU time of an action, and medians.</summary>
    internal static class CpuClock
    {
        public static (double Wall, double Cpu) Time(Action action)
        {
            var cpu0 = ThreadCpuMs();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            return (watch.Elapsed.TotalMilliseconds, ThreadCpuMs() - cpu0);
        }

        public static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

        /// <summary>CPU time of this thread (Linux); 0 where the clock is missing, so only wall time is shown.</summary>
        private static double ThreadCpuMs()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || ClockGetTime(ThreadCpuClock, out var t) != 0)
            {
                return 0;
            }
            return t.Seconds * 1000.0 + t.Nanoseconds / 1e6;
        }
    }
}
