using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Checks.Product;
using CarbonOps.Installation;
using CarbonOps.Remedies;
using CarbonOps.Tests.Support;
using Xunit;
using static CarbonOps.Tests.Checks.SecurityCheckTests;

namespace CarbonOps.Tests.Checks
{
    public class ConsoleAndTlsTests
    {
        /// <summary>A JDK folder that holds only a release file, as the JDKs Carbon runs on write it.</summary>
        internal static string FakeJdk(TempFolder temp, string version)
        {
            temp.Write($"jdk-{version}/release", $"JAVA_VERSION=\"{version}\"\nOS_NAME=\"Linux\"\n");
            return Path.Combine(temp.Path, "jdk-" + version);
        }

        [Fact]
        public void TheConsoleGetsARemoteAddrValveWithLiteralDotsEscaped()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var file = Path.Combine(home, CarbonPaths.ConsoleContextXml);
            var before = File.ReadAllBytes(file);
            Assert.Equal(CheckOutcome.Fail, Evaluate(new ConsoleAccessCheck(), home).Outcome);
            var changes = Remediate(new ConsoleAccessCheck(), home, new RemediationOptions { AllowedAddress = new[] { "10.0.0.5", @"192\.168\.1\.\d+", "10.0.0.5" } });
            Assert.Equal(@"10\.0\.0\.5|192\.168\.1\.\d+", Assert.Single(changes).NewValue);
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            Assert.Empty(diff.Removed);
            Assert.Equal(@"    <Valve className=""org.apache.catalina.valves.RemoteAddrValve"" allow=""10\.0\.0\.5|192\.168\.1\.\d+""/>", Assert.Single(diff.Added));
            var passed = Evaluate(new ConsoleAccessCheck(), home);
            Assert.Equal(CheckOutcome.Pass, passed.Outcome);
            Assert.Contains(@"10\.0\.0\.5", passed.Actual);
        }

        [Fact]
        public void AnExistingValveKeepsItsPlaceAndOtherAttributes()
        {
            using var temp = new TempFolder();
            temp.Write("h/repository/conf/carbon.xml", "<Server/>");
            var file = temp.Write("h/" + CarbonPaths.ConsoleContextXml,
                "<Context>\n  <Valve className=\"org.apache.catalina.valves.RemoteAddrValve\" deny=\"10\\.9\\..*\" allow='127\\.0\\.0\\.1'/>\n  <Valve className=\"x.Other\"/>\n</Context>\n");
            var home = Path.Combine(temp.Path, "h");
            Remediate(new ConsoleAccessCheck(), home, new RemediationOptions { AllowedAddress = new[] { "127.0.0.1", "10.0.0.7" } });
            Assert.Equal("<Context>\n  <Valve className=\"org.apache.catalina.valves.RemoteAddrValve\" deny=\"10\\.9\\..*\" allow='127\\.0\\.0\\.1|10\\.0\\.0\\.7'/>\n  <Valve className=\"x.Other\"/>\n</Context>\n",
                File.ReadAllText(file));
        }

