using System.Collections;
using System.Linq;
using CarbonOps.Checks;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    /// <summary>CheckId is the one name of a check's id on every object, so checks pipe into the cmdlets that take ids.</summary>
    public class CheckIdBindingTests
    {
        [Fact]
        public void GetCarbonCheckOfACategoryPipesIntoTestCarbonHostAndRunsOnlyThoseChecks()
        {
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Get-CarbonCheck -Category Security | Test-CarbonHost -ProductHome $h", new Hashtable { ["h"] = TestPaths.SampleHome });
            Assert.Empty(output.Errors);
            var ran = output.Of<CheckResult>().Select(r => r.CheckId).OrderBy(i => i).ToList();
            var security = CheckCatalog.All.Where(c => c.Category == "Security").Select(c => c.Id).OrderBy(i => i).ToList();
            Assert.True(security.Count > 3);
            Assert.Equal(security, ran);
        }

        [Fact]
        public void CheckInfoSaysCheckIdAndKeepsIdForOldScripts()
        {
            using var ps = new PowerShellRunner();
            var info = Assert.Single(ps.Run("Get-CarbonCheck -CheckId Host.Memory").Of<CheckInfo>());
            Assert.Equal("Host.Memory", info.CheckId);
            Assert.Equal("Host.Memory", info.Id);
            Assert.Equal("Host.Memory", Assert.Single(ps.Run("Get-CarbonCheck -Id Host.Memory").Of<CheckInfo>()).CheckId);
        }
    }
}
