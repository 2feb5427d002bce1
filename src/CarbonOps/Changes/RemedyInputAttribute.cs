using System;

namespace CarbonOps.Changes
{
    /// <summary>
    /// Declares a property of <see cref="RemediationOptions"/> as a value a remedy takes. The declaration is the only one:
    /// at build time CarbonOps.Generators makes from it Invoke-CarbonHardening's parameter, the same parameter on each
    /// cmdlet named in <see cref="Cmdlets"/>, and the entry of <see cref="RemedyInputs.All"/> from which the help and the
    /// DSC instance schema are written. Validation attributes on the property go onto every parameter made from it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class RemedyInputAttribute : Attribute
    {
        public RemedyInputAttribute(string checkId, string help)
        {
            CheckId = checkId;
            Help = help;
        }

        /// <summary>The check whose remedy takes the value.</summary>
        public string CheckId { get; }

        /// <summary>The parameter's help text, one paragraph, as Get-Help shows it.</summary>
        public string Help { get; }

        /// <summary>The dedicated cmdlets (Verb-Noun) that take the value as well.</summary>
        public string[] Cmdlets { get; set; }

        /// <summary>The cmdlets of <see cref="Cmdlets"/> on which the parameter is mandatory.</summary>
        public string[] MandatoryIn { get; set; }

        /// <summary>A password or credential: never echoed, write-only in the DSC schema.</summary>
        public bool Secret { get; set; }

        /// <summary>
        /// The value's form as a regular expression, for the DSC schema, where the cmdlets check it in code to give the
        /// module's own error (ParameterValueInvalid); a [ValidatePattern] does both when PowerShell's error will do.
        /// </summary>
        public string Pattern { get; set; }

        /// <summary>
        /// A public static method of RemediationOptions, (string parameterName, value), that throws a CarbonOpsException
        /// (ParameterValueInvalid) for a value the remedy cannot take. Every cmdlet with the parameter calls it before any
        /// home is read, with the value when one is given.
        /// </summary>
        public string Validator { get; set; }

        /// <summary>On the dedicated cmdlets: the parameter set the parameter belongs to (all when null).</summary>
        public string ParameterSet { get; set; }

        /// <summary>On the dedicated cmdlets: the parameter's position (named when negative).</summary>
        public int Position { get; set; } = -1;
    }

    /// <summary>One declared remedy input, as <see cref="RemedyInputs.All"/> lists them.</summary>
    public sealed class RemedyInputInfo
    {
        public RemedyInputInfo(string name, string checkId, string help, bool secret, string pattern, string[] cmdlets)
        {
            Pattern = pattern;
            Name = name;
            CheckId = checkId;
            Help = help;
            Secret = secret;
            Cmdlets = cmdlets;
        }

        /// <summary>The parameter name, also the DSC property's name in camelCase.</summary>
        public string Name { get; }
        public string CheckId { get; }
        public string Help { get; }
        public bool Secret { get; }
        /// <summary>See <see cref="RemedyInputAttribute.Pattern"/>.</summary>
        public string Pattern { get; }
        /// <summary>Every cmdlet with the parameter: Invoke-CarbonHardening first, then the dedicated ones.</summary>
        public string[] Cmdlets { get; }
    }
}
