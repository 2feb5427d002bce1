using System.Collections;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Installation;
using CarbonOps.Tests.Reliability;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    public class UserStoreTests
    {
        private const string BindPassword = "Ldap-Bind-Pa55-77";
        private const string Ldap = "param($h, $pw, $ks) $c = [pscredential]::new('cn=carbon,dc=example,dc=com', (ConvertTo-SecureString $pw -AsPlainText -Force)); ";

        private static PowerShellRunner.Output Run(PowerShellRunner ps, string command, string home, object keystorePassword = null) =>
            ps.Run(Ldap + command, new Hashtable { ["h"] = home, ["pw"] = BindPassword, ["ks"] = keystorePassword });

        private static CheckResult Check(PowerShellRunner ps, string home, string id) =>
            ps.Run("param($h, $id) Test-CarbonHost -ProductHome $h -CheckId $id", new Hashtable { ["h"] = home, ["id"] = id }).Of<CheckResult>().Single(r => r.CheckId == id);

        [Fact]
        public void AnLdapStoreIsWrittenFromTheTemplateAndItsPasswordShowsNowhere()
        {
            var host = new RecordingHost();
            using var ps = new PowerShellRunner(host);
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            Assert.Equal(CheckOutcome.Fail, Check(ps, home, "UserStore.Embedded").Outcome);
            var output = Run(ps, "Set-CarbonUserStore -ProductHome $h -Type ReadWriteLdap -ConnectionUrl ldap://127.0.0.1:3389 -Credential $c " +
                "-UserSearchBase 'ou=People,dc=example,dc=com' -GroupSearchBase 'ou=Groups,dc=example,dc=com' -UserNameAttribute cn -Confirm:$false -PassThru -Verbose", home);
            Assert.True(output.Errors.Count == 0, string.Join("; ", output.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message)));
            var everything = string.Join("\n", output.Objects.SelectMany(o => o.Properties.Select(p => p.Value?.ToString())).Concat(output.Verbose).Concat(output.Warnings).Concat(host.Lines));
            Assert.DoesNotContain(BindPassword, everything);
            Assert.Equal("********", output.Of<ChangeResult>().Single(c => c.Setting == "Property[ConnectionPassword]").NewValue);

            var text = File.ReadAllText(Path.Combine(home, CarbonPaths.UserMgtXml));
            Assert.Single(Regex.Matches(text, @"<UserStoreManager class="));
            Assert.Contains("<!--UserStoreManager class=\"org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager\">", text);
            var store = UserStoreInfo.Read(CarbonHome.Open(home));
            Assert.Equal(("ReadWriteLdap", "ldap://127.0.0.1:3389", "cn=carbon,dc=example,dc=com", "ou=People,dc=example,dc=com", "ou=Groups,dc=example,dc=com"),
                (store.Type, store.ConnectionUrl, store.ConnectionName, store.UserSearchBase, store.GroupSearchBase));
            Assert.Equal(BindPassword, store.ConnectionPassword());
            Assert.Contains("<Property name=\"UserNameSearchFilter\">(&amp;(objectClass=person)(cn=?))</Property>", text);

            Assert.Equal(CheckOutcome.Pass, Check(ps, home, "UserStore.Embedded").Outcome);
            var plaintext = Check(ps, home, "Security.PlaintextPassword");
            Assert.Equal(CheckOutcome.Fail, plaintext.Outcome);
            Assert.Contains("UserStoreManager.Property.ConnectionPassword", plaintext.Message);
            Assert.DoesNotContain(BindPassword, plaintext.Message + plaintext.Actual);
        }

        [Fact]
        public void AJdbcStoreOnARealDatabasePassesUserStoreEmbedded()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var output = Run(ps, "Set-CarbonUserStore -ProductHome $h -Type Jdbc -ConnectionUrl 'jdbc:postgresql://db.example.com:5432/users' -Credential $c -Confirm:$false -PassThru", home);
            Assert.True(output.Errors.Count == 0, string.Join("; ", output.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message)));
            var store = UserStoreInfo.Read(CarbonHome.Open(home));
            Assert.Equal(("Jdbc", "jdbc:postgresql://db.example.com:5432/users"), (store.Type, store.ConnectionUrl));
            Assert.Contains("<Property name=\"driverName\">org.postgresql.Driver</Property>", File.ReadAllText(Path.Combine(home, CarbonPaths.UserMgtXml)));
            Assert.Equal(CheckOutcome.Pass, Check(ps, home, "UserStore.Embedded").Outcome);
            Assert.Contains("UserStoreManager.Property.password", Check(ps, home, "Security.PlaintextPassword").Message);

            var h2 = temp.CopyHome(TestPaths.SampleHome, "h2");
            var onH2 = Run(ps, "Set-CarbonUserStore -ProductHome $h -Type Jdbc -ConnectionUrl 'jdbc:h2:repository/database/USERS' -Credential $c -Confirm:$false", h2);
            Assert.Contains(onH2.Warnings, w => w.Contains("H2"));
            Assert.Equal(CheckOutcome.Fail, Check(ps, h2, "UserStore.Embedded").Outcome);
        }

        [Fact]
        public void ActiveDirectoryOverPlainLdapWarnsAndBadValuesAreRefused()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            var ad = Run(ps, "Set-CarbonUserStore -ProductHome $h -Type ActiveDirectory -ConnectionUrl ldap://dc.example.com:389 -Credential $c -UserSearchBase 'CN=Users,DC=example,DC=com' -WhatIf", home);
            Assert.Contains(ad.Warnings, w => w.Contains("LDAPS"));
            foreach (var bad in new[]
            {
                "-Type ReadWriteLdap -ConnectionUrl http://x -UserSearchBase 'ou=x'",
                "-Type ReadOnlyLdap -ConnectionUrl ldap://x:389",
                "-Type Jdbc -ConnectionUrl 'mysql://x/db'",
                "-Type Jdbc -ConnectionUrl 'jdbc:unknown://x/db'",
            })
            {
                var output = Run(ps, "Set-CarbonUserStore -ProductHome $h -Credential $c -Confirm:$false " + bad, home);
                var error = Assert.Single(output.Errors);
                Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonUserStoreCommand", error.FullyQualifiedErrorId);
                Assert.DoesNotContain(BindPassword, error.Exception.Message);
            }
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        [Fact]
        public void WithSecureVaultOnThePasswordIsEncryptedAndASecondRunChangesNothing()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var caseHome = new CaseHome(temp);
            var keystorePassword = caseHome.Protected();
            var home = caseHome.Path;
            const string command = "Set-CarbonUserStore -ProductHome $h -Type ReadOnlyLdap -ConnectionUrl ldaps://ldap.example.com:636 -Credential $c -UserSearchBase 'ou=People,dc=example,dc=com' -Confirm:$false -PassThru";
            var missing = Run(ps, command, home);
            Assert.Equal("KeystorePasswordRequired,CarbonOps.Commands.SetCarbonUserStoreCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);

            var output = Run(ps, command + " -KeystorePassword $ks", home, keystorePassword);
            Assert.True(output.Errors.Count == 0, string.Join("; ", output.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message)));
            var text = File.ReadAllText(Path.Combine(home, CarbonPaths.UserMgtXml));
            Assert.DoesNotContain(BindPassword, text);
            Assert.Matches(@"<Property name=""ConnectionPassword"" svns:secretAlias=""UserStoreManager.Property.ConnectionPassword"">password</Property>", text);
            Assert.Contains("UserStoreManager.Property.ConnectionPassword=", File.ReadAllText(Path.Combine(home, "repository/conf/security/cipher-text.properties")));
            Assert.DoesNotContain(output.Objects.SelectMany(o => o.Properties.Select(p => p.Value?.ToString())), v => v != null && v.Contains(BindPassword));
            var vault = ps.Run("param($h, $ks) Test-CarbonSecureVault -ProductHome $h -KeystorePassword $ks", new Hashtable { ["h"] = home, ["ks"] = keystorePassword });
            Assert.Empty(vault.Errors);

            var hash = TempFolder.TreeHash(home);
            var second = Run(ps, command + " -KeystorePassword $ks", home, keystorePassword);
            Assert.Empty(second.Errors);
            Assert.All(second.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
            Assert.Equal(hash, TempFolder.TreeHash(home));
            Assert.Equal(CheckOutcome.Pass, Check(ps, home, "Security.PlaintextPassword").Outcome);
        }

        /// <summary>Every corpus user-mgt.xml: the file's template of the class is uncommented rather than a second one written.</summary>
        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void CorpusTemplatesAreUncommentedNotDuplicated(string corpusHome)
        {
            var source = Path.Combine(TestPaths.CorpusPath(corpusHome), CarbonPaths.UserMgtXml);
            if (!File.Exists(source))
            {
                return;
            }
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            foreach (var type in new[] { "ReadWriteLdap", "ReadOnlyLdap", "ActiveDirectory" })
            {
                var home = temp.CopyHome(TestPaths.SampleHome, type);
                var file = Path.Combine(home, CarbonPaths.UserMgtXml);
                File.WriteAllBytes(file, File.ReadAllBytes(source));
                var templates = Regex.Matches(File.ReadAllText(source), "UserStoreManager class=\"" + Regex.Escape(UserStoreTypes.Classes[type]) + "\"").Count;
                var output = Run(ps, $"Set-CarbonUserStore -ProductHome $h -Type {type} -ConnectionUrl ldaps://ldap.example.com:636 -Credential $c -UserSearchBase 'ou=People,dc=example,dc=com' -Confirm:$false", home);
                Assert.True(output.Errors.Count == 0, string.Join("; ", output.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message)));
                var text = File.ReadAllText(file);
                Assert.Equal(System.Math.Max(templates, 1), Regex.Matches(text, "UserStoreManager class=\"" + Regex.Escape(UserStoreTypes.Classes[type]) + "\"").Count);
                Assert.Single(Regex.Matches(text, @"(?<!<!--)<UserStoreManager class="));
                var store = UserStoreInfo.Read(CarbonHome.Open(home));
                Assert.Equal((type, "ldaps://ldap.example.com:636", "ou=People,dc=example,dc=com"), (store.Type, store.ConnectionUrl, store.UserSearchBase));
                Assert.Equal(BindPassword, store.ConnectionPassword());
            }
        }
    }
}
