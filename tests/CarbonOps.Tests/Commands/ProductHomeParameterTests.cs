using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Commands;
using CarbonOps.Tests.Reliability;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    /// <summary>-ProductHome is one parameter everywhere, as PowerShell's binder sees it: aliases, position, pipeline binding, completion.</summary>
    public class ProductHomeParameterTests
    {
        // Each keeps a form of its own, for the reason its declaration gives.
        private static readonly string[] OwnForm = { "Invoke-CarbonHardening", "Test-CarbonCluster" };

        private static ParameterMetadata ProductHome(Type cmdlet) =>
            new CommandMetadata(cmdlet).Parameters.TryGetValue("ProductHome", out var p) ? p : null;

        [Fact]
        public void EveryCmdletWithAProductHomeDeclaresItTheSameWay()
        {
            var withHome = CmdletCases.ModuleCmdlets.Where(c => ProductHome(c.Type) != null).ToList();
            Assert.Contains(withHome, c => c.Name == "Get-CarbonCluster");
            Assert.Contains(withHome, c => c.Name == "Set-CarbonHostName");
            var problems = new List<string>();
            foreach (var (name, type, _) in withHome)
            {
                var p = ProductHome(type);
                if (!p.Aliases.Contains("CarbonHome"))
                {
                    problems.Add($"{name}: no alias CarbonHome");
                }
                if (!p.Attributes.OfType<ArgumentCompleterAttribute>().Any(a => a.Type == typeof(ProductHomeCompleter)))
                {
                    problems.Add($"{name}: ProductHome does not complete homes");
                }
                if (OwnForm.Contains(name))
                {
                    continue;
                }
                var declaredBy = type.GetProperty("ProductHome").DeclaringType;
                if (declaredBy != typeof(HomeCmdlet) && declaredBy != typeof(OptionalHomeCmdlet))
                {
                    problems.Add($"{name}: ProductHome is declared in {declaredBy.Name}, not HomeCmdlet or OptionalHomeCmdlet");
                }
                var set = Assert.Single(p.ParameterSets.Values);
                if (!p.Aliases.Contains("PSPath") || set.Position != 0 || !set.ValueFromPipeline || !set.ValueFromPipelineByPropertyName)
                {
                    problems.Add($"{name}: ProductHome is not PSPath, position 0, from the pipeline by value and by property name");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void InvokeCarbonHardeningBindsProductHomeByPropertyNameOnlyAndAllowsNull()
        {
            var p = ProductHome(typeof(InvokeCarbonHardeningCommand));
            var set = Assert.Single(p.ParameterSets.Values);
            Assert.False(set.ValueFromPipeline);
            Assert.True(set.ValueFromPipelineByPropertyName);
            Assert.Equal(0, set.Position);
            Assert.Contains(p.Attributes, a => a is AllowNullAttribute);
        }

        [Fact]
        public void WhereProductHomeMayBeLeftOutItIsTheOptionalForm()
        {
            var optional = CmdletCases.ModuleCmdlets.Where(c => typeof(OptionalHomeCmdlet).IsAssignableFrom(c.Type)).Select(c => c.Name).ToList();
            Assert.Equal(new[] { "Get-CarbonCluster", "Get-CarbonJvmOption", "Get-CarbonPort", "Get-CarbonServer", "Test-CarbonHost" }, optional);
            Assert.All(optional.Select(n => ProductHome(CmdletCases.ModuleCmdlets.Single(c => c.Name == n).Type)),
                p => Assert.False(p.ParameterSets.Values.Single().IsMandatory));
        }
    }
}
