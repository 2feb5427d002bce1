using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using CarbonOps.Editing;
using CarbonOps.Host;

namespace CarbonOps.Installation
{
    public sealed class ServerControlOptions
    {
        public bool WorkerNode { get; set; }
        public IDictionary<string, string> SystemProperties { get; set; }
        public string JavaHome { get; set; }
        public bool AllowRoot { get; set; }
        /// <summary>Stop: send KILL when TERM has not ended the JVM within the timeout.</summary>
        public bool Force { get; set; }
        /// <summary>Start: wait for the start line and the HTTPS port.</summary>
        public bool Wait { get; set; }
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
    }

    /// <summary>
    /// Starts, stops and restarts a home's server through its own launcher, and never signals a
    /// process that is not that home's Carbon JVM: a pid from the pid file is checked against the
    /// process's command line (bootstrap class and -Dcarbon.home=) and start time first.
    /// </summary>
    public sealed class ServerControl
    {
        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan LauncherTimeout = TimeSpan.FromSeconds(60);

        private readonly CarbonHome home;
        private readonly Func<string, string, bool> shouldProcess;
        private readonly Action<string> verbose;
        private readonly Action<string> warning;
        private readonly CancellationToken cancel;

        /// <param name="shouldProcess">(target, action) → go ahead.</param>
        public ServerControl(CarbonHome home, Func<string, string, bool> shouldProcess, Action<string> verbose, Action<string> warning, CancellationToken cancel)
        {
            this.home = home;
            this.shouldProcess = shouldProcess;
            this.verbose = verbose;
            this.warning = warning;
            this.cancel = cancel;
        }

        private string PidFile => CarbonServerReader.PidFilePath(home.Path);

        /// <summary>Starts the server unless it runs; true when it was started.</summary>
        public bool Start(ServerControlOptions options)
        {
            var launcher = PrepareLauncher(options);
            if (Launcher.IsWindows)
            {
                return StartOnWindows(launcher, options);
            }
            var running = CarbonProcesses.Of(home.Path);
            if (running.Count > 0)
            {
                warning($"The server of '{home.Path}' is already running (pid {running[0].ProcessId}); it was not started again.");
                return false;
            }
            RefuseRoot(options);
            if (!shouldProcess(home.Path, "Start the Carbon server with " + launcher.Relative + " start" + Describe(options)))
            {
                return false;
            }
            RemoveStalePidFile(false);
            var launched = DateTime.Now;
            var said = launcher.Run("start", LauncherTimeout, cancel);
            if (said.Length > 0)
            {
                verbose(launcher.Relative + " start: " + said);
            }
            if (options.Wait)
            {
                WaitForStart(launcher, launched, options.Timeout, null);
            }
            return true;
        }

        /// <summary>Stops the home's Carbon JVMs; false when none ran (a stale pid file is still removed).</summary>
        public bool Stop(ServerControlOptions options)
        {
            NotOnWindows("stop");
            var running = CarbonProcesses.Of(home.Path);
            if (running.Count == 0)
            {
                verbose($"No Carbon JVM runs from '{home.Path}'.");
                RemoveStalePidFile(true);
                return false;
            }
            var pids = string.Join(", ", running.Select(p => p.ProcessId));
            if (!shouldProcess(home.Path, $"Stop the Carbon server (pid {pids})"))
            {
                return false;
            }
            SendTerm(running, options);
            WaitForExit(running, options);
            RemoveStalePidFile(false);
            return true;
        }

