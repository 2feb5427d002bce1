using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using CarbonOps.Checks;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Benchmarks
{
    /// <summary>
    /// What each product check costs in a full audit of one fresh home (the sample), so a regression has a name:
    /// wall and thread CPU time, median of the runs. The first check to read a file or a call fact pays for it,
    /// as in Test-CarbonHost; "alone" is the check by itself on a fresh home, with its own call facts.
    /// With --keystores the home first gets the keystores carbon.xml names and its passwords protected by Secure Vault
    /// (through the cmdlets), and the checks are given the keystore password. The host checks follow, each timed in
    /// one call with fresh call facts, and the product checks of a second home of the same call (call facts read).
    /// dotnet run -c Release --project tests/CarbonOps.Benchmarks -- --per-check [runs] [--keystores]
    /// </summary>
    public static class PerCheckCost
    {
        public static void Run(int runs, bool keystores)
        {
            using var homes = new Homes(2);
            SecureString password = null;
            if (keystores)
            {
                password = KeystoreHome.Prepare(homes.Paths);
            }
            var probe = HostProbe.Current;
            _ = probe.MemoryTotalBytes;
            CheckOptions Options(CarbonHome home) => new CheckOptions { Homes = new[] { home }, KeystorePassword = password };
            var checks = CheckCatalog.All.Where(c => c.Scope == CheckScope.Product).ToList();
            var wall = checks.ToDictionary(c => c.Id, _ => new List<double>());
            var cpu = checks.ToDictionary(c => c.Id, _ => new List<double>());
            var alone = checks.ToDictionary(c => c.Id, _ => new List<double>());
            var totalWall = new List<double>();
            var totalCpu = new List<double>();
            var secondWall = new List<double>();
            var secondCpu = new List<double>();
            for (var run = -3; run < runs; run++)
            {
                var home = CarbonHome.Open(homes.Paths[0]);
                var facts = new CallFacts();
                var context = new CheckContext(probe, home, Options(home), facts);
                double runWall = 0, runCpu = 0;
                foreach (var check in checks)
                {
                    var (w, c) = CpuClock.Time(() => CheckRunner.RunAll(check, context).ToList());
                    runWall += w;
                    runCpu += c;
                    if (run >= 0)
                    {
                        wall[check.Id].Add(w);
                        cpu[check.Id].Add(c);
                    }
                }
                var second = CarbonHome.Open(homes.Paths[1]);
                var secondContext = new CheckContext(probe, second, Options(second), facts);
                var (sw, sc) = CpuClock.Time(() => checks.ForEach(check => CheckRunner.RunAll(check, secondContext).ToList()));
                if (run >= 0)
                {
                    totalWall.Add(runWall);
                    totalCpu.Add(runCpu);
                    secondWall.Add(sw);
                    secondCpu.Add(sc);
                }
                foreach (var check in checks)
                {
                    var own = CarbonHome.Open(homes.Paths[0]);
                    var ownContext = new CheckContext(probe, own, Options(own), new CallFacts());
                    var (w, _) = CpuClock.Time(() => CheckRunner.RunAll(check, ownContext).ToList());
                    if (run >= 0)
                    {
                        alone[check.Id].Add(w);
                    }
                }
            }

            Console.WriteLine($"Per-check cost, one fresh home ({homes.Paths[0]}), every product check, {runs} runs, medians in ms");
            Console.WriteLine("| Check | Wall in full audit | CPU in full audit | Wall alone |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var check in checks.OrderByDescending(c => CpuClock.Median(cpu[c.Id])))
            {
                Console.WriteLine($"| {check.Id} | {Ms(CpuClock.Median(wall[check.Id]))} | {Ms(CpuClock.Median(cpu[check.Id]))} | {Ms(CpuClock.Median(alone[check.Id]))} |");
            }
            Console.WriteLine($"| **All {checks.Count}** | **{Ms(CpuClock.Median(totalWall))}** | **{Ms(CpuClock.Median(totalCpu))}** | |");
            Console.WriteLine($"| **All {checks.Count}, a second home of the call (call facts read)** | **{Ms(CpuClock.Median(secondWall))}** | **{Ms(CpuClock.Median(secondCpu))}** | |");
            HostChecks(probe, runs);
        }

        /// <summary>Each host check in a call of its own (fresh call facts), after the host's fixed facts are read.</summary>
        private static void HostChecks(IHostProbe probe, int runs)
        {
            var checks = CheckCatalog.All.Where(c => c.Scope == CheckScope.Host).ToList();
            var wall = checks.ToDictionary(c => c.Id, _ => new List<double>());
            var cpu = checks.ToDictionary(c => c.Id, _ => new List<double>());
            for (var run = -3; run < runs; run++)
            {
                foreach (var check in checks)
                {
                    var context = new CheckContext(probe, null, new CheckOptions(), new CallFacts());
                    var (w, c) = CpuClock.Time(() => CheckRunner.RunAll(check, context).ToList());
                    if (run >= 0)
                    {
                        wall[check.Id].Add(w);
                        cpu[check.Id].Add(c);
                    }
                }
            }
            Console.WriteLine();
            Console.WriteLine($"Host checks, each in a call of its own, {runs} runs, medians in ms");
            Console.WriteLine("| Check | Wall | CPU (this thread) |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var check in checks.OrderByDescending(c => CpuClock.Median(cpu[c.Id])))
            {
                Console.WriteLine($"| {check.Id} | {Ms(CpuClock.Median(wall[check.Id]))} | {Ms(CpuClock.Median(cpu[check.Id]))} |");
            }
        }

        private static string Ms(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture);

    }
}
