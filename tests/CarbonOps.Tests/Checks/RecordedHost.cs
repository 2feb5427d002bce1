using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Host;

namespace CarbonOps.Tests.Checks
{
    /// <summary>A host whose facts the test sets. Environment variables are only those given (no PATH unless set).</summary>
    public sealed class RecordedHost : IHostProbe
    {
        public string ComputerName { get; set; } = "recorded";
        public string HostName { get; set; } = "recorded";
        public long? MemoryTotalBytes { get; set; }
        public long? SwapTotalBytes { get; set; }
        public CpuFacts Cpu { get; set; }
        public OsFacts OperatingSystem { get; set; }
        public MachineFacts Machine { get; set; }
        public long? OpenFilesLimit { get; set; }
        public string HostsFile { get; set; }

        /// <summary>Filesystems by mount point; a path belongs to the longest mount point it starts with.</summary>
        public Dictionary<string, FileSystemSpace> FileSystems { get; } = new Dictionary<string, FileSystemSpace>(StringComparer.Ordinal);

        public Dictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Addresses by host name; a name not listed does not resolve.</summary>
        public Dictionary<string, string[]> Names { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

        public int FileSystemReads { get; private set; }

        public FileSystemSpace FileSystemOf(string path)
        {
            FileSystemReads++;
            return FileSystems.Where(f => path == f.Key || path.StartsWith(f.Key.TrimEnd('/') + "/", StringComparison.Ordinal))
                .OrderByDescending(f => f.Key.Length).Select(f => f.Value).FirstOrDefault();
        }

        public string ReadHostsFile() => HostsFile;

        public NameResolution Resolve(string hostName) =>
            Names.TryGetValue(hostName, out var addresses) ? new NameResolution(addresses) : new NameResolution(null, "Name or service not known");

        public string GetEnvironmentVariable(string name) => Environment.TryGetValue(name, out var value) ? value : null;

        public static OsFacts Linux(string osRelease) => OsFacts.FromOsRelease(osRelease);
        public SocketTable Sockets { get; set; } = SocketTable.Empty;
        public SocketTable ListeningSockets(System.Collections.Generic.ICollection<int> ports = null) => Sockets;

        /// <summary>No firewall tool unless a test sets one.</summary>
        public InboundFilter Firewall { get; set; } = new InboundFilter(null, null);
        public InboundFilter InboundFirewall() => Firewall;

        public PendingSecurityUpdates Updates { get; set; } = PendingSecurityUpdates.Unknown(null, "recorded host: no package manager");
        public PendingSecurityUpdates SecurityUpdates() => Updates;
    }
}
