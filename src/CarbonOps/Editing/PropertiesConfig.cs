using System;
using System.Collections.Generic;
using System.Linq;

namespace CarbonOps.Editing
{
    /// <summary>
    /// A Java .properties file (log4j.properties, cipher-text.properties...) read as key/value
    /// entries with their positions, and edited by splicing values or whole lines.
    /// Later entries win over earlier ones with the same key, as in java.util.Properties.
    /// </summary>
    public sealed class PropertiesConfig
    {
        private List<PropertyEntry> entries;
        private int parsedVersion = -1;

        public PropertiesConfig(TextDocument text)
        {
            Text = text;
        }

        public TextDocument Text { get; }

        public string Path => Text.Path;

        public IReadOnlyList<PropertyEntry> Entries
        {
            get
            {
                if (entries == null || parsedVersion != Text.Version)
                {
                    entries = Parse(Text.Text);
                    parsedVersion = Text.Version;
                }
                return entries;
            }
        }

        public PropertyEntry Find(string key) => Entries.LastOrDefault(e => e.Key == key);

        public string Get(string key) => Find(key)?.Value;

        /// <summary>The 1-based line of the entry that sets <paramref name="key"/>, or 0 when none does.</summary>
        public int LineOf(string key) => Find(key) is PropertyEntry entry ? Text.GetLineNumber(entry.LineStart) : 0;

        /// <summary>Sets a value; a missing key is added on a new line after <paramref name="afterKey"/> (or at the end).</summary>
        public void Set(string key, string value, string afterKey = null)
        {
            var entry = Find(key);
            if (entry != null)
            {
                if (entry.Value != value)
                {
                    Text.Replace(entry.ValueStart, entry.ValueLength, Escape(value));
                }
                return;
            }
            var line = key + "=" + Escape(value);
            var anchor = afterKey == null ? null : Find(afterKey);
            if (anchor != null)
            {
                Text.Insert(anchor.LineEnd, LineBreakAt(anchor.LineEnd) + line);
                return;
            }
            var text = Text.Text;
            var needsBreak = text.Length > 0 && text[text.Length - 1] != '\n' && text[text.Length - 1] != '\r';
            Text.Insert(text.Length, (needsBreak ? Text.NewLine : "") + line + Text.NewLine);
        }

        /// <summary>Removes every line that sets <paramref name="key"/>.</summary>
        public void Remove(string key)
        {
            foreach (var entry in Entries.Where(e => e.Key == key).Reverse().ToList())
            {
                var end = Text.GetLineEndIncludingBreak(entry.LineEnd);
                Text.Replace(entry.LineStart, end - entry.LineStart, "");
            }
        }

        /// <summary>The last key that starts with <paramref name="prefix"/>, in file order.</summary>
        public PropertyEntry LastWithPrefix(string prefix) =>
            Entries.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(e => e.LineStart).LastOrDefault();

        private string LineBreakAt(int lineEnd)
        {
            var text = Text.Text;
            if (lineEnd < text.Length && text[lineEnd] == '\r')
            {
                return lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? "\r\n" : "\r";
            }
            return lineEnd < text.Length ? "\n" : Text.NewLine;
        }

        private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n");

        private static List<PropertyEntry> Parse(string text)
        {
            var result = new List<PropertyEntry>();
            var i = 0;
            while (i < text.Length)
            {
                var lineStart = i;
                while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f'))
                {
                    i++;
                }
                if (i >= text.Length)
                {
                    break;
                }
                if (text[i] == '#' || text[i] == '!' || text[i] == '\r' || text[i] == '\n')
                {
                    i = SkipLine(text, i);
                    continue;
                }
                var keyStart = i;
                while (i < text.Length && !IsLineBreak(text[i]) && text[i] != '=' && text[i] != ':' && !char.IsWhiteSpace(text[i]))
                {
                    i += text[i] == '\\' && i + 1 < text.Length && !IsLineBreak(text[i + 1]) ? 2 : 1;
                }
                var key = text.Substring(keyStart, i - keyStart);
                while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
                {
                    i++;
                }
                if (i < text.Length && (text[i] == '=' || text[i] == ':'))
                {
                    i++;
                }
                while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
                {
                    i++;
                }
                var valueStart = i;
                var valueEnd = LogicalLineEnd(text, i);
                var raw = text.Substring(valueStart, valueEnd - valueStart);
                result.Add(new PropertyEntry(key, Unescape(raw), lineStart, valueStart, valueEnd - valueStart, valueEnd));
                i = SkipLine(text, valueEnd);
            }
            return result;
        }

        /// <summary>End of a value: the end of its line, following backslash continuations.</summary>
        private static int LogicalLineEnd(string text, int i)
        {
            while (true)
            {
                var end = i;
                while (end < text.Length && !IsLineBreak(text[end]))
                {
                    end++;
                }
                var slashes = 0;
                for (var j = end - 1; j >= i && text[j] == '\\'; j--)
                {
                    slashes++;
                }
                if (slashes % 2 == 0 || end >= text.Length)
                {
                    return end;
                }
                i = SkipLine(text, end);
            }
        }

        private static int SkipLine(string text, int i)
        {
            while (i < text.Length && !IsLineBreak(text[i]))
            {
                i++;
            }
            if (i < text.Length && text[i] == '\r')
            {
                i++;
            }
            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }
            return i;
        }

        private static bool IsLineBreak(char c) => c == '\r' || c == '\n';

        private static string Unescape(string raw)
        {
            if (raw.IndexOf('\\') < 0)
            {
                return raw.TrimEnd();
            }
            var sb = new System.Text.StringBuilder(raw.Length);
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c != '\\' || i + 1 >= raw.Length)
                {
                    sb.Append(c);
                    continue;
                }
                var n = raw[++i];
                switch (n)
                {
                    case 't': sb.Append('\t'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'f': sb.Append('\f'); break;
                    case '\r':
                    case '\n':
                        if (n == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
                        {
                            i++;
                        }
                        while (i + 1 < raw.Length && (raw[i + 1] == ' ' || raw[i + 1] == '\t'))
                        {
                            i++;
                        }
                        break;
                    default: sb.Append(n); break;
                }
            }
            return sb.ToString().TrimEnd();
        }
    }

    public sealed class PropertyEntry
    {
        internal PropertyEntry(string key, string value, int lineStart, int valueStart, int valueLength, int lineEnd)
        {
            Key = key;
            Value = value;
            LineStart = lineStart;
            ValueStart = valueStart;
            ValueLength = valueLength;
            LineEnd = lineEnd;
        }

        public string Key { get; }
        /// <summary>The value with escapes and continuations resolved, trailing spaces trimmed.</summary>
        public string Value { get; }
        public int LineStart { get; }
        public int ValueStart { get; }
        public int ValueLength { get; }
        /// <summary>Offset of the line break that ends the entry (or the end of the text).</summary>
        public int LineEnd { get; }
    }
}
