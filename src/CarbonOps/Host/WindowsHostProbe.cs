using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace CarbonOps.Host
{
    /// <summary>
    /// Documented Win32 APIs on Windows: GlobalMemoryStatusEx, the registry (CentralProcessor\0, CurrentVersion),
    /// GetVolumePathName and GetDiskFreeSpaceEx. Not read here: physical cores (Cores is null; the logical
    /// processors stand in) and an open-files limit (Windows has none).
    /// </summary>
    public sealed class WindowsHostProbe : IHostProbe
    {
        private static readonly IntPtr LocalMachine = new IntPtr(unchecked((int)0x80000002));
        private const string ProcessorKey = @"HARDWARE\DESCRIPTION\System\CentralProcessor\0";
        private const string CurrentVersionKey = @"SOFTWARE\Microsoft\Windows NT\CurrentVersion";
        private const string BiosKey = @"HARDWARE\DESCRIPTION\System\BIOS";

        private readonly Lazy<MemoryStatusEx?> memory = new Lazy<MemoryStatusEx?>(ReadMemory);
        private readonly Lazy<CpuFacts> cpu = new Lazy<CpuFacts>(ReadCpu);
        private readonly Lazy<OsFacts> os = new Lazy<OsFacts>(ReadOs);
        private readonly Lazy<MachineFacts> machine = new Lazy<MachineFacts>(() => new MachineFacts(
            RegistryString(BiosKey, "SystemManufacturer"), RegistryString(BiosKey, "SystemProductName"), RegistryString(BiosKey, "BIOSVersion")));

        public string ComputerName => Environment.MachineName;

        public string HostName => Dns.GetHostName();

        public long? MemoryTotalBytes => memory.Value.HasValue ? (long)memory.Value.Value.TotalPhys : (long?)null;

        /// <summary>The commit limit less the RAM: the size of the page files.</summary>
        public long? SwapTotalBytes
        {
            get
            {
                var status = ReadMemory();
                return status.HasValue ? Math.Max(0L, (long)status.Value.TotalPageFile - (long)status.Value.TotalPhys) : (long?)null;
            }
        }

        public CpuFacts Cpu => cpu.Value;

        public OsFacts OperatingSystem => os.Value;

        public MachineFacts Machine => machine.Value;

        public long? OpenFilesLimit => null;

        public string GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

        public SocketTable ListeningSockets(ICollection<int> ports = null) => WindowsTcpTable.Read(ports);

        public InboundFilter InboundFirewall() => FirewallReader.ReadWindows();

        public PendingSecurityUpdates SecurityUpdates() =>
            PendingSecurityUpdates.Unknown("Windows Update", "Pending Windows updates are not read: Windows Update keeps no local list this module reads without its service.");

        public string ReadHostsFile()
        {
            var path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "drivers", "etc", "hosts");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }

        public NameResolution Resolve(string hostName)
        {
            try
            {
                return new NameResolution(Dns.GetHostAddresses(hostName).Select(a => a.ToString()).ToList());
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                return new NameResolution(null, ex.Message);
            }
        }

        public FileSystemSpace FileSystemOf(string path)
        {
            var full = Path.GetFullPath(path);
            var volume = new StringBuilder(1024);
            var mountPoint = GetVolumePathNameW(full, volume, (uint)volume.Capacity) ? volume.ToString() : Path.GetPathRoot(full);
            return GetDiskFreeSpaceExW(mountPoint, out var available, out var total, out _)
                ? new FileSystemSpace(mountPoint, (long)available, (long)total)
                : null;
        }

        private static MemoryStatusEx? ReadMemory()
        {
            var status = new MemoryStatusEx { Length = (uint)Marshal.SizeOf(typeof(MemoryStatusEx)) };
            return GlobalMemoryStatusEx(ref status) ? status : (MemoryStatusEx?)null;
        }

        private static CpuFacts ReadCpu()
        {
            var mhz = RegistryDword(ProcessorKey, "~MHz");
            return new CpuFacts(Environment.ProcessorCount, null, mhz, RegistryString(ProcessorKey, "ProcessorNameString")?.Trim());
        }

        private static OsFacts ReadOs()
        {
            var product = RegistryString(CurrentVersionKey, "ProductName");
            var build = RegistryString(CurrentVersionKey, "CurrentBuild");
            // Windows 11 kept "Windows 10" in ProductName; the build number tells them apart.
            if (product != null && product.StartsWith("Windows 10", StringComparison.Ordinal) &&
                int.TryParse(build, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 22000)
            {
                product = "Windows 11" + product.Substring("Windows 10".Length);
            }
            return new OsFacts(HostPlatform.Windows, RegistryString(CurrentVersionKey, "EditionID"), null, product,
                build, RegistryString(CurrentVersionKey, "DisplayVersion"), product);
        }

        private static string RegistryString(string key, string value)
        {
            var size = 0u;
            if (RegGetValueW(LocalMachine, key, value, 0x2, IntPtr.Zero, null, ref size) != 0 || size == 0)
            {
                return null;
            }
            var buffer = new byte[size];
            return RegGetValueW(LocalMachine, key, value, 0x2, IntPtr.Zero, buffer, ref size) == 0
                ? Encoding.Unicode.GetString(buffer, 0, (int)size).TrimEnd('\0')
                : null;
        }

        private static double? RegistryDword(string key, string value)
        {
            var buffer = new byte[4];
            var size = 4u;
            return RegGetValueW(LocalMachine, key, value, 0x10, IntPtr.Zero, buffer, ref size) == 0 ? BitConverter.ToUInt32(buffer, 0) : (double?)null;
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

        [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool GetVolumePathNameW(string fileName, StringBuilder volumePathName, uint bufferLength);

        [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool GetDiskFreeSpaceExW(string directory, out ulong freeBytesAvailable, out ulong totalBytes, out ulong totalFreeBytes);

        [DllImport("advapi32.dll", CharSet = CharSet.Unicode)]
        private static extern int RegGetValueW(IntPtr key, string subKey, string value, uint flags, IntPtr type, byte[] data, ref uint dataSize);
    }
}