        /// <summary>Restarts the server through the launcher's restart, or starts it when it is not running.</summary>
        public bool Restart(ServerControlOptions options)
        {
            var launcher = PrepareLauncher(options);
            NotOnWindows("restart");
            var running = CarbonProcesses.Of(home.Path);
            if (running.Count == 0)
            {
                verbose($"No Carbon JVM runs from '{home.Path}'; starting it.");
                return Start(options);
            }
            RefuseRoot(options);
            var pids = string.Join(", ", running.Select(p => p.ProcessId));
            if (!shouldProcess(home.Path, $"Restart the Carbon server (pid {pids}) with {launcher.Relative} restart{Describe(options)}"))
            {
                return false;
            }
            var launched = DateTime.Now;
            var pidFilePid = CarbonServerReader.ReadPidFile(home.Path, out _);
            if (running.Count == 1 && running[0].ProcessId == pidFilePid)
            {
                RunRestart(launcher, running, options);
            }
            else
            {
                // The launcher's restart would signal whatever the pid file names: stop by the verified pids instead.
                verbose("The pid file does not name the running JVM, so CarbonOps stops it itself and then starts the server.");
                SendTerm(running, options);
                WaitForExit(running, options);
                RemoveStalePidFile(false);
                launched = DateTime.Now;
                launcher.Run("start", LauncherTimeout, cancel);
            }
            if (options.Wait)
            {
                WaitForStart(launcher, launched, options.Timeout, null);
            }
            return true;
        }

        private Launcher PrepareLauncher(ServerControlOptions options)
        {
            var launcher = Launcher.For(home);
            launcher.SetJavaOptions(options.WorkerNode, options.SystemProperties);
            launcher.SetJavaHome(options.JavaHome);
            return launcher;
        }

        private void RunRestart(Launcher launcher, List<LinuxProcess> running, ServerControlOptions options)
        {
            var output = new StringBuilder();
            using (var process = launcher.Begin("restart", output))
            {
                // The launcher sends TERM, then polls once a second until the JVM has gone, then starts it again.
                if (!Launcher.WaitForExit(process, options.Timeout, cancel))
                {
                    if (!options.Force)
                    {
                        Launcher.TryKill(process);
                        throw StopTimeout(running, options);
                    }
                    Kill(running);
                    if (!Launcher.WaitForExit(process, LauncherTimeout, cancel))
                    {
                        Launcher.TryKill(process);
                        throw new CarbonOpsException(ErrorIds.StartupScriptFailed, $"'{launcher.Path} restart' did not finish after the old JVM was killed.", launcher.Path);
                    }
                }
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new CarbonOpsException(ErrorIds.StartupScriptFailed,
                        $"'{launcher.Path} restart' failed (exit code {process.ExitCode}): {Launcher.Text(output)}", launcher.Path);
                }
            }
        }

        private void SendTerm(List<LinuxProcess> running, ServerControlOptions options)
        {
            var pidFilePid = CarbonServerReader.ReadPidFile(home.Path, out _);
            foreach (var process in running)
            {
                if (process.ProcessId == pidFilePid && TryLauncherStop(options))
                {
                    continue;
                }
                if (Verified(process))
                {
                    verbose($"Sending TERM to pid {process.ProcessId}.");
                    process.Signal(LinuxProcess.SigTerm);
                }
            }
        }

        /// <summary>The launcher's stop (TERM to the pid file's pid); false when the launcher could not do it.</summary>
        private bool TryLauncherStop(ServerControlOptions options)
        {
            try
            {
                var launcher = PrepareLauncher(options);
                launcher.Run("stop", LauncherTimeout, cancel);
                return true;
            }
            catch (CarbonOpsException ex)
            {
                verbose("The launcher could not stop the server (" + ex.Message + "); CarbonOps sends TERM itself.");
                return false;
            }
        }

        private void WaitForExit(List<LinuxProcess> running, ServerControlOptions options)
        {
            if (WaitUntilGone(running, options.Timeout))
            {
                return;
            }
            if (!options.Force)
            {
                throw StopTimeout(running, options);
            }
            Kill(running);
            if (!WaitUntilGone(running, TimeSpan.FromSeconds(30)))
            {
                throw new CarbonOpsException(ErrorIds.ServerStopTimeout,
                    $"The Carbon JVM of '{home.Path}' (pid {string.Join(", ", running.Where(p => p.IsAlive()).Select(p => p.ProcessId))}) is still there after KILL.", home.Path);
            }
        }

