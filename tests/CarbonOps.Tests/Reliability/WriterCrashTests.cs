using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text;
using CarbonOps.Editing;
using CarbonOps.Keystores;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// Crash trials for every cmdlet that writes. A child pwsh runs the cmdlet in 17 runspaces at once,
    /// each on its own fresh homes one after another, each starting a seeded random 0 to 200 ms after all
    /// are ready, and is killed with SIGKILL when every runspace has started and one run has finished: one
    /// kill stops up to 16 real runs at different points, most of them in their writes, so a trial costs a
    /// fraction of a process start. A home whose run had started and not finished is a killed trial (the
    /// figures say how many had begun writing); one that finished before the kill is checked the same way.
    /// After each: every file must be its bytes from before the run or the bytes the next run leaves
    /// (which finishes the change), and parse; every listed backup set must verify and hold every
    /// changed file's original; restoring the sets newest first must give back the tree from before.
    /// A killed Restore-CarbonConfiguration must be re-runnable and give back the original bytes.
    /// </summary>
    public class WriterCrashTests
    {
        private const int TrialsPerCmdlet = 30;
        private const int Runspaces = 17;
        private const int HomesPerRunspace = 2;
        private const int Seed = 1616;
        private const int MaxOffsetMs = 200;

        public static readonly string[] Writers =
        {
            "Set-CarbonPortOffset", "Set-CarbonJvmOption", "Set-CarbonAdminCredential", "Set-CarbonConsoleAccess", "Set-CarbonDatasource",
            "Set-CarbonHostName", "Set-CarbonProxy", "Set-CarbonTlsProtocol", "Protect-CarbonSecret", "Set-CarbonKeystore", "New-CarbonKeystore",
            "Import-CarbonCertificate", "Set-CarbonKeystorePassword", "New-CarbonServiceUnit", "Restore-CarbonConfiguration",
        };

        // Opens its runspaces (the module imported in each) while the previous child's homes are checked, then reads
        // '<cmdlet><TAB><plan><TAB><ms,ms,...>' and runs the cmdlet in all of them at once, each on its homes one after
        // another, runspace r starting the given ms after the others are ready; says 'start <i>' and 'done <i>' around each run.
        private const string ChildScript = @"param([string] $Module, [int] $Runspaces)
$ErrorActionPreference = 'Stop'
$state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
$state.ImportPSModule($Module)
# Every runspace opened (and the module imported) before the first run, so the runs start together.
$pool = [runspacefactory]::CreateRunspacePool($Runspaces, $Runspaces, $state, $Host)
$pool.Open()
$Name, $Plan, $Offsets = [Console]::In.ReadLine() -split ""`t""
$Offsets = @($Offsets -split ',' | ForEach-Object { [int]$_ })
$files = [System.IO.File]::ReadAllLines($Plan)
# Each runspace reads its arguments, waits for the others, then for its offset: the first runs start close together,
# so a short writer's runs are in flight at the kill (not done before the last runspace starts), each at another point.
$together = [System.Threading.Barrier]::new($Runspaces)
$worker = {
    param($Name, $Indexes, $ArgumentFiles, $Together, $OffsetMs)
    $arguments = [System.Collections.Generic.List[hashtable]]::new()
    foreach ($file in $ArgumentFiles) { $arguments.Add((& $file)) }
    $Together.SignalAndWait()
    # .NET rather than Start-Sleep: a cmdlet outside the module would be auto-loaded into each of the 17 runspaces.
    [System.Threading.Thread]::Sleep($OffsetMs)
    for ($k = 0; $k -lt $Indexes.Count; $k++) {
        $a = $arguments[$k]
        [Console]::Out.WriteLine(""start $($Indexes[$k])"")
        try { $null = & $Name @a -Confirm:$false -ErrorAction SilentlyContinue } catch { }
        [Console]::Out.WriteLine(""done $($Indexes[$k])"")
    }
}
$runs = for ($r = 0; $r -lt $Runspaces; $r++) {
    $mine = @(for ($i = $r; $i -lt $files.Count; $i += $Runspaces) { $i })
    $ps = [powershell]::Create().AddScript($worker).AddArgument($Name).AddArgument($mine).AddArgument(@($mine | ForEach-Object { $files[$_] })).AddArgument($together).AddArgument($Offsets[$r])
    $ps.RunspacePool = $pool
    @{ PS = $ps; Async = $ps.BeginInvoke() }
}
foreach ($r in $runs) { $null = $r.PS.EndInvoke($r.Async) }
[Console]::Out.WriteLine('all done')
";

        private readonly ITestOutputHelper output;
        private readonly System.Diagnostics.Stopwatch took = System.Diagnostics.Stopwatch.StartNew();

        public WriterCrashTests(ITestOutputHelper output) => this.output = output;

        [PosixFact]
        public void EveryWriterKilledAtRandomLeavesEveryFileWholeBackedUpAndRestorable()
        {
            using var temp = new TempFolder();
            using var ps = new PowerShellRunner();
            var script = temp.Write("writers.ps1", ChildScript);
            var random = new Random(Seed);
            var failures = new List<string>();
            var lines = new List<string>();
            var clock = Stopwatch.StartNew();
            using var ahead = new ChildrenAhead(script, "-Module", ChildPwsh.ModuleAssembly, "-Runspaces", Runspaces.ToString());
            foreach (var cmdlet in Writers)
            {
                var killed = 0;
                var finished = 0;
                var midWrite = 0;
                var children = 0;
                while (killed < TrialsPerCmdlet && children < 12)
                {
                    var (killedBefore, finishedBefore) = (killed, finished);
                    children++;
                    var trials = Enumerable.Range(0, Runspaces * HomesPerRunspace).Select(i => Trial.Prepare(temp, cmdlet, $"{cmdlet}-{children}-{i}")).ToList();
                    var plan = temp.Write($"{cmdlet}-{children}.plan", string.Join("\n", trials.Select(t => t.ArgumentFile)) + "\n");
                    var offsets = Enumerable.Range(0, Runspaces).Select(_ => random.Next(0, MaxOffsetMs)).ToList();
                    var started = RunAndKill(ahead.Next(), cmdlet, plan, offsets);
                    foreach (var (trial, index) in trials.Select((t, i) => (t, i)))
                    {
                        if (!started.TryGetValue(index, out var done))
                        {
                            continue;
                        }
                        if (done)
                        {
                            finished++;
                        }
                        else
                        {
                            killed++;
                        }
                        failures.AddRange(trial.Verify(ps).Select(p => $"{cmdlet} (seed {Seed}, child {children}, home {index}{(done ? ", finished before the kill" : "")}): {p}"));
                        midWrite += !done && trial.WroteBeforeKill ? 1 : 0;
                    }
                    // Checked: deleted now, while the next child opens its runspaces, rather than all at the end.
                    trials.ForEach(t => t.Delete());
                }
                lines.Add($"{cmdlet} {killed} ({midWrite} after their first write{(finished > 0 ? $", +{finished} finished before the kill" : "")})");
                File.AppendAllText(Path.Combine(temp.Path, "progress.txt"), $"{lines[^1]}; {failures.Count} problems so far; {clock.Elapsed.TotalSeconds:F0} s\n" + string.Concat(failures.Select(f => "  " + f + "\n")));
                if (killed < TrialsPerCmdlet)
                {
                    failures.Add($"{cmdlet}: only {killed} runs were killed in flight in {children} children");
                }
            }
            ReliabilityLog.Print(output, $"writer crash trials: {lines.Sum(l => int.Parse(l.Split(' ')[1]))} killed in {Writers.Length} cmdlets, corrupted: {failures.Count}", took);
            ReliabilityLog.Print(output, "writer crash trials per cmdlet: " + string.Join(", ", lines), took);
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(15)));
        }

        /// <summary>
        /// Gives the child its cmdlet, homes and start offsets, waits until every runspace has started its first run and one
        /// run has finished, and kills it: the other runs are then at every point of theirs, most in their writes (which come
        /// last). Returns index → whether that run finished (homes not started are absent).
        /// </summary>
        private static Dictionary<int, bool> RunAndKill(Process child, string cmdlet, string plan, IEnumerable<int> offsets)
        {
            var state = new Dictionary<int, bool>();
            using (child)
            {
                child.StandardInput.WriteLine(cmdlet + "\t" + plan + "\t" + string.Join(",", offsets));
                child.StandardInput.Flush();
                string line;
                while ((line = child.StandardOutput.ReadLine()) != null)
                {
                    Record(state, line);
                    if (state.Count >= Runspaces && state.ContainsValue(true))
                    {
                        break;
                    }
                }
                if (state.Count < Runspaces)
                {
                    throw new InvalidOperationException($"The child for {cmdlet} ended before its runs started: {child.StandardError.ReadToEnd()}");
                }
                if (!child.HasExited)
                {
                    child.Kill();   // SIGKILL
                }
                child.WaitForExit();
                // What the runs said before the kill and is still in the pipe.
                while ((line = child.StandardOutput.ReadLine()) != null)
                {
                    Record(state, line);
                }
            }
            return state;
        }


        private static void Record(Dictionary<int, bool> state, string line)
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && int.TryParse(parts[1], out var index))
            {
                state[index] = parts[0] == "done";
            }
        }

        /// <summary>One home, the cmdlet's arguments for it, and what it held before the run.</summary>
        private sealed class Trial
        {
            private string cmdlet;
            private CaseHome home;
            private Dictionary<string, object> arguments;
            private Dictionary<string, string> before;
            private Dictionary<string, string> restoredTree;
            public string ArgumentFile;

            public void Delete() => Directory.Delete(home.Path, true);

            /// <summary>Whether the killed run had changed the home (a file, a temporary file or a new backup set): killed inside or after its writes.</summary>
            public bool WroteBeforeKill;
            private int setsBefore;

            public static Trial Prepare(TempFolder temp, string cmdlet, string name)
            {
                var trial = new Trial { cmdlet = cmdlet, home = new CaseHome(temp) };
                trial.arguments = CmdletCases.For(cmdlet).Arguments(trial.home);
                trial.before = CrashReference.Hashes(trial.home.Path);
                trial.setsBefore = SetCount(trial.home.Path);
                // After restoring every set, newest first: the tree from before the run, or for a restore, from before the run that made its set.
                trial.restoredTree = cmdlet == "Restore-CarbonConfiguration" ? BeforeSet(trial.home.Path, (string)trial.arguments["BackupPath"], trial.before) : trial.before;
                trial.ArgumentFile = temp.Write(name + ".args.ps1", Literal(trial.arguments));
                return trial;
            }

            public IEnumerable<string> Verify(PowerShellRunner ps)
            {
                var problems = new List<string>();
                var afterKill = CrashReference.Hashes(home.Path);
                WroteBeforeKill = SetCount(home.Path) > setsBefore || afterKill.Count != before.Count || afterKill.Any(v => !before.TryGetValue(v.Key, out var b) || b != v.Value);
                problems.AddRange(StateAudit.BackupProblems(home.Path, before, afterKill));

                // The next run finishes the change (a new keystore that exists is finished already).
                var keystore = cmdlet == "New-CarbonKeystore" ? (string)arguments["Path"] : null;
                if (keystore == null || !File.Exists(keystore))
                {
                    var next = ps.RunCommand(cmdlet, new Hashtable(arguments) { ["Confirm"] = false }, TimeSpan.FromSeconds(60));
                    problems.AddRange(next.Errors.Select(e => "the next run: " + e));
                    problems.AddRange(next.Objects.Select(o => o.BaseObject).OfType<ChangeResult>().Where(c => c.Status == ChangeStatus.Failed).Select(c => "the next run failed: " + c.Message));
                    if (next.Terminated != null)
                    {
                        problems.Add("the next run ended with " + next.Terminated.Message);
                    }
                }
                var final = CrashReference.Hashes(home.Path);
                foreach (var (path, sha) in afterKill.Where(v => !StateAudit.IsTemporary(v.Key)))
                {
                    var wasBefore = before.TryGetValue(path, out var b) && b == sha;
                    var isFinal = final.TryGetValue(path, out var f) && f == sha;
                    // Encrypted values are random: a run killed after writing them is followed by one that encrypts again.
                    var random = cmdlet == "Protect-CarbonSecret" && path.EndsWith("cipher-text.properties", StringComparison.Ordinal);
                    if (!wasBefore && !isFinal && !random)
                    {
                        problems.Add($"{path} is neither its bytes from before the run nor what the next run leaves");
                    }
                    else
                    {
                        problems.AddRange(CrashTests.ParseProblem(Path.Combine(home.Path, path)).Select(p => path + " " + p));
                    }
                }
                if (keystore != null && File.Exists(keystore))
                {
                    try
                    {
                        KeystoreFile.Open(keystore, Plain((SecureString)arguments["StorePassword"]).ToCharArray());
                    }
                    catch (CarbonOpsException ex)
                    {
                        problems.Add("the new keystore does not open: " + ex.Message);
                    }
                }
                problems.AddRange(before.Keys.Where(p => !final.ContainsKey(p)).Select(p => "missing file " + p));

                // Restoring every set, newest first, gives back the tree from before.
                problems.AddRange(StateAudit.RestoreEverySet(ps, home.Path, restoredTree));
                return problems;
            }

            private static int SetCount(string home) =>
                Directory.Exists(BackupStore.BackupsFolder(home)) ? Directory.GetDirectories(BackupStore.BackupsFolder(home)).Length : 0;

            /// <summary>The tree a restore of <paramref name="set"/> gives back: its saved bytes over <paramref name="now"/>.</summary>
            private static Dictionary<string, string> BeforeSet(string home, string set, Dictionary<string, string> now)
            {
                var tree = new Dictionary<string, string>(now, StringComparer.Ordinal);
                var manifest = BackupStore.Read(set);
                foreach (var entry in manifest.Entries)
                {
                    if (entry.Existed)
                    {
                        tree[entry.RelativePath] = entry.Sha256.ToUpperInvariant();
                    }
                    else
                    {
                        tree.Remove(entry.RelativePath);
                    }
                }
                return tree;
            }
        }

        private static string Plain(SecureString value) => new NetworkCredential("", value).Password;

        internal static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

        /// <summary>
        /// A script that returns the arguments as a hashtable (passwords as SecureString, made from their text). It uses no
        /// cmdlet: ConvertTo-SecureString would auto-load Microsoft.PowerShell.Security into each runspace of the child.
        /// </summary>
        internal static string Literal(Dictionary<string, object> arguments)
        {
            static string Secure(SecureString s) => $"([System.Net.NetworkCredential]::new('', {Quote(Plain(s))}).SecurePassword)";
            string Value(object value) => value switch
            {
                string s => Quote(s),
                bool b => b ? "$true" : "$false",
                int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                SecureString s => Secure(s),
                PSCredential c => $"([pscredential]::new({Quote(c.UserName)}, {Secure(c.Password)}))",
                IEnumerable e => "@(" + string.Join(", ", e.Cast<object>().Select(Value)) + ")",
                _ => throw new NotSupportedException($"An argument of type {value.GetType()} cannot be passed to the child."),
            };
            var text = new StringBuilder("@{\n");
            foreach (var (name, value) in arguments)
            {
                text.Append("    ").Append(name).Append(" = ").Append(Value(value)).Append('\n');
            }
            return text.Append("}\n").ToString();
        }
    }
}
