using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Editing;

namespace CarbonOps.Installation
{
    public enum LauncherKind { Shell, Batch, WrapperConf }

    /// <summary>One word of the java command line, where the launcher writes it.</summary>
    public sealed class LauncherToken
    {
        internal LauncherToken(string word, int start, int end, int contentStart, int contentEnd, int line, string origin, bool isJavaOpts)
        {
            Word = word;
            Start = start;
            End = end;
            ContentStart = contentStart;
            ContentEnd = contentEnd;
            Line = line;
            Origin = origin;
            IsJavaOpts = isJavaOpts;
        }

        /// <summary>The word as the JVM receives it (quotes removed, variables not expanded).</summary>
        public string Word { get; }
        public int Start { get; }
        public int End { get; }
        /// <summary>Span of <see cref="Word"/> itself in the file (inside any quotes); -1 when it is not contiguous there.</summary>
        public int ContentStart { get; }
        public int ContentEnd { get; }
        public int Line { get; }
        /// <summary>Where the word is: "line 231", "set CMD_LINE_ARGS (line 118)", "wrapper.java.additional.3".</summary>
        public string Origin { get; }
        /// <summary>The $JAVA_OPTS / %JAVA_OPTS% expansion: the options of the environment go here.</summary>
        public bool IsJavaOpts { get; }
    }

    /// <summary>The java command a launcher runs: its option words in order, each with its place in the file.</summary>
    public sealed class LauncherCommand
    {
        internal LauncherCommand(string launcher, LauncherKind kind, TextDocument document, IReadOnlyList<LauncherToken> tokens, int commandEnd, int line)
        {
            Launcher = launcher;
            Kind = kind;
            Document = document;
            Tokens = tokens;
            CommandEnd = commandEnd;
            Line = line;
        }

        /// <summary>The launcher, relative to the product home (bin/wso2server.sh).</summary>
        public string Launcher { get; }
        public LauncherKind Kind { get; }
        public TextDocument Document { get; }
        /// <summary>The words after the java executable, with variables that hold options expanded where they are assigned.</summary>
        public IReadOnlyList<LauncherToken> Tokens { get; }
        /// <summary>Offset just after the java executable's word (where a missing option can go); -1 for wrapper.conf.</summary>
        public int CommandEnd { get; }
        /// <summary>1-based line of the java command (of the first option key for wrapper.conf).</summary>
        public int Line { get; }

        /// <summary>Whether the launcher passes the environment's JAVA_OPTS to java.</summary>
        public bool ReadsJavaOpts => Tokens.Any(t => t.IsJavaOpts);
    }

    /// <summary>
    /// Finds the java command in wso2server.sh (continued lines), wso2server.bat (CMD_LINE_ARGS and
    /// the like) and YAJSW's wrapper.conf (wrapper.java.additional.N), wherever products put it.
    /// </summary>
    public static class LauncherParser
    {
        public const string JavaOptsName = "JAVA_OPTS";

        private static readonly Regex JavaExecutable = new Regex(
            @"^(?:[$%]\{?(?:_?RUN)?JAVA(?:_?CMD|_?EXE)?\}?%?|.*[/\\]javaw?(?:\.exe)?|javaw?(?:\.exe)?)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex ShellVariable = new Regex(@"^\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}?$", RegexOptions.CultureInvariant);
        private static readonly Regex ShellAssignment = new Regex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)=", RegexOptions.CultureInvariant);
        private static readonly Regex BatchVariable = new Regex(@"^%(?<name>[A-Za-z_][A-Za-z0-9_]*)%$", RegexOptions.CultureInvariant);
        private static readonly Regex BatchSet = new Regex(@"^[ \t@]*set[ \t]+(?<q>""?)(?<name>[A-Za-z_][A-Za-z0-9_]*)=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex WrapperKey = new Regex(@"^wrapper\.java\.additional\.(?<n>\d+)$", RegexOptions.CultureInvariant);
        private static readonly string[] ShellPrefixWords = { "exec", "nohup", "eval", "do", "then", "else", "elif", "{", "!", "time" };

        public static LauncherKind KindOf(string relative) =>
            relative.EndsWith(".bat", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".cmd", StringComparison.OrdinalIgnoreCase) ? LauncherKind.Batch
            : relative.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) ? LauncherKind.WrapperConf
            : LauncherKind.Shell;

