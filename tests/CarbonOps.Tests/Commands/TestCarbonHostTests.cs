using System.Collections;
using System.Globalization;
using System.IO;
using System.Linq;
using CarbonOps.Checks;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    /// <summary>Test-CarbonHost against this machine, hosted in process.</summary>
    public class TestCarbonHostTests
    {
        private static CheckResult[] Run(string script, Hashtable parameters = null)
        {
            using var ps = new PowerShellRunner();
            var output = ps.Run(script, parameters);
            Assert.Empty(output.Errors);
            return output.Of<CheckResult>().ToArray();
        }

        [Fact]
        public void EveryHostCheckRunsOnceAndEveryProductCheckPerHome()
        {
            using var temp = new TempFolder();
            var second = temp.CopyHome(TestPaths.SampleHome);
            var results = Run("param($a, $b) Test-CarbonHost $a, $b", new Hashtable { ["a"] = TestPaths.SampleHome, ["b"] = second });
            foreach (var check in CheckCatalog.All)
            {
                // The online checks run only with -Online (OnlineCheckTests).
                Assert.Equal(check.RequiresOnline ? 0 : check.Scope == CheckScope.Host ? 1 : 2, results.Count(r => r.CheckId == check.Id));
            }
            Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.Message) && r.Outcome != CheckOutcome.Pass, r.CheckId));
        }

        [Fact]
        public void AVirtualMachineForThreeInstancesNeedsMoreMemoryDiskAndCpu()
        {
            var plain = Run("Test-CarbonHost -CheckId Host.Memory, Host.Disk, Host.Cpu");
            var vm = Run("Test-CarbonHost -Profile VirtualMachine -InstanceCount 3 -CheckId Host.Memory, Host.Disk, Host.Cpu");
            Assert.StartsWith("4 GB (2 GB for the OS + 2 GB x 1 instance)", plain.Single(r => r.CheckId == "Host.Memory").Expected);
            Assert.StartsWith("8 GB (2 GB for the OS + 2 GB x 3 instances)", vm.Single(r => r.CheckId == "Host.Memory").Expected);
            Assert.StartsWith("10 GB free on ", plain.Single(r => r.CheckId == "Host.Disk").Expected);
            Assert.StartsWith("30 GB free on ", vm.Single(r => r.CheckId == "Host.Disk").Expected);
            Assert.StartsWith("6 GHz of capacity", plain.Single(r => r.CheckId == "Host.Cpu").Expected);
            Assert.StartsWith("4 compute units", vm.Single(r => r.CheckId == "Host.Cpu").Expected);
        }

        [LinuxFact]
        public void TheFactsAreThoseOfThisMachine()
        {
            var results = Run("Test-CarbonHost");
            var memKb = long.Parse(Fixtures.Shell("awk '/^MemTotal:/ {print $2}' /proc/meminfo"), CultureInfo.InvariantCulture);
            Assert.Equal((memKb / 1024.0 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " GB", results.Single(r => r.CheckId == "Host.Memory").Actual);
            var os = Fixtures.Shell(". /etc/os-release && echo \"$PRETTY_NAME\"");
            Assert.Equal(os, results.Single(r => r.CheckId == "Os.Distribution").Actual);
            var hostname = Fixtures.Shell("hostname");
            Assert.StartsWith(hostname + " ", results.Single(r => r.CheckId == "Host.HostnameResolves").Actual);
            Assert.Matches(@"^\d+ (cores?|logical processors?)", results.Single(r => r.CheckId == "Host.Cpu").Actual);
            Assert.DoesNotContain(results, r => r.Outcome == CheckOutcome.Error);
        }

        [PosixFact]
        public void AFixtureJdkNamedByJavaHomeIsChecked()
        {
            var results = Run("param($j) Test-CarbonHost -JavaHome $j -Category Java", new Hashtable { ["j"] = Fixtures.Jdk("oracle-jdk1.7.0_80") });
            Assert.Equal(CheckOutcome.Pass, results.Single(r => r.CheckId == "Java.Version").Outcome);
            Assert.Equal(CheckOutcome.Pass, results.Single(r => r.CheckId == "Java.Vendor").Outcome);
            Assert.Equal(CheckOutcome.Pass, results.Single(r => r.CheckId == "Java.Home").Outcome);
            Assert.Equal(CheckOutcome.Skipped, results.Single(r => r.CheckId == "Java.JcePolicy").Outcome);
        }

        [Fact]
        public void AMissingJavaHomeGivesErrorResultsNotExceptions()
        {
            using var temp = new TempFolder();
            var missing = Path.Combine(temp.Path, "no-jdk");
            var results = Run("param($j) Test-CarbonHost -JavaHome $j -CheckId Java.Version, Java.Home", new Hashtable { ["j"] = missing });
            Assert.All(results, r => Assert.Equal(CheckOutcome.Error, r.Outcome));
            Assert.All(results, r => Assert.Contains(missing, r.Message));
        }

        [JavaFact]
        public void TheMachinesOwnJavaIsJudgedByItsVersion()
        {
            var home = Fixtures.RealJavaHome();
            var version = System.Text.RegularExpressions.Regex.Match(Fixtures.Shell($"'{home}/bin/java' -version 2>&1"), "version \"([^\"]+)\"").Groups[1].Value;
            var result = Run("param($j) Test-CarbonHost -JavaHome $j -CheckId Java.Version", new Hashtable { ["j"] = home }).Single();
            var supported = version.StartsWith("1.7.") || version.StartsWith("1.6.");
            Assert.StartsWith(version + " (", result.Actual);
            if (!supported && !version.StartsWith("1."))
            {
                Assert.Equal(CheckOutcome.Fail, result.Outcome);
                Assert.Equal($"Java {version} is not supported by Carbon 4.2.0, which runs on JDK 1.6 and 1.7 only.", result.Message);
            }
        }

        [Fact]
        public void BuildingFromSourceChecksMavenAndSvn()
        {
            var plain = Run("Test-CarbonHost -CheckId Apps.Maven, Apps.Svn");
            Assert.All(plain, r => Assert.Equal(CheckOutcome.Skipped, r.Outcome));
            var building = Run("Test-CarbonHost -CheckId Apps.Maven, Apps.Svn -BuildFromSource");
            Assert.All(building, r => Assert.NotEqual(CheckOutcome.Skipped, r.Outcome));
        }
    }
}
