using System;
using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Keystores
{
    public class KeystoreCheckTests
    {
        private static CheckResult Check(PowerShellRunner ps, string home, string id, string extra = "") =>
            Assert.Single(ps.Run($"param($h) Test-CarbonHost -ProductHome $h -CheckId {id} {extra}", new Hashtable { ["h"] = home }).Of<CheckResult>());

        private static string HomeWithKey(TempFolder temp, int validityDays, DateTime? notBefore = null)
        {
            var home = temp.CopyHome(TestPaths.SampleHome);
            TestKeystores.AddWso2LikeStores(home);
            // Replace the key with a strong one of the given validity, same alias and password as carbon.xml names.
            TestKeystores.Write(Path.Combine(home, TestKeystores.SecurityFolder, "wso2carbon.jks"), "wso2carbon", "CN=esb.example.com", "wso2carbon",
                validityDays: validityDays, notBefore: notBefore);
            return home;
        }

        [Fact]
        public void AnExpiredCertificateFailsAndOneAboutToExpireWarns()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var expired = HomeWithKey(temp, 30, DateTime.UtcNow.AddDays(-40));
            var result = Check(ps, expired, "Security.CertificateExpiry");
            Assert.Equal(CheckOutcome.Fail, result.Outcome);
            Assert.Contains("expired", result.Actual);

            using var temp2 = new TempFolder();
            var soon = HomeWithKey(temp2, 10);
            Assert.Equal(CheckOutcome.Warning, Check(ps, soon, "Security.CertificateExpiry").Outcome);
            Assert.Equal(CheckOutcome.Pass, Check(ps, soon, "Security.CertificateExpiry", "-CertificateExpiryDays 5").Outcome);
            var strong = Check(ps, soon, "Security.KeyStrength");
            Assert.Equal(CheckOutcome.Pass, strong.Outcome);
            // Still WSO2's default password on that store.
            Assert.Equal(CheckOutcome.Fail, Check(ps, soon, "Security.DefaultKeystore").Outcome);
        }

        [Fact]
        public void AWeakKeyFailsKeyStrengthNamingSizeAndSignature()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            TestKeystores.AddWso2LikeStores(home);
            var result = Check(ps, home, "Security.KeyStrength");
            Assert.Equal(CheckOutcome.Fail, result.Outcome);
            Assert.Contains("'wso2carbon': RSA 1024-bit, SHA1withRSA", result.Actual);
        }

        [Theory]
        [InlineData("Security.DefaultKeystore")]
        [InlineData("Security.KeyStrength")]
        [InlineData("Security.CertificateExpiry")]
        [InlineData("Security.DefaultCertTrusted")]
        [InlineData("Security.PlaintextPassword")]
        [InlineData("Security.SecureVaultBroken")]
        [InlineData("Security.PasswordFile")]
        public void TheChecksAreProductChecksThatNameTheirCmdlet(string id)
        {
            var check = CarbonOps.Checks.CheckCatalog.Find(id);
            Assert.NotNull(check);
            Assert.Equal(CheckScope.Product, check.Scope);
            Assert.Equal("Security", check.Category);
            // Keys and Secure Vault change how the server starts: a cmdlet does it, never a blanket hardening run.
            Assert.False(check.CanRemediate);
            Assert.Matches("(New|Set|Protect|Import)-Carbon|Test-CarbonSecureVault", check.RemediationText);
        }
    }
}
