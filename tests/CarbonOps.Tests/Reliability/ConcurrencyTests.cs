using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reliability
{
    [Collection(ReliabilityCollection.Name)]
    public class ConcurrencyTests
    {
        private const int Rounds = 20;
        private const string Rolling = "org.apache.log4j.RollingFileAppender";

        // Each child warms up, then for every line "home<TAB>ticks" waits for that UTC instant and
        // hardens the home with its one check, answering with one JSON line.
        private const string ChildScript = @"param([string] $Module, [string] $CheckId, [string] $Warmup)
$ErrorActionPreference = 'Stop'
Import-Module $Module
$null = Invoke-CarbonHardening -ProductHome $Warmup -CheckId $CheckId -Confirm:$false
[Console]::Out.WriteLine('ready')
while (($line = [Console]::In.ReadLine()) -and $line -ne 'end') {
    $target, $ticks = $line -split ""`t""
    $at = [long]$ticks
    while ([DateTime]::UtcNow.Ticks -lt $at) { }
    $changes = @(Invoke-CarbonHardening -ProductHome $target -CheckId $CheckId -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errs)
    [Console]::Out.WriteLine((@{ Statuses = @($changes | ForEach-Object { $_.Status.ToString() }); Messages = @($changes.Message); Errors = @($errs | ForEach-Object FullyQualifiedErrorId) } | ConvertTo-Json -Compress))
}
";

        private readonly ITestOutputHelper output;
        private readonly Stopwatch took = Stopwatch.StartNew();

        public ConcurrencyTests(ITestOutputHelper output) => this.output = output;

        /// <summary>
        /// Two hardening runs started at the same instant on one home, each changing a different
        /// setting of the same file: every run that reports Changed has its change in the file (no
        /// lost update), and a run that loses fails clearly (the home is locked, or the file changed
        /// on disk after it read it) having changed nothing. The design: a second run does not wait.
        /// </summary>
        [Fact]
        public void TwoHardeningRunsStartedTogetherLoseNoUpdate()
        {
            using var temp = new TempFolder();
            var script = temp.Write("race.ps1", ChildScript);
            var runners = new[] { ("Logging.Rotation", "CARBON_LOGFILE"), ("Logging.AuditRotation", "AUDIT_LOGFILE") }
                .Select((c, i) => (Check: c.Item1, Appender: c.Item2,
                    Process: ChildPwsh.Start(script, "-Module", ChildPwsh.ModuleAssembly, "-CheckId", c.Item1, "-Warmup", temp.CopyHome(TestPaths.SampleHome, "warmup-" + i))))
                .ToList();
            try
            {
                foreach (var r in runners)
                {
                    var ready = r.Process.StandardOutput.ReadLine();
                    Assert.True(ready == "ready", $"The {r.Check} child did not start: {ready} {(ready == null ? r.Process.StandardError.ReadToEnd() : "")}");
                }
                var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
                var lost = new List<string>();
                for (var round = 0; round < Rounds; round++)
                {
                    var home = temp.CopyHome(TestPaths.SampleHome, "race-" + round);
                    var original = File.ReadAllBytes(Path.Combine(home, CarbonPaths.Log4jProperties));
                    var at = DateTime.UtcNow.AddMilliseconds(150).Ticks;
                    foreach (var r in runners)
                    {
                        r.Process.StandardInput.WriteLine(home + "\t" + at);
                        r.Process.StandardInput.Flush();
                    }
                    var reports = runners.Select(r => (r.Check, r.Appender, Report: JsonDocument.Parse(r.Process.StandardOutput.ReadLine() ?? "{}").RootElement.Clone())).ToList();
                    var log4j = TextDocument.Load(Path.Combine(home, CarbonPaths.Log4jProperties));
                    var config = new PropertiesConfig(log4j);
                    var outcome = new List<string>();
                    foreach (var (check, appender, report) in reports)
                    {
                        var statuses = Strings(report, "Statuses");
                        var messages = string.Join(" ", Strings(report, "Messages"));
                        var applied = config.Get("log4j.appender." + appender) == Rolling;
                        if (statuses.Contains("Changed"))
                        {
                            if (!applied)
                            {
                                lost.Add($"round {round}: {check} reported Changed but its change is not in the file");
                            }
                        }
                        else if (statuses.Contains("Failed") && (messages.Contains("Another CarbonOps run") || messages.Contains("changed on disk")))
                        {
                            outcome.Add(messages.Contains("Another CarbonOps run") ? "loser locked out" : "loser's stale read refused");
                            if (applied)
                            {
                                lost.Add($"round {round}: {check} failed but its change is in the file");
                            }
                        }
                        else
                        {
                            lost.Add($"round {round}: {check} neither changed the file nor failed clearly: {string.Join(",", statuses)} {messages} {string.Join(",", Strings(report, "Errors"))}");
                        }
                    }
                    var key = outcome.Count == 0 ? "ran one after the other" : string.Join(" + ", outcome);
                    counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

                    // Whatever happened, the backups give the original back.
                    foreach (var set in BackupStore.List(home).OrderByDescending(s => s.Created))
                    {
                        BackupRestorer.Restore(set, (_, _) => true).ToList();
                    }
                    Assert.Equal(original, File.ReadAllBytes(Path.Combine(home, CarbonPaths.Log4jProperties)));
                }
                ReliabilityLog.Print(output, $"concurrent hardening: {Rounds} pairs started together, lost updates: {lost.Count}; "
                    + string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")), took);
                Assert.True(lost.Count == 0, string.Join("\n", lost));
            }
            finally
            {
                foreach (var r in runners)
                {
                    if (!r.Process.HasExited)
                    {
                        r.Process.StandardInput.WriteLine("end");
                        if (!r.Process.WaitForExit(10000))
                        {
                            r.Process.Kill();
                        }
                    }
                    r.Process.Dispose();
                }
            }
        }

        [Fact]
        public void TenParallelAuditsGiveIdenticalResults()
        {
            using var temp = new TempFolder();
            using var ps = new PowerShellRunner();
            var homes = Enumerable.Range(0, 4).Select(i => temp.CopyHome(TestPaths.SampleHome, "audit-" + i)).ToArray();
            // Homes that differ, so identical answers are not identical by construction.
            Assert.Empty(ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -CheckId Logging.Rotation -Confirm:$false", new Hashtable { ["h"] = homes[1] }).Errors);
            File.WriteAllText(Path.Combine(homes[2], CarbonPaths.MasterDatasourcesXml), "<datasources-configuration><broken></datasources-configuration>");
            const string audit = "Test-CarbonHost -ProductHome $homes | Select-Object CheckId, Outcome, Expected, Actual, Message, Target, ProductHome | ConvertTo-Json -Compress";
            var sequential = WithoutFreeSpace(ps.Run("param($homes) " + audit, new Hashtable { ["homes"] = homes }).Objects.Single().ToString());
            var parallel = ps.Run("param($dll, $homes) 1..10 | ForEach-Object -ThrottleLimit 10 -Parallel { Import-Module $using:dll; $homes = $using:homes; " + audit + " }",
                new Hashtable { ["dll"] = ChildPwsh.ModuleAssembly, ["homes"] = homes });
            Assert.Empty(parallel.Errors);
            var answers = parallel.Objects.Select(o => WithoutFreeSpace(o.ToString())).ToList();
            Assert.Equal(10, answers.Count);
            Assert.Contains("\"Outcome\":4", sequential.Replace(" ", ""));   // the broken home's checks: Error
            ReliabilityLog.Print(output, $"parallel audits: {answers.Count} runs of Test-CarbonHost over {homes.Length} homes, distinct answers: {answers.Distinct().Count()}, differing from a sequential run: {answers.Count(a => a != sequential)}", took);
            Assert.All(answers, a => Assert.Equal(sequential, a));
        }

        // Free disk space is a live reading: other writers on the machine change it between two audits.
        private static string WithoutFreeSpace(string answer) =>
            System.Text.RegularExpressions.Regex.Replace(answer, @"free disk \d+ MB|\d+(\.\d+)? GB free", "(free space)");

        private static List<string> Strings(JsonElement report, string name) =>
            report.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select(v => v.ToString()).ToList()
                : new List<string>();
    }
}
