using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// The malformed-input suite gives a mutant only to the rows that declare its file (CmdletCase.Reads). Here every
    /// row runs on that suite's home, with every path a mutant can take present, while inotify watches what it opens:
    /// a file it opens that its row does not declare, or a declaration that names no file of the home, fails.
    /// </summary>
    public class DeclaredReadsTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
        private readonly ITestOutputHelper output;

        public DeclaredReadsTests(ITestOutputHelper output) => this.output = output;

        [LinuxFact]
        public void EveryRowDeclaresTheFilesItOpens()
        {
            using var temp = new TempFolder();
            var (home, rows) = MalformedInputTests.PrepareHome(temp);
            var mutator = new Mutator(0, temp.Write("outside/secret.txt", "not a secret"));
            // A row may open a file only where it exists (api-manager.xml, identity.xml): every path a mutant can take is there.
            var mutable = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (relative, bytes) in mutator.Files)
            {
                mutable.Add(relative);
                var target = Path.Combine(home.Path, relative);
                if (!File.Exists(target))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target));
                    File.WriteAllBytes(target, bytes);
                }
            }
            var present = Directory.GetFiles(home.Path, "*", SearchOption.AllDirectories).Select(f => HomeSnapshot.Relative(home.Path, f)).ToList();

            using var ps = new PowerShellRunner();
            using var watcher = new FileOpenWatcher(home.Path);
            var problems = new List<string>();
            foreach (var row in rows)
            {
                var args = MalformedInputTests.Arguments(row, home);
                watcher.Opened();   // what preparing the arguments opened
                var run = ps.RunCommand(row.Name, args, Bound);
                var opened = watcher.Opened().Where(mutable.Contains).OrderBy(p => p, StringComparer.Ordinal).ToList();
                output.WriteLine($"{row.Name} opens {string.Join(", ", opened)}");
                Assert.False(run.TimedOut, row.Name + " did not finish");
                if (opened.Count == 0)
                {
                    problems.Add($"{row.Name} reads the home (its row says) but opened none of its files");
                }
                problems.AddRange(opened.Where(p => !row.ReadsFile(p)).Select(p => $"{row.Name} opens {p}, which its row does not declare"));
                // Some declared files (api-manager.xml, identity.xml) come only from the corpus's homes.
                if (TestPaths.CorpusExists)
                {
                    problems.AddRange(row.Reads.Where(pattern => !present.Any(p => FileSystemName.MatchesSimpleExpression(pattern, p, ignoreCase: false)))
                        .Select(pattern => $"{row.Name} declares '{pattern}', which names no file of the home"));
                }
            }
            Assert.True(problems.Count == 0, "Fix the rows' Reading(...) in tests/CarbonOps.Tests/Reliability/CmdletCases.cs:\n" + string.Join("\n", problems));
        }
    }
}
