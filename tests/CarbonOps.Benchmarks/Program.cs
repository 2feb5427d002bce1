using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CarbonOps.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project tests/CarbonOps.Benchmarks -- --filter '*' [--artifacts folder]
    /// (build.ps1 -Task Bench runs this, then the whole-process figures).
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--per-check")
            {
                var runs = args.Skip(1).Where(a => !a.StartsWith("--", System.StringComparison.Ordinal)).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture));
                PerCheckCost.Run(runs.DefaultIfEmpty(30).First(), args.Contains("--keystores"));
                return;
            }
            if (args.Length > 0 && args[0] == "--edits")
            {
                EditCost.Run(args.Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(30).First());
                return;
            }
            // In process: no generated project to restore and build for each run.
            var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(3).WithIterationCount(15).WithLaunchCount(1);
            var config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddColumnProvider(DefaultColumnProviders.Descriptor, DefaultColumnProviders.Params, DefaultColumnProviders.Metrics)
                .AddColumn(StatisticColumn.Median, StatisticColumn.Q1, StatisticColumn.Q3, StatisticColumn.Min, StatisticColumn.Max, StatisticColumn.StdDev, new PerHomeColumn())
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
                .AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub)
                .WithOption(ConfigOptions.JoinSummary, true);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        }
    }
}
