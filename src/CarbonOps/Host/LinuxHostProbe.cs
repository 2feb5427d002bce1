using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace CarbonOps.Host
{
    /// <summary>Reads /proc and /etc on Linux (and what of it exists on other Unix systems).</summary>
    public sealed class LinuxHostProbe : IHostProbe
    {
        private static readonly Regex RatedClock = new Regex(@"@\s*(?<n>\d+(\.\d+)?)\s*(?<u>[GM])Hz", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(10);

        private readonly string procRoot;
        private readonly string etcRoot;
        private readonly Lazy<long?> memoryTotal;
        private readonly Lazy<CpuFacts> cpu;
        private readonly Lazy<OsFacts> os;
        private readonly Lazy<MachineFacts> machine;
        private readonly Lazy<long?> openFiles = new Lazy<long?>(PosixNative.OpenFilesSoftLimit);

        public LinuxHostProbe(string procRoot = "/proc", string etcRoot = "/etc", string dmiRoot = "/sys/class/dmi/id")
        {
            machine = new Lazy<MachineFacts>(() => ReadMachine(dmiRoot));
            this.procRoot = procRoot;
            this.etcRoot = etcRoot;
            memoryTotal = new Lazy<long?>(() => ReadMemInfoKb(Path.Combine(procRoot, "meminfo"), "MemTotal") * 1024);
            cpu = new Lazy<CpuFacts>(ReadCpu);
            os = new Lazy<OsFacts>(ReadOs);
        }

        public string ComputerName => Environment.MachineName;

        public string HostName => Dns.GetHostName();

        public long? MemoryTotalBytes => memoryTotal.Value;

        public long? SwapTotalBytes => ReadMemInfoKb(Path.Combine(procRoot, "meminfo"), "SwapTotal") * 1024;

        public CpuFacts Cpu => cpu.Value;

        public OsFacts OperatingSystem => os.Value;

        public MachineFacts Machine => machine.Value;

        public long? OpenFilesLimit => openFiles.Value;

        public string GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

        public SocketTable ListeningSockets(ICollection<int> ports = null) => ProcNetTcp.Read(procRoot, ports: ports);

        public InboundFilter InboundFirewall() => FirewallReader.ReadLinux();

        public PendingSecurityUpdates SecurityUpdates() => SecurityUpdateReader.ReadLinux();

        public string ReadHostsFile()
        {
            var path = Path.Combine(etcRoot, "hosts");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }

        public NameResolution Resolve(string hostName)
        {
            var lookup = Task.Run(() => PosixNative.GetAddrInfo(hostName));
            if (!lookup.Wait(ResolveTimeout))
            {
                return new NameResolution(null, $"no answer within {ResolveTimeout.TotalSeconds:0} s");
            }
            return lookup.Result ?? DotNetResolve(hostName);
        }

        public FileSystemSpace FileSystemOf(string path)
        {
            var real = PosixNative.RealPath(path) ?? Path.GetFullPath(path);
            var mounts = Path.Combine(procRoot, "self", "mounts");
            var mountPoint = File.Exists(mounts) ? MountPointOf(real, File.ReadAllText(mounts)) : null;
            try
            {
                var drive = new DriveInfo(mountPoint ?? real);
                return new FileSystemSpace(mountPoint ?? real, drive.AvailableFreeSpace, drive.TotalSize);
            }
            catch (Exception ex) when (ex is IOException || ex is ArgumentException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>The longest mount point of /proc/self/mounts that holds <paramref name="path"/>.</summary>
        public static string MountPointOf(string path, string mountsText)
        {
            string best = null;
            foreach (var line in mountsText.Split('\n'))
            {
                var fields = line.Split(' ');
                if (fields.Length < 2)
                {
                    continue;
                }
                var mount = Unescape(fields[1]);
                var holds = mount == "/" || path == mount || path.StartsWith(mount + "/", StringComparison.Ordinal);
                if (holds && (best == null || mount.Length > best.Length))
                {
                    best = mount;
                }
            }
            return best;
        }

        // /proc/self/mounts writes space, tab, newline and backslash in a path as \040, \011, \012, \134.
        private static string Unescape(string field) => field.IndexOf('\\') < 0 ? field :
            Regex.Replace(field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());

        /// <summary>A "Key:   N kB" value of /proc/meminfo, in kB.</summary>
        /// <summary>sys_vendor, product_name and bios_version of the DMI folder (world-readable); null where there is none.</summary>
        public static MachineFacts ReadMachine(string dmiRoot)
        {
            string Read(string name)
            {
                try
                {
                    var path = Path.Combine(dmiRoot, name);
                    return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    return null;
                }
            }
            var vendor = Read("sys_vendor");
            var product = Read("product_name");
            var bios = Read("bios_version");
            return vendor == null && product == null && bios == null ? null : new MachineFacts(vendor, product, bios);
        }

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

        /// <summary>
        /// Processors of /proc/cpuinfo. Cores are the distinct (physical id, core id) pairs; the clock is the
        /// rated one of the model name ("@ 3.00GHz") where it says, else cpufreq's maximum, else the highest
        /// "cpu MHz" (the current clock, which power saving lowers).
        /// </summary>
        public static CpuFacts ParseCpuInfo(string text, double? cpufreqMaxMhz)
        {
            var blocks = Regex.Split(text.Replace("\r", ""), @"\n\s*\n")
                .Select(ParseBlock)
                .Where(b => b.ContainsKey("processor"))
                .ToList();
            if (blocks.Count == 0)
            {
                return null;
            }
            int? cores = null;
            if (blocks.All(b => b.ContainsKey("physical id") && b.ContainsKey("core id")))
            {
                cores = blocks.Select(b => b["physical id"] + "/" + b["core id"]).Distinct().Count();
            }
            var model = blocks.Select(b => b.TryGetValue("model name", out var m) ? m : null).FirstOrDefault(m => m != null);
            double? mhz = null;
            var rated = model == null ? Match.Empty : RatedClock.Match(model);
            if (rated.Success)
            {
                var n = double.Parse(rated.Groups["n"].Value, CultureInfo.InvariantCulture);
                mhz = rated.Groups["u"].Value.ToUpperInvariant() == "G" ? n * 1000 : n;
            }
            else if (cpufreqMaxMhz.HasValue)
            {
                mhz = cpufreqMaxMhz;
            }
            else
            {
                var current = blocks.Select(b => b.TryGetValue("cpu MHz", out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null)
                    .Where(v => v.HasValue).ToList();
                mhz = current.Count > 0 ? current.Max() : null;
            }
            return new CpuFacts(blocks.Count, cores, mhz, model);
        }

        private static Dictionary<string, string> ParseBlock(string block)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in block.Split('\n'))
            {
                var colon = line.IndexOf(':');
                if (colon > 0)
                {
                    values[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
                }
            }
            return values;
        }

        private CpuFacts ReadCpu()
        {
            var path = Path.Combine(procRoot, "cpuinfo");
            if (!File.Exists(path))
            {
                return null;
            }
            double? maxMhz = null;
            var freq = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq";
            if (procRoot == "/proc" && File.Exists(freq) && long.TryParse(File.ReadAllText(freq).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var khz))
            {
                maxMhz = khz / 1000.0;
            }
            return ParseCpuInfo(File.ReadAllText(path), maxMhz);
        }

        private OsFacts ReadOs()
        {
            var platform = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? HostPlatform.Linux
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? HostPlatform.MacOS
                : RuntimeInformation.OSDescription.IndexOf("SunOS", StringComparison.OrdinalIgnoreCase) >= 0 ? HostPlatform.Solaris
                : HostPlatform.Other;
            foreach (var candidate in new[] { Path.Combine(etcRoot, "os-release"), "/usr/lib/os-release" })
            {
                if (File.Exists(candidate))
                {
                    return OsFacts.FromOsRelease(File.ReadAllText(candidate), platform);
                }
            }
            return new OsFacts(platform, null, null, null, null, null, RuntimeInformation.OSDescription.Trim());
        }

        private static NameResolution DotNetResolve(string hostName)
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
    }
}
