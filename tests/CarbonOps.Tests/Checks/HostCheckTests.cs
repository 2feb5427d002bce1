using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Checks;
using CarbonOps.Checks.Host;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class HostCheckTests
    {
        private const long GiB = 1024L * 1024 * 1024;

        private static CheckResult Run(CarbonCheck check, RecordedHost host, CheckOptions options = null) =>
            CheckRunner.Run(check, new CheckContext(host, null, options ?? new CheckOptions()));

        [Theory]
        [InlineData(2, 2, 3000.0, CheckOutcome.Pass)]
        [InlineData(2, 2, 2970.0, CheckOutcome.Pass)] // within the 1% a measured clock wanders
        [InlineData(2, 2, 2969.0, CheckOutcome.Fail)]
        [InlineData(1, 2, 3400.0, CheckOutcome.Fail)] // one core, two hardware threads
        [InlineData(4, 8, 2400.0, CheckOutcome.Pass)] // 9.6 GHz of capacity
        [InlineData(4, 8, 1900.0, CheckOutcome.Fail)] // below the 2 GHz per-core floor
        public void APhysicalServerNeedsThreeGhzDualCore(int cores, int logical, double mhz, CheckOutcome expected)
        {
            var result = Run(new CpuCheck(), new RecordedHost { Cpu = new CpuFacts(logical, cores, mhz, "x") });
            Assert.Equal(expected, result.Outcome);
            Assert.StartsWith("6 GHz of capacity", result.Expected);
            Assert.StartsWith($"{cores} core", result.Actual);
        }

        [Theory]
        [InlineData(2, 1, CheckOutcome.Pass)]
        [InlineData(1, 1, CheckOutcome.Fail)]
        [InlineData(4, 3, CheckOutcome.Pass)]
        [InlineData(3, 3, CheckOutcome.Fail)]
        public void AVirtualMachineNeedsAComputeUnitForTheOsAndEachJvm(int vcpus, int instances, CheckOutcome expected)
        {
            var result = Run(new CpuCheck(), new RecordedHost { Cpu = new CpuFacts(vcpus, null, 2000, null) },
                new CheckOptions { Profile = HostProfile.VirtualMachine, InstanceCount = instances });
            Assert.Equal(expected, result.Outcome);
            Assert.StartsWith($"{1 + instances} compute units", result.Expected);
        }

        [Theory]
        [InlineData(4, CheckOutcome.Pass)]
        [InlineData(3, CheckOutcome.Fail)]
        public void ACassandraNodeNeedsFourCores(int cores, CheckOutcome expected)
        {
            var result = Run(new CpuCheck(), new RecordedHost { Cpu = new CpuFacts(cores * 2, cores, 2000, null) }, new CheckOptions { Profile = HostProfile.CassandraNode });
            Assert.Equal(expected, result.Outcome);
        }

        [Fact]
        public void UnreadableProcessorsAreSkipped()
        {
            Assert.Equal(CheckOutcome.Skipped, Run(new CpuCheck(), new RecordedHost()).Outcome);
        }

        [Theory]
        [InlineData(7.61, CheckOutcome.Pass)]  // just above 95% of 8 GB: MemTotal of an 8 GB machine
        [InlineData(7.59, CheckOutcome.Fail)]
        public void ACassandraNodeNeedsEightGb(double gb, CheckOutcome expected)
        {
            var result = Run(new MemoryCheck(), new RecordedHost { MemoryTotalBytes = (long)(gb * GiB) }, new CheckOptions { Profile = HostProfile.CassandraNode });
            Assert.Equal(expected, result.Outcome);
            Assert.StartsWith("8 GB", result.Expected);
        }

        [Fact]
        public void ALauncherWithALargerXmxRaisesTheMemoryNeeded()
        {
            using var temp = new TempFolder();
            var big = temp.CopyHome(TestPaths.SampleHome, "big");
            var script = Path.Combine(big, CarbonPaths.StartupScriptSh);
            File.WriteAllText(script, File.ReadAllText(script).Replace("-Xmx1024m", "-Xmx4g"));
            var homes = new[] { CarbonHome.Open(big), CarbonHome.Open(TestPaths.SampleHome) };
            var options = new CheckOptions { InstanceCount = 3, Homes = homes };

            // 2 (OS) + 4 (the -Xmx4g home) + 2 x 2 (the other home and the third instance) = 10 GB
            var pass = Run(new MemoryCheck(), new RecordedHost { MemoryTotalBytes = 10 * GiB }, options);
            Assert.Equal(CheckOutcome.Pass, pass.Outcome);
            Assert.Equal("10 GB (2 GB for the OS + 4 GB (-Xmx of big) + 2 GB x 2 instances)", pass.Expected);
            Assert.Equal(CheckOutcome.Fail, Run(new MemoryCheck(), new RecordedHost { MemoryTotalBytes = 9 * GiB }, options).Outcome);
        }

        private static RecordedHost Disks(long rootFreeGb, long optFreeGb = 0)
        {
            var host = new RecordedHost();
            host.FileSystems["/"] = new FileSystemSpace("/", rootFreeGb * GiB, 500 * GiB);
            if (optFreeGb > 0)
            {
                host.FileSystems["/opt"] = new FileSystemSpace("/opt", optFreeGb * GiB, 500 * GiB);
            }
            return host;
        }

        [Theory]
        [InlineData(30, 3, CheckOutcome.Pass)]
        [InlineData(29, 3, CheckOutcome.Fail)]
        [InlineData(10, 1, CheckOutcome.Pass)]
        [InlineData(9, 1, CheckOutcome.Fail)]
        public void WithoutHomesTheCurrentFolderNeedsTenGbPerInstance(long freeGb, int instances, CheckOutcome expected)
        {
            var result = Run(new DiskCheck(), Disks(freeGb), new CheckOptions { InstanceCount = instances, CurrentDirectory = "/root" });
            Assert.Equal(expected, result.Outcome);
            Assert.Equal($"{10 * instances} GB free on / (10 GB x {instances} instance{(instances == 1 ? "" : "s")})", result.Expected);
            Assert.Equal($"{freeGb}.0 GB free on /", result.Actual);
        }

        [Fact]
        public void EachFilesystemNeedsTenGbForEachHomeOnIt()
        {
            using var temp = new TempFolder();
            var homes = new[] { "a", "b", "c" }.Select(n => temp.CopyHome(TestPaths.SampleHome, n)).Select(CarbonHome.Open).ToList();
            var host = new RecordedHost();
            host.FileSystems[temp.Path] = new FileSystemSpace(temp.Path, 25 * GiB, 100 * GiB);
            host.FileSystems[homes[2].Path] = new FileSystemSpace(homes[2].Path, 10 * GiB, 100 * GiB);
            var options = new CheckOptions { InstanceCount = 3, Homes = homes };
            var result = Run(new DiskCheck(), host, options);
            Assert.Equal(CheckOutcome.Pass, result.Outcome);
            Assert.Contains($"20 GB free on {temp.Path} (10 GB x 2 instances)", result.Expected);
            Assert.Contains($"10 GB free on {homes[2].Path} (10 GB x 1 instance)", result.Expected);
            Assert.Equal($"{temp.Path}, {homes[2].Path}", result.Target);

            host.FileSystems[temp.Path] = new FileSystemSpace(temp.Path, 19 * GiB, 100 * GiB);
            var short_ = Run(new DiskCheck(), host, options);
            Assert.Equal(CheckOutcome.Fail, short_.Outcome);
            Assert.Equal($"{temp.Path} has 19.0 GB free; 2 instance(s) need 20 GB.", short_.Message);
        }

        [Fact]
        public void InstancesBeyondTheHomesCountOnTheFirstHomesFilesystem()
        {
            using var temp = new TempFolder();
            var homes = new[] { CarbonHome.Open(temp.CopyHome(TestPaths.SampleHome)) };
            var host = new RecordedHost();
            host.FileSystems[temp.Path] = new FileSystemSpace(temp.Path, 30 * GiB, 100 * GiB);
            var result = Run(new DiskCheck(), host, new CheckOptions { InstanceCount = 3, Homes = homes });
            Assert.Equal(CheckOutcome.Pass, result.Outcome);
            Assert.Contains("30 GB free", result.Expected);
        }

        [Theory]
        [InlineData("ID=rhel\nNAME=\"Red Hat Enterprise Linux\"\nVERSION=\"9.4 (Plow)\"\nPRETTY_NAME=\"Red Hat Enterprise Linux 9.4 (Plow)\"", CheckOutcome.Pass)]
        [InlineData("ID=rhel\nNAME=\"Red Hat Enterprise Linux Server\"\nVERSION=\"7.9 (Maipo)\"\nPRETTY_NAME=\"Red Hat Enterprise Linux Server 7.9 (Maipo)\"", CheckOutcome.Fail)]
        [InlineData("ID=ubuntu\nVERSION_ID=\"22.04\"\nVERSION=\"22.04.4 LTS (Jammy Jellyfish)\"\nPRETTY_NAME=\"Ubuntu 22.04.4 LTS\"", CheckOutcome.Pass)]
        [InlineData("ID=ubuntu\nVERSION_ID=\"14.04\"\nVERSION=\"14.04.6 LTS, Trusty Tahr\"\nPRETTY_NAME=\"Ubuntu 14.04.6 LTS\"", CheckOutcome.Fail)]
        [InlineData("ID=\"centos\"\nID_LIKE=\"rhel fedora\"\nPRETTY_NAME=\"CentOS Linux 7 (Core)\"", CheckOutcome.Warning)]
        [InlineData("ID=debian\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"", CheckOutcome.Warning)]
        public void RedHatOrUbuntuLtsAreRecommended(string osRelease, CheckOutcome expected)
        {
            var host = new RecordedHost { OperatingSystem = RecordedHost.Linux(osRelease) };
            var result = Run(new OsDistributionCheck(), host, new CheckOptions { Today = new System.DateTime(2026, 12, 3) });
            Assert.Equal(expected, result.Outcome);
            if (expected == CheckOutcome.Warning)
            {
                Assert.Equal(host.OperatingSystem.PrettyName, result.Actual);
                Assert.Contains(host.OperatingSystem.PrettyName, result.Message);
            }
        }

        [Theory]
        [InlineData("Windows Server 2008 R2 Enterprise", CheckOutcome.Fail)]
        [InlineData("Windows Server 2019 Standard", CheckOutcome.Warning)]
        [InlineData("Windows 7 Professional", CheckOutcome.Warning)]
        public void WindowsReportsItsEdition(string product, CheckOutcome expected)
        {
            var host = new RecordedHost { OperatingSystem = new OsFacts(HostPlatform.Windows, "ServerEnterprise", null, product, "7601", null, product) };
            var result = Run(new OsDistributionCheck(), host, new CheckOptions { Today = new System.DateTime(2026, 12, 3) });
            Assert.Equal(expected, result.Outcome);
            Assert.StartsWith(product, result.Actual);
        }

        [Fact]
        public void TheHostNameMustResolveBeyondLoopback()
        {
            var host = new RecordedHost { HostName = "web01", OperatingSystem = RecordedHost.Linux("ID=rhel") };
            host.Names["web01"] = new[] { "127.0.0.1", "::1" };
            var loopback = Run(new HostnameResolvesCheck(), host);
            Assert.Equal(CheckOutcome.Fail, loopback.Outcome);
            Assert.Equal("web01 -> 127.0.0.1, ::1", loopback.Actual);

            host.Names["web01"] = new[] { "127.0.1.1", "10.0.0.5" };
            Assert.Equal(CheckOutcome.Pass, Run(new HostnameResolvesCheck(), host).Outcome);

            host.Names.Clear();
            var none = Run(new HostnameResolvesCheck(), host);
            Assert.Equal(CheckOutcome.Fail, none.Outcome);
            Assert.Contains("does not resolve", none.Message);
        }

        [Theory]
        [InlineData("10.0.0.5 web01.example.com web01\n127.0.0.1 localhost\n", CheckOutcome.Pass)]
        [InlineData("127.0.0.1 localhost\n10.0.0.5 web01.example.com web01\n", CheckOutcome.Fail)]
        [InlineData("127.0.0.1 localhost web01\n", CheckOutcome.Fail)]
        [InlineData("# 10.0.0.5 web01\n127.0.0.1 localhost\n", CheckOutcome.Fail)]
        public void OnSuseTheHostsFileMustMapTheNameAboveLocalhost(string hosts, CheckOutcome expected)
        {
            var host = new RecordedHost { HostName = "web01", HostsFile = hosts, OperatingSystem = RecordedHost.Linux("ID=\"sles\"\nID_LIKE=\"suse\"") };
            host.Names["web01"] = new[] { "10.0.0.5" }; // DNS would answer, but SUSE goes by /etc/hosts
            Assert.Equal(expected, Run(new HostnameResolvesCheck(), host).Outcome);
        }

        private static string AntHome(TempFolder temp, string version)
        {
            var jar = Path.Combine(temp.Path, "ant", "lib", "ant.jar");
            Directory.CreateDirectory(Path.GetDirectoryName(jar));
            using var zip = System.IO.Compression.ZipFile.Open(jar, System.IO.Compression.ZipArchiveMode.Create);
            using var entry = new StreamWriter(zip.CreateEntry("org/apache/tools/ant/version.txt").Open());
            entry.Write($"VERSION={version}\nDATE=October 10 2012\n");
            return Path.Combine(temp.Path, "ant");
        }

        [Theory]
        [InlineData("1.7.0", CheckOutcome.Pass)]
        [InlineData("1.10.13", CheckOutcome.Pass)]
        [InlineData("1.6.5", CheckOutcome.Fail)]
        public void AntIsReadFromItsJar(string version, CheckOutcome expected)
        {
            using var temp = new TempFolder();
            var host = new RecordedHost();
            host.Environment["ANT_HOME"] = AntHome(temp, version);
            var result = Run(new AntCheck(), host);
            Assert.Equal(expected, result.Outcome);
            Assert.StartsWith(version + " at ", result.Actual);
        }

        [PosixFact]
        public void AntOnPathIsFoundThroughItsLink()
        {
            using var temp = new TempFolder();
            var home = AntHome(temp, "1.9.4");
            Fixtures.Script(temp, "ant/bin/ant", "exit 0\n");
            Directory.CreateDirectory(Path.Combine(temp.Path, "usr-bin"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "usr-bin", "ant"), Path.Combine(home, "bin", "ant"));
            var host = new RecordedHost();
            host.Environment["PATH"] = "/nonexistent:" + Path.Combine(temp.Path, "usr-bin");
            var result = Run(new AntCheck(), host);
            Assert.Equal(CheckOutcome.Pass, result.Outcome);
            Assert.Equal($"1.9.4 at {home}", result.Actual);
        }

        [Fact]
        public void MissingAntIsAWarningAndBuildToolsOnlyMatterWhenBuilding()
        {
            var host = new RecordedHost();
            Assert.Equal(CheckOutcome.Warning, Run(new AntCheck(), host).Outcome);
            Assert.Equal(CheckOutcome.Skipped, Run(new MavenCheck(), host).Outcome);
            Assert.Equal(CheckOutcome.Skipped, Run(new SvnCheck(), host).Outcome);
            var building = new CheckOptions { BuildFromSource = true };
            Assert.Equal(CheckOutcome.Fail, Run(new MavenCheck(), host, building).Outcome);
            Assert.Equal(CheckOutcome.Fail, Run(new SvnCheck(), host, building).Outcome);
        }

        [Theory]
        [InlineData("3.0.5", CheckOutcome.Pass)]
        [InlineData("2.2.1", CheckOutcome.Fail)]
        public void MavenIsReadFromMavenCore(string version, CheckOutcome expected)
        {
            using var temp = new TempFolder();
            var jar = Path.Combine(temp.Path, "maven", "lib", $"maven-core-{version}.jar");
            Directory.CreateDirectory(Path.GetDirectoryName(jar));
            using (var zip = System.IO.Compression.ZipFile.Open(jar, System.IO.Compression.ZipArchiveMode.Create))
            using (var entry = new StreamWriter(zip.CreateEntry("META-INF/maven/org.apache.maven/maven-core/pom.properties").Open()))
            {
                entry.Write($"#Generated by Maven\nversion={version}\ngroupId=org.apache.maven\nartifactId=maven-core\n");
            }
            var host = new RecordedHost();
            host.Environment["M2_HOME"] = Path.Combine(temp.Path, "maven");
            var result = Run(new MavenCheck(), host, new CheckOptions { BuildFromSource = true });
            Assert.Equal(expected, result.Outcome);
            Assert.StartsWith(version, result.Actual);
        }

        [PosixFact]
        public void SvnIsAskedForItsVersion()
        {
            using var temp = new TempFolder();
            Fixtures.Script(temp, "bin/svn", "echo 1.8.10\n");
            var host = new RecordedHost();
            host.Environment["PATH"] = Path.Combine(temp.Path, "bin");
            var result = Run(new SvnCheck(), host, new CheckOptions { BuildFromSource = true });
            Assert.Equal(CheckOutcome.Pass, result.Outcome);
            Assert.StartsWith("1.8.10 at ", result.Actual);
        }

        [Fact]
        public void EveryHostCheckReadsEachFactOnceAndRunsInOneCall()
        {
            var host = new RecordedHost { MemoryTotalBytes = 8 * GiB, Cpu = new CpuFacts(2, 2, 3000, null), OperatingSystem = RecordedHost.Linux("ID=rhel"), HostName = "h" };
            host.FileSystems["/"] = new FileSystemSpace("/", 100 * GiB, 200 * GiB);
            var context = new CheckContext(host, null, new CheckOptions { CurrentDirectory = "/srv" });
            var results = CheckCatalog.All.Where(c => c.Scope == CheckScope.Host).Select(c => CheckRunner.Run(c, context)).ToList();
            Assert.DoesNotContain(results, r => r.Outcome == CheckOutcome.Error);
            Assert.Equal(1, host.FileSystemReads);
            Assert.Contains(results, r => r.CheckId == "Java.Version" && r.Outcome == CheckOutcome.Fail && r.Actual == "no Java");
        }
    }
}
