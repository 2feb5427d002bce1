using System.Collections.Generic;

namespace CarbonOps.Host
{
    /// <summary>
    /// What the checks may ask of the machine. The real probes read the operating system; tests
    /// feed a recorded host. Every member may return null where the platform cannot tell.
    /// </summary>
    public interface IHostProbe
    {
        string ComputerName { get; }

        /// <summary>Physical memory the OS can use (Linux MemTotal), in bytes.</summary>
        long? MemoryTotalBytes { get; }

        /// <summary>
        /// The TCP sockets listening now, read afresh on each call; with <paramref name="ports"/>, only
        /// those on these ports (finding a socket's process is the slow part).
        /// </summary>
        SocketTable ListeningSockets(ICollection<int> ports = null);
    }
}