        /// <summary>Parses a launcher; throws StartupScriptNotRecognised (naming the file) when it runs no java command.</summary>
        public static LauncherCommand Parse(string relative, TextDocument document)
        {
            switch (KindOf(relative))
            {
                case LauncherKind.Batch: return ParseBatch(relative, document);
                case LauncherKind.WrapperConf: return ParseWrapperConf(relative, document);
                default: return ParseShell(relative, document);
            }
        }

        // ----- wso2server.sh ------------------------------------------------------------------

        private sealed class ShellCommand
        {
            public List<ScriptWord> Words;
            public int CommandIndex;
        }

        private static LauncherCommand ParseShell(string relative, TextDocument doc)
        {
            var text = doc.Text;
            var assignments = new List<KeyValuePair<string, ScriptWord>>();
            var candidates = new List<ShellCommand>();
            var pos = 0;
            while (pos < text.Length)
            {
                var words = ScriptWords.ReadShellCommand(text, pos, out var end);
                pos = end < text.Length ? end + 1 : end;
                var index = 0;
                while (index < words.Count)
                {
                    var assignment = ShellAssignment.Match(words[index].Text);
                    if (assignment.Success)
                    {
                        assignments.Add(new KeyValuePair<string, ScriptWord>(assignment.Groups["name"].Value, words[index]));
                        index++;
                    }
                    else if (ShellPrefixWords.Contains(words[index].Text))
                    {
                        index++;
                    }
                    else
                    {
                        break;
                    }
                }
                if (index < words.Count && IsJavaCommand(words, index))
                {
                    candidates.Add(new ShellCommand { Words = words, CommandIndex = index });
                }
            }
            var command = Choose(candidates, c => c.Words.Skip(c.CommandIndex + 1).Select(w => w.Text));
            if (command == null)
            {
                throw NotRecognised(doc, "no line runs java ($JAVACMD, java or $JAVA_HOME/bin/java) with options");
            }
            var commandWord = command.Words[command.CommandIndex];
            var tokens = new List<LauncherToken>();
            foreach (var word in command.Words.Skip(command.CommandIndex + 1))
            {
                AddShellToken(tokens, doc, word, commandWord.Start, assignments, 0);
            }
            return new LauncherCommand(relative, LauncherKind.Shell, doc, tokens, commandWord.End, doc.GetLineNumber(commandWord.Start));
        }

        private static void AddShellToken(List<LauncherToken> tokens, TextDocument doc, ScriptWord word, int before,
            List<KeyValuePair<string, ScriptWord>> assignments, int depth)
        {
            var variable = ShellVariable.Match(word.Text);
            if (variable.Success)
            {
                var name = variable.Groups["name"].Value;
                if (name == JavaOptsName)
                {
                    tokens.Add(Token(doc, word, "line " + doc.GetLineNumber(word.Start), true));
                    return;
                }
                var expansion = depth < 3 ? ShellAssignmentWords(doc.Text, assignments, name, before) : null;
                if (expansion != null)
                {
                    var origin = $"{name}= (line {doc.GetLineNumber(expansion[0].Start)})";
                    foreach (var inner in expansion)
                    {
                        if (ShellVariable.IsMatch(inner.Text))
                        {
                            AddShellToken(tokens, doc, inner, before, assignments, depth + 1);
                        }
                        else
                        {
                            tokens.Add(Token(doc, inner, origin, false));
                        }
                    }
                    return;
                }
            }
            tokens.Add(Token(doc, word, "line " + doc.GetLineNumber(word.Start), false));
        }

        /// <summary>
        /// The words of the last assignment to <paramref name="name"/> before <paramref name="before"/>,
        /// when its value is plain or one quoted string that holds options; null otherwise.
        /// </summary>
        private static List<ScriptWord> ShellAssignmentWords(string text, List<KeyValuePair<string, ScriptWord>> assignments, string name, int before)
        {
            var last = assignments.LastOrDefault(a => a.Key == name && a.Value.Start < before);
            if (last.Key == null)
            {
                return null;
            }
            var valueStart = last.Value.Start + name.Length + 1;
            var valueEnd = last.Value.End;
            if (valueEnd - valueStart >= 2 && (text[valueStart] == '"' || text[valueStart] == '\'') && text[valueEnd - 1] == text[valueStart])
            {
                valueStart++;
                valueEnd--;
            }
            var content = text.Substring(valueStart, valueEnd - valueStart);
            if (content.IndexOfAny(new[] { '"', '\'', '\\', '`', '(' }) >= 0)
            {
                return null;
            }
            var words = ScriptWords.ReadBatchWords(text, valueStart, valueEnd);
            return words.Count > 0 && words.Any(w => w.Text.StartsWith("-", StringComparison.Ordinal)) ? words : null;
        }

