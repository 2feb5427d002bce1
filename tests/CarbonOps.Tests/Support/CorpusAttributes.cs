using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>A fact that needs ../shared/corpus and is skipped, saying so, where it is absent.</summary>
    public sealed class CorpusFactAttribute : FactAttribute
    {
        public CorpusFactAttribute()
        {
            if (!TestPaths.CorpusExists)
            {
                Skip = TestPaths.CorpusMissing;
            }
        }
    }

    public sealed class CorpusTheoryAttribute : TheoryAttribute
    {
        public CorpusTheoryAttribute()
        {
            if (!TestPaths.CorpusExists)
            {
                Skip = TestPaths.CorpusMissing;
            }
        }
    }

    public static class CorpusData
    {
        public static IEnumerable<object[]> Homes() => Wrap(TestPaths.CorpusHomes.Select(TestPaths.CorpusRelative));

        public static IEnumerable<object[]> TextFiles() => Wrap(TestPaths.CorpusTextFiles.Select(TestPaths.CorpusRelative));

        // A theory with no rows fails in xunit; where the corpus is absent the attribute skips it, and this keeps one placeholder row.
        private static IEnumerable<object[]> Wrap(IEnumerable<string> items)
        {
            var rows = items.Select(i => new object[] { i }).ToList();
            return rows.Count > 0 ? rows : new List<object[]> { new object[] { "(corpus absent)" } };
        }
    }
}
