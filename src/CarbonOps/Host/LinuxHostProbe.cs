using System;
using System.Globalization;
using System.IO;

namespace CarbonOps.Host
{
    /// <summary>Reads /proc and /etc on Linux.</summary>
    public sealed class LinuxHostProbe : IHostProbe
    {
        private readonly Lazy<long?> memoryTotal;
        private readonly string procRoot;

        public LinuxHostProbe(string procRoot = "/proc")
        {
            this.procRoot = procRoot;
            memoryTotal = new Lazy<long?>(() => ReadMemInfoKb(Path.Combine(procRoot, "meminfo"), "MemTotal") * 1024);
        }

        public string ComputerName => Environment.MachineName;

        public long? MemoryTotalBytes => memoryTotal.Value;

        public SocketTable ListeningSockets(System.Collections.Generic.ICollection<int> ports = null) => ProcNetTcp.Read(procRoot, ports: ports);

        /// <summary>A "Key:   N kB" value of /proc/meminfo, in kB.</summary>
        public static long? ReadMemInfoKb(string path, string key)
        {
            if (!File.Exists(path))
            {
                return null;
            }
            foreach (var line in File.ReadLines(path))
            {
                if (!line.StartsWith(key + ":", StringComparison.Ordinal))
                {
                    continue;
                }
                var parts = line.Substring(key.Length + 1).Trim().Split(' ');
                return long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb : (long?)null;
            }
            return null;
        }
    }
}
