using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace CarbonOps.SecureVault
{
    /// <summary>
    /// The XPath subset that cipher-tool.properties uses, evaluated as WSO2's cipher tool does (a parser
    /// that ignores namespaces, so carbon.xml's default namespace does not hide its elements):
    /// <c>//Server/Security/KeyStore/Password</c>, steps with <c>[@name='https']</c>, <c>[@name]</c>,
    /// <c>[name='WSO2_CARBON_DB']</c> (a child's text) or <c>[2]</c> predicates, and <c>*</c>.
    /// </summary>
    public sealed class VaultXPath
    {
        private readonly bool anywhere;
        private readonly bool absolute;
        private readonly List<Step> steps;

        private VaultXPath(string text, bool anywhere, bool absolute, List<Step> steps)
        {
            Text = text;
            this.anywhere = anywhere;
            this.absolute = absolute;
            this.steps = steps;
        }

        public string Text { get; }

        private sealed class Step
        {
            public string Name;
            public List<Func<XElement, int, bool>> Predicates = new List<Func<XElement, int, bool>>();
        }

        /// <summary>Expressions parsed before: a home's mappings and password places repeat in every home of an audit.</summary>
        private static readonly ConcurrentDictionary<string, VaultXPath> Parsed = new ConcurrentDictionary<string, VaultXPath>(StringComparer.Ordinal);
        private const int MaxParsed = 4096;

        /// <summary>Parses an expression (an immutable value, so one seen before is given again); a FormatException names what is not understood.</summary>
        public static VaultXPath Parse(string text)
        {
            var key = text ?? "";
            if (Parsed.TryGetValue(key, out var known))
            {
                return known;
            }
            var parsed = ParseNew(text);
            if (Parsed.Count < MaxParsed)
            {
                Parsed.TryAdd(key, parsed);
            }
            return parsed;
        }

        private static VaultXPath ParseNew(string text)
        {
            var s = (text ?? "").Trim();
            var anywhere = s.StartsWith("//", StringComparison.Ordinal);
            var absolute = !anywhere && s.StartsWith("/", StringComparison.Ordinal);
            var i = anywhere ? 2 : absolute ? 1 : 0;
            var steps = new List<Step>();
            while (true)
            {
                var step = new Step { Name = ReadName(s, ref i, allowStar: true) };
                while (i < s.Length && s[i] == '[')
                {
                    step.Predicates.Add(ReadPredicate(s, ref i));
                }
                steps.Add(step);
                if (i >= s.Length)
                {
                    break;
                }
                if (s[i] != '/' || i + 1 >= s.Length || s[i + 1] == '/')
                {
                    throw new FormatException($"unexpected '{s.Substring(i)}' (only child steps 'a/b' are understood)");
                }
                i++;
            }
            return new VaultXPath(s, anywhere, absolute, steps);
        }

        public IReadOnlyList<XElement> Select(XDocument document)
        {
            IEnumerable<XElement> current;
            if (anywhere)
            {
                current = Filter(ElementsNamed(document, steps[0].Name), steps[0]);
            }
            else if (absolute)
            {
                current = Filter(new[] { document.Root }, steps[0]);
            }
            else
            {
                current = Filter(document.Root.Elements(), steps[0]);
            }
            foreach (var step in steps.Skip(1))
            {
                var s = step;
                current = current.SelectMany(e => Filter(e.Elements(), s));
            }
            return current.Distinct().ToList();
        }

        /// <summary>
        /// The elements of a document with a local name ("*": all), in document order: the document is walked once and
        /// its elements kept by name on it, since every password place of a file starts with '//' and a walk of the file.
        /// A parsed configuration is never changed in place (an edit parses its text anew), so the index stays true.
        /// </summary>
        private static IEnumerable<XElement> ElementsNamed(XDocument document, string name)
        {
            var index = document.Annotation<NameIndex>();
            if (index == null)
            {
                index = new NameIndex();
                foreach (var element in document.Root.DescendantsAndSelf())
                {
                    index.All.Add(element);
                    if (!index.ByName.TryGetValue(element.Name.LocalName, out var named))
                    {
                        index.ByName[element.Name.LocalName] = named = new List<XElement>();
                    }
                    named.Add(element);
                }
                document.AddAnnotation(index);
            }
            return name == "*" ? index.All : index.ByName.TryGetValue(name, out var found) ? found : new List<XElement>();
        }

        private sealed class NameIndex
        {
            public readonly List<XElement> All = new List<XElement>();
            public readonly Dictionary<string, List<XElement>> ByName = new Dictionary<string, List<XElement>>(StringComparer.Ordinal);
        }

        private static IEnumerable<XElement> Filter(IEnumerable<XElement> candidates, Step step)
        {
            var named = candidates.Where(e => step.Name == "*" || e.Name.LocalName == step.Name).ToList();
            IEnumerable<XElement> result = named;
            foreach (var predicate in step.Predicates)
            {
                var list = result.ToList();
                result = list.Where((e, index) => predicate(e, index + 1)).ToList();
            }
            return result;
        }

        private static Func<XElement, int, bool> ReadPredicate(string s, ref int i)
        {
            i++; // '['
            SkipSpaces(s, ref i);
            Func<XElement, int, bool> predicate;
            if (i < s.Length && char.IsDigit(s[i]))
            {
                var start = i;
                while (i < s.Length && char.IsDigit(s[i]))
                {
                    i++;
                }
                var position = int.Parse(s.Substring(start, i - start), CultureInfo.InvariantCulture);
                predicate = (e, p) => p == position;
            }
            else
            {
                var attribute = i < s.Length && s[i] == '@';
                if (attribute)
                {
                    i++;
                }
                var name = ReadName(s, ref i, allowStar: false);
                SkipSpaces(s, ref i);
                string value = null;
                if (i < s.Length && s[i] == '=')
                {
                    i++;
                    SkipSpaces(s, ref i);
                    value = ReadLiteral(s, ref i);
                }
                if (attribute)
                {
                    predicate = (e, p) => e.Attributes().Any(a => !a.IsNamespaceDeclaration && a.Name.LocalName == name && (value == null || a.Value == value));
                }
                else
                {
                    predicate = (e, p) => e.Elements().Any(c => c.Name.LocalName == name && (value == null || c.Value.Trim() == value));
                }
            }
            SkipSpaces(s, ref i);
            if (i >= s.Length || s[i] != ']')
            {
                throw new FormatException("a predicate is not closed with ']'");
            }
            i++;
            return predicate;
        }

        private static string ReadName(string s, ref int i, bool allowStar)
        {
            if (allowStar && i < s.Length && s[i] == '*')
            {
                i++;
                return "*";
            }
            var sb = new StringBuilder();
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '-' || s[i] == '.' || s[i] == ':'))
            {
                sb.Append(s[i++]);
            }
            if (sb.Length == 0)
            {
                throw new FormatException(i < s.Length ? $"a name was expected at '{s.Substring(i)}'" : "the expression ends where a name was expected");
            }
            var name = sb.ToString();
            var colon = name.IndexOf(':');
            return colon >= 0 ? name.Substring(colon + 1) : name;
        }

        private static string ReadLiteral(string s, ref int i)
        {
            if (i >= s.Length || (s[i] != '\'' && s[i] != '"'))
            {
                throw new FormatException("a quoted value was expected after '='");
            }
            var quote = s[i++];
            var end = s.IndexOf(quote, i);
            if (end < 0)
            {
                throw new FormatException("a quoted value is not closed");
            }
            var value = s.Substring(i, end - i);
            i = end + 1;
            return value;
        }

        private static void SkipSpaces(string s, ref int i)
        {
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }
        }
    }
}
