using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CarbonOps.Host;

namespace CarbonOps.Installation
{
    /// <summary>What a product home's server is doing: its JVM (from /proc), its pid file and the last start in its log.</summary>
    public static class CarbonServerReader
    {
        public const string PidFileName = "wso2carbon.pid";

        // /proc's start time is rounded to the second and the JVM logs after it starts.
        private static readonly TimeSpan StartSlack = TimeSpan.FromSeconds(2);

        public static string PidFilePath(string productHome) => Path.Combine(productHome, PidFileName);

        /// <summary>The pid in wso2carbon.pid; null when the file is missing (<paramref name="exists"/> false) or holds no pid.</summary>
        public static int? ReadPidFile(string productHome, out bool exists)
        {
            var path = PidFilePath(productHome);
            exists = File.Exists(path);
            if (!exists)
            {
                return null;
            }
            try
            {
                var text = File.ReadAllText(path).Trim();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : (int?)null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>The homes of the Carbon JVMs running on this host (Linux), canonical paths.</summary>
        public static IReadOnlyList<string> RunningHomes() =>
            CarbonProcesses.All().Select(CarbonProcesses.HomeOf).Where(h => h != null).Distinct(StringComparer.Ordinal).ToList();

        /// <param name="home">The opened home, or null when the folder is not a readable product home (a JVM may still run from it).</param>
        public static CarbonServer Read(string productHome, CarbonHome home, string computerName)
        {
            var reasons = new List<string>();
            var pidFilePid = ReadPidFile(productHome, out var pidFileExists);
            var logPath = home != null ? CarbonLogFiles.CurrentPath(home) : Path.Combine(productHome, CarbonLogFiles.DefaultRelative.Replace('/', Path.DirectorySeparatorChar));
            if (!LinuxProcess.Supported)
            {
                var logOnly = CarbonLogScanner.FindLastStart(CarbonLogFiles.All(logPath, true), null);
                return new CarbonServer(productHome, ServerState.Unknown,
                    "This platform does not let CarbonOps read the command lines of other processes, so the running JVM cannot be told apart from others.",
                    null, pidFileExists ? (pidFilePid.HasValue ? PidFileStatus.Stale : PidFileStatus.Invalid) : PidFileStatus.Missing, pidFilePid,
                    null, null, null, null, null, null, null, new int[0], logOnly.Seconds, logOnly.StartedAt, logOnly.ErrorsSince, logPath, computerName);
            }

            var processes = CarbonProcesses.Of(productHome);
            var process = processes.FirstOrDefault(p => p.ProcessId == pidFilePid) ?? processes.FirstOrDefault();
            if (processes.Count > 1)
            {
                reasons.Add($"{processes.Count} Carbon JVMs run from this home (pids {string.Join(", ", processes.Select(p => p.ProcessId))}).");
            }
            var pidStatus = !pidFileExists ? PidFileStatus.Missing
                : !pidFilePid.HasValue ? PidFileStatus.Invalid
                : process != null && process.ProcessId == pidFilePid ? PidFileStatus.Current
                : PidFileStatus.Stale;
            if (pidStatus == PidFileStatus.Stale)
            {
                reasons.Add($"The pid file names {pidFilePid}, which is not this home's Carbon JVM: that process ended, or its pid now belongs to another process.");
            }
            else if (pidStatus == PidFileStatus.Invalid)
            {
                reasons.Add($"The pid file '{PidFilePath(productHome)}' holds no process id.");
            }

            var search = CarbonLogScanner.FindLastStart(CarbonLogFiles.All(logPath, true), process?.StartTime - StartSlack);
            ServerState state;
            if (process == null)
            {
                state = ServerState.Stopped;
                reasons.Insert(0, "No Carbon JVM runs from this home.");
            }
            else if (search.Outcome == StartSearchOutcome.Found)
            {
                state = ServerState.Running;
            }
            else if (search.Outcome == StartSearchOutcome.NoneSince)
            {
                state = ServerState.Starting;
                reasons.Insert(0, "The JVM runs, and the log shows no 'WSO2 Carbon started' line since it began.");
            }
            else
            {
                state = ServerState.Unknown;
                reasons.Insert(0, "The JVM runs, but the log cannot tell whether it has finished starting.");
            }
            if (search.Note != null)
            {
                reasons.Add(search.Note);
            }
            else if (!File.Exists(logPath))
            {
                reasons.Add($"The log '{logPath}' does not exist.");
            }

            var ports = new int[0];
            if (process != null && home != null)
            {
                try
                {
                    ports = ServerPorts.ListeningPorts(home, process.ProcessId);
                }
                catch (CarbonOpsException ex)
                {
                    reasons.Add("Ports unknown: " + ex.Message);
                }
            }
            var options = process == null ? null : JvmOptions(process.Arguments);
            return new CarbonServer(productHome, state, string.Join(" ", reasons), process?.ProcessId, pidStatus, pidFilePid,
                process?.UserName, process?.StartTime, process == null ? (TimeSpan?)null : DateTime.Now - process.StartTime,
                process == null ? (bool?)null : WorkerNode(process.Arguments),
                process == null ? null : Size(options, "-Xms"), process == null ? null : Size(options, "-Xmx"),
                process == null ? null : Size(options, "-XX:MaxPermSize="), ports,
                search.Seconds, search.StartedAt, search.ErrorsSince, logPath, computerName);
        }

        /// <summary>The options before the main class: what the JVM itself was given.</summary>
        private static string[] JvmOptions(string[] args)
        {
            var main = Array.IndexOf(args, InstanceDiscovery.BootstrapClass);
            return main < 0 ? args : args.Take(main).ToArray();
        }

        private static long? Size(string[] options, string prefix)
        {
            var last = options.LastOrDefault(o => o.StartsWith(prefix, StringComparison.Ordinal));
            return last == null ? null : JvmMemory.ParseMegabytes(last.Substring(prefix.Length));
        }

        /// <summary>-DworkerNode=true among the JVM's options or the arguments after the main class (Carbon reads both).</summary>
        private static bool WorkerNode(string[] args)
        {
            var last = args.LastOrDefault(o => o.StartsWith("-DworkerNode=", StringComparison.Ordinal));
            return last != null && string.Equals(last.Substring("-DworkerNode=".Length), "true", StringComparison.OrdinalIgnoreCase);
        }
    }
}
