using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Installation;
using CarbonOps.Keystores;
using CarbonOps.SecureVault;
using CarbonOps.Tests.Support;
using Xunit;
using static CarbonOps.Tests.SecureVault.VaultFlowTests;

namespace CarbonOps.Tests.SecureVault
{
    /// <summary>Each bad input is one clear error, and nothing in the home changes.</summary>
    public class BadInputTests
    {
        private static void AssertUnchanged(string home, string hash)
        {
            Assert.Equal(hash, TempFolder.TreeHash(home));
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops", "backups")) && Directory.GetDirectories(Path.Combine(home, ".carbonops", "backups")).Length > 0);
        }

        private static void Append(string home, string relative, string text) => File.AppendAllText(Path.Combine(home, relative), text);

        [Fact]
        public void AnXPathThatMatchesNothingNamesTheLineAndWritesNothing()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            Append(home, SecureVaultNames.CipherToolProperties, "Custom.Secret=carbon.xml//Server/Security/NoSuchStore/Password,true\r\n");
            Append(home, SecureVaultNames.CipherTextProperties, "Custom.Secret=[x-secret-value]\r\n");
            var hash = TempFolder.TreeHash(home);
            var output = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            var error = Assert.Single(output.Errors);
            Assert.Equal("ConfigElementNotFound,CarbonOps.Commands.ProtectCarbonSecretCommand", error.FullyQualifiedErrorId);
            var lines = File.ReadAllLines(Path.Combine(home, SecureVaultNames.CipherToolProperties)).Length;
            var tool = Path.Combine(home, SecureVaultNames.CipherToolProperties);
            Assert.Contains($"'{tool}' line {lines} maps the alias 'Custom.Secret'", error.Exception.Message);
            // The path and line of the error are the mapping's, not the line number of cipher-tool.properties on carbon.xml.
            var exception = Assert.IsType<CarbonOpsException>(error.Exception);
            Assert.Equal((tool, lines), (exception.TargetPath, exception.Line));
            Assert.All(output.Of<ChangeResult>(), r => Assert.Equal(ChangeStatus.Failed, r.Status));
            AssertUnchanged(home, hash);
        }

