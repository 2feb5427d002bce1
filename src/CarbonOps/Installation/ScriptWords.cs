using System.Collections.Generic;
using System.Text;

namespace CarbonOps.Installation
{
    /// <summary>One word of a script command: its raw span in the file and its text with quotes removed.</summary>
    public struct ScriptWord
    {
        public int Start;
        public int End;
        public string Text;
        /// <summary>Span of the unquoted text when it stands contiguous in the file (the word, or the inside of one pair of quotes); -1 otherwise.</summary>
        public int ContentStart;
        public int ContentEnd;
    }

    /// <summary>Splits POSIX shell and Windows batch lines into words, keeping where each word stands in the file.</summary>
    internal static class ScriptWords
    {
        /// <summary>
        /// Reads the words of one simple shell command from <paramref name="pos"/>. A backslash before a
        /// line break continues the command; it ends at an unquoted line break, ';', '&amp;', '|', a
        /// redirection, or a comment. <paramref name="end"/> is where reading stopped.
        /// </summary>
        public static List<ScriptWord> ReadShellCommand(string text, int pos, out int end)
        {
            var words = new List<ScriptWord>();
            while (true)
            {
                pos = SkipShellBlanks(text, pos);
                if (pos >= text.Length || IsShellStop(text[pos]))
                {
                    break;
                }
                if (text[pos] == '#')
                {
                    while (pos < text.Length && text[pos] != '\n')
                    {
                        pos++;
                    }
                    break;
                }
                words.Add(ReadShellWord(text, ref pos));
            }
            end = pos;
            return words;
        }

        private static int SkipShellBlanks(string text, int pos)
        {
            while (pos < text.Length)
            {
                var c = text[pos];
                if (c == ' ' || c == '\t' || (c == '\r' && !IsLineBreakAt(text, pos, out _)))
                {
                    pos++;
                }
                else if (c == '\\' && IsLineBreakAt(text, pos + 1, out var breakLength))
                {
                    pos += 1 + breakLength;
                }
                else
                {
                    break;
                }
            }
            return pos;
        }

        private static bool IsShellStop(char c) => c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == ')';

        [System.ThreadStatic]
        private static StringBuilder wordBuilder;

        /// <summary>One builder a thread, emptied for each word: a launcher has about a thousand words.</summary>
        private static StringBuilder EmptyWordBuilder()
        {
            var sb = wordBuilder;
            if (sb == null || sb.Capacity > 4096)
            {
                wordBuilder = sb = new StringBuilder(64);
            }
            return sb.Clear();
        }

        private static ScriptWord ReadShellWord(string text, ref int pos)
        {
            var start = pos;
            var sb = EmptyWordBuilder();
            var plain = true;
            while (pos < text.Length)
            {
                var c = text[pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>')
                {
                    break;
                }
                if (c == '\\')
                {
                    plain = false;
                    if (IsLineBreakAt(text, pos + 1, out var breakLength))
                    {
                        pos += 1 + breakLength;
                        continue;
                    }
                    if (pos + 1 < text.Length)
                    {
                        sb.Append(text[pos + 1]);
                    }
                    pos += 2;
                }
                else if (c == '\'')
                {
                    plain = false;
                    var close = text.IndexOf('\'', pos + 1);
                    close = close < 0 ? text.Length : close;
                    sb.Append(text, pos + 1, close - pos - 1);
                    pos = close + 1;
                }
                else if (c == '"')
                {
                    plain = false;
                    pos++;
                    while (pos < text.Length && text[pos] != '"')
                    {
                        if (text[pos] == '\\' && pos + 1 < text.Length && "$`\"\\\n".IndexOf(text[pos + 1]) >= 0)
                        {
                            if (text[pos + 1] != '\n')
                            {
                                sb.Append(text[pos + 1]);
                            }
                            pos += 2;
                        }
                        else
                        {
                            sb.Append(text[pos++]);
                        }
                    }
                    pos++;
                }
                else if (c == '`')
                {
                    var close = text.IndexOf('`', pos + 1);
                    close = close < 0 ? text.Length - 1 : close;
                    sb.Append(text, pos, close + 1 - pos);
                    pos = close + 1;
                }
                else if (c == '$' && pos + 1 < text.Length && (text[pos + 1] == '(' || text[pos + 1] == '{'))
                {
                    var close = Matching(text, pos + 1);
                    sb.Append(text, pos, close + 1 - pos);
                    pos = close + 1;
                }
                else
                {
                    sb.Append(c);
                    pos++;
                }
            }
            pos = System.Math.Min(pos, text.Length);
            var word = new ScriptWord { Start = start, End = pos, Text = sb.ToString(), ContentStart = -1, ContentEnd = -1 };
            if (plain)
            {
                word.ContentStart = start;
                word.ContentEnd = pos;
            }
            else if (pos - start >= 2 && (text[start] == '"' || text[start] == '\'') && text[pos - 1] == text[start]
                     && text.IndexOf(text[start], start + 1) == pos - 1 && text.IndexOf('\\', start, pos - start) < 0)
            {
                word.ContentStart = start + 1;
                word.ContentEnd = pos - 1;
            }
            return word;
        }

        /// <summary>Offset of the bracket that closes the one at <paramref name="open"/>, or the last offset.</summary>
        private static int Matching(string text, int open)
        {
            var opening = text[open];
            var closing = opening == '(' ? ')' : '}';
            var depth = 0;
            for (var i = open; i < text.Length; i++)
            {
                if (text[i] == opening)
                {
                    depth++;
                }
                else if (text[i] == closing && --depth == 0)
                {
                    return i;
                }
            }
            return text.Length - 1;
        }

        public static bool IsLineBreakAt(string text, int pos, out int length)
        {
            length = 0;
            if (pos < text.Length && text[pos] == '\n')
            {
                length = 1;
            }
            else if (pos + 1 < text.Length && text[pos] == '\r' && text[pos + 1] == '\n')
            {
                length = 2;
            }
            return length > 0;
        }

        /// <summary>
        /// Splits batch text from <paramref name="start"/> to <paramref name="end"/> at spaces and tabs
        /// outside double quotes, as cmd.exe and the C runtime do for a program's arguments.
        /// </summary>
        public static List<ScriptWord> ReadBatchWords(string text, int start, int end)
        {
            var words = new List<ScriptWord>();
            var pos = start;
            while (pos < end)
            {
                while (pos < end && (text[pos] == ' ' || text[pos] == '\t'))
                {
                    pos++;
                }
                if (pos >= end)
                {
                    break;
                }
                var wordStart = pos;
                var quoted = false;
                while (pos < end && (quoted || (text[pos] != ' ' && text[pos] != '\t')))
                {
                    if (text[pos] == '"')
                    {
                        quoted = !quoted;
                    }
                    pos++;
                }
                var raw = text.Substring(wordStart, pos - wordStart);
                // The word is the raw text without its quotes.
                var word = new ScriptWord { Start = wordStart, End = pos, Text = raw.IndexOf('"') < 0 ? raw : raw.Replace("\"", ""), ContentStart = -1, ContentEnd = -1 };
                if (raw.IndexOf('"') < 0)
                {
                    word.ContentStart = wordStart;
                    word.ContentEnd = pos;
                }
                else if (raw.Length >= 2 && raw[0] == '"' && raw[raw.Length - 1] == '"' && raw.IndexOf('"', 1) == raw.Length - 1)
                {
                    word.ContentStart = wordStart + 1;
                    word.ContentEnd = pos - 1;
                }
                words.Add(word);
            }
            return words;
        }
    }
}
