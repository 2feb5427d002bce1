using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Host;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// I/O errors at every step, as SQLite's I/O-error tests do it: a clean run counts the file-system
    /// steps it takes (create, write, flush, rename, chmod, chown, folder create, lock); then, for every
    /// N, a fresh home runs the same command with its Nth step failing as a full disk (ENOSPC), a bad
    /// disk (EIO) or a refusal (EACCES) would. Each time the run must report an error naming the file
    /// and the step; every file must be its original, a version a clean run writes, or (for output
    /// with random bytes, as encryption has) a version the failed run itself renamed into place whole; every changed
    /// file must be in a backup set that verifies; nothing may be left behind (temporary files, the
    /// lock, set folders without a manifest, copies no manifest names, empty sets); the next run must
    /// finish the change, and (every fifth step) restoring every set must give back the original tree.
    /// </summary>
    public class IoFaultTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
        private readonly ITestOutputHelper output;
        private readonly System.Diagnostics.Stopwatch took = System.Diagnostics.Stopwatch.StartNew();

        public IoFaultTests(ITestOutputHelper output) => this.output = output;

        /// <summary>The three errors, as .NET raises them on Linux (the errno is the HResult).</summary>
        internal static Exception Fault(int n, string path) => (n % 3) switch
        {
            0 => new IOException($"No space left on device : '{path}'", 28),
            1 => new IOException($"Input/output error : '{path}'", 5),
            _ => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
        };

        [Fact]
        public void EveryFailingStepOfAHardeningRunAndASecretProtectionLeavesEveryFileWholeAndNothingBehind()
        {
            using var temp = new TempFolder();
            using var ps = new PowerShellRunner();
            var reference = CrashReference.Build(temp, ps);
            var hardening = Sweep(ps, "Invoke-CarbonHardening", () => new CaseHome(temp, plantSecrets: false), h => CmdletCases.Args("ProductHome", h.Path), (path, sha) => reference.Allowed.TryGetValue(path, out var a) && a.Contains(sha));
            var secrets = Sweep(ps, "Protect-CarbonSecret", () => new CaseHome(temp), h => CmdletCases.For("Protect-CarbonSecret").Arguments(h), null);

            var injected = hardening.Injected + secrets.Injected;
            var corrupted = hardening.Corrupted.Count + secrets.Corrupted.Count;
            var leftovers = hardening.Leftovers.Count + secrets.Leftovers.Count;
            ReliabilityLog.Print(output, $"io faults: {injected} injected, corrupted: {corrupted}, leftovers: {leftovers}", took);
            ReliabilityLog.Print(output, $"io faults: Invoke-CarbonHardening {hardening.Injected} steps, Protect-CarbonSecret {secrets.Injected} steps ({string.Join(", ", hardening.Kinds.Concat(secrets.Kinds).GroupBy(k => k).OrderBy(g => g.Key.ToString()).Select(g => $"{g.Key}: {g.Count()}"))})", took);
            Assert.True(hardening.Injected > 50, $"a hardening run took only {hardening.Injected} file-system steps");
            Assert.True(secrets.Injected > 10, $"protecting secrets took only {secrets.Injected} file-system steps");
            Assert.True(corrupted + leftovers == 0, string.Join("\n", hardening.Corrupted.Concat(secrets.Corrupted).Concat(hardening.Leftovers).Concat(secrets.Leftovers).Take(20)));
        }

        private sealed class SweepResult
        {
            public int Injected;
            public List<FileStepKind> Kinds = new List<FileStepKind>();
            public List<string> Corrupted = new List<string>();
            public List<string> Leftovers = new List<string>();
        }

        /// <param name="allowed">Whether a file's bytes are a version a clean run writes; null: none but those the failed run itself renamed into place.</param>
        private static SweepResult Sweep(PowerShellRunner ps, string cmdlet, Func<CaseHome> newHome, Func<CaseHome, Dictionary<string, object>> arguments, Func<string, string, bool> allowed)
        {
            var result = new SweepResult();
            Dictionary<string, object> Arguments(CaseHome home)
            {
                var args = arguments(home);
                args["Confirm"] = false;
                return args;
            }
            var steps = Steps(ps, cmdlet, Arguments, newHome());
            for (var n = 0; n < steps.Count; n++)
            {
                var home = newHome();
                var args = Arguments(home);
                var original = CrashReference.Hashes(home.Path);
                var failed = steps[n];
                string failedPath = null;
                var written = FaultHook.Run(home.Path, n, (kind, path) =>
                {
                    failedPath = path;
                    return Fault(n, path);
                }, () =>
                {
                    var run = ps.RunCommand(cmdlet, args, Bound);
                    result.Corrupted.AddRange(Said(run, failedPath).Select(p => $"{cmdlet}, step {n + 1} ({failed.Kind} {failed.Name}): {p}"));
                });
                result.Injected++;
                result.Kinds.Add(failed.Kind);
                var label = $"{cmdlet}, step {n + 1} ({failed.Kind} {failed.Name})";
                var afterFault = CrashReference.Hashes(home.Path);
                result.Leftovers.AddRange(StateAudit.Leftovers(home.Path).Select(l => $"{label}: {l}"));
                result.Corrupted.AddRange(StateAudit.BackupProblems(home.Path, original, afterFault).Select(p => $"{label}: {p}"));
                foreach (var (path, _) in afterFault.Where(v => !StateAudit.IsTemporary(v.Key) && !original.ContainsKey(v.Key) && !(written.TryGetValue(v.Key, out var w) && w.Contains(v.Value))))
                {
                    result.Corrupted.Add($"{label}: unexpected file {path}");
                }

                var next = ps.RunCommand(cmdlet, Arguments(home), Bound);
                result.Corrupted.AddRange(Problems(next).Select(p => $"{label}: the next run: {p}"));
                foreach (var (path, sha) in afterFault.Where(v => original.TryGetValue(v.Key, out var o) && o != v.Value))
                {
                    var valid = (allowed != null && allowed(path, sha)) || (written.TryGetValue(path, out var w) && w.Contains(sha));
                    if (!valid)
                    {
                        result.Corrupted.Add($"{label}: {path} is neither its original nor a version a clean run writes");
                    }
                    else
                    {
                        result.Corrupted.AddRange(CrashTests.ParseProblem(Path.Combine(home.Path, path)).Select(p => $"{label}: {path} {p}"));
                    }
                }
                if (n % 5 != 0)
                {
                    continue;   // restoring after every fifth step keeps the suite's time down; the sets were audited above
                }
                result.Corrupted.AddRange(StateAudit.RestoreEverySet(ps, home.Path, original).Select(p => $"{label}: {p}"));
            }
            return result;
        }

        /// <summary>The steps a clean run takes inside the home, in order.</summary>
        private static List<(FileStepKind Kind, string Name)> Steps(PowerShellRunner ps, string cmdlet, Func<CaseHome, Dictionary<string, object>> arguments, CaseHome home)
        {
            var steps = new List<(FileStepKind, string)>();
            var args = arguments(home);
            FaultHook.Run(home.Path, -1, (kind, path) =>
            {
                steps.Add((kind, Path.GetFileName(path)));
                return null;
            }, () => Assert.Empty(Problems(ps.RunCommand(cmdlet, args, Bound))));
            return steps;
        }

        /// <summary>The failed run must say what failed: an error or a Failed change naming the file and the step.</summary>
        private static IEnumerable<string> Said(PowerShellRunner.CommandRun run, string failedPath)
        {
            if (run.Terminated != null)
            {
                yield return "the run ended with an unhandled " + run.Terminated.GetType().Name + ": " + run.Terminated.Message;
                yield break;
            }
            var messages = run.Errors.Select(e => e.Exception.Message)
                .Concat(run.Objects.Select(o => o.BaseObject).OfType<ChangeResult>().Where(c => c.Status == ChangeStatus.Failed).Select(c => c.Message))
                .ToList();
            if (!messages.Any(m => m.Contains($"'{failedPath}' failed: ", StringComparison.Ordinal)))
            {
                yield return "no error names the file and the step: " + (messages.Count == 0 ? "(no error at all)" : string.Join(" | ", messages));
            }
            foreach (var error in run.Errors.Where(e => !e.FullyQualifiedErrorId.StartsWith(ErrorIds.ConfigFileNotWritable + ",", StringComparison.Ordinal)
                && !e.FullyQualifiedErrorId.StartsWith(ErrorIds.RemediationFailed + ",", StringComparison.Ordinal)))
            {
                yield return "an error with an unexpected id: " + error.FullyQualifiedErrorId;
            }
        }

        private static IEnumerable<string> Problems(PowerShellRunner.CommandRun run) =>
            (run.Terminated != null ? new[] { "ended with " + run.Terminated.Message } : new string[0])
                .Concat(run.TimedOut ? new[] { "timed out" } : new string[0])
                .Concat(run.Errors.Select(e => e.ToString()))
                .Concat(run.Objects.Select(o => o.BaseObject).OfType<ChangeResult>().Where(c => c.Status == ChangeStatus.Failed).Select(c => "failed: " + c.Message));
    }

    /// <summary>Installs <see cref="FileStep.Before"/> for steps inside one folder (other tests run in this process too).</summary>
    internal static class FaultHook
    {
        private static readonly object Gate = new object();

        /// <param name="failAt">The index of the step to fail among those in <paramref name="root"/>; -1 fails none.</param>
        /// <param name="fault">Given the step at <paramref name="failAt"/> (or every step, when it is -1): the exception that fails it, or null.</param>
        /// <returns>Relative path → SHA-256 of every version the run renamed into place (what it wrote, random bytes included).</returns>
        public static Dictionary<string, HashSet<string>> Run(string root, int failAt, Func<FileStepKind, string, Exception> fault, Action action)
        {
            var prefix = Path.GetFullPath(root).TrimEnd('/') + "/";
            var written = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var seen = 0;
            lock (Gate)
            {
                FileStep.Before = (kind, path) =>
                {
                    if (!Path.GetFullPath(path).StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return;
                    }
                    var index = seen++;
                    if (failAt < 0 || index == failAt)
                    {
                        var ex = fault(kind, path);
                        if (ex != null)
                        {
                            throw ex;
                        }
                    }
                    if (kind == FileStepKind.Rename)
                    {
                        // The one temporary file of this write is complete: its bytes are the version about to be in place.
                        var temp = AtomicFile.StaleTemporaries(path).Single();
                        var relative = HomeSnapshot.Relative(root, path);
                        if (!written.TryGetValue(relative, out var versions))
                        {
                            written[relative] = versions = new HashSet<string>(StringComparer.Ordinal);
                        }
                        versions.Add(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(temp))));
                    }
                };
                try
                {
                    action();
                }
                finally
                {
                    FileStep.Before = null;
                }
            }
            return written;
        }
    }
}
