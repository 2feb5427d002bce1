using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("CarbonOps.Tests.Support.LongestFirst", "CarbonOps.Tests")]

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// Starts the malformed-input suite, by far the longest, before every other collection: it then runs beside
    /// them instead of after them. The others keep xunit's order.
    /// </summary>
    public sealed class LongestFirst : ITestCollectionOrderer
    {
        public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
            testCollections.OrderBy(c => c.DisplayName.EndsWith("." + nameof(Reliability.MalformedInputTests), System.StringComparison.Ordinal) ? 0 : 1);
    }
}
