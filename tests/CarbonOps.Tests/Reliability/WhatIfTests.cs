using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>-WhatIf everywhere: every cmdlet of the module that supports ShouldProcess, found from the module itself.</summary>
    public class WhatIfTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
        private readonly ITestOutputHelper output;
        private readonly Stopwatch took = Stopwatch.StartNew();

        public WhatIfTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void EveryCmdletOfTheModuleHasACaseRowAndEveryRowACmdlet()
        {
            foreach (var cmdlet in CmdletCases.ModuleCmdlets)
            {
                CmdletCases.For(cmdlet.Name);
            }
            var names = CmdletCases.ModuleCmdlets.Select(c => c.Name).ToList();
            Assert.All(CmdletCases.All, row => Assert.Contains(row.Name, names));
        }

        /// <summary>The suites' rows mean something only when each does its work: no error, and output or a change to the home.</summary>
        [Fact]
        public void EveryRowRunsCleanlyAndReturnsOrChangesSomething()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var idle = new List<string>();
            foreach (var cmdlet in CmdletCases.ModuleCmdlets)
            {
                var row = CmdletCases.For(cmdlet.Name);
                var home = new CaseHome(temp);
                var args = new Hashtable(row.Arguments(home));
                if (cmdlet.Attribute.SupportsShouldProcess)
                {
                    args[row.WhatIfOnly ? "WhatIf" : "Confirm"] = row.WhatIfOnly ? (object)true : false;
                }
                var before = HomeSnapshot.Take(home.Path);
                var run = ps.RunCommand(cmdlet.Name, args, Bound);
                Assert.True(run.Terminated == null && !run.TimedOut && run.Errors.Count == 0,
                    $"{cmdlet.Name} with its case row's arguments did not run cleanly: {run.Terminated?.Message}{string.Join("; ", run.Errors.Select(e => e.ToString()))}");
                if (run.Objects.Count == 0 && before.Diff(HomeSnapshot.Take(home.Path)).Count == 0)
                {
                    idle.Add(cmdlet.Name);
                }
            }
            Assert.True(idle.Count == 0, "These rows returned nothing and changed nothing; give them arguments that make the cmdlet do its work: " + string.Join(", ", idle));
        }

        [Fact]
        public void WhatIfWritesNothingWhereARealRunWrites()
        {
            using var ps = new PowerShellRunner();
            var fromModule = ps.Run("Get-Command -Module CarbonOps -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object Name")
                .Objects.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var declared = CmdletCases.ModuleCmdlets.Where(c => c.Attribute.SupportsShouldProcess).Select(c => c.Name).ToList();
            Assert.Equal(declared, fromModule);
            Assert.NotEmpty(fromModule);

            var changedUnderWhatIf = 0;
            foreach (var name in fromModule)
            {
                var row = CmdletCases.For(name);
                using var temp = new TempFolder();

                // The row's arguments do real work: a run without -WhatIf changes the home (a -WhatIf-only row says why it is not run for real).
                if (!row.WhatIfOnly)
                {
                    var real = new CaseHome(temp);
                    var realArgs = new Hashtable(row.Arguments(real)) { ["Confirm"] = false };
                    var beforeReal = HomeSnapshot.Take(real.Path);
                    var realRun = ps.RunCommand(name, realArgs, Bound);
                    Assert.True(realRun.Terminated == null && !realRun.TimedOut && realRun.Errors.Count == 0,
                        $"{name} with its case row's arguments did not run cleanly: {realRun.Terminated?.Message}{string.Join("; ", realRun.Errors.Select(e => e.ToString()))}");
                    Assert.True(beforeReal.Diff(HomeSnapshot.Take(real.Path)).Count > 0,
                        $"{name} with its case row's arguments changed nothing; give it arguments that make it write, or the -WhatIf case proves nothing.");
                }

                var preview = new CaseHome(temp);
                var whatIfArgs = new Hashtable(row.Arguments(preview)) { ["WhatIf"] = true };
                var before = HomeSnapshot.Take(preview.Path);
                var run = ps.RunCommand(name, whatIfArgs, Bound);
                Assert.True(run.Terminated == null && !run.TimedOut && run.Errors.Count == 0, $"{name} -WhatIf failed: {run.Terminated?.Message}{string.Join("; ", run.Errors.Select(e => e.ToString()))}");
                var diff = before.Diff(HomeSnapshot.Take(preview.Path));
                changedUnderWhatIf += diff.Count;
                Assert.True(diff.Count == 0, $"{name} -WhatIf wrote to the home: {string.Join(", ", diff)}");
            }
            var previewOnly = fromModule.Where(n => CmdletCases.For(n).WhatIfOnly).ToList();
            ReliabilityLog.Print(output, $"whatif: {fromModule.Count} cmdlets ({string.Join(", ", fromModule)}), {fromModule.Count - previewOnly.Count} of them also run for real "
                + $"(-WhatIf only: {string.Join(", ", previewOnly)}), paths changed under -WhatIf: {changedUnderWhatIf}", took);
        }
    }
}
