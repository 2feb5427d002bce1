using System.IO;
using CarbonOps.Checks;
using CarbonOps.Checks.Security;
using CarbonOps.Installation;
using CarbonOps.Tests.Checks;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.SecureVault
{
    public class SecureVaultFactsTests
    {
        [Fact]
        public void EachHomeOfACallHasItsOwnInventoryAndVaultReadOnce()
        {
            using var temp = new TempFolder();
            var first = CarbonHome.Open(temp.CopyHome(TestPaths.SampleHome, "first"));
            var secondPath = temp.CopyHome(TestPaths.SampleHome, "second");
            var userMgt = Path.Combine(secondPath, CarbonPaths.UserMgtXml);
            var text = File.ReadAllText(userMgt);
            Assert.Contains("<Password>admin</Password>", text);
            File.WriteAllText(userMgt, text.Replace("<Password>admin</Password>", ""));
            var second = CarbonHome.Open(secondPath);

            var host = new RecordedHost();
            var facts = new CallFacts();
            var options = new CheckOptions { Homes = new[] { first, second } };
            var firstContext = new CheckContext(host, first, options, facts);
            var secondContext = new CheckContext(host, second, options, facts);

            var inventory = SecureVaultFacts.Inventory(firstContext);
            Assert.Same(inventory, SecureVaultFacts.Inventory(new CheckContext(host, first, options, facts)));
            Assert.Same(SecureVaultFacts.Vault(firstContext), SecureVaultFacts.Vault(new CheckContext(host, first, options, facts)));
            // The second home's own files: the admin password it lacks is not one of its built-in places.
            var secondInventory = SecureVaultFacts.Inventory(secondContext);
            Assert.NotSame(inventory, secondInventory);
            Assert.Contains(inventory.Slots, s => s.Alias == "UserManager.AdminUser.Password" && s.BuiltIn);
            Assert.DoesNotContain(secondInventory.Slots, s => s.Alias == "UserManager.AdminUser.Password" && s.BuiltIn);
            Assert.NotSame(SecureVaultFacts.Vault(firstContext), SecureVaultFacts.Vault(secondContext));
            // Another call reads the home again.
            Assert.NotSame(inventory, SecureVaultFacts.Inventory(new CheckContext(host, first, options, new CallFacts())));
        }
    }
}
