using System.IO;
using System.Linq;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Installation
{
    public class PortReaderTests
    {
        private static CarbonPort[] Ports(string home) =>
            new PortMap(new HomePorts[0], SocketTable.Empty).Describe(HomePorts.Read(CarbonHome.Open(home)), "test").ToArray();

        [Fact]
        public void TheSampleHomeListsEveryStockPortWithItsSource()
        {
            var ports = Ports(TestPaths.SampleHome).ToDictionary(p => p.Name);
            Assert.Equal(9443, ports["Servlet HTTPS transport"].Port);
            Assert.Equal(9763, ports["Servlet HTTP transport"].Port);
            Assert.Equal(9999, ports["JMX RMI registry"].Port);
            Assert.Equal(11111, ports["JMX RMI server"].Port);
            Assert.Equal(10389, ports["Embedded LDAP server"].Port);
            Assert.Equal(8000, ports["Embedded Kerberos KDC"].Port);
            Assert.Equal(5672, ports["Embedded Qpid broker"].Port);
            Assert.Equal(10500, ports["Thrift entitlement service"].Port);
            Assert.Equal(8280, ports["Pass-through HTTP transport"].Port);
            Assert.Equal(8243, ports["Pass-through HTTPS transport"].Port);
            Assert.Equal("repository/conf/carbon.xml Server/Ports/JMX/RMIRegistryPort (line 38)", ports["JMX RMI registry"].Source);
            var shutdown = ports["Tomcat shutdown"];
            Assert.False(shutdown.ShiftedByOffset);
            Assert.False(shutdown.OpensSocket);
            Assert.All(ports.Values, p => Assert.Null(p.Conflict));
            Assert.All(ports.Values, p => Assert.Equal(0, p.Offset));
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void EveryCorpusHomeListsItsPortsWithSources(string relative)
        {
            var ports = Ports(TestPaths.CorpusPath(relative));
            var byBase = ports.GroupBy(p => p.BasePort).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var stock in new[] { 9999, 11111, 10389, 8000, 5672, 8672, 10500, 9443, 9763, 8005 })
            {
                Assert.True(byBase.ContainsKey(stock), $"{relative} lacks {stock}");
            }
            Assert.All(ports, p => Assert.Matches(@"^repository/conf/\S+\.xml \S+ \(line \d+\)$", p.Source));
            Assert.DoesNotContain(ports, p => p.Source.Contains("JNDIProviderPort"));
            Assert.Contains(ports, p => p.Source.StartsWith("repository/conf/tomcat/catalina-server.xml Server/Service/Connector") && p.Protocol == "HTTPS" && p.OpensSocket);
            var passThrough = relative.Contains("apim") || relative.Contains("esb");
            Assert.Equal(passThrough, byBase.ContainsKey(8280) && byBase.ContainsKey(8243));
            if (!passThrough)
            {
                // The kernel's axis2 http/https receivers name the Tomcat connectors' ports; they open nothing.
                Assert.Contains(byBase[9443], p => p.Source.StartsWith("repository/conf/axis2/axis2.xml") && !p.OpensSocket);
            }
            if (relative.Contains("apim"))
            {
                var thrift = Assert.Single(byBase[10397]);
                Assert.False(thrift.ShiftedByOffset);
                Assert.StartsWith("repository/conf/api-manager.xml", thrift.Source);
            }
        }

        [Fact]
        public void AnOffsetShiftsTheShiftedPortsOnly()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var carbonXml = Path.Combine(home, CarbonPaths.CarbonXml);
            File.WriteAllText(carbonXml, File.ReadAllText(carbonXml).Replace("<Offset>0</Offset>", "<Offset>2</Offset>"));
            var ports = Ports(home).ToDictionary(p => p.Name);
            Assert.Equal(9445, ports["Servlet HTTPS transport"].Port);
            Assert.Equal(9765, ports["Servlet HTTP transport"].Port);
            Assert.Equal(10001, ports["JMX RMI registry"].Port);
            Assert.Equal(8282, ports["Pass-through HTTP transport"].Port);
            Assert.Equal(8005, ports["Tomcat shutdown"].Port);
            Assert.All(ports.Values, p => Assert.Equal(2, p.Offset));
        }

        [Fact]
        public void ProcNetAddressesDecode()
        {
            Assert.Equal("127.0.0.1", ProcNetTcp.DecodeAddress("0100007F"));
            Assert.Equal("0.0.0.0", ProcNetTcp.DecodeAddress("00000000"));
            Assert.Equal("::1", ProcNetTcp.DecodeAddress("00000000000000000000000001000000"));
        }

        [Fact]
        public void ARecordedProcTreeIsReadWithOwnersAndUsers()
        {
            using var temp = new TempFolder();
            temp.Write("proc/net/tcp",
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
                "   0: 0100007F:24E3 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0 100 0 0 10 0\n" +
                "   1: 0100007F:24E4 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 4343 1 0 100 0 0 10 0\n");
            temp.Write("passwd", "root:x:0:0::/root:/bin/sh\nwso2:x:1000:1000::/home/wso2:/bin/sh\n");
            var table = ProcNetTcp.Read(Path.Combine(temp.Path, "proc"), Path.Combine(temp.Path, "passwd"));
            var socket = Assert.Single(table.Sockets);
            Assert.Equal(9443, socket.Port);
            Assert.Equal("127.0.0.1", socket.Address);
            Assert.Equal("wso2", socket.User);
            Assert.Equal(0, socket.ProcessId);
            Assert.False(table.OwnersComplete);
            Assert.Contains("cannot see", table.Note);
        }
    }
}
