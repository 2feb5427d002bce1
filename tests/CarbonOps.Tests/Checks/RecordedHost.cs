using CarbonOps.Host;

namespace CarbonOps.Tests.Checks
{
    /// <summary>A host whose facts the test sets.</summary>
    public sealed class RecordedHost : IHostProbe
    {
        public string ComputerName { get; set; } = "recorded";
        public long? MemoryTotalBytes { get; set; }
        public SocketTable Sockets { get; set; } = SocketTable.Empty;
        public SocketTable ListeningSockets(System.Collections.Generic.ICollection<int> ports = null) => Sockets;
    }
}
