using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// A real full disk: a child pwsh in a private mount namespace (unshare -m, as root) puts each home
    /// on its own small tmpfs, fills it until only F bytes are free (F swept from 0 to 384 KiB), and runs
    /// the cmdlet there. The home is then copied out, and checked as after an injected I/O error: an
    /// error naming the file, every file its bytes from before or what a clean run writes, every
    /// changed file in a backup set that verifies, nothing left behind; on a disk with room again, the
    /// next run finishes and restoring every set gives back the tree from before.
    /// </summary>
    public class FullDiskTests
    {
        private static readonly int[] FreeKiB = { 0, 4, 8, 16, 32, 48, 64, 96, 128, 192, 256, 384 };

        private static readonly string[] Cmdlets = { "Invoke-CarbonHardening", "Set-CarbonPortOffset", "Set-CarbonJvmOption", "Protect-CarbonSecret" };

        // For each case: a fresh tmpfs, the home copied in, a filler leaving $Free bytes, the run, the home copied out.
        private const string ChildScript = @"param([string] $Module, [string] $Plan)
$ErrorActionPreference = 'Stop'
Import-Module $Module
foreach ($line in Get-Content -LiteralPath $Plan) {
    $name, $template, $argumentFile, $free, $out = $line -split ""`t""
    $mount = ""$out.mnt""
    $null = New-Item -ItemType Directory -Path $mount
    & mount -t tmpfs -o size=4m tmpfs $mount
    if ($LASTEXITCODE -ne 0) { throw ""mount failed"" }
    $Target = Join-Path $mount 'home'
    & cp -a $template $Target
    $room = [System.IO.DriveInfo]::new($mount).AvailableFreeSpace - [long]$free
    if ($room -gt 0) {
        $fill = [System.IO.File]::OpenWrite((Join-Path $mount 'filler'))
        $fill.Write([byte[]]::new($room), 0, $room)
        $fill.Dispose()
    }
    $a = & $argumentFile
    $said = try { & $name @a -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errs *>&1 | Out-String -Width 1000; $errs | ForEach-Object { $_.Exception.Message } } catch { 'TERMINATED: ' + $_.Exception.ToString() }
    $said -join ""`n"" | Set-Content -LiteralPath ""$out.said""
    # Copied out and back to the same path on the ordinary disk: the backup sets name their home by its path.
    & cp -a $Target $out
    & umount $mount
    & mv $out $Target
}
'ok'
";

        private readonly ITestOutputHelper output;
        private readonly System.Diagnostics.Stopwatch took = System.Diagnostics.Stopwatch.StartNew();

        public FullDiskTests(ITestOutputHelper output) => this.output = output;

        [MountNamespaceFact]
        public void OnAFullDiskEveryRunFailsCleanlyAndTheNextRunFinishes()
        {
            using var temp = new TempFolder();
            using var ps = new PowerShellRunner();
            var cases = new List<(string Cmdlet, int FreeKiB, CaseHome Template, Dictionary<string, object> Args, Dictionary<string, string> Before, string Out)>();
            var plan = new List<string>();
            foreach (var cmdlet in Cmdlets)
            {
                var template = new CaseHome(temp);
                var args = CmdletCases.For(cmdlet).Arguments(template);
                var argumentFile = temp.Write(cmdlet + ".args.ps1", WriterCrashTests.Literal(args).Replace(WriterCrashTests.Quote(template.Path), "$Target"));
                foreach (var free in FreeKiB)
                {
                    var outPath = Path.Combine(temp.Path, $"{cmdlet}-{free}k");
                    cases.Add((cmdlet, free, template, args, CrashReference.Hashes(template.Path), outPath));
                    plan.Add(string.Join("\t", cmdlet, template.Path, argumentFile, (free * 1024).ToString(), outPath));
                }
            }
            var planFile = temp.Write("fulldisk.plan", string.Join("\n", plan) + "\n");
            var script = temp.Write("fulldisk.ps1", ChildScript);
            var clock = Stopwatch.StartNew();
            var info = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-m", "--propagation", "private", ChildPwsh.Path, "-NoProfile", "-NonInteractive", "-File", script, "-Module", ChildPwsh.ModuleAssembly, "-Plan", planFile })
            {
                info.ArgumentList.Add(a);
            }
            using (var child = Process.Start(info))
            {
                var said = child.StandardOutput.ReadToEnd();
                var error = child.StandardError.ReadToEnd();
                child.WaitForExit();
                Assert.True(child.ExitCode == 0 && said.Contains("ok"), $"the full-disk child failed ({child.ExitCode}): {error}");
            }

            var failures = new List<string>();
            var failedRuns = 0;
            var leftovers = 0;
            foreach (var c in cases)
            {
                var label = $"{c.Cmdlet} with {c.FreeKiB} KiB free";
                var home = Path.Combine(c.Out + ".mnt", "home");
                var said = File.ReadAllText(c.Out + ".said");
                if (said.Contains("TERMINATED", StringComparison.Ordinal))
                {
                    failures.Add($"{label}: the run ended with an unhandled exception: {said}");
                }
                var afterRun = CrashReference.Hashes(home);
                var changed = afterRun.Any(v => !c.Before.TryGetValue(v.Key, out var b) || b != v.Value);
                if (said.Contains("No space left on device", StringComparison.Ordinal))
                {
                    failedRuns++;
                    if (!said.Contains("failed: No space left on device", StringComparison.Ordinal))
                    {
                        failures.Add($"{label}: the error does not name the step: {said}");
                    }
                }
                var left = StateAudit.Leftovers(home);
                leftovers += left.Count;
                failures.AddRange(left.Select(l => $"{label}: left {l}"));
                failures.AddRange(StateAudit.BackupProblems(home, c.Before, afterRun).Select(p => $"{label}: {p}"));

                // With room again (the copy is on the ordinary disk), the next run finishes the change.
                var args = new Hashtable(c.Args) { ["Confirm"] = false };
                args[c.Args.ContainsKey("ProductHome") ? "ProductHome" : "Path"] = home;
                var next = ps.RunCommand(c.Cmdlet, args, TimeSpan.FromSeconds(60));
                failures.AddRange(next.Errors.Select(e => $"{label}: the next run: {e}"));
                failures.AddRange(next.Objects.Select(o => o.BaseObject).OfType<ChangeResult>().Where(r => r.Status == ChangeStatus.Failed).Select(r => $"{label}: the next run failed: {r.Message}"));
                var final = CrashReference.Hashes(home);
                foreach (var (path, sha) in afterRun.Where(v => !StateAudit.IsTemporary(v.Key)))
                {
                    var valid = (c.Before.TryGetValue(path, out var b) && b == sha) || (final.TryGetValue(path, out var f) && f == sha)
                        || c.Cmdlet == "Invoke-CarbonHardening"   // a part-hardened file: checked by the restore below and the parse
                        // Encrypted values are random: a run that wrote them and failed after is followed by one that encrypts again.
                        || (c.Cmdlet == "Protect-CarbonSecret" && path.EndsWith("cipher-text.properties", StringComparison.Ordinal));
                    if (!valid)
                    {
                        failures.Add($"{label}: {path} is neither its bytes from before nor what the next run leaves");
                    }
                    failures.AddRange(CrashTests.ParseProblem(Path.Combine(home, path)).Select(p => $"{label}: {path} {p}"));
                }
                failures.AddRange(StateAudit.RestoreEverySet(ps, home, c.Before).Select(p => $"{label}: {p}"));
            }
            ReliabilityLog.Print(output, $"full disk: {cases.Count} runs on a tmpfs with 0-{FreeKiB.Max()} KiB free, {failedRuns} failed for space, corrupted: {failures.Count - leftovers}, leftovers: {leftovers}", took);
            Assert.True(failedRuns > 0, "no run met a full disk: the sweep does not reach the disk's limit");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(15)));
        }

        /// <summary>Why a private mount namespace with a tmpfs cannot be made here, or null when it can.</summary>
        internal static string WhyNoMountNamespace()
        {
            try
            {
                var info = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var a in new[] { "-m", "--propagation", "private", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs \"$d\" && umount \"$d\" && rmdir \"$d\"" })
                {
                    info.ArgumentList.Add(a);
                }
                using var probe = Process.Start(info);
                var error = probe.StandardError.ReadToEnd();
                probe.WaitForExit();
                return probe.ExitCode == 0 ? null : "unshare -m or mount -t tmpfs is not permitted here: " + error.Trim();
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                return "unshare is not installed: " + ex.Message;
            }
        }
    }

    /// <summary>A fact that needs a private mount namespace with a tmpfs (root, unshare, mount); skipped saying why where there is none.</summary>
    public sealed class MountNamespaceFactAttribute : FactAttribute
    {
        private static readonly Lazy<string> Missing = new Lazy<string>(FullDiskTests.WhyNoMountNamespace);

        public MountNamespaceFactAttribute()
        {
            if (Missing.Value != null)
            {
                Skip = Missing.Value;
            }
        }
    }
}
