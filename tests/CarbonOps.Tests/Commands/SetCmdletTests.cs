using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Installation;
using CarbonOps.Tests.Checks;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    public class SetCmdletTests
    {
        private const string Secret = "Db-Pa55-word-91";

        private static PowerShellRunner.Output Run(PowerShellRunner ps, string script, string home, TempFolder temp = null) =>
            ps.Run(script, new Hashtable { ["h"] = home, ["pw"] = Secret, ["jdk6"] = temp == null ? null : ConsoleAndTlsTests.FakeJdk(temp, "1.6.0_45") });

        private const string Credential = "$c = [pscredential]::new('carbon', (ConvertTo-SecureString $pw -AsPlainText -Force));";

        [Fact]
        public void SetCarbonAdminCredentialWritesThePasswordAndShowsItNowhere()
        {
            var host = new RecordingHost();
            using var ps = new PowerShellRunner(host);
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var output = Run(ps, "param($h, $pw) " + Credential + " Set-CarbonAdminCredential -ProductHome $h -Credential $c -PassThru -Verbose", home);
            Assert.Empty(output.Errors);
            var changes = output.Of<ChangeResult>().ToList();
            Assert.Equal(2, changes.Count);
            Assert.All(changes, c => Assert.Equal("Security.DefaultAdminPassword", c.CheckId));
            Assert.Equal("********", changes.Single(c => c.Setting == "AdminUser/Password").NewValue);
            Assert.Equal("carbon", changes.Single(c => c.Setting == "AdminUser/UserName").NewValue);
            var everything = string.Join("\n", output.Objects.SelectMany(o => o.Properties.Select(p => p.Value?.ToString())).Concat(output.Verbose).Concat(output.Warnings).Concat(host.Lines));
            Assert.DoesNotContain(Secret, everything);
            Assert.Contains(output.Verbose, v => v.StartsWith("Security.DefaultAdminPassword Changed: AdminUser/Password") && v.Contains("'********' -> '********'"));
            Assert.Contains("<Password>" + Secret + "</Password>", File.ReadAllText(Path.Combine(home, CarbonPaths.UserMgtXml)));
            // Without -PassThru the results come too; the second run changes nothing.
            var again = Run(ps, "param($h, $pw) " + Credential + " Set-CarbonAdminCredential -ProductHome $h -Credential $c", home).Of<ChangeResult>().ToList();
            Assert.Equal(2, again.Count);
            Assert.All(again, c => Assert.Equal((ChangeStatus.AlreadyCompliant, "Security.DefaultAdminPassword"), (c.Status, c.CheckId)));
        }

        [Fact]
        public void SetCarbonAdminCredentialOnAStartedServerIsAnErrorAndWritesNothing()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            temp.Write(Path.GetFileName(home) + "/repository/database/WSO2CARBON_DB.h2.db", "h2");
            var before = TempFolder.TreeHash(home);
            var output = Run(ps, "param($h, $pw) " + Credential + " Set-CarbonAdminCredential -ProductHome $h -Credential $c -PassThru", home);
            var error = Assert.Single(output.Errors);
            Assert.Equal("AdminPasswordInUserStore,CarbonOps.Commands.SetCarbonAdminCredentialCommand", error.FullyQualifiedErrorId);
            Assert.DoesNotContain(Secret, error.Exception.Message);
            Assert.Equal(ChangeStatus.Skipped, Assert.Single(output.Of<ChangeResult>()).Status);
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        [Fact]
        public void TheDefaultPasswordIsRefusedAsAParameter()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var output = ps.Run("param($h) $c = [pscredential]::new('admin', (ConvertTo-SecureString 'admin' -AsPlainText -Force)); Set-CarbonAdminCredential $h -Credential $c", new Hashtable { ["h"] = home });
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonAdminCredentialCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void SetCarbonDatasourceMovesToPostgresAndWarnsOfTheMissingDriver()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var file = Path.Combine(home, CarbonPaths.MasterDatasourcesXml);
            var before = File.ReadAllBytes(file);
            var output = Run(ps, "param($h, $pw) " + Credential + " Set-CarbonDatasource -ProductHome $h -Url 'jdbc:postgresql://db.example.com:5432/carbon' -Credential $c -PassThru", home);
            Assert.Empty(output.Errors);
            var changes = output.Of<ChangeResult>().ToList();
            Assert.Equal("org.postgresql.Driver", changes.Single(c => c.Setting == "WSO2_CARBON_DB/driverClassName").NewValue);
            Assert.Equal(ChangeStatus.AlreadyCompliant, changes.Single(c => c.Setting == "WSO2_CARBON_DB/validationQuery").Status);
            Assert.Equal("********", changes.Single(c => c.Setting == "WSO2_CARBON_DB/password").OldValue);
            Assert.Contains(output.Warnings, w => w.Contains("PostgreSQL JDBC driver") && w.Contains("repository/components/lib"));
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            Assert.Equal(new[]
            {
                "                    <url>jdbc:postgresql://db.example.com:5432/carbon</url>",
                "                    <username>carbon</username>",
                "                    <password>" + Secret + "</password>",
                "                    <driverClassName>org.postgresql.Driver</driverClassName>",
            }, diff.Added);
            Assert.Equal(4, diff.Removed.Count);
            Assert.Equal(CheckOutcome.Pass, SecurityCheckTests.Evaluate(new CarbonOps.Checks.Product.EmbeddedH2Check(), home).Outcome);

            temp.Write(Path.GetFileName(home) + "/repository/components/lib/postgresql-9.4.1212.jar", "jar");
            Assert.Empty(Run(ps, "param($h, $pw) " + Credential + " Set-CarbonDatasource -ProductHome $h -Url 'jdbc:postgresql://db.example.com:5432/carbon' -Credential $c", home).Warnings);
        }

        [Theory]
        [InlineData("jdbc:h2:repository/database/OTHER")]
        [InlineData("postgresql://db/carbon")]
        [InlineData("jdbc:informix-sqli://db:1526/carbon")]
        public void SetCarbonDatasourceRefusesUrlsItCannotUse(string url)
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            var output = ps.Run("param($h, $u) $c = [pscredential]::new('u', (ConvertTo-SecureString 'p-12345' -AsPlainText -Force)); Set-CarbonDatasource $h -Url $u -Credential $c",
                new Hashtable { ["h"] = home, ["u"] = url });
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonDatasourceCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        [Fact]
        public void SetCarbonConsoleAccessRefusesAnInvalidRegexBeforeTouchingAnyHome()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            var output = Run(ps, "param($h) Set-CarbonConsoleAccess -ProductHome $h -AllowedAddress '10.0.0.1', '(10' -Confirm:$false", home);
            var error = Assert.Single(output.Errors);
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonConsoleAccessCommand", error.FullyQualifiedErrorId);
            Assert.Contains("(10", error.Exception.Message);
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        [Fact]
        public void SetCarbonConsoleAccessIsHighImpactAndAsksByDefault()
        {
            var host = new RecordingHost("No");
            using var ps = new PowerShellRunner(host);
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            Assert.Empty(Run(ps, "param($h) Set-CarbonConsoleAccess -ProductHome $h -AllowedAddress 10.0.0.1", home).Errors);
            Assert.Single(host.Prompts);
            Assert.Equal(before, TempFolder.TreeHash(home));
            var made = Run(ps, "param($h) Set-CarbonConsoleAccess -ProductHome $h -AllowedAddress 10.0.0.1 -Confirm:$false -PassThru", home);
            Assert.Equal(ChangeStatus.Changed, Assert.Single(made.Of<ChangeResult>()).Status);
            Assert.Single(host.Prompts);
            Run(ps, "param($h) Set-CarbonHostName -ProductHome $h -HostName h.example.com", home);
            Assert.Single(host.Prompts);
        }

        [Fact]
        public void SetCarbonTlsProtocolRefusesWhatTheJdkCannotSpeak()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            var output = Run(ps, "param($h, $jdk6) Set-CarbonTlsProtocol -ProductHome $h -Protocol TLSv1.2 -JavaHome $jdk6 -Confirm:$false", home, temp);
            var error = Assert.Single(output.Errors);
            Assert.Equal("TlsProtocolNotSupported,CarbonOps.Commands.SetCarbonTlsProtocolCommand", error.FullyQualifiedErrorId);
            Assert.Contains("speaks only TLSv1", error.Exception.Message);
            Assert.Equal(before, TempFolder.TreeHash(home));

            var made = Run(ps, "param($h, $jdk6) Set-CarbonTlsProtocol -ProductHome $h -JavaHome $jdk6 -Confirm:$false -PassThru", home, temp);
            Assert.Empty(made.Errors);
            Assert.Equal(3, made.Of<ChangeResult>().Count(c => c.Status == ChangeStatus.Changed && c.NewValue == "TLSv1"));
            var missing = ps.Run("param($h) $env:JAVA_HOME = $null; Set-CarbonTlsProtocol -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Equal("JavaHomeNotFound,CarbonOps.Commands.SetCarbonTlsProtocolCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void SetCarbonHostNameGoesOnAfterABadHome()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var good = temp.CopyHome(TestPaths.SampleHome, "good");
            temp.Write("bad/repository/conf/carbon.xml", "<Server>\n  <HostName>x</HostName>\n</Serv>\n");
            var bad = Path.Combine(temp.Path, "bad");
            var badBefore = File.ReadAllBytes(Path.Combine(bad, CarbonPaths.CarbonXml));
            var output = ps.Run("param($a, $b) $a, $b | Set-CarbonHostName -HostName carbon.example.com -WsdlEprPrefix https://carbon.example.com -PassThru",
                new Hashtable { ["a"] = bad, ["b"] = good });
            var error = Assert.Single(output.Errors);
            Assert.Equal("ConfigFileMalformed,CarbonOps.Commands.SetCarbonHostNameCommand", error.FullyQualifiedErrorId);
            Assert.Contains("line 3", error.Exception.Message);
            Assert.Equal(badBefore, File.ReadAllBytes(Path.Combine(bad, CarbonPaths.CarbonXml)));
            Assert.Equal(4, output.Of<ChangeResult>().Count(c => c.ProductHome == good && c.Status == ChangeStatus.Changed));
        }

        [Fact]
        public void SetCarbonHostNameValidatesTheName()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var output = Run(ps, "param($h) Set-CarbonHostName -ProductHome $h -HostName 'not a host!'", temp.CopyHome(TestPaths.SampleHome));
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonHostNameCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void SetCarbonProxySetsTheConnectorsOrTheSenders()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var catalina = Path.Combine(home, CarbonPaths.CatalinaServerXml);
            var before = File.ReadAllBytes(catalina);
            var connector = Run(ps, "param($h) Set-CarbonProxy -ProductHome $h -ProxyName lb.example.com -PassThru", home);
            Assert.Empty(connector.Errors);
            Assert.Contains(connector.Of<ChangeResult>(), c => c.Setting == "Connector[port=9443]/@proxyPort" && c.NewValue == "443");
            Assert.Contains(connector.Of<ChangeResult>(), c => c.Setting == "Connector[port=9763]/@proxyPort" && c.NewValue == "80");
            var diff = LineDiff.Compare(before, File.ReadAllBytes(catalina));
            Assert.Equal(2, diff.Removed.Count);
            Assert.Equal(6, diff.Added.Count);

            var outbound = Run(ps, "param($h) Set-CarbonProxy -ProductHome $h -OutboundProxy proxy.corp:3128 -NonProxyHosts localhost, '*.corp' -PassThru", home);
            Assert.Empty(outbound.Errors);
            Assert.Equal(6, outbound.Of<ChangeResult>().Count(c => c.Status == ChangeStatus.Changed));
            var report = SecurityCheckTests.Evaluate(new CarbonOps.Checks.Product.ProxyCheck(), home);
            Assert.Contains("http.proxyHost=proxy.corp", report.Actual);
            Assert.Contains("proxyName=lb.example.com", report.Actual);
            var bad = Run(ps, "param($h) Set-CarbonProxy -ProductHome $h -OutboundProxy proxy.corp", home);
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonProxyCommand", Assert.Single(bad.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void WhatIfOnASetCmdletWritesNothing()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            var output = Run(ps, "param($h) Get-CarbonInstance $h | Set-CarbonHostName -HostName carbon.example.com -WhatIf -PassThru", home);
            Assert.All(output.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.WhatIf, c.Status));
            Assert.Equal(before, TempFolder.TreeHash(home));
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));
        }
    }
}
