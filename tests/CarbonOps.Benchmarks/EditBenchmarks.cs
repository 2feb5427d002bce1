using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Benchmarks
{
    /// <summary>
    /// Target: one edit including backup and atomic replace ≤ 10 ms (stated for Set-CarbonJvmOption and
    /// Set-CarbonPortOffset; until those exist, the Logging.Rotation remedy is the edit measured).
    /// Each invocation starts from the stock file with no backup sets.
    /// </summary>
    [InvocationCount(1)]
    public class OneEdit
    {
        private Homes homes;
        private byte[] stock;
        private string log4j;
        private CarbonCheck check;

        [GlobalSetup]
        public void Setup()
        {
            homes = new Homes(1);
            log4j = Path.Combine(homes.Paths[0], CarbonPaths.Log4jProperties);
            stock = File.ReadAllBytes(log4j);
            check = CheckCatalog.Find("Logging.Rotation");
        }

        [IterationSetup]
        public void Reset()
        {
            File.WriteAllBytes(log4j, stock);
            var state = Path.Combine(homes.Paths[0], ".carbonops");
            if (Directory.Exists(state))
            {
                Directory.Delete(state, true);
            }
        }

        [GlobalCleanup]
        public void Cleanup() => homes.Dispose();

        /// <summary>Read, edit three settings, lock, back up (copy + manifest, flushed), atomic replace (flushed), unlock.</summary>
        [Benchmark]
        public int HardenLog4jRotation()
        {
            using var session = new EditSession(homes.Paths[0]);
            return HardeningEngine.Remediate(check, CarbonHome.Open(homes.Paths[0]), session, new RemediationOptions(), "bench", (_, _) => true)
                .Count(c => c.Status == ChangeStatus.Changed);
        }
    }
}