        [Fact]
        public void AnXPathThatCannotBeReadIsAMalformedFileWithItsLine()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            Append(home, SecureVaultNames.CipherToolProperties, "Custom.Secret=carbon.xml//Server/Security[@name=,true\r\n");
            Append(home, SecureVaultNames.CipherTextProperties, "Custom.Secret=[x-secret-value]\r\n");
            var hash = TempFolder.TreeHash(home);
            var output = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            var error = Assert.Single(output.Errors);
            Assert.StartsWith("ConfigFileMalformed,", error.FullyQualifiedErrorId);
            Assert.Contains("cipher-tool.properties line", error.Exception.Message);
            AssertUnchanged(home, hash);
        }

        [Fact]
        public void AWrongKeystorePasswordWritesNothing()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            HardenKeysAndSecrets(ps, home);
            File.AppendAllText(Path.Combine(home, SecureVaultNames.CipherTextProperties), "Late.Secret=[late-value]\r\n");
            var hash = TempFolder.TreeHash(home);
            var output = ps.Run("param($h, $pw) Protect-CarbonSecret -ProductHome $h -KeystorePassword $pw -Confirm:$false", Args(home, "Not-The-Store-Password"));
            Assert.Equal("KeystorePasswordIncorrect,CarbonOps.Commands.ProtectCarbonSecretCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal(hash, TempFolder.TreeHash(home));

            var none = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Equal("KeystorePasswordRequired,CarbonOps.Commands.ProtectCarbonSecretCommand", Assert.Single(none.Errors).FullyQualifiedErrorId);
            Assert.Equal(hash, TempFolder.TreeHash(home));
        }

        [Fact]
        public void ATruncatedOrMistypedPrimaryKeystoreStopsProtection()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            var jks = Path.Combine(home, TestKeystores.SecurityFolder, "wso2carbon.jks");
            var good = File.ReadAllBytes(jks);
            File.WriteAllBytes(jks, good.Take(good.Length / 2).ToArray());
            var hash = TempFolder.TreeHash(home);
            var truncated = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Equal("KeystoreCorrupt,CarbonOps.Commands.ProtectCarbonSecretCommand", Assert.Single(truncated.Errors).FullyQualifiedErrorId);
            Assert.Equal(hash, TempFolder.TreeHash(home));

            TestKeystores.Write(jks + ".new", "wso2carbon", "CN=localhost", "wso2carbon", type: KeystoreType.PKCS12);
            File.Move(jks + ".new", jks, true);
            hash = TempFolder.TreeHash(home);
            var mistyped = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            var error = Assert.Single(mistyped.Errors);
            Assert.Equal("KeystoreTypeMismatch,CarbonOps.Commands.ProtectCarbonSecretCommand", error.FullyQualifiedErrorId);
            Assert.Contains("PKCS#12", error.Exception.Message);
            Assert.Equal(hash, TempFolder.TreeHash(home));
        }

        [Fact]
        public void SetCarbonKeystoreRefusesAPkcs12NamedJksAnAliasWithoutAKeyAndAWrongPassword()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            var p12 = Path.Combine(temp.Path, "really-pkcs12.jks");
            TestKeystores.Write(p12, "carbon", "CN=esb.example.com", StorePassword, type: KeystoreType.PKCS12);
            var own = Path.Combine(temp.Path, "own.jks");
            var cert = TestKeystores.Write(own, "carbon", "CN=esb.example.com", StorePassword);
            var store = KeystoreFile.Open(own, StorePassword.ToCharArray());
            store.SetTrustedCertificate("just-a-cert", cert);
            File.WriteAllBytes(own, store.Save(StorePassword.ToCharArray()));
            var hash = TempFolder.TreeHash(home);

            string Run(string path, string alias, string password) =>
                Assert.Single(ps.Run("param($h, $p, $a, $pw) Set-CarbonKeystore -ProductHome $h -Path $p -Alias $a -StorePassword $pw -Confirm:$false",
                    new Hashtable { ["h"] = home, ["p"] = path, ["a"] = alias, ["pw"] = Secure(password) }).Errors).FullyQualifiedErrorId;

            Assert.Equal("KeystoreTypeMismatch,CarbonOps.Commands.SetCarbonKeystoreCommand", Run(p12, "carbon", StorePassword));
            Assert.Equal("KeystoreKeyNotFound,CarbonOps.Commands.SetCarbonKeystoreCommand", Run(own, "just-a-cert", StorePassword));
            Assert.Equal("KeystoreKeyNotFound,CarbonOps.Commands.SetCarbonKeystoreCommand", Run(own, "nobody", StorePassword));
            Assert.Equal("KeystorePasswordIncorrect,CarbonOps.Commands.SetCarbonKeystoreCommand", Run(own, "carbon", "Wrong-Password-1"));
            AssertUnchanged(home, hash);
        }

        [Fact]
        public void SetCarbonKeystoreRefusesAHomeWhoseVaultIsOn()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            HardenKeysAndSecrets(ps, home);
            var own = Path.Combine(temp.Path, "second.jks");
            TestKeystores.Write(own, "carbon", "CN=esb.example.com", StorePassword);
            var hash = TempFolder.TreeHash(home);
            var output = ps.Run("param($h, $p, $pw) Set-CarbonKeystore -ProductHome $h -Path $p -Alias carbon -StorePassword $pw -Confirm:$false",
                new Hashtable { ["h"] = home, ["p"] = own, ["pw"] = Secure(StorePassword) });
            Assert.Equal("SecureVaultConfigured,CarbonOps.Commands.SetCarbonKeystoreCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal(hash, TempFolder.TreeHash(home));
        }

        [Fact]
        public void AMissingOrUndecryptableEntryFailsTheCheckAndStopsProtection()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            HardenKeysAndSecrets(ps, home);
            var cipherText = Path.Combine(home, SecureVaultNames.CipherTextProperties);
            var lines = File.ReadAllLines(cipherText).Where(l => !l.StartsWith("UserManager.AdminUser.Password=", System.StringComparison.Ordinal))
                .Select(l => l.StartsWith("Datasources.WSO2_CARBON_DB", System.StringComparison.Ordinal) ? "Datasources.WSO2_CARBON_DB.Configuration.Password=AAAA" + l.Substring(l.Length - 20) : l);
            File.WriteAllText(cipherText, string.Join("\r\n", lines) + "\r\n");

            var check = Assert.Single(ps.Run("param($h, $pw) Test-CarbonHost -ProductHome $h -CheckId Security.SecureVaultBroken -KeystorePassword $pw", Args(home)).Of<CheckResult>());
            Assert.Equal(CheckOutcome.Fail, check.Outcome);
            Assert.Contains("UserManager.AdminUser.Password: Missing", check.Actual);
            Assert.Contains("Datasources.WSO2_CARBON_DB.Configuration.Password: Undecryptable", check.Actual);
            Assert.Contains("repository/conf/user-mgt.xml line", check.Message);

            var vault = ps.Run("param($h, $pw) Test-CarbonSecureVault -ProductHome $h -KeystorePassword $pw", Args(home)).Of<SecureVaultEntry>().ToDictionary(e => e.Alias);
            Assert.Equal(SecretStatus.Missing, vault["UserManager.AdminUser.Password"].Status);
            Assert.Equal(SecretStatus.Undecryptable, vault["Datasources.WSO2_CARBON_DB.Configuration.Password"].Status);
            Assert.Equal(SecretStatus.Decrypts, vault["Carbon.Security.TrustStore.Password"].Status);

            var hash = TempFolder.TreeHash(home);
            var protect = ps.Run("param($h, $pw) Protect-CarbonSecret -ProductHome $h -KeystorePassword $pw -Confirm:$false", Args(home));
            Assert.Equal("SecureVaultBroken,CarbonOps.Commands.ProtectCarbonSecretCommand", Assert.Single(protect.Errors).FullyQualifiedErrorId);
            Assert.Equal(hash, TempFolder.TreeHash(home));
        }

        [Fact]
        public void AnAliasThatNothingNamesIsAnError()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            var output = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Alias No.Such.Alias -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Equal("SecretAliasNotFound,CarbonOps.Commands.ProtectCarbonSecretCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void OnlyTheAliasesAskedForAreProtected()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            var output = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Alias UserManager.AdminUser.Password -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);
            Assert.Contains("svns:secretAlias=\"UserManager.AdminUser.Password\"", File.ReadAllText(Path.Combine(home, CarbonPaths.UserMgtXml)));
            Assert.DoesNotContain("secretAlias", File.ReadAllText(Path.Combine(home, CarbonPaths.CarbonXml)));
            var plain = Assert.Single(ps.Run("param($h) Test-CarbonHost -ProductHome $h -CheckId Security.PlaintextPassword", new Hashtable { ["h"] = home }).Of<CheckResult>());
            Assert.Equal(CheckOutcome.Fail, plain.Outcome);
            Assert.DoesNotContain("AdminUser", plain.Message);
        }
    }
}