        // ----- wso2server.bat -----------------------------------------------------------------

        private static LauncherCommand ParseBatch(string relative, TextDocument doc)
        {
            var text = doc.Text;
            var sets = new List<KeyValuePair<string, int[]>>();   // name -> value span
            var candidates = new List<List<ScriptWord>>();
            var lineStart = 0;
            while (lineStart < text.Length)
            {
                var lineEnd = lineStart;
                while (lineEnd < text.Length && text[lineEnd] != '\r' && text[lineEnd] != '\n')
                {
                    lineEnd++;
                }
                var set = BatchSet.Match(text.Substring(lineStart, lineEnd - lineStart));
                if (set.Success)
                {
                    var valueStart = lineStart + set.Length;
                    var valueEnd = lineEnd;
                    if (set.Groups["q"].Value == "\"")
                    {
                        var closing = text.LastIndexOf('"', lineEnd - 1, lineEnd - valueStart);
                        valueEnd = closing >= valueStart ? closing : lineEnd;
                    }
                    sets.Add(new KeyValuePair<string, int[]>(set.Groups["name"].Value.ToUpperInvariant(), new[] { valueStart, valueEnd }));
                }
                else
                {
                    var words = ScriptWords.ReadBatchWords(text, lineStart, lineEnd);
                    var index = 0;
                    while (index < words.Count && (words[index].Text == "@" || string.Equals(words[index].Text.TrimStart('@'), "call", StringComparison.OrdinalIgnoreCase)))
                    {
                        index++;
                    }
                    if (index < words.Count)
                    {
                        var first = words[index].Text.TrimStart('@');
                        if (!string.Equals(first, "rem", StringComparison.OrdinalIgnoreCase) && !first.StartsWith("::", StringComparison.Ordinal)
                            && JavaExecutable.IsMatch(first) && IsJavaCommand(words, index))
                        {
                            candidates.Add(words.Skip(index).ToList());
                        }
                    }
                }
                lineStart = lineEnd;
                if (lineStart < text.Length && text[lineStart] == '\r')
                {
                    lineStart++;
                }
                if (lineStart < text.Length && text[lineStart] == '\n')
                {
                    lineStart++;
                }
            }
            var command = Choose(candidates, c => ExpandBatchTexts(text, c.Skip(1), sets, c[0].Start, 0));
            if (command == null)
            {
                throw NotRecognised(doc, "no line runs java (\"%JAVA_HOME%\\bin\\java\", java.exe or %_RUNJAVA%) with options");
            }
            var tokens = new List<LauncherToken>();
            foreach (var word in command.Skip(1))
            {
                AddBatchToken(tokens, doc, word, command[0].Start, sets, 0);
            }
            return new LauncherCommand(relative, LauncherKind.Batch, doc, tokens, command[0].End, doc.GetLineNumber(command[0].Start));
        }

        private static void AddBatchToken(List<LauncherToken> tokens, TextDocument doc, ScriptWord word, int before, List<KeyValuePair<string, int[]>> sets, int depth)
        {
            var variable = BatchVariable.Match(word.Text);
            if (variable.Success)
            {
                var name = variable.Groups["name"].Value.ToUpperInvariant();
                if (name == JavaOptsName)
                {
                    tokens.Add(Token(doc, word, "line " + doc.GetLineNumber(word.Start), true));
                    return;
                }
                var expansion = depth < 3 ? BatchSetWords(doc.Text, sets, name, before) : null;
                if (expansion != null)
                {
                    var origin = $"set {name} (line {doc.GetLineNumber(expansion[0].Start)})";
                    foreach (var inner in expansion)
                    {
                        if (BatchVariable.IsMatch(inner.Text))
                        {
                            AddBatchToken(tokens, doc, inner, before, sets, depth + 1);
                        }
                        else
                        {
                            tokens.Add(Token(doc, inner, origin, false));
                        }
                    }
                    return;
                }
            }
            tokens.Add(Token(doc, word, "line " + doc.GetLineNumber(word.Start), false));
        }

