using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using CarbonOps.Changes;
using CarbonOps.Commands;
using Xunit;

namespace CarbonOps.Tests.Architecture
{
    /// <summary>The parameters generated from the [RemedyInput] declarations: one declaration, the same parameter everywhere.</summary>
    public class RemedyInputTests
    {
        private static readonly Type[] Cmdlets = typeof(InvokeCarbonHardeningCommand).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null).ToArray();

        private static Type CmdletType(string name) =>
            Cmdlets.Single(t => { var a = t.GetCustomAttribute<CmdletAttribute>(); return $"{a.VerbName}-{a.NounName}" == name; });

        [Fact]
        public void EveryDeclaredInputIsAParameterOfEachOfItsCmdletsWithTheSameValidationAndAliases()
        {
            Assert.NotEmpty(RemedyInputs.All);
            foreach (var input in RemedyInputs.All)
            {
                Assert.Equal("Invoke-CarbonHardening", input.Cmdlets[0]);
                var declared = typeof(RemediationOptions).GetProperty(input.Name);
                Assert.NotNull(declared);
                var expected = Describe(declared);
                foreach (var cmdlet in input.Cmdlets)
                {
                    var parameter = CmdletType(cmdlet).GetProperty(input.Name);
                    Assert.True(parameter != null, $"{cmdlet} has no -{input.Name}");
                    Assert.NotNull(parameter.GetCustomAttribute<ParameterAttribute>());
                    Assert.Equal(expected, Describe(parameter));
                }
                Assert.False(string.IsNullOrWhiteSpace(input.Help), input.Name);
                Assert.NotNull(CarbonOps.Checks.CheckCatalog.Find(input.CheckId));
            }
        }

        [Fact]
        public void InvokeCarbonHardeningTakesNoRemedyValueThatIsNotDeclared()
        {
            var selection = new[] { "ProductHome", "CheckId", "Category", "Outcome", "Waived", "Force" };
            var parameters = typeof(InvokeCarbonHardeningCommand).GetProperties()
                .Where(p => p.GetCustomAttribute<ParameterAttribute>() != null).Select(p => p.Name).Except(selection);
            Assert.Equal(RemedyInputs.All.Select(i => i.Name).OrderBy(n => n), parameters.OrderBy(n => n));
        }

        [Fact]
        public void InvokeCarbonHardeningHasTheDeclaredDefaultsAndTheDedicatedCmdletsNone()
        {
            var hardening = new InvokeCarbonHardeningCommand();
            Assert.Equal(RemediationOptions.GuideMaxHeap, hardening.MaxHeap);
            Assert.Equal(20, hardening.LogMaxBackupIndex);
            Assert.Null(new SetCarbonJvmOptionCommand().MaxHeap);
            Assert.True(typeof(SetCarbonHostNameCommand).GetProperty("HostName").GetCustomAttribute<ParameterAttribute>().Mandatory);
            Assert.False(typeof(InvokeCarbonHardeningCommand).GetProperty("HostName").GetCustomAttribute<ParameterAttribute>().Mandatory);
        }

        /// <summary>The type (bool as a switch) and every attribute but Parameter and RemedyInput, by name and arguments.</summary>
        private static string Describe(PropertyInfo property)
        {
            var type = property.PropertyType == typeof(bool) ? typeof(SwitchParameter) : property.PropertyType;
            var attributes = property.GetCustomAttributesData()
                .Where(a => a.AttributeType != typeof(ParameterAttribute) && a.AttributeType != typeof(RemedyInputAttribute))
                .Select(a => a.ToString()).OrderBy(a => a, StringComparer.Ordinal);
            return type.FullName + " " + string.Join(" ", attributes);
        }
    }
}
