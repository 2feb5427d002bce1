using System.Collections.Generic;
using System.Linq;
using CarbonOps.Checks;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Waivers;

namespace CarbonOps.Audit
{
    /// <summary>Where an audit's results go: the cmdlet writes them to the pipeline, a test or a benchmark collects them.</summary>
    public interface IAuditWriter
    {
        void WriteResult(CheckResult result);

        /// <summary>Called before each home when more than one is audited; <paramref name="percent"/> 100 means done.</summary>
        void WriteProgress(string productHome, int percent);
    }

    /// <summary>What one audit runs: which checks, over which homes, with which knobs and waivers.</summary>
    public sealed class AuditRequest
    {
        public IReadOnlyList<CarbonCheck> Checks { get; set; } = CheckCatalog.All;
        public IReadOnlyList<CarbonHome> Homes { get; set; } = new CarbonHome[0];
        public CheckOptions Options { get; set; } = new CheckOptions();
        /// <summary>Null: no waivers.</summary>
        public WaiverSet Waivers { get; set; }
        /// <summary>Null: this host.</summary>
        public IHostProbe Host { get; set; }
    }

    /// <summary>
    /// Runs the selected checks: host checks once, then product checks home by home. Every check of the
    /// call shares one <see cref="CallFacts"/> (Java probes, process list, socket table), so each is read
    /// once however many homes there are. A failing check becomes an Error result, never an exception.
    /// </summary>
    public static class AuditEngine
    {
        /// <returns>True when no result is an unwaived failure.</returns>
        public static bool Run(AuditRequest request, IAuditWriter writer)
        {
            var probe = request.Host ?? HostProbe.Current;
            var options = request.Options;
            options.Homes = request.Homes;
            var facts = new CallFacts();
            foreach (var home in request.Homes)
            {
                home.KeepExistence();
            }
            var allPassed = true;
            void Emit(CheckResult result)
            {
                result = request.Waivers?.Apply(result) ?? result;
                allPassed &= !result.IsUnwaivedFailure;
                writer.WriteResult(result);
            }

            var hostContext = new CheckContext(probe, null, options, facts);
            foreach (var check in request.Checks.Where(c => c.Scope == CheckScope.Host))
            {
                Emit(CheckRunner.Run(check, hostContext));
            }
            var productChecks = request.Checks.Where(c => c.Scope == CheckScope.Product).ToList();
            var homes = request.Homes;
            for (var i = 0; i < homes.Count && productChecks.Count > 0; i++)
            {
                if (homes.Count > 1)
                {
                    writer.WriteProgress(homes[i].Path, i * 100 / homes.Count);
                }
                var context = new CheckContext(probe, homes[i], options, facts);
                foreach (var result in productChecks.SelectMany(check => CheckRunner.RunAll(check, context)))
                {
                    Emit(result);
                }
            }
            if (homes.Count > 1)
            {
                writer.WriteProgress(null, 100);
            }
            return allPassed;
        }
    }
}
