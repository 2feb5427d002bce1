using System.Collections.Generic;

namespace CarbonOps.Host
{
    /// <summary>
    /// What the checks may ask of the machine. The real probes read the operating system; tests
    /// feed a recorded host. Every member may return null where the platform cannot tell.
    /// Facts that do not change while a machine runs (memory, CPU, OS) are read once per process;
    /// the others (free space, swap, environment, /etc/hosts, name resolution) are read on each
    /// call, since a sysadmin fixes them and runs the check again in the same session.
    /// </summary>
    public interface IHostProbe
    {
        string ComputerName { get; }

        /// <summary>Physical memory the OS can use (Linux MemTotal), in bytes.</summary>
        long? MemoryTotalBytes { get; }

        /// <summary>Swap space (Linux SwapTotal; Windows: the page files), in bytes.</summary>
        long? SwapTotalBytes { get; }

        CpuFacts Cpu { get; }

        OsFacts OperatingSystem { get; }

        /// <summary>The machine as its firmware names it (DMI / SMBIOS: vendor, product, BIOS version); null where it cannot be read.</summary>
        MachineFacts Machine { get; }

        /// <summary>The soft limit of open files for processes started from here (ulimit -n); null on Windows.</summary>
        long? OpenFilesLimit { get; }

        /// <summary>The host name as the `hostname` command prints it.</summary>
        string HostName { get; }

        /// <summary>Free and total space of the filesystem that holds <paramref name="path"/>; null when it cannot be read.</summary>
        FileSystemSpace FileSystemOf(string path);

        /// <summary>The text of the hosts file (/etc/hosts); null when there is none.</summary>
        string ReadHostsFile();

        NameResolution Resolve(string hostName);

        string GetEnvironmentVariable(string name);
        /// <summary>
        /// The TCP sockets listening now, read afresh on each call; with <paramref name="ports"/>, only
        /// those on these ports (finding a socket's process is the slow part).
        /// </summary>
        SocketTable ListeningSockets(ICollection<int> ports = null);

        /// <summary>The active inbound filtering of the host firewall, read afresh on each call.</summary>
        InboundFilter InboundFirewall();

        /// <summary>Security updates pending by the package manager's local metadata (no network access).</summary>
        PendingSecurityUpdates SecurityUpdates();
    }
}
