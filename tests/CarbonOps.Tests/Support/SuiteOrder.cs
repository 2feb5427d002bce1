using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("CarbonOps.Tests.Support.LongestFirst", "CarbonOps.Tests")]

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// Starts the longest suites before every other collection, longest first: they then run beside the others
    /// instead of after them. The others keep xunit's order.
    /// </summary>
    public sealed class LongestFirst : ITestCollectionOrderer
    {
        private static readonly string[] Longest =
        {
            nameof(Reliability.MalformedInputTests), nameof(Reliability.WriterCrashTests), nameof(Reliability.IoFaultTests), nameof(Reliability.FullDiskTests),
        };

        public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
            testCollections.OrderBy(c => Rank(c.DisplayName));

        private static int Rank(string collection)
        {
            var index = System.Array.FindIndex(Longest, name => collection.EndsWith("." + name, System.StringComparison.Ordinal));
            return index < 0 ? Longest.Length : index;
        }
    }
}
