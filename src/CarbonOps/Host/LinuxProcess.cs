using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace CarbonOps.Host
{
    /// <summary>
    /// One process as /proc shows it at one moment. A pid alone names a process only until it ends;
    /// <see cref="StartTicks"/> tells a later process that reused the pid from this one.
    /// </summary>
    public sealed class LinuxProcess
    {
        public const int SigTerm = 15;
        public const int SigKill = 9;

        private LinuxProcess(int pid, string[] arguments, ulong startTicks, uint userId)
        {
            ProcessId = pid;
            Arguments = arguments;
            StartTicks = startTicks;
            UserId = userId;
        }

        public int ProcessId { get; }
        public string[] Arguments { get; }
        /// <summary>Start time in clock ticks since boot (/proc/&lt;pid&gt;/stat field 22).</summary>
        public ulong StartTicks { get; }
        public uint UserId { get; }

        public DateTime StartTime => BootTime.Value.AddSeconds(StartTicks / (double)ClockTicks.Value).ToLocalTime();

        public string UserName => PosixAccounts.UserName(UserId) ?? UserId.ToString(CultureInfo.InvariantCulture);

        public static bool Supported => Directory.Exists("/proc/self");

        /// <summary>The live process with this pid, or null when there is none (or it is a zombie, or unreadable).</summary>
        public static LinuxProcess Read(int pid)
        {
            if (pid <= 0)
            {
                return null;
            }
            var dir = "/proc/" + pid.ToString(CultureInfo.InvariantCulture);
            try
            {
                var stat = File.ReadAllText(dir + "/stat");
                // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
                var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                if (fields[0] == "Z" || fields[0] == "X")
                {
                    return null;
                }
                var startTicks = ulong.Parse(fields[19], CultureInfo.InvariantCulture);
                var args = ProcessCommandLines.Read(pid);
                if (args == null || args.Length == 0)
                {
                    return null;
                }
                return new LinuxProcess(pid, args, startTicks, ReadUid(dir + "/status"));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException || ex is IndexOutOfRangeException || ex is ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        public static IEnumerable<LinuxProcess> All()
        {
            if (!Supported)
            {
                yield break;
            }
            foreach (var dir in Directory.GetDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    var process = Read(pid);
                    if (process != null)
                    {
                        yield return process;
                    }
                }
            }
        }

        /// <summary>True while this same process (not a later one with the same pid) is alive.</summary>
        public bool IsAlive()
        {
            var now = Read(ProcessId);
            return now != null && now.StartTicks == StartTicks;
        }

        /// <summary>Sends a signal; false when the process is gone.</summary>
        public bool Signal(int signal) => kill(ProcessId, signal) == 0;

        private static uint ReadUid(string statusPath)
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    // real, effective, saved, filesystem: the effective one decides what the process may do.
                    var ids = line.Substring(4).Split(new[] { '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries);
                    return uint.Parse(ids.Length > 1 ? ids[1] : ids[0], CultureInfo.InvariantCulture);
                }
            }
            throw new FormatException("no Uid line in " + statusPath);
        }

        private static readonly Lazy<DateTime> BootTime = new Lazy<DateTime>(() =>
        {
            foreach (var line in File.ReadLines("/proc/stat"))
            {
                if (line.StartsWith("btime ", StringComparison.Ordinal))
                {
                    var seconds = long.Parse(line.Substring(6).Trim(), CultureInfo.InvariantCulture);
                    return new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(seconds);
                }
            }
            throw new IOException("/proc/stat has no btime line.");
        });

        private static readonly Lazy<long> ClockTicks = new Lazy<long>(() =>
        {
            try
            {
                var ticks = sysconf(2 /* _SC_CLK_TCK */);
                return ticks > 0 ? ticks : 100;
            }
            catch (EntryPointNotFoundException)
            {
                return 100;
            }
        });

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);

        [DllImport("libc")]
        private static extern long sysconf(int name);
    }
}