        private static List<ScriptWord> BatchSetWords(string text, List<KeyValuePair<string, int[]>> sets, string name, int before)
        {
            var last = sets.LastOrDefault(s => s.Key == name && s.Value[0] < before);
            if (last.Key == null)
            {
                return null;
            }
            var words = ScriptWords.ReadBatchWords(text, last.Value[0], last.Value[1]);
            return words.Any(w => w.Text.StartsWith("-", StringComparison.Ordinal)) ? words : null;
        }

        private static IEnumerable<string> ExpandBatchTexts(string text, IEnumerable<ScriptWord> words, List<KeyValuePair<string, int[]>> sets, int before, int depth)
        {
            foreach (var word in words)
            {
                var variable = BatchVariable.Match(word.Text);
                var expansion = variable.Success && depth < 3 ? BatchSetWords(text, sets, variable.Groups["name"].Value.ToUpperInvariant(), before) : null;
                if (expansion == null)
                {
                    yield return word.Text;
                    continue;
                }
                foreach (var inner in ExpandBatchTexts(text, expansion, sets, before, depth + 1))
                {
                    yield return inner;
                }
            }
        }

        // ----- bin/yajsw/wrapper.conf ---------------------------------------------------------

        private static LauncherCommand ParseWrapperConf(string relative, TextDocument doc)
        {
            var config = new PropertiesConfig(doc);
            var entries = config.Entries
                .Select(e => new { Entry = e, Match = WrapperKey.Match(e.Key) })
                .Where(x => x.Match.Success)
                .OrderBy(x => WrapperKeyNumber(x.Entry.Key))
                .Select(x => x.Entry)
                .ToList();
            if (entries.Count == 0 && config.Find("wrapper.java.command") == null && config.Find("wrapper.java.app.mainclass") == null)
            {
                throw NotRecognised(doc, "it sets none of wrapper.java.command, wrapper.java.app.mainclass or wrapper.java.additional.N");
            }
            var tokens = entries.Select(e =>
            {
                var raw = doc.Text.Substring(e.ValueStart, e.ValueLength).TrimEnd();
                var end = e.ValueStart + raw.Length;
                var contiguous = raw == e.Value;
                return new LauncherToken(e.Value, e.ValueStart, end, contiguous ? e.ValueStart : -1, contiguous ? end : -1,
                    doc.GetLineNumber(e.ValueStart), e.Key, false);
            }).ToList();
            var line = entries.Count > 0 ? doc.GetLineNumber(entries[0].LineStart) : 0;
            return new LauncherCommand(relative, LauncherKind.WrapperConf, doc, tokens, -1, line);
        }

        /// <summary>The keys of wrapper.java.additional.N in file order, for adding one after the last.</summary>
        public static IReadOnlyList<PropertyEntry> WrapperAdditionalEntries(TextDocument doc) =>
            new PropertiesConfig(doc).Entries.Where(e => WrapperKey.IsMatch(e.Key)).ToList();

        public static long WrapperKeyNumber(string key)
        {
            var match = WrapperKey.Match(key);
            return match.Success && long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }

        // ----- shared -------------------------------------------------------------------------

        /// <summary>A java command: runs a java executable with arguments, and is not a -version probe.</summary>
        private static bool IsJavaCommand(List<ScriptWord> words, int index) =>
            JavaExecutable.IsMatch(words[index].Text.TrimStart('@'))
            && words.Count > index + 1
            && !words.Skip(index + 1).Any(w => w.Text == "-version" || w.Text == "-fullversion" || w.Text == "--version");

        /// <summary>The command that starts Carbon's bootstrap class, else the last that passes options.</summary>
        private static T Choose<T>(List<T> candidates, Func<T, IEnumerable<string>> texts) where T : class
        {
            var starting = candidates.LastOrDefault(c => texts(c).Any(t => t == InstanceDiscovery.BootstrapClass));
            return starting ?? candidates.LastOrDefault(c => texts(c).Any(t => t.StartsWith("-", StringComparison.Ordinal)));
        }

        private static LauncherToken Token(TextDocument doc, ScriptWord word, string origin, bool javaOpts) =>
            new LauncherToken(word.Text, word.Start, word.End, word.ContentStart, word.ContentEnd, doc.GetLineNumber(word.Start), origin, javaOpts);

        private static CarbonOpsException NotRecognised(TextDocument doc, string why) =>
            new CarbonOpsException(ErrorIds.StartupScriptNotRecognised,
                $"'{doc.Path}' is not a launcher CarbonOps recognises: {why}. Nothing was read from it or written to it.", doc.Path);
    }
}
