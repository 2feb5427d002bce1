using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CarbonOps.Generators
{
    /// <summary>
    /// Turns each <c>[RemedyInput]</c> property of <c>RemediationOptions</c> into parameters: one on Invoke-CarbonHardening
    /// (with the declared default), one on each dedicated cmdlet the declaration names (without a default: not given
    /// means not changed there), <c>BindInputs()</c> on Invoke-CarbonHardening, and the <c>RemedyInputs.All</c> table.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class RemedyInputGenerator : IIncrementalGenerator
    {
        private const string AttributeName = "CarbonOps.Changes.RemedyInputAttribute";
        private const string HardeningCmdlet = "Invoke-CarbonHardening";

        private static readonly DiagnosticDescriptor NotConstant = new DiagnosticDescriptor(
            "CARBON001", "Remedy input default is not a constant",
            "The default of remedy input '{0}' must be a constant (a literal, a const or an enum member)",
            "CarbonOps", DiagnosticSeverity.Error, isEnabledByDefault: true);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var inputs = context.SyntaxProvider.ForAttributeWithMetadataName(AttributeName,
                    (node, _) => node is PropertyDeclarationSyntax,
                    (ctx, _) => Input.From((IPropertySymbol)ctx.TargetSymbol, (PropertyDeclarationSyntax)ctx.TargetNode, ctx.SemanticModel))
                .Collect();
            context.RegisterSourceOutput(inputs, Emit);
        }

        private static void Emit(SourceProductionContext context, ImmutableArray<Input> inputs)
        {
            foreach (var input in inputs.Where(i => i.DefaultError != null))
            {
                context.ReportDiagnostic(Diagnostic.Create(NotConstant, input.DefaultError, input.Name));
            }
            var ordered = inputs.OrderBy(i => i.OrderKey, System.StringComparer.Ordinal).ToList();
            context.AddSource("RemedyInputs.g.cs", Table(ordered));
            context.AddSource("InvokeCarbonHardeningCommand.Inputs.g.cs", Cmdlet(HardeningCmdlet, ordered, withDefaults: true));
            foreach (var cmdlet in ordered.SelectMany(i => i.Cmdlets).Distinct().OrderBy(c => c, System.StringComparer.Ordinal))
            {
                context.AddSource(ClassName(cmdlet) + ".Inputs.g.cs", Cmdlet(cmdlet, ordered.Where(i => i.Cmdlets.Contains(cmdlet)).ToList(), withDefaults: false));
            }
        }

        private static string Table(IReadOnlyList<Input> inputs)
        {
            var text = Header("CarbonOps.Changes");
            text.AppendLine("    public static partial class RemedyInputs");
            text.AppendLine("    {");
            text.AppendLine("        public static readonly global::System.Collections.Generic.IReadOnlyList<RemedyInputInfo> All = new RemedyInputInfo[]");
            text.AppendLine("        {");
            foreach (var i in inputs)
            {
                var cmdlets = string.Join(", ", new[] { HardeningCmdlet }.Concat(i.Cmdlets).Select(Literal));
                text.AppendLine($"            new RemedyInputInfo({Literal(i.Name)}, {Literal(i.CheckId)}, {Literal(i.Help)}, {(i.Secret ? "true" : "false")}, {Literal(i.Pattern)}, new[] {{ {cmdlets} }}),");
            }
            text.AppendLine("        };");
            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }

        private static string Cmdlet(string cmdlet, IReadOnlyList<Input> inputs, bool withDefaults)
        {
            var text = Header("CarbonOps.Commands");
            text.AppendLine($"    public sealed partial class {ClassName(cmdlet)}");
            text.AppendLine("    {");
            foreach (var i in inputs)
            {
                var settings = new List<string>();
                if (i.MandatoryIn.Contains(cmdlet))
                {
                    settings.Add("Mandatory = true");
                }
                if (!withDefaults && i.ParameterSet != null)
                {
                    settings.Add($"ParameterSetName = {Literal(i.ParameterSet)}");
                }
                if (!withDefaults && i.Position >= 0)
                {
                    settings.Add($"Position = {i.Position}");
                }
                text.AppendLine($"        /// <summary>{System.Security.SecurityElement.Escape(i.Help)}</summary>");
                text.AppendLine($"        [global::System.Management.Automation.Parameter({string.Join(", ", settings)})]");
                foreach (var attribute in i.Attributes)
                {
                    text.AppendLine($"        [{attribute}]");
                }
                var initializer = withDefaults && i.Default != null ? $" = {i.Default};" : "";
                text.AppendLine($"        public {i.ParameterType} {i.Name} {{ get; set; }}{initializer}");
                text.AppendLine();
            }
            text.AppendLine("        /// <summary>Runs the declared validators of this cmdlet's remedy inputs on the values given.</summary>");
            text.AppendLine("        protected override void ValidateInputs()");
            text.AppendLine("        {");
            foreach (var i in inputs.Where(i => i.Validator != null))
            {
                // A value is checked only when given: not null (a nullable value is passed as its value).
                var value = i.IsNullableValue ? i.Name + ".Value" : i.Name;
                var call = $"global::CarbonOps.Changes.RemediationOptions.{i.Validator}({Literal(i.Name)}, {value});";
                text.AppendLine(i.IsReference || i.IsNullableValue ? $"            if ({i.Name} != null) {{ {call} }}" : $"            {call}");
            }
            text.AppendLine("        }");
            text.AppendLine();
            if (withDefaults)
            {
                text.AppendLine("        /// <summary>The declared remedy inputs, as given (or defaulted) on this call.</summary>");
                text.AppendLine("        private global::CarbonOps.Changes.RemediationOptions BindInputs() => new global::CarbonOps.Changes.RemediationOptions");
                text.AppendLine("        {");
                foreach (var i in inputs)
                {
                    text.AppendLine($"            {i.Name} = {i.Name}{(i.IsBool ? ".IsPresent" : "")},");
                }
                text.AppendLine("        };");
            }
            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }

        private static StringBuilder Header(string ns)
        {
            var text = new StringBuilder();
            text.AppendLine("// <auto-generated>Written by CarbonOps.Generators.RemedyInputGenerator from the [RemedyInput] declarations.</auto-generated>");
            text.AppendLine($"namespace {ns}");
            text.AppendLine("{");
            return text;
        }

        /// <summary>Set-CarbonHostName → SetCarbonHostNameCommand, the module's naming of cmdlet classes.</summary>
        private static string ClassName(string cmdlet) => cmdlet.Replace("-", "") + "Command";

        private static string Literal(string value) => value == null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

        private sealed class Input
        {
            public string Name;
            public string OrderKey;
            public string CheckId;
            public string Help;
            public bool Secret;
            public string Pattern;
            public string Validator;
            public string ParameterSet;
            public int Position = -1;
            public bool IsReference;
            public bool IsNullableValue;
            public bool IsBool;
            public string ParameterType;
            public string Default;
            public Location DefaultError;
            public string[] Cmdlets = new string[0];
            public string[] MandatoryIn = new string[0];
            public List<string> Attributes = new List<string>();

            public static Input From(IPropertySymbol property, PropertyDeclarationSyntax syntax, SemanticModel model)
            {
                var input = new Input { Name = property.Name };
                var location = syntax.GetLocation();
                // Declaration order across files (file path, then position), so the parameters' order is stable.
                input.OrderKey = (location.SourceTree?.FilePath ?? "") + ":" + location.SourceSpan.Start.ToString("D8");
                input.IsBool = property.Type.SpecialType == SpecialType.System_Boolean;
                input.IsReference = property.Type.IsReferenceType;
                input.IsNullableValue = property.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
                input.ParameterType = input.IsBool ? "global::System.Management.Automation.SwitchParameter"
                    : property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                foreach (var attribute in property.GetAttributes())
                {
                    var name = attribute.AttributeClass?.ToDisplayString();
                    if (name == AttributeName)
                    {
                        input.CheckId = attribute.ConstructorArguments[0].Value as string;
                        input.Help = attribute.ConstructorArguments[1].Value as string;
                        foreach (var named in attribute.NamedArguments)
                        {
                            switch (named.Key)
                            {
                                case "Cmdlets": input.Cmdlets = Strings(named.Value); break;
                                case "MandatoryIn": input.MandatoryIn = Strings(named.Value); break;
                                case "Secret": input.Secret = (bool)named.Value.Value; break;
                                case "Pattern": input.Pattern = named.Value.Value as string; break;
                                case "Validator": input.Validator = named.Value.Value as string; break;
                                case "ParameterSet": input.ParameterSet = named.Value.Value as string; break;
                                case "Position": input.Position = (int)named.Value.Value; break;
                            }
                        }
                    }
                    else
                    {
                        input.Attributes.Add(AttributeText(attribute));
                    }
                }
                if (syntax.Initializer != null)
                {
                    input.Default = DefaultText(property.Type, syntax.Initializer.Value, model);
                    if (input.Default == null)
                    {
                        input.DefaultError = syntax.Initializer.GetLocation();
                    }
                }
                return input;
            }

            private static string[] Strings(TypedConstant value) =>
                value.Kind == TypedConstantKind.Array ? value.Values.Select(v => v.Value as string).ToArray() : new[] { value.Value as string };

            private static string AttributeText(AttributeData attribute)
            {
                // The attributes here take their arrays as params (Alias, ValidateSet): the elements go in one by one.
                var arguments = attribute.ConstructorArguments.SelectMany(a => a.Kind == TypedConstantKind.Array ? a.Values.Select(v => v.ToCSharpString()) : new[] { a.ToCSharpString() })
                    .Concat(attribute.NamedArguments.Select(a => $"{a.Key} = {(a.Value.Kind == TypedConstantKind.Array ? "new[] " : "")}{a.Value.ToCSharpString()}"));
                return $"{attribute.AttributeClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}({string.Join(", ", arguments)})";
            }

            private static string DefaultText(ITypeSymbol type, ExpressionSyntax value, SemanticModel model)
            {
                var constant = model.GetConstantValue(value);
                if (!constant.HasValue)
                {
                    return null;
                }
                if (type.TypeKind == TypeKind.Enum)
                {
                    return $"({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){constant.Value}";
                }
                switch (constant.Value)
                {
                    case string s: return SymbolDisplay.FormatLiteral(s, quote: true);
                    case bool b: return b ? "true" : "false";
                    case null: return "null";
                    default: return SymbolDisplay.FormatPrimitive(constant.Value, quoteStrings: true, useHexadecimalNumbers: false);
                }
            }
        }
    }
}
