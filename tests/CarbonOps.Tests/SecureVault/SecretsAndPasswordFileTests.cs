using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Installation;
using CarbonOps.SecureVault;
using CarbonOps.Tests.Support;
using Xunit;
using static CarbonOps.Tests.SecureVault.VaultFlowTests;

namespace CarbonOps.Tests.SecureVault
{
    public class SecretsAndPasswordFileTests
    {
        private const string AdminPassword = "Adm1n-Quokka-4471";
        private const string DatabasePassword = "Db-Xylophone-9923";
        private const string WrongPassword = "Wr0ng-Narwhal-5512";

        /// <summary>Every text a run shows: objects (serialized whole), errors, warnings, verbose, debug and information.</summary>
        internal static IEnumerable<string> EverythingShown(PowerShellRunner.Output output)
        {
            foreach (var o in output.Objects)
            {
                yield return o.BaseObject is SecretValue value ? value.Alias + value.PlainText : PSSerializer.Serialize(o);
                yield return o.ToString();
            }
            foreach (var e in output.Errors)
            {
                yield return e.ToString();
                yield return e.Exception.ToString();
                yield return e.TargetObject?.ToString();
                yield return e.CategoryInfo.ToString();
            }
            foreach (var list in new[] { output.Warnings, output.Verbose, output.Debug, output.Information })
            {
                foreach (var line in list)
                {
                    yield return line;
                }
            }
        }

        [Fact]
        public void NoSecretReachesAnyStream()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            Replace(home, CarbonPaths.UserMgtXml, "<Password>admin</Password>", $"<Password>{AdminPassword}</Password>");
            Replace(home, CarbonPaths.MasterDatasourcesXml, "<password>wso2carbon</password>", $"<password>{DatabasePassword}</password>");
            var shown = new List<string>();
            var args = new Hashtable { ["h"] = home, ["pw"] = Secure(StorePassword), ["bad"] = Secure(WrongPassword), ["ks"] = Path.Combine(home, NewKeystore) };
            foreach (var script in new[]
            {
                "$DebugPreference = 'Continue'; $InformationPreference = 'Continue'",
                "Test-CarbonHost -ProductHome $h -Category Security -Verbose",
                "New-CarbonKeystore -Path $ks -Alias carbon -Subject 'CN=esb.example.com' -StorePassword $pw -Verbose",
                "Set-CarbonKeystore -ProductHome $h -Path $ks -Alias carbon -StorePassword $bad -Confirm:$false -Verbose",
                "Set-CarbonKeystore -ProductHome $h -Path $ks -Alias carbon -StorePassword $pw -WhatIf -Verbose",
                "Set-CarbonKeystore -ProductHome $h -Path $ks -Alias carbon -StorePassword $pw -Confirm:$false -Verbose",
                "Protect-CarbonSecret -ProductHome $h -WhatIf -Verbose",
                "Protect-CarbonSecret -ProductHome $h -Confirm:$false -Verbose",
                "Protect-CarbonSecret -ProductHome $h -KeystorePassword $bad -Confirm:$false -Verbose",
                "Protect-CarbonSecret -ProductHome $h -KeystorePassword $pw -Confirm:$false -Verbose",
                "Test-CarbonSecureVault -ProductHome $h -KeystorePassword $pw -Verbose",
                "Test-CarbonSecureVault -ProductHome $h -KeystorePassword $bad -Verbose",
                "Unprotect-CarbonSecret -ProductHome $h -KeystorePassword $pw -Verbose",
                "Unprotect-CarbonSecret -ProductHome $h -KeystorePassword $bad -Verbose",
                "Set-CarbonKeystorePassword -ProductHome $h -Password $bad -Confirm:$false -Verbose",
                "Set-CarbonKeystorePassword -ProductHome $h -Password $pw -Confirm:$false -Verbose",
                "Test-CarbonHost -ProductHome $h -Category Security -KeystorePassword $pw -Verbose",
                "Get-CarbonBackup -ProductHome $h | Sort-Object Created -Descending | Restore-CarbonConfiguration -Confirm:$false -Verbose",
            })
            {
                var output = ps.Run("param($h, $pw, $bad, $ks) " + script, args);
                shown.AddRange(EverythingShown(output).Where(s => s != null));
            }
            Assert.NotEmpty(shown);
            foreach (var secret in new[] { StorePassword, AdminPassword, DatabasePassword, WrongPassword })
            {
                Assert.DoesNotContain(shown, s => s.Contains(secret, StringComparison.Ordinal));
            }
            // The plain values are there to be shown only when asked for.
            var plain = ps.Run("param($h, $pw) Unprotect-CarbonSecret -ProductHome $h -KeystorePassword $pw", args);
            Assert.All(plain.Of<SecretValue>(), v => Assert.Null(v.PlainText));
        }