        private CarbonOpsException StopTimeout(List<LinuxProcess> running, ServerControlOptions options) =>
            new CarbonOpsException(ErrorIds.ServerStopTimeout,
                $"The Carbon JVM of '{home.Path}' (pid {string.Join(", ", running.Where(p => p.IsAlive()).Select(p => p.ProcessId))}) did not stop within {options.Timeout.TotalSeconds:0} s of TERM. " +
                "It may still be shutting down; run again with a longer -Timeout, or with -Force to send KILL after the timeout.", home.Path);

        private void Kill(List<LinuxProcess> running)
        {
            foreach (var process in running.Where(Verified))
            {
                verbose($"Sending KILL to pid {process.ProcessId}.");
                process.Signal(LinuxProcess.SigKill);
            }
        }

        /// <summary>Still the same process (same start time) and still this home's Carbon JVM.</summary>
        private bool Verified(LinuxProcess process)
        {
            var now = LinuxProcess.Read(process.ProcessId);
            return now != null && now.StartTicks == process.StartTicks && CarbonProcesses.BelongsTo(now, home.Path);
        }

        private bool WaitUntilGone(List<LinuxProcess> processes, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (processes.Any(p => p.IsAlive()))
            {
                if (DateTime.UtcNow > deadline)
                {
                    return false;
                }
                cancel.WaitHandle.WaitOne(Poll);
                cancel.ThrowIfCancellationRequested();
            }
            return true;
        }

        /// <summary>Removes wso2carbon.pid when it does not name a live Carbon JVM of this home.</summary>
        private void RemoveStalePidFile(bool ask)
        {
            var pid = CarbonServerReader.ReadPidFile(home.Path, out var exists);
            if (!exists || (pid.HasValue && CarbonProcesses.BelongsTo(LinuxProcess.Read(pid.Value), home.Path)))
            {
                return;
            }
            if (!ask || shouldProcess(PidFile, $"Remove the stale pid file (pid {pid?.ToString() ?? "none"} is not this home's Carbon JVM)"))
            {
                File.Delete(PidFile);
                verbose($"Removed the stale pid file '{PidFile}'.");
            }
        }

        private void RefuseRoot(ServerControlOptions options)
        {
            if (options.AllowRoot || Launcher.IsWindows || PosixFile.EffectiveUserId() != 0)
            {
                return;
            }
            throw new CarbonOpsException(ErrorIds.ServerStartAsRootRefused,
                $"Refusing to start '{home.Path}' as root: the deployment guide says to run Carbon as a dedicated unprivileged user. " +
                "Create one (useradd --system --shell /usr/sbin/nologin wso2carbon), give it the home and run the server as that user, " +
                $"for example as a service: New-CarbonServiceUnit -ProductHome '{home.Path}' -User wso2carbon -SetOwnership. " +
                "Use -AllowRoot to start it as root anyway.", home.Path);
        }

        private void NotOnWindows(string command)
        {
            if (Launcher.IsWindows)
            {
                throw new CarbonOpsException(ErrorIds.ServerControlNotSupported,
                    $"wso2server.bat has no {command} command and no pid file; stop the server from its console or end its java process.", home.Path);
            }
        }

        private bool StartOnWindows(Launcher launcher, ServerControlOptions options)
        {
            if (!shouldProcess(home.Path, "Start the Carbon server with " + launcher.Relative + " in the background" + Describe(options)))
            {
                return false;
            }
            var launched = DateTime.Now;
            var process = launcher.Begin("run", new StringBuilder());
            if (options.Wait)
            {
                WaitForStart(launcher, launched, options.Timeout, process);
            }
            return true;
        }

