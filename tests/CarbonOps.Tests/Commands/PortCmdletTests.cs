using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    public class PortCmdletTests
    {
        private static string CarbonXml(string home) => Path.Combine(home, CarbonPaths.CarbonXml);

        [CorpusFact]
        public void EveryCorpusHomesPortsComeThroughThePipe()
        {
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Get-CarbonInstance $h | Get-CarbonPort", new Hashtable { ["h"] = TestPaths.CorpusHomes.ToArray() });
            Assert.Empty(output.Errors);
            var ports = output.Of<CarbonPort>().ToList();
            Assert.Equal(TestPaths.CorpusHomes.Count(), ports.Select(p => p.ProductHome).Distinct().Count());
            Assert.All(ports, p => Assert.False(string.IsNullOrEmpty(p.Source)));
            // Every corpus home has offset 0, so each one's 9443 clashes with the other four.
            Assert.All(ports.Where(p => p.Name == "Servlet HTTPS transport"), p => Assert.Equal(4, p.Conflict.Split("; ").Count(c => c.Contains("(Servlet HTTPS transport)"))));
        }

        [Fact]
        public void TwoHomesWithOffsetZeroConflictAndAutoMovesTheSecond()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var first = temp.CopyHome(TestPaths.SampleHome, "first");
            var second = temp.CopyHome(TestPaths.SampleHome, "second");
            var both = new Hashtable { ["a"] = first, ["b"] = second };

            var conflicts = ps.Run("param($a, $b) Get-CarbonPorts -ProductHome $a, $b -Conflict", both).Of<CarbonPort>().ToList();
            Assert.Contains(conflicts, p => p.ProductHome == second && p.Port == 9443 && p.Conflict.Contains(first + " (Servlet HTTPS transport)"));
            Assert.Contains(conflicts, p => p.ProductHome == first && p.Port == 8280 && p.Conflict.Contains(second));
            Assert.DoesNotContain(conflicts, p => p.Name == "Tomcat shutdown");

            var before = File.ReadAllBytes(CarbonXml(second));
            var auto = ps.Run("param($a, $b) Set-CarbonPortOffset -ProductHome $b -Auto -OtherProductHome $a -Confirm:$false -Verbose", both);
            Assert.Empty(auto.Errors);
            var change = Assert.Single(auto.Of<ChangeResult>());
            Assert.Equal(ChangeStatus.Changed, change.Status);
            var chosen = int.Parse(change.NewValue);
            Assert.True(chosen >= 1);
            Assert.Contains(auto.Verbose, v => v.StartsWith("Offset 0:") && v.Contains(first));
            Assert.Equal(chosen, auto.Verbose.Count(v => v.StartsWith("Offset ") && v.Contains(" also wants.")));
            var diff = LineDiff.Compare(before, File.ReadAllBytes(CarbonXml(second)));
            Assert.Equal(new[] { "        <Offset>0</Offset>" }, diff.Removed);
            Assert.Equal(new[] { $"        <Offset>{chosen}</Offset>" }, diff.Added);

            var after = ps.Run("param($a, $b) Get-CarbonPort -ProductHome $a, $b -Conflict", both).Of<CarbonPort>();
            Assert.DoesNotContain(after, p => p.Conflict.Contains(first) || p.Conflict.Contains(second));
        }

        [Fact]
        public void ARealSocketAtAnEffectivePortShowsAsListeningWithThisProcess()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var offset = port - 9443;
                Assert.True(offset >= 0 && 11111 + offset <= 65535, $"ephemeral port {port} out of the range this test can reach");
                var set = ps.Run("param($h, $o) Set-CarbonPortOffset $h $o -Confirm:$false", new Hashtable { ["h"] = home, ["o"] = offset });
                Assert.Equal(ChangeStatus.Changed, Assert.Single(set.Of<ChangeResult>()).Status);

                var https = Assert.Single(ps.Run("param($h) Get-CarbonPort $h -Conflict", new Hashtable { ["h"] = home }).Of<CarbonPort>(), p => p.Port == port);
                Assert.Equal("Servlet HTTPS transport", https.Name);
                Assert.True(https.Listening);
                Assert.Equal(Environment.ProcessId, https.ProcessId);
                Assert.False(string.IsNullOrEmpty(https.ProcessName));
                Assert.Contains($"process {Environment.ProcessId} (", https.Conflict);
                Assert.Contains("127.0.0.1:" + port, https.Conflict);
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public void SetOffsetIsOneLineWhatIfWritesNothingAndASecondRunIsCompliant()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var original = File.ReadAllBytes(CarbonXml(home));
            var whatIf = ps.Run("param($h) Get-CarbonInstance $h | Set-CarbonPortOffset -Offset 2 -WhatIf", new Hashtable { ["h"] = home });
            Assert.Equal(ChangeStatus.WhatIf, Assert.Single(whatIf.Of<ChangeResult>()).Status);
            Assert.Equal(original, File.ReadAllBytes(CarbonXml(home)));
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));

            var set = Assert.Single(ps.Run("param($h) Set-CarbonPortOffset $h 2 -Confirm:$false", new Hashtable { ["h"] = home }).Of<ChangeResult>());
            Assert.Equal(("0", "2", ChangeStatus.Changed), (set.OldValue, set.NewValue, set.Status));
            Assert.NotNull(set.BackupPath);
            var diff = LineDiff.Compare(original, File.ReadAllBytes(CarbonXml(home)));
            Assert.Equal(new[] { "        <Offset>2</Offset>" }, diff.Added);
            Assert.Single(diff.Removed);
            var ports = ps.Run("param($h) Get-CarbonPort $h", new Hashtable { ["h"] = home }).Of<CarbonPort>().ToList();
            Assert.Contains(ports, p => p.Name == "Servlet HTTPS transport" && p.Port == 9445);
            Assert.Contains(ports, p => p.Name == "Servlet HTTP transport" && p.Port == 9765);

            var again = Assert.Single(ps.Run("param($h) Set-CarbonPortOffset $h 2 -Confirm:$false", new Hashtable { ["h"] = home }).Of<ChangeResult>());
            Assert.Equal(ChangeStatus.AlreadyCompliant, again.Status);
            Assert.Empty(ps.Run("param($r) $r | Restore-CarbonConfiguration -Confirm:$false", new Hashtable { ["r"] = set }).Errors);
            Assert.Equal(original, File.ReadAllBytes(CarbonXml(home)));
        }

        [Fact]
        public void BadOffsetsAndACarbonXmlWithoutPortsWriteNothing()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var original = TempFolder.TreeHash(home);

            var negative = ps.Run("param($h) try { Set-CarbonPortOffset $h -5 -Confirm:$false } catch { $_ }", new Hashtable { ["h"] = home });
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonPortOffsetCommand", Assert.Single(negative.Of<System.Management.Automation.ErrorRecord>()).FullyQualifiedErrorId);

            var tooHigh = ps.Run("param($h) Set-CarbonPortOffset $h 60000 -Confirm:$false", new Hashtable { ["h"] = home });
            var error = Assert.Single(tooHigh.Errors);
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonPortOffsetCommand", error.FullyQualifiedErrorId);
            Assert.Contains("JMX RMI server (11111", error.Exception.Message);
            Assert.Equal(original, TempFolder.TreeHash(home));

            var bare = temp.Write("bare/repository/conf/carbon.xml", "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\n  <Name>x</Name>\n</Server>\n");
            var noPorts = ps.Run("param($a, $b) Set-CarbonPortOffset $a, $b 1 -Confirm:$false", new Hashtable { ["a"] = Path.Combine(temp.Path, "bare"), ["b"] = home });
            Assert.Equal("ConfigElementNotFound,CarbonOps.Commands.SetCarbonPortOffsetCommand", Assert.Single(noPorts.Errors).FullyQualifiedErrorId);
            Assert.Equal("<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\n  <Name>x</Name>\n</Server>\n", File.ReadAllText(bare));
            Assert.Equal(ChangeStatus.Changed, Assert.Single(noPorts.Of<ChangeResult>()).Status);
        }

        [Fact]
        public void AMissingOffsetElementIsAddedInsidePorts()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            File.WriteAllText(CarbonXml(home), File.ReadAllText(CarbonXml(home)).Replace("        <Offset>0</Offset>\n", ""));
            var before = File.ReadAllBytes(CarbonXml(home));
            var set = Assert.Single(ps.Run("param($h) Set-CarbonPortOffset $h 3 -Confirm:$false", new Hashtable { ["h"] = home }).Of<ChangeResult>());
            Assert.Null(set.OldValue);
            Assert.Equal(new[] { "        <Offset>3</Offset>" }, LineDiff.Compare(before, File.ReadAllBytes(CarbonXml(home))).Added);
            Assert.Equal(3, CarbonInstanceReader.PortOffset(CarbonHome.Open(home)));
        }
    }
}