        private static void Replace(string home, string relative, string from, string to)
        {
            var path = Path.Combine(home, relative);
            var text = File.ReadAllText(path);
            Assert.Contains(from, text);
            File.WriteAllText(path, text.Replace(from, to));
        }

        [Fact]
        public void TheStartupPasswordFileIsOwnerOnlyAndPersistingItFailsTheCheck()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = StockHomeWithKeystores(temp);
            HardenKeysAndSecrets(ps, home);
            var protectedHash = TempFolder.TreeHash(home);

            var wrong = ps.Run("param($h, $pw) Set-CarbonKeystorePassword -ProductHome $h -Password $pw -Confirm:$false", Args(home, WrongPassword));
            Assert.Equal("KeystorePasswordIncorrect,CarbonOps.Commands.SetCarbonKeystorePasswordCommand", Assert.Single(wrong.Errors).FullyQualifiedErrorId);
            Assert.Equal(protectedHash, TempFolder.TreeHash(home));

            var write = ps.Run("param($h, $pw) Set-CarbonKeystorePassword -ProductHome $h -Password $pw -Confirm:$false", Args(home));
            Assert.Empty(write.Errors);
            var tmp = Path.Combine(home, PasswordFiles.TmpName);
            Assert.Equal(StorePassword, File.ReadAllText(tmp));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tmp));
            }
            Assert.All(ps.Run("param($h, $pw) Set-CarbonKeystorePassword -ProductHome $h -Password $pw -Confirm:$false", Args(home)).Of<ChangeResult>(),
                c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));

            // With password-tmp present, the vault is verified without -KeystorePassword, as Carbon would read it.
            var checks = ps.Run("param($h) Test-CarbonHost -ProductHome $h -CheckId Security.SecureVaultBroken, Security.PasswordFile", new Hashtable { ["h"] = home })
                .Of<CheckResult>().ToDictionary(r => r.CheckId);
            Assert.Equal(CheckOutcome.Pass, checks["Security.SecureVaultBroken"].Outcome);
            Assert.Equal(CheckOutcome.Pass, checks["Security.PasswordFile"].Outcome);

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                var loose = Assert.Single(ps.Run("param($h) Test-CarbonHost -ProductHome $h -CheckId Security.PasswordFile", new Hashtable { ["h"] = home }).Of<CheckResult>());
                Assert.Equal(CheckOutcome.Fail, loose.Outcome);
                Assert.Contains("mode 644", loose.Message);
            }

            var persist = ps.Run("param($h, $pw) Set-CarbonKeystorePassword -ProductHome $h -Password $pw -Persist -Confirm:$false", Args(home));
            Assert.Empty(persist.Errors);
            Assert.NotEmpty(persist.Warnings);
            var persisted = Assert.Single(ps.Run("param($h) Test-CarbonHost -ProductHome $h -CheckId Security.PasswordFile", new Hashtable { ["h"] = home }).Of<CheckResult>());
            Assert.Equal(CheckOutcome.Fail, persisted.Outcome);
            Assert.Contains(PasswordFiles.PersistName + " keeps the keystore password on disk", persisted.Message);

            Assert.Empty(ps.Run("param($h) Get-CarbonBackup -ProductHome $h | Sort-Object Created -Descending | Select-Object -First 2 | Restore-CarbonConfiguration -Confirm:$false", new Hashtable { ["h"] = home }).Errors);
            Assert.False(File.Exists(Path.Combine(home, PasswordFiles.PersistName)));
        }

        [CorpusFact]
        public void NewKeysReplaceWso2sDefaultsOnAnInstalledKernel()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.CorpusPath("carbon-4.2.0/kernel-4.2.0"));
            var original = TempFolder.TreeHash(home);
            HardenKeysAndSecrets(ps, home);
            var results = ps.Run("param($h, $pw) Test-CarbonHost -ProductHome $h -Category Security -KeystorePassword $pw", Args(home)).Of<CheckResult>().ToDictionary(r => r.CheckId);
            foreach (var id in new[] { "Security.DefaultKeystore", "Security.DefaultCertTrusted", "Security.KeyStrength", "Security.PlaintextPassword", "Security.SecureVaultBroken" })
            {
                Assert.True(results[id].Outcome == CheckOutcome.Pass, id + ": " + results[id].Message);
            }
            Assert.Empty(ps.Run("param($h) Get-CarbonBackup -ProductHome $h | Sort-Object Created -Descending | Restore-CarbonConfiguration -Confirm:$false", new Hashtable { ["h"] = home }).Errors);
            Assert.Equal(original, TempFolder.TreeHash(home));
        }
    }
}