        /// <summary>Waits for the start line after <paramref name="launched"/> and the HTTPS port, or for the server to die.</summary>
        private void WaitForStart(Launcher launcher, DateTime launched, TimeSpan timeout, Process windowsLauncher)
        {
            var notBefore = launched - TimeSpan.FromSeconds(1);
            var files = CarbonLogFiles.All(CarbonLogFiles.CurrentPath(home), true);
            int? port = null;
            try
            {
                port = ServerPorts.Https(home);
            }
            catch (CarbonOpsException ex)
            {
                verbose("The HTTPS port is not known, so only the log is watched: " + ex.Message);
            }
            var deadline = DateTime.UtcNow + timeout;
            var graceUntil = DateTime.UtcNow + TimeSpan.FromSeconds(2);
            while (true)
            {
                cancel.ThrowIfCancellationRequested();
                var jvm = Launcher.IsWindows ? null : CarbonProcesses.Of(home.Path).LastOrDefault(p => p.StartTime >= notBefore - TimeSpan.FromSeconds(2));
                var alive = Launcher.IsWindows ? !windowsLauncher.HasExited : jvm != null || launcher.ShellAlive();
                var search = CarbonLogScanner.FindLastStart(CarbonLogFiles.All(CarbonLogFiles.CurrentPath(home), true), notBefore);
                if (search.Outcome == StartSearchOutcome.Found && alive && (!port.HasValue || Listens(port.Value)))
                {
                    verbose($"WSO2 Carbon started in {search.Seconds} sec{(port.HasValue ? $"; port {port} listens" : "")}.");
                    return;
                }
                if (!alive && DateTime.UtcNow > graceUntil)
                {
                    throw new CarbonOpsException(ErrorIds.ServerStartFailed,
                        $"The server of '{home.Path}' stopped while starting." + LastErrors(files, notBefore), home.Path);
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new CarbonOpsException(ErrorIds.ServerStartTimeout,
                        $"The server of '{home.Path}' did not finish starting within {timeout.TotalSeconds:0} s " +
                        $"(start line in the log: {(search.Outcome == StartSearchOutcome.Found ? "yes" : "no")}; HTTPS port {port?.ToString() ?? "unknown"} listens: {(port.HasValue && Listens(port.Value) ? "yes" : "no")}). " +
                        "It was left running: Get-CarbonServer shows its state.", home.Path);
                }
                cancel.WaitHandle.WaitOne(Poll);
            }
        }

        private string LastErrors(IReadOnlyList<string> files, DateTime since)
        {
            try
            {
                var errors = new CarbonLogReader(home.Path, null).Tail(files, 5,
                    new LogFilter { Levels = new HashSet<string> { "ERROR", "FATAL" }, Since = since });
                if (errors.Count == 0)
                {
                    return " The log has no error entry since the start.";
                }
                return " Last errors in the log:" + string.Concat(errors.Select(e =>
                    Environment.NewLine + $"  [{e.Time:yyyy-MM-dd HH:mm:ss,fff}] {e.Level} {{{e.Logger}}} {e.Message}" +
                    (e.StackTrace.Length > 0 ? Environment.NewLine + "    " + e.StackTrace[0].Trim() : "")));
            }
            catch (CarbonOpsException ex)
            {
                return " " + ex.Message;
            }
        }

        /// <summary>A TCP connection to 127.0.0.1 at the port succeeds.</summary>
        public static bool Listens(int port)
        {
            using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
            {
                try
                {
                    var result = socket.BeginConnect(IPAddress.Loopback, port, null, null);
                    if (!result.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(1)))
                    {
                        return false;
                    }
                    socket.EndConnect(result);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            }
        }

        private static string Describe(ServerControlOptions options)
        {
            var parts = new List<string>();
            if (options.WorkerNode)
            {
                parts.Add("-DworkerNode=true");
            }
            // Names only: a value may be a secret.
            parts.AddRange((options.SystemProperties ?? new Dictionary<string, string>()).Keys.Select(k => "-D" + k + "=..."));
            return parts.Count == 0 ? "" : " (" + string.Join(" ", parts) + ")";
        }
    }
}
