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

        public static void Print(ITestOutputHelper output, string line) => output.WriteLine(Tag + line);
    }

    /// <summary>The reliability suites run one after another: they start processes and time kills, and must not compete with each other.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ReliabilityCollection
    {
        public const string Name = "Reliability";
    }
}
