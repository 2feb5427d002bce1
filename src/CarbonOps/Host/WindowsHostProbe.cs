using System;
using System.Runtime.InteropServices;

namespace CarbonOps.Host
{
    /// <summary>Documented Win32 APIs on Windows.</summary>
    public sealed class WindowsHostProbe : IHostProbe
    {
        private readonly Lazy<long?> memoryTotal = new Lazy<long?>(ReadMemory);

        public string ComputerName => Environment.MachineName;

        public long? MemoryTotalBytes => memoryTotal.Value;

        public SocketTable ListeningSockets(System.Collections.Generic.ICollection<int> ports = null) => WindowsTcpTable.Read(ports);

        private static long? ReadMemory()
        {
            var status = new MemoryStatusEx { Length = (uint)Marshal.SizeOf(typeof(MemoryStatusEx)) };
            return GlobalMemoryStatusEx(ref status) ? (long)status.TotalPhys : (long?)null;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct MemoryStatusEx
        {
            public uint Length;
            public uint MemoryLoad;
            public ulong TotalPhys;
            public ulong AvailPhys;
            public ulong TotalPageFile;
            public ulong AvailPageFile;
            public ulong TotalVirtual;
            public ulong AvailVirtual;
            public ulong AvailExtendedVirtual;
        }

        [DllImport("kernel32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool GlobalMemoryStatusEx(ref MemoryStatusEx buffer);
    }
}
