using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using CarbonOps.Checks;
using CarbonOps.Checks.Host;
using CarbonOps.Host;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class ListeningServicesCheckTests
    {
        private static CheckResult Evaluate(SocketTable sockets) =>
            CheckRunner.Run(new ListeningServicesCheck(), new CheckContext(new RecordedHost { Sockets = sockets }, null, new CheckOptions()));

        private static ListeningSocket Socket(string address, int port, int pid, string process, string carbonHome = null) =>
            new ListeningSocket(address.Contains(':') ? "IPv6" : "IPv4", address, port, pid, process, "svc", carbonHome);

        [Fact]
        public void CarbonSshdAndLoopbackServicesPass()
        {
            var table = new SocketTable(new[]
            {
                Socket("0.0.0.0", 22, 10, "sshd"),
                Socket("::", 22, 10, "sshd"),
                Socket("0.0.0.0", 9443, 20, "java", "/opt/wso2esb"),
                Socket("127.0.0.1", 3306, 30, "mariadbd"),
                Socket("::1", 5432, 31, "postgres"),
                Socket("::ffff:127.0.0.1", 8005, 20, "java"),
            }, true, null);
            var result = Evaluate(table);
            Assert.True(result.Outcome == CheckOutcome.Pass, result.Actual);
        }

        [Fact]
        public void OtherServicesOnNonLoopbackAddressesAreNamedWithTheirProcess()
        {
            var table = new SocketTable(new[]
            {
                Socket("0.0.0.0", 22, 10, "sshd"),
                Socket("0.0.0.0", 3306, 30, "mariadbd"),
                Socket("::", 111, 40, "rpcbind"),
                Socket("192.0.2.2", 8080, 50, "java"),   // a JVM that is not Carbon
                new ListeningSocket("IPv4", "0.0.0.0", 25, 0, null, "root", null),
            }, false, "1 listening socket(s) belong to processes this user cannot see");
            var result = Evaluate(table);
            Assert.Equal(CheckOutcome.Warning, result.Outcome);
            Assert.Equal("0.0.0.0:25/tcp process not visible, user root; [::]:111/tcp rpcbind (pid 40, user svc); 0.0.0.0:3306/tcp mariadbd (pid 30, user svc); "
                + "192.0.2.2:8080/tcp java (pid 50, user svc) (1 listening socket(s) belong to processes this user cannot see)", result.Actual);
        }

        [LinuxFact]
        public void RealSocketsOnAnyAddressAreNamedAndLoopbackOnesAreNot()
        {
            var wide = new TcpListener(IPAddress.Any, 0);
            var local = new TcpListener(IPAddress.Loopback, 0);
            wide.Start();
            local.Start();
            try
            {
                var widePort = ((IPEndPoint)wide.LocalEndpoint).Port;
                var localPort = ((IPEndPoint)local.LocalEndpoint).Port;
                var table = ProcNetTcp.Read(ports: new[] { widePort, localPort });
                Assert.Equal(2, table.Sockets.Count);
                var result = Evaluate(table);
                Assert.Equal(CheckOutcome.Warning, result.Outcome);
                Assert.Contains($"0.0.0.0:{widePort}/tcp ", result.Actual);
                Assert.Contains($"(pid {Environment.ProcessId}, ", result.Actual);
                Assert.DoesNotContain($":{localPort}/tcp", result.Actual);
            }
            finally
            {
                wide.Stop();
                local.Stop();
            }
        }
    }
}
