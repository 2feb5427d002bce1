using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Checks;
using CarbonOps.Checks.Product;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class NetworkCheckTests
    {
        private static CheckResult Evaluate(CarbonCheck check, string home, RecordedHost host, params string[] all) =>
            CheckRunner.Run(check, new CheckContext(host, CarbonHome.Open(home), new CheckOptions { Homes = all.Select(CarbonHome.Open).ToList() }));

        private static SocketTable Listening(int port, int pid, string carbonHome) =>
            new SocketTable(new[] { new ListeningSocket("IPv4", "0.0.0.0", port, pid, "java", "wso2", carbonHome) }, true, null);

        [Fact]
        public void AnotherHomeWithTheSamePortsFailsBothWays()
        {
            using var temp = new TempFolder();
            var a = temp.CopyHome(TestPaths.SampleHome, "a");
            var b = temp.CopyHome(TestPaths.SampleHome, "b");
            var result = Evaluate(new PortConflictCheck(), a, new RecordedHost(), a, b);
            Assert.Equal(CheckOutcome.Fail, result.Outcome);
            Assert.Contains($"9443 (Servlet HTTPS transport): {Path.GetFullPath(b)} (Servlet HTTPS transport)", result.Actual);
            Assert.Equal(CheckOutcome.Pass, Evaluate(new PortConflictCheck(), a, new RecordedHost(), a).Outcome);
        }

        [Fact]
        public void AForeignListenerIsAConflictButTheHomesOwnJvmIsNot()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var foreign = Evaluate(new PortConflictCheck(), home, new RecordedHost { Sockets = Listening(9999, 4321, null) }, home);
            Assert.Equal(CheckOutcome.Fail, foreign.Outcome);
            Assert.Contains("process 4321 (java, user wso2) listening on 0.0.0.0:9999", foreign.Actual);
            var own = Evaluate(new PortConflictCheck(), home, new RecordedHost { Sockets = Listening(9999, 4321, home) }, home);
            Assert.Equal(CheckOutcome.Pass, own.Outcome);
        }

        [Fact]
        public void TheExposedPortsAreTheGuidesListWithTheOffset()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var carbonXml = Path.Combine(home, CarbonPaths.CarbonXml);
            File.WriteAllText(carbonXml, File.ReadAllText(carbonXml).Replace("<Offset>0</Offset>", "<Offset>1</Offset>"));
            var result = Evaluate(new ExposedPortsCheck(), home, new RecordedHost(), home);
            Assert.Equal(CheckOutcome.Pass, result.Outcome);
            Assert.Equal("9444/tcp (Servlet HTTPS transport), 9764/tcp (Servlet HTTP transport), 10000/tcp (JMX RMI registry), "
                + "8281/tcp (Pass-through HTTP transport), 8244/tcp (Pass-through HTTPS transport)", result.Actual);
        }

        [Fact]
        public void TestCarbonHostComparesTheHomesItIsGiven()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var a = temp.CopyHome(TestPaths.SampleHome, "a");
            var b = temp.CopyHome(TestPaths.SampleHome, "b");
            var results = ps.Run("param($a, $b) Get-CarbonInstance $a, $b | Test-CarbonHost -CheckId Network.*", new Hashtable { ["a"] = a, ["b"] = b }).Of<CheckResult>().ToList();
            Assert.Equal(2, results.Count(r => r.CheckId == "Network.PortConflict" && r.Outcome == CheckOutcome.Fail));
            Assert.Equal(2, results.Count(r => r.CheckId == "Network.ExposedPorts" && r.Outcome == CheckOutcome.Pass));
        }
    }
}