        [Fact]
        public void AFilterMappedToTheConsolePasses()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            temp.Write(Path.Combine(Path.GetFileName(home), CarbonPaths.ConsoleWebXml),
                "<web-app xmlns=\"http://java.sun.com/xml/ns/javaee\">\n<filter><filter-name>RA</filter-name><filter-class>org.apache.catalina.filters.RemoteAddrFilter</filter-class>" +
                "<init-param><param-name>allow</param-name><param-value>127\\.\\d+\\.\\d+\\.\\d+</param-value></init-param></filter>\n" +
                "<filter-mapping><filter-name>RA</filter-name><url-pattern>/carbon/*</url-pattern></filter-mapping>\n</web-app>\n");
            var result = Evaluate(new ConsoleAccessCheck(), home);
            Assert.Equal(CheckOutcome.Pass, result.Outcome);
            Assert.Contains("RemoteAddrFilter", result.Actual);
        }

        [Theory]
        [InlineData("10.0.0.(")]
        [InlineData("[a-")]
        [InlineData("  ")]
        public void AnInvalidAllowedAddressIsRefusedAndNothingIsWritten(string entry)
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            var change = Assert.Single(Remediate(new ConsoleAccessCheck(), home, new RemediationOptions { AllowedAddress = new[] { "10.0.0.1", entry } }));
            Assert.Equal(ChangeStatus.Failed, change.Status);
            var ex = Assert.Throws<CarbonOpsException>(() => ConsoleAccessRemedy.AllowExpression(new[] { entry }));
            Assert.Equal(ErrorIds.ParameterValueInvalid, ex.ErrorId);
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        [Theory]
        [InlineData("1.6.0_45", 6, "TLSv1")]
        [InlineData("1.7.0_80", 7, "TLSv1,TLSv1.1,TLSv1.2")]
        [InlineData("1.8.0_202", 8, "TLSv1,TLSv1.1,TLSv1.2")]
        [InlineData("17.0.15", 17, "TLSv1,TLSv1.1,TLSv1.2")]
        public void TheDefaultProtocolsAreThoseTheJdkSpeaks(string version, int feature, string protocols)
        {
            using var temp = new TempFolder();
            var jdk = FakeJdk(temp, version);
            Assert.Equal(version, TlsProtocolRemedy.ReadJdkVersion(jdk));
            Assert.Equal(feature, TlsProtocolRemedy.JdkFeature(version));
            Assert.Equal(protocols, string.Join(",", TlsProtocolRemedy.Resolve(null, jdk)));
        }

        [Fact]
        public void AJdk16CannotBeAskedForTls12()
        {
            using var temp = new TempFolder();
            var jdk = FakeJdk(temp, "1.6.0_45");
            var ex = Assert.Throws<CarbonOpsException>(() => TlsProtocolRemedy.Resolve(new[] { "TLSv1", "TLSv1.2" }, jdk));
            Assert.Equal(ErrorIds.TlsProtocolNotSupported, ex.ErrorId);
            Assert.Contains("1.6.0_45", ex.Message);
            Assert.Contains("TLSv1.2 cannot be enabled", ex.Message);
            var sslv3 = Assert.Throws<CarbonOpsException>(() => TlsProtocolRemedy.Resolve(new[] { "SSLv3" }, jdk));
            Assert.Equal(ErrorIds.ParameterValueInvalid, sslv3.ErrorId);
            var missing = Assert.Throws<CarbonOpsException>(() => TlsProtocolRemedy.ReadJdkVersion(Path.Combine(temp.Path, "nope")));
            Assert.Equal(ErrorIds.JavaHomeNotFound, missing.ErrorId);
        }

        [JavaFact]
        public void ARealJdkWithoutAReleaseFileIsAskedForItsVersion()
        {
            var java = Tools.Find("java");
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "jre", "bin"));
            // A link to the machine's java (its launcher finds its JDK through the link); removed here, before the
            // temp folder's clean-up, which changes file modes and must never reach the real binary.
            var link = Path.Combine(temp.Path, "jre", "bin", "java");
            File.CreateSymbolicLink(link, new FileInfo(java).ResolveLinkTarget(true)?.FullName ?? java);
            try
            {
                var version = TlsProtocolRemedy.ReadJdkVersion(Path.Combine(temp.Path, "jre"));
                Assert.Matches(@"^\d+(\.\d+)*", version);
                Assert.True(TlsProtocolRemedy.JdkFeature(version) >= 6);
            }
            finally
            {
                File.Delete(link);
            }
        }

        [Fact]
        public void TlsRemedyAddsTheProtocolListsOnAJdk16Home()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var catalina = Path.Combine(home, CarbonPaths.CatalinaServerXml);
            var axis2 = Path.Combine(home, CarbonPaths.Axis2Xml);
            var catalinaBefore = File.ReadAllBytes(catalina);
            var axis2Before = File.ReadAllBytes(axis2);
            Assert.Equal(CheckOutcome.Fail, Evaluate(new TlsProtocolsCheck(), home).Outcome);
            var refused = Assert.Single(Remediate(new TlsProtocolsCheck(), home, new RemediationOptions { JavaHome = FakeJdk(temp, "1.6.0_45"), TlsProtocol = new[] { "TLSv1.2" } }));
            Assert.Equal(ChangeStatus.Failed, refused.Status);
            Assert.Equal(catalinaBefore, File.ReadAllBytes(catalina));

            var changes = Remediate(new TlsProtocolsCheck(), home, new RemediationOptions { JavaHome = FakeJdk(temp, "1.6.0_45") });
            Assert.Equal(3, changes.Count(c => c.Status == ChangeStatus.Changed && c.NewValue == "TLSv1"));
            var c1 = LineDiff.Compare(catalinaBefore, File.ReadAllBytes(catalina));
            Assert.Equal("                URIEncoding=\"UTF-8\"/>", Assert.Single(c1.Removed));
            Assert.Equal(new[] { "                URIEncoding=\"UTF-8\"", "                sslEnabledProtocols=\"TLSv1\"/>" }, c1.Added);
            var a1 = LineDiff.Compare(axis2Before, File.ReadAllBytes(axis2));
            Assert.Empty(a1.Removed);
            Assert.All(a1.Added, l => Assert.Equal("        <parameter name=\"HttpsProtocols\">TLSv1</parameter>", l));
            Assert.Equal(CheckOutcome.Pass, Evaluate(new TlsProtocolsCheck(), home).Outcome);
        }

        [Fact]
        public void SslV3InTheListFails()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var file = Path.Combine(home, CarbonPaths.CatalinaServerXml);
            File.WriteAllText(file, File.ReadAllText(file).Replace("sslProtocol=\"TLS\"", "sslProtocol=\"TLS\" sslEnabledProtocols=\"SSLv3,TLSv1\""));
            var result = Evaluate(new TlsProtocolsCheck(), home);
            Assert.Equal(CheckOutcome.Fail, result.Outcome);
            Assert.Contains("enables SSLv3", result.Actual);
        }

        [LinuxFact]
        public void ARunningCarbonJvmOfTheHomeIsFoundWithItsUser()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            // A real process whose command line is that of a Carbon JVM of this home. It waits on the shell's own
            // read (no child process, whose copy of the command line would linger between fork and exec).
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true };
            foreach (var arg in new[] { "-c", "read line", InstanceDiscovery.BootstrapClass, "-Dcarbon.home=" + home })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start);
            try
            {
                var result = Evaluate(new RunAsRootCheck(), home);
                Assert.Contains($"pid {process.Id}", result.Actual);
                var root = Environment.UserName == "root";
                Assert.Equal(root ? CheckOutcome.Fail : CheckOutcome.Pass, result.Outcome);
                if (root)
                {
                    Assert.Contains($"pid {process.Id} runs as root", result.Message);
                }
                Assert.False(result.CanRemediate);
            }
            finally
            {
                process.Kill();
                process.WaitForExit();
            }
            Assert.DoesNotContain("running:", Evaluate(new RunAsRootCheck(), home).Actual);
        }
    }
}
