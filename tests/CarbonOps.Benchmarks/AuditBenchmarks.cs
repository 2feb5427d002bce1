using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using BenchmarkDotNet.Attributes;
using CarbonOps.Audit;
using CarbonOps.Checks;
using CarbonOps.Host;
using CarbonOps.Installation;
using PS = System.Management.Automation.PowerShell;

namespace CarbonOps.Benchmarks
{
    /// <summary>Target: a full audit of one home in process, every product check, host facts cached, ≤ 5 ms median.</summary>
    public class AuditOneHome
    {
        private Homes homes;
        private IHostProbe probe;
        private List<CarbonCheck> checks;

        [GlobalSetup]
        public void Setup()
        {
            homes = new Homes(1);
            probe = HostProbe.Current;
            _ = probe.MemoryTotalBytes;
            checks = CheckCatalog.All.Where(c => c.Scope == CheckScope.Product).ToList();
        }

        [GlobalCleanup]
        public void Cleanup() => homes.Dispose();

        /// <summary>Opens the home afresh (every file read and parsed again) and runs every product check.</summary>
        [Benchmark]
        public int ProductChecks()
        {
            return FailureCounter.Audit(probe, checks, new[] { homes.Paths[0] });
        }
    }

    /// <summary>Target: 200 homes in one call ≤ 1 s, and cost per home flat from 1 to 200.</summary>
    public class AuditManyHomes
    {
        private Homes homes;
        private Runspace runspace;
        private IHostProbe probe;
        private List<CarbonCheck> checks;

        [Params(1, 10, 50, 200)]
        public int Homes { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            homes = new Homes(Homes);
            probe = HostProbe.Current;
            checks = CheckCatalog.All.Where(c => c.Scope == CheckScope.Product).ToList();
            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { typeof(CarbonOps.Commands.CarbonCmdlet).Assembly.Location });
            runspace = RunspaceFactory.CreateRunspace(iss);
            runspace.Open();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            runspace.Dispose();
            homes.Dispose();
        }

        /// <summary>The core alone: every product check of every home.</summary>
        [Benchmark]
        public int Core()
        {
            return FailureCounter.Audit(probe, checks, homes.Paths);
        }

        /// <summary>One Test-CarbonHost call in a warm runspace: binding, host checks, every home, every result object.</summary>
        [Benchmark]
        public int TestCarbonHost()
        {
            using var ps = PS.Create();
            ps.Runspace = runspace;
            ps.AddCommand("Test-CarbonHost").AddParameter("ProductHome", homes.Paths);
            return ps.Invoke().Count;
        }
    }

    /// <summary>Runs the core audit engine (what Test-CarbonHost forwards to) and counts the failures.</summary>
    internal sealed class FailureCounter : IAuditWriter
    {
        private int failed;

        public static int Audit(IHostProbe probe, IReadOnlyList<CarbonCheck> checks, IEnumerable<string> paths)
        {
            var counter = new FailureCounter();
            AuditEngine.Run(new AuditRequest { Host = probe, Checks = checks, Homes = paths.Select(CarbonHome.Open).ToList() }, counter);
            return counter.failed;
        }

        public void WriteResult(CheckResult result) => failed += result.Outcome == CheckOutcome.Fail ? 1 : 0;

        public void WriteProgress(string productHome, int percent)
        {
        }
    }
}
