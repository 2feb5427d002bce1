using System;
using System.Collections;
using System.Linq;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>One output rule: every cmdlet that changes a home's files returns ChangeResult objects, always, each with its CheckId.</summary>
    public class ChangeOutputTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

        [Fact]
        public void EverySetCmdletReturnsChangeResultsUnderWhatIfWithoutPassThru()
        {
            using var ps = new PowerShellRunner();
            var setCmdlets = CmdletCases.ModuleCmdlets.Where(c => c.Name.StartsWith("Set-", StringComparison.Ordinal)).ToList();
            Assert.True(setCmdlets.Count >= 10, "the module's Set-* cmdlets were not found");
            foreach (var cmdlet in setCmdlets)
            {
                using var temp = new TempFolder();
                var home = new CaseHome(temp);
                var args = new Hashtable(CmdletCases.For(cmdlet.Name).Arguments(home)) { ["WhatIf"] = true };
                args.Remove("PassThru");
                var before = HomeSnapshot.Take(home.Path);
                var run = ps.RunCommand(cmdlet.Name, args, Bound);
                Assert.True(run.Terminated == null && run.Errors.Count == 0, $"{cmdlet.Name}: {run.Terminated?.Message}{string.Join("; ", run.Errors)}");
                Assert.True(run.Objects.Count > 0, $"{cmdlet.Name} -WhatIf returned nothing");
                foreach (var result in run.Objects)
                {
                    Assert.Equal("CarbonOps.ChangeResult", result.BaseObject.GetType().FullName);
                    var checkId = (string)result.Properties["CheckId"].Value;
                    Assert.False(string.IsNullOrEmpty(checkId), $"{cmdlet.Name} returned a result without a CheckId");
                    Assert.NotEqual("Changed", result.Properties["Status"].Value.ToString());
                }
                Assert.Contains(run.Objects, o => o.Properties["Status"].Value.ToString() == "WhatIf");
                Assert.Empty(before.Diff(HomeSnapshot.Take(home.Path)));
            }
        }
    }
}
