using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using CarbonOps.Installation;
using CarbonOps.SecureVault;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.SecureVault
{
    /// <summary>The issue's "done means": a stock home fails, New -> Set -> Protect makes it pass, Java decrypts, a second run changes nothing, restore gives back every byte.</summary>
    public class VaultFlowTests
    {
        internal const string StorePassword = "Kq9vault-STORE-7731";
        internal const string NewKeystore = "repository/resources/security/carbon-own.jks";

        internal static SecureString Secure(string s) => SecretText.FromPlain(s);

        internal static Hashtable Args(string home, string password = StorePassword) => new Hashtable { ["h"] = home, ["pw"] = Secure(password) };

        /// <summary>New-CarbonKeystore piped to Set-CarbonKeystore, then Protect-CarbonSecret.</summary>
        internal static void HardenKeysAndSecrets(PowerShellRunner ps, string home)
        {
            var set = ps.Run(@"param($h, $pw)
                New-CarbonKeystore -Path (Join-Path $h 'repository/resources/security/carbon-own.jks') -Alias carbon -Subject 'CN=esb.example.com, O=Example, C=US' -DnsName esb.example.com -StorePassword $pw |
                    Set-CarbonKeystore -ProductHome $h -StorePassword $pw -RemoveDefaultTrust -Confirm:$false", Args(home));
            Assert.Empty(set.Errors);
            Assert.Contains(set.Of<ChangeResult>(), c => c.Setting == "KeyStore/Location" && c.Status == ChangeStatus.Changed);
            var protect = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(protect.Errors);
            Assert.Contains(protect.Of<ChangeResult>(), c => c.Status == ChangeStatus.Changed);
        }

        internal static string StockHomeWithKeystores(TempFolder temp)
        {
            var home = temp.CopyHome(TestPaths.SampleHome);
            TestKeystores.AddWso2LikeStores(home);
            return home;
        }

        private static Dictionary<string, CheckOutcome> SecurityOutcomes(PowerShellRunner ps, string home, string password = null)
        {
            var args = new Hashtable { ["h"] = home, ["pw"] = password == null ? null : Secure(password) };
            var output = ps.Run("param($h, $pw) if ($pw) { Test-CarbonHost -ProductHome $h -Category Security -KeystorePassword $pw } else { Test-CarbonHost -ProductHome $h -Category Security }", args);
            Assert.Empty(output.Errors);
            return output.Of<CheckResult>().ToDictionary(r => r.CheckId, r => r.Outcome);
        }

        [Fact]
        public void AStockHomeFailsThenPassesAndRestoresEveryByte()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            var original = TempFolder.TreeHash(home);

            var before = SecurityOutcomes(ps, home);
            Assert.Equal(CheckOutcome.Fail, before["Security.DefaultKeystore"]);
            Assert.Equal(CheckOutcome.Fail, before["Security.PlaintextPassword"]);
            Assert.Equal(CheckOutcome.Fail, before["Security.KeyStrength"]);
            Assert.Equal(CheckOutcome.Pass, before["Security.SecureVaultBroken"]);

            HardenKeysAndSecrets(ps, home);
            var after = SecurityOutcomes(ps, home, StorePassword);
            Assert.Equal(CheckOutcome.Pass, after["Security.DefaultKeystore"]);
            Assert.Equal(CheckOutcome.Pass, after["Security.PlaintextPassword"]);
            Assert.Equal(CheckOutcome.Pass, after["Security.KeyStrength"]);
            Assert.Equal(CheckOutcome.Pass, after["Security.SecureVaultBroken"]);
            Assert.Equal(CheckOutcome.Pass, after["Security.CertificateExpiry"]);

            var values = ps.Run("param($h, $pw) Unprotect-CarbonSecret -ProductHome $h -KeystorePassword $pw -AsPlainText", Args(home)).Of<SecretValue>().ToDictionary(v => v.Alias, v => v.PlainText);
            Assert.Equal(StorePassword, values["Carbon.Security.KeyStore.Password"]);
            Assert.Equal(StorePassword, values["Carbon.Security.KeyStore.KeyPassword"]);
            Assert.Equal("admin", values["UserManager.AdminUser.Password"]);
            Assert.Equal("wso2carbon", values["Datasources.WSO2_CARBON_DB.Configuration.Password"]);
            Assert.Equal("wso2carbon", values["Carbon.Security.TrustStore.Password"]);

            var protectedHash = TempFolder.TreeHash(home);
            var again = ps.Run("param($h, $pw) Protect-CarbonSecret -ProductHome $h -KeystorePassword $pw -Confirm:$false", Args(home));
            Assert.Empty(again.Errors);
            Assert.All(again.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
            Assert.Equal(protectedHash, TempFolder.TreeHash(home));

            var restore = ps.Run("param($h) Get-CarbonBackup -ProductHome $h | Sort-Object Created -Descending | Restore-CarbonConfiguration -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(restore.Errors);
            Assert.Contains(restore.Of<RestoreResult>(), r => r.Status == RestoreStatus.Removed && r.Path.EndsWith("carbon-own.jks", StringComparison.Ordinal));
            Assert.Equal(original, TempFolder.TreeHash(home));
        }

        [JdkFact]
        public void JavaOpensTheKeystoreAndDecryptsEveryValue()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            HardenKeysAndSecrets(ps, home);
            var expected = ps.Run("param($h, $pw) Unprotect-CarbonSecret -ProductHome $h -KeystorePassword $pw -AsPlainText", Args(home))
                .Of<SecretValue>().ToDictionary(v => v.Alias, v => v.PlainText);

            var classes = JavaTools.Compile(temp.Path, "VaultDecrypt.java");
            var java = JavaTools.Run("java", "-cp", classes, "VaultDecrypt", Path.Combine(home, NewKeystore), "JKS", StorePassword, "carbon", StorePassword,
                Path.Combine(home, SecureVaultNames.CipherTextProperties));
            Assert.True(java.ExitCode == 0, java.Error);
            var lines = java.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            Assert.Contains("ENCRYPT=ok", lines);
            var decrypted = lines.Where(l => !l.StartsWith("ENCRYPT=", StringComparison.Ordinal)).ToDictionary(l => l.Substring(0, l.IndexOf('=')), l => l.Substring(l.IndexOf('=') + 1));
            Assert.Equal(13, decrypted.Count);
            Assert.Equal(expected.OrderBy(p => p.Key), decrypted.OrderBy(p => p.Key));
            Assert.Equal("admin", decrypted["UserManager.AdminUser.Password"]);
            Assert.Equal(StorePassword, decrypted["Carbon.Security.KeyStore.Password"]);
        }

        [Fact]
        public void ProtectChangesOnlyThePasswordLinesAndTheRoot()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            var files = new[] { CarbonPaths.CarbonXml, CarbonPaths.UserMgtXml, CarbonPaths.MasterDatasourcesXml, SecureVaultNames.CipherTextProperties };
            var before = files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(home, f)));
            var output = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);

            var carbon = LineDiff.Compare(before[CarbonPaths.CarbonXml], File.ReadAllBytes(Path.Combine(home, CarbonPaths.CarbonXml)));
            Assert.Equal(new[]
            {
                "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">",
                "            <Password>wso2carbon</Password>",
                "            <KeyPassword>wso2carbon</KeyPassword>",
                "            <Password>wso2carbon</Password>",
                "            <KeyPassword>wso2carbon</KeyPassword>",
                "            <Password>wso2carbon</Password>",
            }, carbon.Removed);
            Assert.Equal(new[]
            {
                "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\" xmlns:svns=\"http://org.wso2.securevault/configuration\">",
                // Carbon 4.2.0's cipher-tool.properties maps these two aliases to each other's element; the alias follows the element.
                "            <Password svns:secretAlias=\"Carbon.Security.KeyStore.KeyPassword\">password</Password>",
                "            <KeyPassword svns:secretAlias=\"Carbon.Security.KeyStore.Password\">password</KeyPassword>",
                "            <Password svns:secretAlias=\"Carbon.Security.RegistryKeyStore.Password\">password</Password>",
                "            <KeyPassword svns:secretAlias=\"Carbon.Security.RegistryKeyStore.KeyPassword\">password</KeyPassword>",
                "            <Password svns:secretAlias=\"Carbon.Security.TrustStore.Password\">password</Password>",
            }, carbon.Added);

            var datasources = LineDiff.Compare(before[CarbonPaths.MasterDatasourcesXml], File.ReadAllBytes(Path.Combine(home, CarbonPaths.MasterDatasourcesXml)));
            Assert.Equal(new[] { "                    <password>wso2carbon</password>" }, datasources.Removed);
            Assert.Equal(new[] { "                    <password svns:secretAlias=\"Datasources.WSO2_CARBON_DB.Configuration.Password\">password</password>" }, datasources.Added);

            var cipherText = LineDiff.Compare(before[SecureVaultNames.CipherTextProperties], File.ReadAllBytes(Path.Combine(home, SecureVaultNames.CipherTextProperties)));
            Assert.Equal(5, cipherText.Removed.Count);
            // The sample's cipher-text.properties has CRLF line endings: new and changed lines keep them.
            Assert.All(cipherText.Removed, l => Assert.Matches(@"^[A-Za-z0-9_.]+=\[[^\]]+\]\r$", l));
            Assert.Equal(13, cipherText.Added.Count);
            Assert.All(cipherText.Added, l => Assert.Matches(@"^[A-Za-z0-9_.]+=[A-Za-z0-9+/]+=*\r$", l));
            Assert.Contains(File.ReadAllLines(Path.Combine(home, SecureVaultNames.CipherTextProperties)), l => l == "#UserStoreManager.Property.ConnectionPassword=[admin]");
        }

        [Fact]
        public void WhatIfWritesNothing()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            var original = TempFolder.TreeHash(home);
            var output = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -WhatIf", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);
            Assert.Contains(output.Of<ChangeResult>(), c => c.Status == ChangeStatus.WhatIf);
            Assert.Equal(original, TempFolder.TreeHash(home));
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void TheWholeFlowRunsOnEveryCorpusHomeWithWso2sRealKeystore(string relative)
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.CorpusPath(relative));
            var original = TempFolder.TreeHash(home);

            var checks = ps.Run("param($h) Test-CarbonHost -ProductHome $h -Category Security", new Hashtable { ["h"] = home });
            Assert.Empty(checks.Errors);
            var results = checks.Of<CheckResult>().ToDictionary(r => r.CheckId);
            Assert.Equal(CheckOutcome.Fail, results["Security.DefaultKeystore"].Outcome);
            Assert.Contains("holds WSO2's default key", results["Security.DefaultKeystore"].Message);
            Assert.Equal(CheckOutcome.Fail, results["Security.DefaultCertTrusted"].Outcome);
            Assert.Equal(CheckOutcome.Fail, results["Security.KeyStrength"].Outcome);
            Assert.Equal(CheckOutcome.Fail, results["Security.PlaintextPassword"].Outcome);

            // With WSO2's own key, as the cipher tool would do on a stock install.
            var protect = ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(protect.Errors);
            var vault = ps.Run("param($h, $pw) Test-CarbonSecureVault -ProductHome $h -KeystorePassword $pw", Args(home, "wso2carbon")).Of<SecureVaultEntry>().ToList();
            Assert.NotEmpty(vault);
            Assert.All(vault, e => Assert.Equal(SecretStatus.Decrypts, e.Status));
            var after = ps.Run("param($h, $pw) Test-CarbonHost -ProductHome $h -CheckId Security.PlaintextPassword, Security.SecureVaultBroken -KeystorePassword $pw", Args(home, "wso2carbon"));
            Assert.All(after.Of<CheckResult>(), r => Assert.True(r.Outcome == CheckOutcome.Pass, r.CheckId + ": " + r.Message));

            var protectedHash = TempFolder.TreeHash(home);
            var again = ps.Run("param($h, $pw) Protect-CarbonSecret -ProductHome $h -KeystorePassword $pw -Confirm:$false", Args(home, "wso2carbon"));
            Assert.Empty(again.Errors);
            Assert.All(again.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
            Assert.Equal(protectedHash, TempFolder.TreeHash(home));

            Assert.Empty(ps.Run("param($h) Get-CarbonBackup -ProductHome $h | Sort-Object Created -Descending | Restore-CarbonConfiguration -Confirm:$false", new Hashtable { ["h"] = home }).Errors);
            Assert.Equal(original, TempFolder.TreeHash(home));
        }

        [JdkFact(needsCorpus: true)]
        public void JavaDecryptsWhatWasProtectedWithWso2sRealKeystore()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.CorpusPath("carbon-4.2.0/kernel-4.2.0"));
            Assert.Empty(ps.Run("param($h) Protect-CarbonSecret -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home }).Errors);
            var classes = JavaTools.Compile(temp.Path, "VaultDecrypt.java");
            var java = JavaTools.Run("java", "-cp", classes, "VaultDecrypt", Path.Combine(home, "repository/resources/security/wso2carbon.jks"), "JKS",
                "wso2carbon", "wso2carbon", "wso2carbon", Path.Combine(home, SecureVaultNames.CipherTextProperties));
            Assert.True(java.ExitCode == 0, java.Error);
            Assert.Contains("UserManager.AdminUser.Password=admin", java.Output.Split('\n').Select(l => l.TrimEnd('\r')));
            Assert.Contains("Carbon.Security.KeyStore.Password=wso2carbon", java.Output.Split('\n').Select(l => l.TrimEnd('\r')));
            Assert.Contains("Datasources.WSO2_CARBON_DB.Configuration.Password=wso2carbon", java.Output.Split('\n').Select(l => l.TrimEnd('\r')));
        }
    }
}
