using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace CarbonOps.Tests.Architecture
{
    /// <summary>
    /// Dependencies point one way: the layer order is written once, in src/CarbonOps/Layers.txt, and
    /// this test reads every type reference of the compiled module (base types, interfaces, fields,
    /// signatures, locals, attributes, and every type, method and field the IL touches) and fails on
    /// each reference from a layer to one listed after it.
    /// </summary>
    public class LayeringTests
    {
        private static readonly string LayersFile = Path.Combine(TestPaths.RepoRoot, "src/CarbonOps/Layers.txt");

        private static List<string> Layers() =>
            File.ReadAllLines(LayersFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToList();

        /// <summary>The index of the layer a namespace belongs to (the longest listed prefix), or -1 for other assemblies' namespaces.</summary>
        private static int LayerOf(string ns, List<string> layers)
        {
            var best = -1;
            var bestLength = -1;
            for (var i = 0; i < layers.Count; i++)
            {
                var layer = layers[i];
                if ((ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal)) && layer.Length > bestLength)
                {
                    best = i;
                    bestLength = layer.Length;
                }
            }
            return best;
        }

        internal static IEnumerable<(TypeDefinition From, TypeReference To, string Where)> References(ModuleDefinition module)
        {
            foreach (var type in module.GetTypes())
            {
                IEnumerable<(TypeReference, string)> Uses()
                {
                    if (type.BaseType != null) yield return (type.BaseType, "base type");
                    foreach (var i in type.Interfaces) yield return (i.InterfaceType, "interface");
                    foreach (var a in type.CustomAttributes) yield return (a.AttributeType, "attribute");
                    foreach (var f in type.Fields) yield return (f.FieldType, "field " + f.Name);
                    foreach (var p in type.Properties)
                    {
                        yield return (p.PropertyType, "property " + p.Name);
                        foreach (var a in p.CustomAttributes)
                        {
                            yield return (a.AttributeType, "attribute of " + p.Name);
                            foreach (var arg in a.ConstructorArguments.Where(x => x.Value is TypeReference)) yield return ((TypeReference)arg.Value, "attribute argument of " + p.Name);
                        }
                    }
                    foreach (var m in type.Methods)
                    {
                        yield return (m.ReturnType, "method " + m.Name);
                        foreach (var p in m.Parameters) yield return (p.ParameterType, "parameter of " + m.Name);
                        if (!m.HasBody) continue;
                        foreach (var v in m.Body.Variables) yield return (v.VariableType, "local of " + m.Name);
                        foreach (var ins in m.Body.Instructions)
                        {
                            switch (ins.Operand)
                            {
                                case TypeReference t: yield return (t, "IL of " + m.Name); break;
                                case MethodReference r:
                                    yield return (r.DeclaringType, "call in " + m.Name);
                                    yield return (r.ReturnType, "call in " + m.Name);
                                    break;
                                case FieldReference f:
                                    yield return (f.DeclaringType, "field use in " + m.Name);
                                    yield return (f.FieldType, "field use in " + m.Name);
                                    break;
                            }
                        }
                    }
                }
                foreach (var (used, where) in Uses())
                {
                    foreach (var named in Named(used))
                    {
                        yield return (type, named, where);
                    }
                }
            }
        }

        /// <summary>A reference and the types inside it (element types of arrays, generic arguments).</summary>
        private static IEnumerable<TypeReference> Named(TypeReference t)
        {
            if (t == null) yield break;
            if (t is TypeSpecification spec)
            {
                foreach (var inner in Named(spec.ElementType)) yield return inner;
                if (t is GenericInstanceType g)
                {
                    foreach (var arg in g.GenericArguments.SelectMany(Named)) yield return arg;
                }
                yield break;
            }
            if (t is GenericParameter) yield break;
            yield return t;
        }

        private static string NamespaceOf(TypeReference t)
        {
            while (t.DeclaringType != null)
            {
                t = t.DeclaringType;
            }
            return t.Namespace;
        }

        [Fact]
        public void NoLayerReferencesALayerAboveIt()
        {
            var layers = Layers();
            Assert.Contains("CarbonOps.Commands", layers);
            using var module = ModuleDefinition.ReadModule(typeof(CarbonOps.ChangeResult).Assembly.Location);
            var violations = new SortedSet<string>(StringComparer.Ordinal);
            var assembly = module.Assembly.Name.Name;
            var counted = 0;
            foreach (var (from, to, where) in References(module))
            {
                if (to.Scope is AssemblyNameReference other && other.Name != assembly)
                {
                    continue;
                }
                var fromLayer = LayerOf(NamespaceOf(from), layers);
                var toLayer = LayerOf(NamespaceOf(to), layers);
                if (fromLayer < 0 || toLayer < 0)
                {
                    continue; // compiler-generated types without a namespace of ours
                }
                counted++;
                if (toLayer > fromLayer)
                {
                    violations.Add($"{layers[fromLayer]} -> {layers[toLayer]}: {from.FullName} uses {to.FullName} ({where})");
                }
            }
            Assert.True(counted > 1000, $"only {counted} references inside the module were read");
            Assert.True(violations.Count == 0, "Lower layers reference higher ones (see src/CarbonOps/Layers.txt):\n" + string.Join("\n", violations));
        }

        /// <summary>Negative control: the reader sees a reference that only the IL holds (a call to a static method, no field, no signature).</summary>
        [Fact]
        public void TheReaderSeesReferencesThatOnlyTheILHolds()
        {
            using var module = ModuleDefinition.ReadModule(typeof(LayeringTests).Assembly.Location);
            var found = References(module).Where(r => r.From.Name == nameof(OnlyInIL)).Select(r => r.To.FullName).ToList();
            Assert.Contains(typeof(CarbonOps.Changes.ChangePipeline).FullName, found);
        }

        private static class OnlyInIL
        {
            public static bool Call() => CarbonOps.Changes.ChangePipeline.IsNotApplicable("x");
        }
    }
}
