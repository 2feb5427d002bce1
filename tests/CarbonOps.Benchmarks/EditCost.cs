using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation.Runspaces;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;
using PS = System.Management.Automation.PowerShell;

namespace CarbonOps.Benchmarks
{
    /// <summary>
    /// What the edit goals cost in CPU, which a loaded machine does not distort as it does wall time: the
    /// Jvm.Heap remedy (Set-CarbonJvmOption's editor over the three launchers, one backup set) in this thread,
    /// and Protect-CarbonSecret on a fresh copy of a home with its keystores (13 aliases, 7 files) through the
    /// cmdlet, as process CPU. Medians of the runs, after three warm-up runs.
    /// dotnet run -c Release --project tests/CarbonOps.Benchmarks -- --edits [runs]
    /// </summary>
    public static class EditCost
    {
        public static void Run(int runs)
        {
            Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
            JvmOptions(runs);
            Protect(runs);
            Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        }

        private static void JvmOptions(int runs)
        {
            using var homes = new Homes(1);
            var home = homes.Paths[0];
            var launchers = CarbonPaths.StartupScripts.Select(f => Path.Combine(home, f)).ToArray();
            var stock = launchers.Select(File.ReadAllBytes).ToArray();
            var wall = new List<double>();
            var cpu = new List<double>();
            for (var run = -3; run < runs; run++)
            {
                for (var i = 0; i < launchers.Length; i++)
                {
                    File.WriteAllBytes(launchers[i], stock[i]);
                }
                var state = Path.Combine(home, ".carbonops");
                if (Directory.Exists(state))
                {
                    Directory.Delete(state, true);
                }
                var (w, c) = CpuClock.Time(() =>
                {
                    using var session = new EditSession(home);
                    var changed = ChangePipeline.Run(new[] { CheckCatalog.Find("Jvm.Heap").ToRemedy() }, CarbonHome.Open(home), session,
                        new RemediationOptions(), "bench", (_, _, _) => true).Count(r => r.Status == ChangeStatus.Changed);
                    if (changed == 0)
                    {
                        throw new InvalidOperationException("The Jvm.Heap remedy changed nothing.");
                    }
                });
                if (run >= 0)
                {
                    wall.Add(w);
                    cpu.Add(c);
                }
            }
            Console.WriteLine($"Set-CarbonJvmOption's editor (Jvm.Heap remedy, three launchers, one backup set), {runs} runs: " +
                $"thread CPU {Ms(CpuClock.Median(cpu))} ms, wall {Ms(CpuClock.Median(wall))} ms (fastest {Ms(wall.Min())})");
        }

        private static void Protect(int runs)
        {
            using var homes = new Homes(1);
            var password = KeystoreHome.PrepareKeystores(homes.Paths);
            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { typeof(CarbonOps.Commands.CarbonCmdlet).Assembly.Location });
            using var runspace = RunspaceFactory.CreateRunspace(iss);
            runspace.Open();
            var self = Process.GetCurrentProcess();
            var wall = new List<double>();
            var cpu = new List<double>();
            var work = Path.Combine(Path.GetTempPath(), "carbonops-edit-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                for (var run = -3; run < runs; run++)
                {
                    var copy = Path.Combine(work, "run" + (run + 3).ToString(CultureInfo.InvariantCulture));
                    Homes.Copy(homes.Paths[0], copy);
                    self.Refresh();
                    var cpu0 = self.TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    using (var ps = PS.Create())
                    {
                        ps.Runspace = runspace;
                        ps.AddCommand("Protect-CarbonSecret").AddParameter("ProductHome", copy).AddParameter("Confirm", false);
                        var changes = ps.Invoke();
                        if (ps.HadErrors || changes.Count == 0)
                        {
                            throw new InvalidOperationException($"Protect-CarbonSecret: {string.Join("; ", ps.Streams.Error)}");
                        }
                    }
                    watch.Stop();
                    self.Refresh();
                    if (run >= 0)
                    {
                        wall.Add(watch.Elapsed.TotalMilliseconds);
                        cpu.Add((self.TotalProcessorTime - cpu0).TotalMilliseconds);
                    }
                    Directory.Delete(copy, true);
                }
            }
            finally
            {
                if (Directory.Exists(work))
                {
                    Directory.Delete(work, true);
                }
            }
            Console.WriteLine($"Protect-CarbonSecret (every password of a home with its keystores), {runs} runs: " +
                $"process CPU {Ms(CpuClock.Median(cpu))} ms, wall {Ms(CpuClock.Median(wall))} ms (fastest {Ms(wall.Min())})");
            var keytool = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                try
                {
                    var watch = Stopwatch.StartNew();
                    using var p = Process.Start(new ProcessStartInfo("keytool", "-list -cacerts -storepass changeit") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
                    p.StandardOutput.ReadToEnd();
                    p.WaitForExit();
                    keytool.Add(watch.Elapsed.TotalMilliseconds);
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    break;
                }
            }
            if (keytool.Count > 0)
            {
                Console.WriteLine($"keytool -list -cacerts (one JVM start), same run: wall {Ms(CpuClock.Median(keytool))} ms");
            }
        }

        private static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
