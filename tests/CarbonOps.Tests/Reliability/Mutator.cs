using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CarbonOps.Tests.Support;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>One malformed input: the bytes to put at a path of a copy of the sample home.</summary>
    public sealed class Mutant
    {
        public int Index;
        public string Kind;
        public string Source;
        public string RelativePath;
        public byte[] Bytes;

        public override string ToString() => $"mutant {Index} ({Kind} of {Source} at {RelativePath}, {Bytes.Length} bytes)";
    }

    /// <summary>
    /// Makes seeded mutants of the sample home's files and the corpus files: truncations, byte flips,
    /// wrong encodings, added BOMs, deep nesting, a huge attribute or line, entity expansion ("billion
    /// laughs"), external entities pointing at a local file, and splices of other files.
    /// The same seed and index give the same mutant.
    /// </summary>
    public sealed class Mutator
    {
        public const string Lol = "lollollollol";

        private static readonly string[] XmlKinds = { "truncate", "flip", "encoding", "bom", "nesting", "huge-attribute", "billion-laughs", "external-entity", "splice" };
        private static readonly string[] TextKinds = { "truncate", "flip", "encoding", "bom", "huge-line", "continuations", "nul", "splice" };
        private static readonly string[] BinaryKinds = { "truncate", "flip" };

        private readonly List<(string Relative, string Source, byte[] Bytes)> sample;
        private readonly List<(string Relative, string Source, byte[] Bytes)> corpus;
        private readonly string secretFile;
        private readonly int seed;

        /// <param name="secretFile">A file outside the home that external entities point at; its content must never show.</param>
        public Mutator(int seed, string secretFile)
        {
            this.seed = seed;
            this.secretFile = secretFile;
            sample = Directory.GetFiles(TestPaths.SampleHome, "*", SearchOption.AllDirectories)
                .Select(f => (HomeSnapshot.Relative(TestPaths.SampleHome, f), "sample", File.ReadAllBytes(f)))
                .OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
            // Corpus folders mirror paths relative to a product home: carbon-4.2.0/<product>/<relative>.
            var corpusRoot = Path.Combine(TestPaths.CorpusRoot, "carbon-4.2.0");
            corpus = TestPaths.CorpusExists
                ? Directory.GetFiles(corpusRoot, "*", SearchOption.AllDirectories)
                    .Where(f => Path.GetFileName(f) != ".from-kernel")
                    .Select(f => HomeSnapshot.Relative(corpusRoot, f))
                    .Select(r => (r.Substring(r.IndexOf('/') + 1), "corpus " + r.Substring(0, r.IndexOf('/')), File.ReadAllBytes(Path.Combine(corpusRoot, r))))
                    .OrderBy(f => f.Item2 + f.Item1, StringComparer.Ordinal).ToList()
                : new List<(string, string, byte[])>();
        }

        /// <summary>Every path relative to a home that a mutant can take, with the first version of that file the mutator knows.</summary>
        public IEnumerable<(string Relative, byte[] Bytes)> Files =>
            sample.Concat(corpus).GroupBy(f => f.Relative, StringComparer.Ordinal).Select(g => (g.Key, g.First().Bytes));

        public Mutant Make(int index)
        {
            var rng = new Random(seed * 7919 + index);
            var pool = index % 2 == 1 && corpus.Count > 0 ? corpus : sample;
            var kind = XmlKinds.Concat(TextKinds).Distinct().ElementAt(rng.Next(XmlKinds.Concat(TextKinds).Distinct().Count()));
            var fits = pool.Where(f => KindsFor(f.Relative).Contains(kind)).ToList();
            if (fits.Count == 0)
            {
                fits = pool;
                kind = "truncate";
            }
            var file = fits[rng.Next(fits.Count)];
            return new Mutant
            {
                Index = index,
                Kind = kind,
                Source = file.Source + " " + file.Relative,
                RelativePath = file.Relative,
                Bytes = Apply(kind, file.Bytes, rng),
            };
        }

        private static string[] KindsFor(string relative) =>
            relative.EndsWith(".jks", StringComparison.Ordinal) ? BinaryKinds
            : IsXml(relative) ? XmlKinds
            : TextKinds;

        public static bool IsXml(string relative) => relative.EndsWith(".xml", StringComparison.Ordinal);

        private byte[] Apply(string kind, byte[] bytes, Random rng)
        {
            var latin1 = Encoding.Latin1;
            var text = latin1.GetString(bytes);
            switch (kind)
            {
                case "truncate":
                    return bytes.Take(rng.Next(bytes.Length)).ToArray();
                case "flip":
                {
                    var copy = (byte[])bytes.Clone();
                    for (var i = rng.Next(1, 9); i > 0 && copy.Length > 0; i--)
                    {
                        copy[rng.Next(copy.Length)] ^= (byte)rng.Next(1, 256);
                    }
                    return copy;
                }
                case "encoding":
                    switch (rng.Next(5))
                    {
                        case 0: return Encoding.Unicode.GetBytes(text);                                    // UTF-16LE, no BOM
                        case 1: return new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray();
                        case 2: return latin1.GetBytes(InsertAt(text, rng, "caf\u00e9 \u00fc\u00df"));  // ISO-8859-1 bytes in a UTF-8 file
                        case 3: return latin1.GetBytes(Declare(text, "x-carbonops-unknown"));
                        default: return latin1.GetBytes(Declare(text, "UTF-16"));
                    }
                case "bom":
                {
                    var boms = new[] { new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xFE, 0xFF }, new byte[] { 0xFF, 0xFE, 0, 0 }, new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF } };
                    return boms[rng.Next(boms.Length)].Concat(bytes).ToArray();
                }
                case "nesting":
                {
                    var depth = new[] { 1000, 10000, 100000 }[rng.Next(3)];
                    var nested = string.Concat(Enumerable.Repeat("<n>", depth)) + string.Concat(Enumerable.Repeat("</n>", depth));
                    return latin1.GetBytes(AfterRootStartTag(text, nested));
                }
                case "huge-attribute":
                {
                    var size = rng.Next(1, 3) * 1024 * 1024;
                    var end = RootStartTagEnd(text);
                    if (end < 0)
                    {
                        return bytes;
                    }
                    var at = end > 0 && text[end - 1] == '/' ? end - 1 : end;
                    return latin1.GetBytes(text.Insert(at, " huge=\"" + new string('A', size) + "\""));
                }
                case "billion-laughs":
                {
                    var dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
                    for (var i = 1; i <= 9; i++)
                    {
                        dtd.Append($"<!ENTITY lol{i} \"").Append(string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))).Append("\">");
                    }
                    dtd.Append("]>");
                    return latin1.GetBytes(AfterRootStartTag(WithDoctype(text, dtd.ToString()), "&lol9;"));
                }
                case "external-entity":
                {
                    var uri = new Uri(secretFile).AbsoluteUri;
                    switch (rng.Next(3))
                    {
                        case 0: return latin1.GetBytes(AfterRootStartTag(WithDoctype(text, $"<!DOCTYPE x [<!ENTITY xxe SYSTEM \"{uri}\">]>"), "&xxe;"));
                        case 1: return latin1.GetBytes(WithDoctype(text, $"<!DOCTYPE x [<!ENTITY % p SYSTEM \"{uri}\"> %p;]>"));
                        default: return latin1.GetBytes(WithDoctype(text, $"<!DOCTYPE x SYSTEM \"{uri}\">"));
                    }
                }
                case "huge-line":
                    return latin1.GetBytes(text + "\nlog4j.appender.HUGE=" + new string('A', rng.Next(1, 3) * 1024 * 1024) + "\n");
                case "continuations":
                    return latin1.GetBytes(InsertAt(text, rng, "log4j.appender.DEEP=a\\\n" + string.Concat(Enumerable.Repeat("  b\\\n", 100000)) + "  end\n"));
                case "nul":
                    return latin1.GetBytes(InsertAt(text, rng, "\0\0\0"));
                case "splice":
                {
                    var other = sample[rng.Next(sample.Count)].Bytes;
                    var start = rng.Next(other.Length);
                    var chunk = other.Skip(start).Take(rng.Next(1, 400)).ToArray();
                    var at = rng.Next(bytes.Length + 1);
                    return bytes.Take(at).Concat(chunk).Concat(bytes.Skip(at)).ToArray();
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
            }
        }

        private static string InsertAt(string text, Random rng, string insert)
        {
            var at = rng.Next(text.Length + 1);
            return text.Insert(at, insert);
        }

        private static string Declare(string text, string encoding)
        {
            var declaration = $"<?xml version=\"1.0\" encoding=\"{encoding}\"?>";
            if (text.StartsWith("<?xml", StringComparison.Ordinal))
            {
                var end = text.IndexOf("?>", StringComparison.Ordinal);
                return end < 0 ? declaration + text : declaration + text.Substring(end + 2);
            }
            return declaration + "\n" + text;
        }

        private static string WithDoctype(string text, string doctype)
        {
            if (text.StartsWith("<?xml", StringComparison.Ordinal))
            {
                var end = text.IndexOf("?>", StringComparison.Ordinal);
                if (end >= 0)
                {
                    return text.Insert(end + 2, "\n" + doctype);
                }
            }
            return doctype + "\n" + text;
        }

        private static string AfterRootStartTag(string text, string insert)
        {
            var end = RootStartTagEnd(text);
            return end < 0 || text[end - 1] == '/' ? text + insert : text.Insert(end + 1, insert);
        }

        /// <summary>Offset of the '>' of the document element's start tag, or -1.</summary>
        private static int RootStartTagEnd(string text)
        {
            var i = 0;
            while ((i = text.IndexOf('<', i)) >= 0)
            {
                if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
                {
                    i = text.IndexOf("-->", i, StringComparison.Ordinal);
                    if (i < 0)
                    {
                        return -1;
                    }
                }
                else if (i + 1 < text.Length && (text[i + 1] == '?' || text[i + 1] == '!'))
                {
                    i++;
                }
                else
                {
                    return text.IndexOf('>', i);
                }
            }
            return -1;
        }
    }
}
