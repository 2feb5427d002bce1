using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// The figures a reliability suite prints. build.ps1 lifts every line tagged this way out of the
    /// test results and prints it, so CI's log shows the counts of passing suites too.
    /// </summary>
    public static class ReliabilityLog
    {
        public const string Tag = "[reliability] ";

        /// <summary>Prints a suite's figures with its own time so far (<paramref name="took"/> started when its test class was made).</summary>
        public static void Print(ITestOutputHelper output, string line, System.Diagnostics.Stopwatch took) =>
            output.WriteLine(Tag + line + $" ({took.Elapsed.TotalSeconds:F1} s)");
    }

    /// <summary>
    /// The crash and concurrency suites run one after another, after the rest: they time kills from a calibration and
    /// start runs at one instant, and must not compete with each other. Every other reliability suite runs beside the
    /// rest: the writer crash trials learn each writer's run time as they go and kill on what the child says, the fault,
    /// full-disk and malformed-input suites time nothing.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ReliabilityCollection
    {
        public const string Name = "Reliability";
    }
}
