using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CarbonOps.Tests.Support
{
    /// <summary>Where the repository, the sample home and the shared corpus are, found from the test binaries upward.</summary>
    public static class TestPaths
    {
        private static readonly Lazy<string> repoRoot = new Lazy<string>(() =>
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CarbonOps.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("CarbonOps.sln not found above " + AppContext.BaseDirectory);
        });

        public static string RepoRoot => repoRoot.Value;

        public static string SampleHome => Path.Combine(RepoRoot, "samples", "wso2esb-4.8.1");

        /// <summary>tests/CarbonOps.Tests/fixtures/&lt;relative&gt;.</summary>
        public static string Fixture(string relative) => Path.Combine(RepoRoot, "tests", "CarbonOps.Tests", "fixtures", relative);

        /// <summary>../shared/corpus beside the checkout; absent on a clone without it.</summary>
        public static string CorpusRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));

        public static bool CorpusExists => Directory.Exists(Path.Combine(CorpusRoot, "carbon-4.2.0"));

        public const string CorpusMissing = "../shared/corpus is absent beside this checkout; the corpus tests need it.";

        /// <summary>Every product home of the corpus (the folders under carbon-4.2.0/).</summary>
        public static IEnumerable<string> CorpusHomes =>
            CorpusExists ? Directory.GetDirectories(Path.Combine(CorpusRoot, "carbon-4.2.0")).OrderBy(p => p, StringComparer.Ordinal) : Enumerable.Empty<string>();

        /// <summary>Every text file of the corpus (keystores left out).</summary>
        public static IEnumerable<string> CorpusTextFiles =>
            CorpusExists
                ? Directory.GetFiles(Path.Combine(CorpusRoot, "carbon-4.2.0"), "*", SearchOption.AllDirectories)
                    .Where(f => !f.EndsWith(".jks", StringComparison.Ordinal) && Path.GetFileName(f) != ".from-kernel")
                    .OrderBy(p => p, StringComparer.Ordinal)
                : Enumerable.Empty<string>();

        public static string CorpusRelative(string path) => Path.GetRelativePath(CorpusRoot, path);

        public static string CorpusPath(string relative) => Path.Combine(CorpusRoot, relative);
    }
}
