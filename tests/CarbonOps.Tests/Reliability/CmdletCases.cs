using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// How to call each cmdlet of the module with minimal valid arguments that make it do its real
    /// work: for a cmdlet that writes, arguments that change the home (the -WhatIf suite checks that
    /// a real run does). The -WhatIf, secrets and malformed-input suites run every row, so a new
    /// cmdlet is covered by adding one row here; a cmdlet without a row fails those suites by name.
    /// A cmdlet that takes a password binds it from <see cref="CaseHome.Secret"/> or
    /// <see cref="CaseHome.Credential"/>, so the secrets suite can search for its value.
    /// </summary>
    public static class CmdletCases
    {
        public static readonly IReadOnlyList<CmdletCase> All = new[]
        {
            new CmdletCase("Get-CarbonBackup", h => Args("ProductHome", h.Path)),
            new CmdletCase("Get-CarbonCheck", h => Args(), readsHome: false),
            new CmdletCase("Get-CarbonInstance", h => Args("Path", h.Path)),
            new CmdletCase("Invoke-CarbonHardening", h => Args("ProductHome", h.Path)),
            // Its input is a backup set, not the home's files: the malformed-input suite leaves it out.
            new CmdletCase("Restore-CarbonConfiguration", h => Args("BackupPath", h.BackupSet()), readsHome: false),
            new CmdletCase("Test-CarbonHost", h => Args("ProductHome", h.Path)),
        };

        /// <summary>The row of a cmdlet; a cmdlet without one fails loudly, naming what to add.</summary>
        public static CmdletCase For(string name) =>
            All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new Xunit.Sdk.XunitException(
                $"The cmdlet {name} has no row in tests/CarbonOps.Tests/Reliability/CmdletCases.cs. Add one with the minimal valid " +
                "arguments that make it do its real work (and change the home, if it writes); the -WhatIf, secrets and malformed-input suites run it.");

        /// <summary>Every cmdlet class of the module's assembly, by Verb-Noun.</summary>
        public static IReadOnlyList<(string Name, Type Type, CmdletAttribute Attribute)> ModuleCmdlets =>
            typeof(CarbonOps.Commands.CarbonCmdlet).Assembly.GetTypes()
                .Select(t => (Type: t, Attribute: t.GetCustomAttribute<CmdletAttribute>()))
                .Where(x => x.Attribute != null && !x.Type.IsAbstract)
                .Select(x => (x.Attribute.VerbName + "-" + x.Attribute.NounName, x.Type, x.Attribute))
                .OrderBy(x => x.Item1, StringComparer.Ordinal)
                .ToList();

        public static Dictionary<string, object> Args(params object[] pairs)
        {
            var result = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < pairs.Length; i += 2)
            {
                result[(string)pairs[i]] = pairs[i + 1];
            }
            return result;
        }
    }

    public sealed class CmdletCase
    {
        public CmdletCase(string name, Func<CaseHome, Dictionary<string, object>> arguments, bool readsHome = true)
        {
            Name = name;
            Arguments = arguments;
            ReadsHome = readsHome;
        }

        public string Name { get; }
        public Func<CaseHome, Dictionary<string, object>> Arguments { get; }

        /// <summary>Whether the cmdlet reads the product home's files (the malformed-input suite feeds those).</summary>
        public bool ReadsHome { get; }

        public override string ToString() => Name;
    }
}
