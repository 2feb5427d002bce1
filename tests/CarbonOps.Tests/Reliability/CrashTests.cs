using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// Crash safety: a child pwsh running Invoke-CarbonHardening on a fresh copy of the sample home is
    /// killed with SIGKILL at a seeded random moment. One kill in ten falls anywhere in the run; the others
    /// fall in its commit: from the moment the run creates its state folder (its first write), a seeded
    /// random part of the commit's span, measured by clean runs from that moment to their last change
    /// of the home. The figures say how many kills came after the run's first write.
    ///
    /// A run commits check by check, so a file may be left at any version a clean run writes on its
    /// way: the original, the version after each check, or the fully hardened one. After a kill,
    /// each file must be one of those (byte for byte) and parse; every file that changed must have a
    /// complete backup; a stale lock file must not block the next run (the lock is an flock, gone
    /// with the process); a temporary file left by an interrupted write holding bytes must be owner-only (or have its file's mode), and is
    /// removed by the next run that writes there or by the restore; the next run finishes the
    /// hardening, and restoring the backup sets gives back the original tree, hidden files included.
    /// </summary>
    [Collection(ReliabilityCollection.Name)]
    public class CrashTests
    {
        private const int Trials = 100;
        private const int Seed = 4242;
        private static readonly Regex StaleTemp = new Regex(@"^\.(?<name>.+)\.[0-9a-f]{8}\.carbonops-tmp$");

        // The child imports the module and waits; given a home, it says 'go' and hardens it. The next
        // trial's child starts while the current trial runs, so its start-up costs no wall time.
        private const string ChildScript = @"param([string] $Module)
$ErrorActionPreference = 'Stop'
Import-Module $Module
$target = [Console]::In.ReadLine()
[Console]::Out.WriteLine('go')
[Console]::Out.Flush()
$null = Invoke-CarbonHardening -ProductHome $target -Confirm:$false
[Console]::Out.WriteLine('done')
";

        private readonly ITestOutputHelper output;
        private readonly Stopwatch took = Stopwatch.StartNew();

        public CrashTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void KilledHardeningRunsLeaveEveryFileWholeBackedUpAndRestorable()
        {
            using var temp = new TempFolder();
            using var ps = new PowerShellRunner();
            var reference = CrashReference.Build(temp, ps);
            var script = temp.Write("harden.ps1", ChildScript);

            // Calibration: how long a clean child run takes from 'go', and how long its commit takes.
            using var children = new ChildrenAhead(script, "-Module", ChildPwsh.ModuleAssembly);
            var runs = Enumerable.Range(0, 3).Select(i => Run(temp.CopyHome(TestPaths.SampleHome, "calibrate-" + i), children, null)).ToList();
            foreach (var run in runs)
            {
                Assert.Equal(reference.Hardened, reference.Versions(run.Home));
            }
            var runMs = Median(runs.Select(r => r.GoToDoneMs));
            var writeMs = Median(runs.Select(r => r.FirstWriteToDoneMs));
            var commitMs = Median(runs.Select(r => r.CommitMs));

            var random = new Random(Seed);
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            void Count(string key) => counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
            var failures = new List<string>();
            var afterFirstWrite = 0;
            for (var trial = 0; trial < Trials; trial++)
            {
                var home = temp.CopyHome(TestPaths.SampleHome, "trial-" + trial);
                var inWritePhase = trial % 10 != 0;
                var delayMs = random.NextDouble() * (inWritePhase ? commitMs * 1.1 : runMs * 1.1);
                var run = Run(home, children, new Kill(inWritePhase, delayMs));
                afterFirstWrite += !run.Exited && Wrote(home, reference) ? 1 : 0;
                var problems = Verify(home, reference, ps, Count);
                Count(run.Exited ? "finished before the kill" : "killed");
                if (problems.Count > 0)
                {
                    failures.Add($"trial {trial} (seed {Seed}, {(inWritePhase ? "write phase" : "whole run")}, {delayMs:F1} ms): {string.Join("; ", problems)}");
                }
            }
            children.Dispose();
            ReliabilityLog.Print(output, $"crash trials: {Trials}, corrupted: {failures.Count}; killed after their first write: {afterFirstWrite}", took);
            ReliabilityLog.Print(output, $"crash trials: clean run {runMs:F0} ms from start of the command, writes {writeMs:F1} ms of which the commit {commitMs:F1} ms; "
                + string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")), took);
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        }

        private sealed class Kill
        {
            public Kill(bool anchoredOnFirstWrite, double delayMs)
            {
                AnchoredOnFirstWrite = anchoredOnFirstWrite;
                DelayMs = delayMs;
            }

            public bool AnchoredOnFirstWrite { get; }
            public double DelayMs { get; }
        }

        private sealed class RunResult
        {
            public string Home;
            public double GoToDoneMs;
            public double FirstWriteToDoneMs;
            public double CommitMs;
            public bool Exited;
        }

        /// <summary>Runs the child on a home; with a kill, kills it after the delay, else lets it finish.</summary>
        private static RunResult Run(string home, ChildrenAhead children, Kill kill)
        {
            var firstWrite = new ManualResetEventSlim();
            var clock = new Stopwatch();
            double firstWriteAt = 0;
            using var watcher = new FileSystemWatcher(home) { Filter = StateFolder.Name, NotifyFilter = NotifyFilters.DirectoryName };
            watcher.Created += (_, _) =>
            {
                firstWriteAt = clock.Elapsed.TotalMilliseconds;
                firstWrite.Set();
            };
            watcher.EnableRaisingEvents = true;
            // In a clean run: the last change of the home, the end of its commit.
            double lastChangeAt = 0;
            using var changes = kill != null ? null : new FileSystemWatcher(home)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Attributes,
            };
            if (changes != null)
            {
                FileSystemEventHandler changed = (_, _) => lastChangeAt = clock.Elapsed.TotalMilliseconds;
                changes.Created += changed;
                changes.Changed += changed;
                changes.Deleted += changed;
                changes.Renamed += (_, _) => lastChangeAt = clock.Elapsed.TotalMilliseconds;
                changes.EnableRaisingEvents = true;
            }
            using var child = children.Next();
            child.StandardInput.WriteLine(home);
            child.StandardInput.Flush();
            var go = child.StandardOutput.ReadLine();
            clock.Start();
            if (go != "go")
            {
                child.Kill();
                throw new InvalidOperationException($"The child did not start the run: '{go}' {child.StandardError.ReadToEnd()}");
            }
            if (kill == null)
            {
                var done = child.StandardOutput.ReadLine();
                var doneAt = clock.Elapsed.TotalMilliseconds;
                child.WaitForExit();
                if (done != "done" || child.ExitCode != 0)
                {
                    throw new InvalidOperationException($"A clean child run failed ({child.ExitCode}): {child.StandardError.ReadToEnd()}");
                }
                Thread.Sleep(50);   // the last events reach the watcher
                return new RunResult { Home = home, GoToDoneMs = doneAt, FirstWriteToDoneMs = doneAt - firstWriteAt, CommitMs = Math.Min(lastChangeAt, doneAt) - firstWriteAt, Exited = true };
            }
            var anchor = 0.0;
            if (kill.AnchoredOnFirstWrite && firstWrite.Wait(TimeSpan.FromSeconds(30)))
            {
                anchor = firstWriteAt;
            }
            Delay(clock, anchor + kill.DelayMs);
            var exited = child.HasExited;
            if (!exited)
            {
                child.Kill();   // SIGKILL on Unix
            }
            child.WaitForExit();
            return new RunResult { Home = home, Exited = exited };
        }

        /// <summary>Whether the killed run had changed the home: a backup set, a temporary file or a file's bytes.</summary>
        private static bool Wrote(string home, CrashReference reference)
        {
            var backups = BackupStore.BackupsFolder(home);
            var versions = reference.Versions(home);
            return (Directory.Exists(backups) && Directory.GetDirectories(backups).Length > 0)
                || versions.Count != reference.Original.Count
                || versions.Any(v => !reference.Original.TryGetValue(v.Key, out var o) || o != v.Value);
        }

        private static void Delay(Stopwatch clock, double untilMs)
        {
            var coarse = untilMs - clock.Elapsed.TotalMilliseconds - 2;
            if (coarse > 0)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(coarse));
            }
            while (clock.Elapsed.TotalMilliseconds < untilMs)
            {
                Thread.SpinWait(50);
            }
        }

        private static List<string> Verify(string home, CrashReference reference, PowerShellRunner ps, Action<string> count)
        {
            var problems = new List<string>();
            var versions = reference.Versions(home);
            var stale = new List<string>();
            foreach (var (path, sha) in versions)
            {
                var name = Path.GetFileName(path);
                var temp = StaleTemp.Match(name);
                if (temp.Success && versions.ContainsKey(Path.Combine(Path.GetDirectoryName(path), temp.Groups["name"].Value).Replace('\\', '/')))
                {
                    stale.Add(path);
                    // Made owner-only before its first byte, given the mode of the file it replaces just before the rename.
                    var mode = HomeSnapshot.Mode(Path.Combine(home, path));
                    var replaces = HomeSnapshot.Mode(Path.Combine(home, Path.GetDirectoryName(path), temp.Groups["name"].Value));
                    if (!OperatingSystem.IsWindows() && mode != "600" && mode != replaces && new FileInfo(Path.Combine(home, path)).Length > 0)
                    {
                        problems.Add($"the temporary file {path} left by the killed write holds bytes and has mode {mode}, neither 600 nor its file's {replaces}");
                    }
                    continue;
                }
                if (!reference.Allowed.TryGetValue(path, out var allowed))
                {
                    problems.Add("unexpected file " + path);
                }
                else if (!allowed.Contains(sha))
                {
                    problems.Add($"{path} is neither its original nor a version a clean run writes");
                }
                else
                {
                    problems.AddRange(ParseProblem(Path.Combine(home, path)));
                }
            }
            problems.AddRange(reference.Original.Keys.Where(p => !versions.ContainsKey(p)).Select(p => "missing file " + p));

            // Every changed file has a complete backup: a set naming it with the original's hash, whose copy verifies.
            var sets = BackupStore.List(home).ToList();
            foreach (var (path, sha) in versions.Where(v => reference.Original.TryGetValue(v.Key, out var o) && o != v.Value))
            {
                var backedUp = sets.SelectMany(s => s.Entries.Select(e => (Set: s, Entry: e)))
                    .Any(x => x.Entry.RelativePath == path && x.Entry.Sha256 == reference.Original[path].ToLowerInvariant() && Verifies(x.Set, x.Entry));
                if (!backedUp)
                {
                    problems.Add($"{path} changed but no backup set holds its original bytes");
                }
            }

            var state = versions.Where(v => reference.Original.ContainsKey(v.Key)).All(v => reference.Original[v.Key] == v.Value) ? "left original"
                : versions.Where(v => reference.Hardened.ContainsKey(v.Key)).All(v => reference.Hardened[v.Key] == v.Value) ? "left fully hardened" : "left part-hardened";
            count(state);
            var lockFile = File.Exists(Path.Combine(home, StateFolder.Name, "lock"));
            if (lockFile)
            {
                count("stale lock file");
            }
            if (stale.Count > 0)
            {
                count("stale temporary file");
            }

            // The next run is not blocked by a stale lock and completes the hardening.
            var resume = ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            var failed = resume.Of<ChangeResult>().Where(c => c.Status == ChangeStatus.Failed).Select(c => c.Message).ToList();
            problems.AddRange(resume.Errors.Select(e => "the next run: " + e));
            problems.AddRange(failed.Select(m => "the next run failed: " + m));
            var afterResume = reference.Versions(home);
            if (failed.Count == 0 && reference.Hardened.Any(h => !afterResume.TryGetValue(h.Key, out var v) || v != h.Value))
            {
                problems.Add("the next run did not leave the fully hardened files");
            }

            // Restoring every backup set, newest first, gives back the original tree.
            var restore = ps.Run("param($h) Get-CarbonBackup -ProductHome $h | Sort-Object Created -Descending | ForEach-Object { Restore-CarbonConfiguration -BackupPath $_.BackupPath -Confirm:$false }",
                new Hashtable { ["h"] = home });
            problems.AddRange(restore.Errors.Select(e => "restore: " + e));
            var afterRestore = reference.Versions(home);
            var diff = afterRestore.Keys.Union(reference.Original.Keys).Where(p => !afterRestore.TryGetValue(p, out var a) || !reference.Original.TryGetValue(p, out var b) || a != b).ToList();
            if (diff.Count > 0)
            {
                problems.Add("after restore these differ from the original tree: " + string.Join(", ", diff));
            }
            if (File.Exists(Path.Combine(home, StateFolder.Name, "lock")))
            {
                problems.Add("the lock file is still there after the restore released it");
            }
            return problems;
        }

        private static bool Verifies(BackupManifest set, BackupEntry entry)
        {
            try
            {
                BackupStore.ReadSaved(set, entry);
                return true;
            }
            catch (CarbonOpsException)
            {
                return false;
            }
        }

        internal static IEnumerable<string> ParseProblem(string file)
        {
            try
            {
                var doc = TextDocument.FromBytes(file, File.ReadAllBytes(file));
                if (file.EndsWith(".xml", StringComparison.Ordinal))
                {
                    SafeXml.Parse(doc.Text, file);
                }
                else if (file.EndsWith(".properties", StringComparison.Ordinal))
                {
                    _ = new PropertiesConfig(doc).Entries;
                }
                return Enumerable.Empty<string>();
            }
            catch (CarbonOpsException ex)
            {
                return new[] { "does not parse: " + ex.Message };
            }
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }
    }
}
