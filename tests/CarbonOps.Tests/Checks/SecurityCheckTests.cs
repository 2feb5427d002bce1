using System.IO;
using System.Linq;
using System.Net;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Checks.Product;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class SecurityCheckTests
    {
        internal static CheckResult Evaluate(CarbonCheck check, string home) =>
            CheckRunner.Run(check, new CheckContext(new RecordedHost(), CarbonHome.Open(home), new CheckOptions()));

        internal static ChangeResult[] Remediate(CarbonCheck check, string home, RemediationOptions options, bool go = true)
        {
            using var session = new EditSession(home);
            return ChangePipeline.Run(new[] { check.ToRemedy() }, CarbonHome.Open(home), session, options, "test", (_, _, _) => go).ToArray();
        }

        private static string Sample(TempFolder temp) => temp.CopyHome(TestPaths.SampleHome);

        private static string FilePath(string home, string relative) => Path.Combine(home, relative);

        [Fact]
        public void TheDefaultAdminPasswordFailsAndIsReplacedBeforeTheFirstStart()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var file = FilePath(home, CarbonPaths.UserMgtXml);
            var before = File.ReadAllBytes(file);
            var check = new DefaultAdminPasswordCheck();
            var failed = Evaluate(check, home);
            Assert.Equal(CheckOutcome.Fail, failed.Outcome);
            Assert.True(failed.CanRemediate);
            Assert.DoesNotContain("admin/admin", failed.Actual);

            var changes = Remediate(check, home, new RemediationOptions { AdminCredential = new PSCredential("admin", new NetworkCredential("", "Fresh-Pass-42").SecurePassword) });
            Assert.Equal(ChangeStatus.Changed, changes.Single(c => c.Setting == "AdminUser/Password").Status);
            Assert.All(changes, c => Assert.DoesNotContain("Fresh-Pass-42", c.OldValue + c.NewValue + c.Message));
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            Assert.Equal("                <Password>admin</Password>", Assert.Single(diff.Removed));
            Assert.Equal("                <Password>Fresh-Pass-42</Password>", Assert.Single(diff.Added));
            Assert.Equal(CheckOutcome.Pass, Evaluate(check, home).Outcome);
        }

        [Fact]
        public void AfterTheFirstStartTheAdminPasswordIsNotClaimedFixed()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            temp.Write(Path.Combine(Path.GetFileName(home), "repository/database/WSO2CARBON_DB.h2.db"), "h2");
            var file = FilePath(home, CarbonPaths.UserMgtXml);
            var before = File.ReadAllBytes(file);
            var result = Evaluate(new DefaultAdminPasswordCheck(), home);
            Assert.Equal(CheckOutcome.Fail, result.Outcome);
            Assert.False(result.CanRemediate);
            Assert.Contains("repository/database/WSO2CARBON_DB.h2.db", result.Message);
            Assert.Contains("would not change its password", result.Message);

            var change = Assert.Single(Remediate(new DefaultAdminPasswordCheck(), home, new RemediationOptions { AdminCredential = new PSCredential("admin", new NetworkCredential("", "Fresh-Pass-42").SecurePassword) }));
            Assert.Equal(ChangeStatus.Skipped, change.Status);
            Assert.Contains("management console", change.Message);
            Assert.Equal(before, File.ReadAllBytes(file));
        }

        [Fact]
        public void WithoutACredentialTheRemedyIsSkippedNamingTheParameter()
        {
            using var temp = new TempFolder();
            var change = Assert.Single(Remediate(new DefaultAdminPasswordCheck(), Sample(temp), new RemediationOptions()));
            Assert.Equal(ChangeStatus.Skipped, change.Status);
            Assert.Contains("-AdminCredential", change.Message);
        }

        [Fact]
        public void AnEmbeddedLdapServerFailsTheUserStoreCheck()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var h2 = Evaluate(new EmbeddedUserStoreCheck(), home);
            Assert.Equal(CheckOutcome.Fail, h2.Outcome);
            Assert.Contains("H2", h2.Message);
            Assert.False(h2.CanRemediate);
            temp.Write(Path.Combine(Path.GetFileName(home), CarbonPaths.EmbeddedLdapXml),
                "<EmbeddedLDAPConfig>\n  <EmbeddedLDAP>\n    <Property name=\"enable\">true</Property>\n  </EmbeddedLDAP>\n</EmbeddedLDAPConfig>\n");
            Assert.Contains("embedded ApacheDS LDAP server", Evaluate(new EmbeddedUserStoreCheck(), home).Message);
        }

        [Fact]
        public void HostNameUncommentsTheShippedElementsOnceAndOnlyOnce()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var file = FilePath(home, CarbonPaths.CarbonXml);
            var before = File.ReadAllBytes(file);
            var check = new HostNameCheck();
            Assert.Equal(CheckOutcome.Fail, Evaluate(check, home).Outcome);
            var options = new RemediationOptions { HostName = "carbon.example.com", MgtHostName = "mgt.example.com" };
            Assert.All(Remediate(check, home, options), c => Assert.Equal(ChangeStatus.Changed, c.Status));
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            Assert.Equal(new[] { "    <!--HostName>www.wso2.org</HostName-->", "    <!--MgtHostName>mgt.wso2.org</MgtHostName-->" }, diff.Removed);
            Assert.Equal(new[] { "    <HostName>carbon.example.com</HostName>", "    <MgtHostName>mgt.example.com</MgtHostName>" }, diff.Added);
            Assert.Equal(CheckOutcome.Pass, Evaluate(check, home).Outcome);
            Assert.All(Remediate(check, home, options), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
        }

        [Fact]
        public void AHostNameWithoutAnyShippedElementIsAddedAfterVersion()
        {
            using var temp = new TempFolder();
            temp.Write("h/repository/conf/carbon.xml", "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\n  <Name>X</Name>\n  <Version>1</Version>\n  <Ports/>\n</Server>\n");
            var home = Path.Combine(temp.Path, "h");
            Remediate(new HostNameCheck(), home, new RemediationOptions { HostName = "10.1.2.3" });
            Assert.Equal("<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\n  <Name>X</Name>\n  <Version>1</Version>\n  <HostName>10.1.2.3</HostName>\n  <MgtHostName>10.1.2.3</MgtHostName>\n  <Ports/>\n</Server>\n",
                File.ReadAllText(FilePath(home, CarbonPaths.CarbonXml)));
        }

        [Fact]
        public void WsdlEprPrefixGoesOnThePassThroughListeners()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var file = FilePath(home, CarbonPaths.Axis2Xml);
            var before = File.ReadAllBytes(file);
            Remediate(new HostNameCheck(), home, new RemediationOptions { HostName = "esb.example.com", WsdlEprPrefix = "https://esb.example.com" });
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            Assert.Empty(diff.Removed);
            Assert.Equal(2, diff.Added.Count);
            Assert.All(diff.Added, l => Assert.Equal("        <parameter name=\"WSDLEPRPrefix\" locked=\"false\">https://esb.example.com</parameter>", l));
            Assert.Contains("https://esb.example.com", Evaluate(new HostNameCheck(), home).Actual);
        }

        [Fact]
        public void AServerHeaderNamingTheProductFailsAndBecomesNeutral()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var file = FilePath(home, CarbonPaths.CatalinaServerXml);
            var before = File.ReadAllBytes(file);
            Assert.Equal(CheckOutcome.Fail, Evaluate(new ServerHeaderCheck(), home).Outcome);
            Remediate(new ServerHeaderCheck(), home, new RemediationOptions());
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            Assert.Equal(2, diff.Removed.Count);
            Assert.All(diff.Added, l => Assert.Equal("                server=\"WebServer\"", l));
            Assert.Equal(CheckOutcome.Pass, Evaluate(new ServerHeaderCheck(), home).Outcome);
            var refused = Assert.Single(Remediate(new ServerHeaderCheck(), home, new RemediationOptions { ServerHeader = "Apache Tomcat" }));
            Assert.Equal(ChangeStatus.Failed, refused.Status);
        }

        [Fact]
        public void AdminServiceWsdlsShownAreHiddenAgain()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var file = FilePath(home, CarbonPaths.CarbonXml);
            File.WriteAllText(file, File.ReadAllText(file).Replace("<HideAdminServiceWSDLs>true<", "<HideAdminServiceWSDLs>false<"));
            var before = File.ReadAllBytes(file);
            Assert.Equal(CheckOutcome.Fail, Evaluate(new AdminServiceWsdlsCheck(), home).Outcome);
            Remediate(new AdminServiceWsdlsCheck(), home, new RemediationOptions());
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            Assert.Equal("        <HideAdminServiceWSDLs>true</HideAdminServiceWSDLs>", Assert.Single(diff.Added));
            Assert.Equal(CheckOutcome.Pass, Evaluate(new AdminServiceWsdlsCheck(), home).Outcome);
        }

        [Fact]
        public void AnUncommentedHttpAdminServicesIsCommentedOutTheWayItShips()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var file = FilePath(home, CarbonPaths.CarbonXml);
            var shipped = File.ReadAllBytes(file);
            File.WriteAllText(file, File.ReadAllText(file).Replace("<!--HttpAdminServices>*</HttpAdminServices-->", "<HttpAdminServices>*</HttpAdminServices>"));
            var failed = Evaluate(new HttpAdminServicesCheck(), home);
            Assert.Equal(CheckOutcome.Fail, failed.Outcome);
            Assert.Contains("line", failed.Actual);
            Remediate(new HttpAdminServicesCheck(), home, new RemediationOptions());
            Assert.Equal(shipped, File.ReadAllBytes(file));
            Assert.Equal(CheckOutcome.Pass, Evaluate(new HttpAdminServicesCheck(), home).Outcome);
        }

        [Fact]
        public void JmxIsAWarningNamingThePortsWithTheOffsetAndOffOnlyOnRequest()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var carbon = FilePath(home, CarbonPaths.CarbonXml);
            File.WriteAllText(carbon, File.ReadAllText(carbon).Replace("<Offset>0</Offset>", "<Offset>2</Offset>"));
            var warning = Evaluate(new JmxCheck(), home);
            Assert.Equal(CheckOutcome.Warning, warning.Outcome);
            Assert.Contains("10001", warning.Message);
            Assert.Contains("11113", warning.Message);
            var skipped = Assert.Single(Remediate(new JmxCheck(), home, new RemediationOptions()));
            Assert.Equal(ChangeStatus.Skipped, skipped.Status);
            Assert.Contains("-DisableJmx", skipped.Message);
            var file = FilePath(home, CarbonPaths.JmxXml);
            var before = File.ReadAllBytes(file);
            Remediate(new JmxCheck(), home, new RemediationOptions { DisableJmx = true });
            Assert.Equal("    <StartRMIServer>false</StartRMIServer>", Assert.Single(LineDiff.Compare(before, File.ReadAllBytes(file)).Added));
            Assert.Equal(CheckOutcome.Pass, Evaluate(new JmxCheck(), home).Outcome);
        }

        [Fact]
        public void APortBelow1024AfterTheOffsetFails()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            Assert.Equal(CheckOutcome.Pass, Evaluate(new PrivilegedPortCheck(), home).Outcome);
            var file = FilePath(home, CarbonPaths.CatalinaServerXml);
            File.WriteAllText(file, File.ReadAllText(file).Replace("port=\"9443\"", "port=\"443\""));
            var failed = Evaluate(new PrivilegedPortCheck(), home);
            Assert.Equal(CheckOutcome.Fail, failed.Outcome);
            Assert.Contains("Tomcat connector 443", failed.Message);
            Assert.False(failed.CanRemediate);
        }

        [Fact]
        public void ProxySettingsAreReportedNotFailed()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var none = Evaluate(new ProxyCheck(), home);
            Assert.Equal(CheckOutcome.Pass, none.Outcome);
            Assert.Equal("no proxy settings", none.Actual);
            var wrapper = FilePath(home, CarbonPaths.WrapperConf);
            File.AppendAllText(wrapper, "wrapper.java.additional.21 = -Dhttp.proxyHost=proxy.corp\n#wrapper.java.additional.22 = -Dhttp.proxyPort=1\n");
            var found = Evaluate(new ProxyCheck(), home);
            Assert.Contains("http.proxyHost=proxy.corp", found.Actual);
            Assert.DoesNotContain("proxyPort=1", found.Actual);
            Assert.Equal(CheckOutcome.Warning, found.Outcome); // a host without its port: Java would use port 80
        }

        [PosixFact]

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void OpenSecretFilesAreTightenedAndTheOldModesRestored()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var userMgt = FilePath(home, CarbonPaths.UserMgtXml);
            var carbon = FilePath(home, CarbonPaths.CarbonXml);
            File.SetUnixFileMode(userMgt, (UnixFileMode)0x1b6); // 0666
            File.SetUnixFileMode(carbon, (UnixFileMode)0x180);  // 0600
            var failed = Evaluate(new FilePermissionsCheck(), home);
            Assert.Equal(CheckOutcome.Fail, failed.Outcome);
            Assert.Contains("repository/conf/user-mgt.xml 0666", failed.Actual);
            Assert.DoesNotContain("carbon.xml", failed.Actual);

            var changes = Remediate(new FilePermissionsCheck(), home, new RemediationOptions());
            Assert.Contains(changes, c => c.Path == userMgt && c.OldValue == "0666" && c.NewValue == "0640" && c.Status == ChangeStatus.Changed);
            Assert.Contains(changes, c => c.Path == carbon && c.Status == ChangeStatus.AlreadyCompliant);
            Assert.Equal((UnixFileMode)0x1a0, File.GetUnixFileMode(userMgt));
            Assert.Equal(CheckOutcome.Pass, Evaluate(new FilePermissionsCheck(), home).Outcome);

            BackupRestorer.Restore(BackupStore.Read(changes.First(c => c.BackupPath != null).BackupPath), (_, _) => true).ToList();
            Assert.Equal((UnixFileMode)0x1b6, File.GetUnixFileMode(userMgt));
            Assert.Equal((UnixFileMode)0x180, File.GetUnixFileMode(carbon));
        }

        [PosixFact]

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void AKeystoreThatIsALinkIsNeitherCheckedNorChanged()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var outside = temp.Write("elsewhere/shared.jks", "keystore");
            File.SetUnixFileMode(outside, (UnixFileMode)0x1b6);
            Directory.CreateDirectory(Path.Combine(home, "repository/resources/security"));
            File.CreateSymbolicLink(Path.Combine(home, "repository/resources/security/wso2carbon.jks"), outside);
            Assert.Contains("links not checked: repository/resources/security/wso2carbon.jks", Evaluate(new FilePermissionsCheck(), home).Actual);
            var changes = Remediate(new FilePermissionsCheck(), home, new RemediationOptions());
            Assert.DoesNotContain(changes, c => c.Path.EndsWith("wso2carbon.jks"));
            Assert.Equal((UnixFileMode)0x1b6, File.GetUnixFileMode(outside));
            File.Delete(Path.Combine(home, "repository/resources/security/wso2carbon.jks"));
        }

        [Fact]
        public void MalformedTargetFilesAreErrorsWithPathAndLineAndNothingIsWritten()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var file = FilePath(home, CarbonPaths.CatalinaServerXml);
            File.WriteAllText(file, "<Server>\n  <Service>\n    <Connector port=\"9443\" SSLEnabled=\"true\">\n  </Service>\n</Server>\n");
            var before = TempFolder.TreeHash(home);
            var result = Evaluate(new ServerHeaderCheck(), home);
            Assert.Equal(CheckOutcome.Error, result.Outcome);
            Assert.Contains("catalina-server.xml", result.Message);
            Assert.Contains("line 4", result.Message);
            var change = Assert.Single(Remediate(new ServerHeaderCheck(), home, new RemediationOptions()));
            Assert.Equal(ChangeStatus.Failed, change.Status);
            Assert.Contains("line 4", change.Message);
            Assert.Equal(before, TempFolder.TreeHash(home));
        }
    }
}
