using System.Globalization;
using System.IO;
using System.Linq;
using CarbonOps.Host;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Host
{
    public class HostProbeTests
    {
        private const string IntelTwoCoresFourThreads =
            "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) CPU E3-1220 v2 @ 3.10GHz\nphysical id\t: 0\ncore id\t\t: 0\ncpu MHz\t\t: 1600.000\n\n" +
            "processor\t: 1\nmodel name\t: Intel(R) Xeon(R) CPU E3-1220 v2 @ 3.10GHz\nphysical id\t: 0\ncore id\t\t: 1\ncpu MHz\t\t: 1600.000\n\n" +
            "processor\t: 2\nmodel name\t: Intel(R) Xeon(R) CPU E3-1220 v2 @ 3.10GHz\nphysical id\t: 0\ncore id\t\t: 0\ncpu MHz\t\t: 3100.000\n\n" +
            "processor\t: 3\nmodel name\t: Intel(R) Xeon(R) CPU E3-1220 v2 @ 3.10GHz\nphysical id\t: 0\ncore id\t\t: 1\ncpu MHz\t\t: 1600.000\n\n";

        [Fact]
        public void CpuInfoCountsCoresAndTakesTheRatedClock()
        {
            var cpu = LinuxHostProbe.ParseCpuInfo(IntelTwoCoresFourThreads, 3500);
            Assert.Equal(4, cpu.LogicalProcessors);
            Assert.Equal(2, cpu.Cores);
            Assert.Equal(3100, cpu.Mhz);
        }

        [Fact]
        public void WithoutARatedClockCpufreqThenTheHighestCurrentClockIsUsed()
        {
            var amd = "processor\t: 0\nmodel name\t: AMD EPYC\ncpu MHz\t\t: 2596.138\n\nprocessor\t: 1\nmodel name\t: AMD EPYC\ncpu MHz\t\t: 2600.5\n";
            Assert.Equal(2800, LinuxHostProbe.ParseCpuInfo(amd, 2800).Mhz);
            var cpu = LinuxHostProbe.ParseCpuInfo(amd, null);
            Assert.Equal(2600.5, cpu.Mhz);
            Assert.Null(cpu.Cores);
            Assert.Equal(2, cpu.CoreCount);
        }

        [Fact]
        public void AnArmCpuInfoHasNoClock()
        {
            var cpu = LinuxHostProbe.ParseCpuInfo("processor\t: 0\nBogoMIPS\t: 48.00\nCPU implementer\t: 0x41\n\nprocessor\t: 1\nBogoMIPS\t: 48.00\n", null);
            Assert.Equal(2, cpu.LogicalProcessors);
            Assert.Null(cpu.Mhz);
            Assert.Null(LinuxHostProbe.ParseCpuInfo("", null));
        }

        [Fact]
        public void TheLongestMountPointHoldsAPath()
        {
            const string mounts = "/dev/vda / ext4 rw 0 0\n/dev/vdb /opt ext4 rw 0 0\n/dev/vdc /opt/wso2\\040data xfs rw 0 0\ntmpfs /optional tmpfs rw 0 0\n";
            Assert.Equal("/opt", LinuxHostProbe.MountPointOf("/opt/wso2esb-4.8.1", mounts));
            Assert.Equal("/opt/wso2 data", LinuxHostProbe.MountPointOf("/opt/wso2 data/is", mounts));
            Assert.Equal("/", LinuxHostProbe.MountPointOf("/srv/esb", mounts));
            Assert.Equal("/opt", LinuxHostProbe.MountPointOf("/opt", mounts));
        }

        [Fact]
        public void OsReleaseValuesAreUnquoted()
        {
            var os = OsFacts.FromOsRelease("# comment\nNAME=\"Ubuntu\"\nVERSION=\"14.04.6 LTS, Trusty Tahr\"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME='Ubuntu 14.04.6 LTS'\nVERSION_ID=\"14.04\"\n");
            Assert.Equal("ubuntu", os.Id);
            Assert.Equal("debian", os.IdLike);
            Assert.Equal("14.04.6 LTS, Trusty Tahr", os.Version);
            Assert.Equal("Ubuntu 14.04.6 LTS", os.Display);
        }

        [LinuxFact]
        public void TheRealProbeAgreesWithWhatTheShellReads()
        {
            var probe = new LinuxHostProbe();
            Assert.Equal(long.Parse(Fixtures.Shell("awk '/^MemTotal:/ {print $2}' /proc/meminfo"), CultureInfo.InvariantCulture) * 1024, probe.MemoryTotalBytes);
            Assert.Equal(long.Parse(Fixtures.Shell("awk '/^SwapTotal:/ {print $2}' /proc/meminfo"), CultureInfo.InvariantCulture) * 1024, probe.SwapTotalBytes);
            Assert.Equal(int.Parse(Fixtures.Shell("nproc --all"), CultureInfo.InvariantCulture), probe.Cpu.LogicalProcessors);
            Assert.True(probe.Cpu.Mhz > 0 || probe.Cpu.Mhz == null);
            var limit = Fixtures.Shell("ulimit -n");
            Assert.Equal(limit == "unlimited" ? long.MaxValue : long.Parse(limit, CultureInfo.InvariantCulture), probe.OpenFilesLimit);
            Assert.Equal(Fixtures.Shell(". /etc/os-release && echo \"$ID\""), probe.OperatingSystem.Id);
            Assert.Equal(Fixtures.Shell(". /etc/os-release && echo \"$PRETTY_NAME\""), probe.OperatingSystem.PrettyName);
            Assert.Equal(Fixtures.Shell("hostname"), probe.HostName);
            Assert.Equal(File.ReadAllText("/etc/hosts"), probe.ReadHostsFile());
        }

        [LinuxFact]
        public void FreeSpaceAndMountPointAreDfs()
        {
            var probe = new LinuxHostProbe();
            var path = TestPaths.SampleHome;
            var df = Fixtures.Shell($"df -P -B1 '{path}' | tail -1").Split(' ', System.StringSplitOptions.RemoveEmptyEntries);
            var fs = probe.FileSystemOf(path);
            Assert.Equal(df[5], fs.MountPoint);
            Assert.Equal(long.Parse(df[1], CultureInfo.InvariantCulture), fs.TotalBytes);
            // Free space moves while other processes write; a megabyte either way is the same reading.
            Assert.InRange(fs.AvailableBytes, long.Parse(df[3], CultureInfo.InvariantCulture) - 64L * 1024 * 1024, long.Parse(df[3], CultureInfo.InvariantCulture) + 64L * 1024 * 1024);
        }

        [LinuxFact]
        public void TheHostNameResolvesAsGetentSaysNotAsDotNetSays()
        {
            var probe = new LinuxHostProbe();
            var name = probe.HostName;
            var getent = Fixtures.Shell($"getent ahostsv4 '{name}' | awk '{{print $1}}' | sort -u").Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            var resolved = probe.Resolve(name).Addresses.Where(a => !a.Contains(':')).OrderBy(a => a).ToArray();
            Assert.Equal(getent.OrderBy(a => a).ToArray(), resolved);
            Assert.Empty(probe.Resolve("no-such-host.invalid").Addresses);
            Assert.NotNull(probe.Resolve("no-such-host.invalid").Error);
        }
    }
}
