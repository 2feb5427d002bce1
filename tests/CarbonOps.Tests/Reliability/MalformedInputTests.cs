using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Management.Automation;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// 1,000 seeded mutants of the sample home's files and the corpus files, each put into a copy of
    /// the (hardened) sample home and fed to every cmdlet that reads the mutated file (CmdletCases rows and their Reads),
    /// hardening for real. No unhandled exception, no hang, every failure names the file, no entity expanded, the
    /// planted file that external entities point at never read, nothing written for a file that did
    /// not parse, and whatever was written restores to the mutant's bytes.
    /// </summary>
    public class MalformedInputTests
    {
        // CARBONOPS_MUTANTS runs fewer (or more) for a quick loop; CI runs the full thousand.
        private static readonly int Mutants = int.TryParse(Environment.GetEnvironmentVariable("CARBONOPS_MUTANTS"), out var n) ? n : 1000;
        private const int Seed = 9;
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
        private static readonly HashSet<string> KnownIds = typeof(ErrorIds).GetFields().Select(f => (string)f.GetValue(null)).ToHashSet(StringComparer.Ordinal);

        private readonly ITestOutputHelper output;
        private readonly Stopwatch took = Stopwatch.StartNew();

        public MalformedInputTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void MutantsGiveNamedErrorsAndNeverAnUnhandledExceptionAHangOrAWrite()
        {
            using var temp = new TempFolder();
            var secret = "CarbonOpsExternalFile-" + Guid.NewGuid().ToString("N");
            var secretFile = temp.Write("outside/secret.txt", secret);
            var mutator = new Mutator(Seed, secretFile);
            // The mutants are dealt to one worker per core (at most four), each with a home and a runspace of its own.
            var workers = Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 4)).Select(_ => PrepareHome(temp)).ToList();
            var rows = workers[0].Rows;
            var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
            void Count(string key)
            {
                lock (tally)
                {
                    tally[key] = tally.TryGetValue(key, out var n) ? n + 1 : 1;
                }
            }
            var problems = new List<string>();
            void Problem(string problem)
            {
                lock (problems)
                {
                    problems.Add(problem);
                }
            }
            var clock = Stopwatch.StartNew();
            var slowest = (Ms: 0.0, Mutant: "");
            var runs = 0;
            Parallel.For(0, workers.Count, new ParallelOptions { MaxDegreeOfParallelism = workers.Count }, w => RunShare(w, workers[w].Home));

            void RunShare(int worker, CaseHome home)
            {
                var baseline = HomeSnapshot.Take(home.Path);
                var ps = new PowerShellRunner();
                for (var i = worker; i < Mutants; i += workers.Count)
                {
                    var started = clock.Elapsed.TotalMilliseconds;
                    var mutant = mutator.Make(i);
                    Count("kind " + mutant.Kind);
                    var target = Path.Combine(home.Path, mutant.RelativePath);
                    var replaced = File.Exists(target) ? File.ReadAllBytes(target) : null;
                    Directory.CreateDirectory(Path.GetDirectoryName(target));
                    File.WriteAllBytes(target, mutant.Bytes);
                    var parses = !CrashTests.ParseProblem(target).Any();
                    if (!parses)
                    {
                        Count("did not parse");
                    }
                    // Only the rows that read the mutated file can meet the mutant (DeclaredReadsTests holds the rows to what they open).
                    var readers = rows.Where(r => r.ReadsFile(mutant.RelativePath)).ToList();
                    var before = readers.Count > 0 ? HomeSnapshot.Take(home.Path, includeState: false) : null;
                    var said = new List<string>();
                    var failed = false;
                    Interlocked.Add(ref runs, readers.Count);
                    if (readers.Count == 0)
                    {
                        Count("read by no cmdlet");
                    }
                    foreach (var row in readers)
                    {
                        var run = ps.RunCommand(row.Name, Arguments(row, home), Bound);
                        var where = $"{mutant} in {row.Name}";
                        if (run.TimedOut)
                        {
                            Problem($"{where}: no answer within {Bound.TotalSeconds} s");
                            Count("hang");
                            ps = new PowerShellRunner();   // the hung one is left to its thread
                            continue;
                        }
                        if (run.Terminated != null)
                        {
                            Problem($"{where}: unhandled {run.Terminated.GetType().Name}: {run.Terminated.Message}");
                            Count("unhandled exception");
                        }
                        foreach (var error in run.Errors)
                        {
                            failed = true;
                            var id = error.FullyQualifiedErrorId.Split(',')[0];
                            if (!KnownIds.Contains(id))
                            {
                                Problem($"{where}: unhandled error {error.FullyQualifiedErrorId}: {error.Exception?.Message}");
                                Count("unhandled exception");
                            }
                            else if (!Names(error.Exception?.Message + " " + error.TargetObject, home.Path, mutant.RelativePath))
                            {
                                Problem($"{where}: the error does not name the file: {error.Exception?.Message}");
                                Count("failure not naming the file");
                            }
                            said.Add(error.ToString());
                            said.Add(error.Exception?.ToString());
                            said.Add(error.TargetObject?.ToString());
                        }
                        foreach (var obj in run.Objects.Select(o => o.BaseObject))
                        {
                            said.Add(PSSerializer.Serialize(obj));
                            var (failure, text) = obj switch
                            {
                                CheckResult r when r.Outcome == CheckOutcome.Error => (true, r.Target + " " + r.Message),
                                ChangeResult c when c.Status == ChangeStatus.Failed => (true, c.Path + " " + c.Message),
                                _ => (false, null),
                            };
                            if (!failure)
                            {
                                continue;
                            }
                            failed = true;
                            if (text.Contains("failed unexpectedly", StringComparison.Ordinal))
                            {
                                Problem($"{where}: a check hit a bug: {text}");
                                Count("unhandled exception");
                            }
                            else if (!Names(text, home.Path, mutant.RelativePath))
                            {
                                Problem($"{where}: a failed result does not name the file: {text}");
                                Count("failure not naming the file");
                            }
                        }
                        said.AddRange(run.Messages);
                    }
                    if (failed)
                    {
                        Count("reported as a failure");
                    }

                    // Nothing expanded or read from outside, in anything said or written.
                    var written = Directory.GetFiles(home.Path, "*", SearchOption.AllDirectories)
                        .Where(f => readers.Count > 0 && (f != target || mutant.Kind != "billion-laughs"))
                        .Select(f => File.ReadAllText(f));
                    foreach (var text in said.Concat(written).Where(t => t != null))
                    {
                        if (text.Contains(secret, StringComparison.Ordinal))
                        {
                            Problem($"{mutant}: the content of the file an external entity points at was read");
                            Count("external file read");
                            break;
                        }
                        if (text.Contains(Mutator.Lol, StringComparison.Ordinal))
                        {
                            Problem($"{mutant}: an entity was expanded");
                            Count("entity expanded");
                            break;
                        }
                    }

                    // Nothing written for a file that did not parse; anything written restores exactly.
                    var sets = BackupStore.List(home.Path).OrderByDescending(s => s.Created).ToList();
                    if (!parses && (!File.ReadAllBytes(target).AsSpan().SequenceEqual(mutant.Bytes) || sets.Any(s => s.Entries.Any(e => e.RelativePath == mutant.RelativePath))))
                    {
                        Problem($"{mutant}: the file did not parse but was written or backed up");
                        Count("write to a file that did not parse");
                    }
                    if (sets.Count > 0)
                    {
                        Count("written and restored");
                        foreach (var set in sets)
                        {
                            BackupRestorer.Restore(set, (_, _) => true).ToList();
                        }
                        var diff = before.Diff(HomeSnapshot.Take(home.Path, includeState: false));
                        if (diff.Count > 0)
                        {
                            Problem($"{mutant}: the restore did not give back the mutant home: {string.Join(", ", diff)}");
                            Count("restore differs");
                        }
                    }
                    // Put the home back as it was for the next case.
                    if (Directory.Exists(Path.Combine(home.Path, ".carbonops")))
                    {
                        Directory.Delete(Path.Combine(home.Path, ".carbonops"), true);
                    }
                    if (replaced != null)
                    {
                        File.WriteAllBytes(target, replaced);
                    }
                    else
                    {
                        File.Delete(target);
                    }
                    var left = baseline.Diff(HomeSnapshot.Take(home.Path));
                    if (left.Count > 0)
                    {
                        foreach (var folder in left.Where(l => l.StartsWith("created folder ", StringComparison.Ordinal)).Select(l => Path.Combine(home.Path, l.Substring(15))).OrderByDescending(f => f.Length))
                        {
                            Directory.Delete(folder, true);
                        }
                        left = baseline.Diff(HomeSnapshot.Take(home.Path));
                    }
                    Assert.True(left.Count == 0, $"{mutant}: the home could not be put back: {string.Join(", ", left)}");
                    var took = clock.Elapsed.TotalMilliseconds - started;
                    lock (problems)
                    {
                        if (took > slowest.Ms)
                        {
                            slowest = (took, mutant.ToString());
                        }
                    }
                }
                ps.Dispose();
            }

            string Get(string key) => tally.TryGetValue(key, out var n) ? n.ToString() : "0";
            ReliabilityLog.Print(output, $"mutants: {Mutants} (seed {Seed}), unhandled exceptions: {Get("unhandled exception")}, hangs: {Get("hang")}, "
                + $"failures not naming the file: {Get("failure not naming the file")}, entities expanded: {Get("entity expanded")}, external files read: {Get("external file read")}, "
                + $"writes to files that did not parse: {Get("write to a file that did not parse")}, restores that differ: {Get("restore differs")}", took);
            ReliabilityLog.Print(output, $"mutants: did not parse: {Get("did not parse")}, reported as a failure: {Get("reported as a failure")}, written and restored: {Get("written and restored")}; "
                + string.Join(", ", tally.Where(t => t.Key.StartsWith("kind ", StringComparison.Ordinal)).Select(t => t.Key.Substring(5) + " " + t.Value))
                + $"; cmdlets: {string.Join(", ", rows.Select(r => r.Name))}, each given the mutants of the files it reads: {runs} cmdlet runs, read by no cmdlet: {Get("read by no cmdlet")}"
                + $"; {workers.Count} workers; slowest {slowest.Ms:F0} ms: {slowest.Mutant}", took);
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(15)));
        }

        /// <summary>
        /// The one home every mutant goes into, and the rows that read it in the order they run. It is a hardened
        /// copy of the sample home, put back after each case (copying and deleting a home per case cost more than
        /// the cases): hardening then writes only when the mutant is a file it changes.
        /// </summary>
        internal static (CaseHome Home, List<CmdletCase> Rows) PrepareHome(TempFolder temp)
        {
            var home = new CaseHome(temp, plantSecrets: false);
            home.BackupSet();
            // The rows share the mutant home: those whose writes change what the others may do (a new keystore, passwords
            // moved into Secure Vault, which the password setters then refuse) go last.
            var last = new[] { "Invoke-CarbonHardening", "Set-CarbonKeystore", "Protect-CarbonSecret" };
            var rows = CmdletCases.All.Where(r => r.ReadsHome).OrderBy(r => Array.IndexOf(last, r.Name)).ToList();
            // What the rows' arguments prepare once (keystores, a log) is part of the home every mutant goes into.
            rows.ForEach(r => r.Arguments(home));
            Directory.Delete(Path.Combine(home.Path, ".carbonops"), true);
            return (home, rows);
        }

        /// <summary>A row's arguments for a real run without prompts (or a preview, for a -WhatIf-only row).</summary>
        internal static Hashtable Arguments(CmdletCase row, CaseHome home)
        {
            var args = new Hashtable(row.Arguments(home));
            if (CmdletCases.ModuleCmdlets.Single(c => c.Name == row.Name).Attribute.SupportsShouldProcess)
            {
                args[row.WhatIfOnly ? "WhatIf" : "Confirm"] = row.WhatIfOnly ? (object)true : false;
            }
            return args;
        }

        private static bool Names(string text, string home, string relative) =>
            text != null && (text.Contains(Path.Combine(home, relative), StringComparison.Ordinal) || text.Contains(relative, StringComparison.Ordinal));
    }
}
