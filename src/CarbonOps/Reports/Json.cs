using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CarbonOps.Reports
{
    /// <summary>
    /// A small JSON reader and writer (netstandard2.0 has none, and a dependency would clash with the one
    /// PowerShell loads). Objects read as <see cref="JsonObject"/> (keys case-insensitive, with their line),
    /// arrays as List&lt;object&gt;, numbers as double, and true/false/null as bool/null.
    /// </summary>
    public static class Json
    {
        public static object Parse(string text) => new Reader(text).ReadDocument();

        /// <summary>Writes a value: string, bool, number, enum (as its name), IDictionary&lt;string, object&gt; (in its order), IEnumerable, or null.</summary>
        public static string Write(object value, bool indented = true)
        {
            var builder = new StringBuilder();
            WriteValue(builder, value, indented, 0);
            return builder.ToString();
        }

        public static string Quote(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        // Also escape < > & so a JSON file pasted into HTML cannot end a script element.
                        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }
                        break;
                }
            }
            return builder.Append('"').ToString();
        }

        private static void WriteValue(StringBuilder b, object value, bool indented, int depth)
        {
            switch (value)
            {
                case null: b.Append("null"); break;
                case string s: b.Append(Quote(s)); break;
                case bool flag: b.Append(flag ? "true" : "false"); break;
                case Enum e: b.Append(Quote(e.ToString())); break;
                case DateTime time: b.Append(Quote(time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))); break;
                case int _:
                case long _:
                case double _:
                    b.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                case IEnumerable<KeyValuePair<string, object>> map:
                    WriteContainer(b, '{', '}', map, indented, depth, (entry, d) =>
                    {
                        b.Append(Quote(entry.Key)).Append(indented ? ": " : ":");
                        WriteValue(b, entry.Value, indented, d);
                    });
                    break;
                case System.Collections.IEnumerable list:
                    var items = new List<object>();
                    foreach (var item in list)
                    {
                        items.Add(item);
                    }
                    WriteContainer(b, '[', ']', items, indented, depth, (item, d) => WriteValue(b, item, indented, d));
                    break;
                default: b.Append(Quote(Convert.ToString(value, CultureInfo.InvariantCulture))); break;
            }
        }

        private static void WriteContainer<T>(StringBuilder b, char open, char close, IEnumerable<T> items, bool indented, int depth, Action<T, int> write)
        {
            b.Append(open);
            var first = true;
            foreach (var item in items)
            {
                b.Append(first ? "" : ",");
                if (indented)
                {
                    b.Append('\n').Append(' ', (depth + 1) * 2);
                }
                write(item, depth + 1);
                first = false;
            }
            if (indented && !first)
            {
                b.Append('\n').Append(' ', depth * 2);
            }
            b.Append(close);
        }

        private sealed class Reader
        {
            private readonly string text;
            private int pos;
            private int line = 1;

            public Reader(string text)
            {
                this.text = text ?? "";
            }

            public object ReadDocument()
            {
                SkipSpace();
                var value = ReadValue();
                SkipSpace();
                if (pos < text.Length)
                {
                    throw Error("unexpected text after the end of the document");
                }
                return value;
            }

            private object ReadValue()
            {
                SkipSpace();
                if (pos >= text.Length)
                {
                    throw Error("the document ends where a value was expected");
                }
                var c = text[pos];
                switch (c)
                {
                    case '{': return ReadObject();
                    case '[': return ReadArray();
                    case '"': return ReadString();
                    case 't': return ReadWord("true", true);
                    case 'f': return ReadWord("false", false);
                    case 'n': return ReadWord("null", null);
                    default:
                        if (c == '-' || char.IsDigit(c))
                        {
                            return ReadNumber();
                        }
                        throw Error($"unexpected character '{c}'");
                }
            }

            private JsonObject ReadObject()
            {
                var result = new JsonObject(line);
                pos++;
                SkipSpace();
                if (Peek() == '}')
                {
                    pos++;
                    return result;
                }
                while (true)
                {
                    SkipSpace();
                    if (Peek() != '"')
                    {
                        throw Error("a property name in double quotes was expected");
                    }
                    var key = ReadString();
                    SkipSpace();
                    Expect(':');
                    result[key] = ReadValue();
                    SkipSpace();
                    if (Peek() == ',')
                    {
                        pos++;
                        continue;
                    }
                    Expect('}');
                    return result;
                }
            }

            private List<object> ReadArray()
            {
                var result = new List<object>();
                pos++;
                SkipSpace();
                if (Peek() == ']')
                {
                    pos++;
                    return result;
                }
                while (true)
                {
                    result.Add(ReadValue());
                    SkipSpace();
                    if (Peek() == ',')
                    {
                        pos++;
                        continue;
                    }
                    Expect(']');
                    return result;
                }
            }

            private string ReadString()
            {
                var builder = new StringBuilder();
                pos++;
                while (pos < text.Length)
                {
                    var c = text[pos++];
                    if (c == '"')
                    {
                        return builder.ToString();
                    }
                    if (c == '\n')
                    {
                        throw Error("a string runs past the end of its line");
                    }
                    if (c != '\\')
                    {
                        builder.Append(c);
                        continue;
                    }
                    if (pos >= text.Length)
                    {
                        break;
                    }
                    var e = text[pos++];
                    switch (e)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (pos + 4 > text.Length || !int.TryParse(text.Substring(pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                            {
                                throw Error("a \\u escape needs four hex digits");
                            }
                            builder.Append((char)code);
                            pos += 4;
                            break;
                        default: throw Error($"unknown escape '\\{e}'");
                    }
                }
                throw Error("a string is not closed");
            }

            private double ReadNumber()
            {
                var start = pos;
                while (pos < text.Length && "+-0123456789.eE".IndexOf(text[pos]) >= 0)
                {
                    pos++;
                }
                if (!double.TryParse(text.Substring(start, pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw Error($"'{text.Substring(start, pos - start)}' is not a number");
                }
                return number;
            }

            private object ReadWord(string word, object value)
            {
                if (string.CompareOrdinal(text, pos, word, 0, word.Length) != 0)
                {
                    throw Error($"unexpected character '{text[pos]}'");
                }
                pos += word.Length;
                return value;
            }

            private void SkipSpace()
            {
                while (pos < text.Length && char.IsWhiteSpace(text[pos]))
                {
                    if (text[pos] == '\n')
                    {
                        line++;
                    }
                    pos++;
                }
            }

            private char Peek() => pos < text.Length ? text[pos] : '\0';

            private void Expect(char c)
            {
                if (Peek() != c)
                {
                    throw Error(pos < text.Length ? $"'{c}' was expected but found '{text[pos]}'" : $"'{c}' was expected but the document ends");
                }
                pos++;
            }

            private JsonException Error(string message) => new JsonException(message, line);
        }
    }

    /// <summary>A JSON object as read: keys in document order, looked up without regard to case.</summary>
    public sealed class JsonObject : Dictionary<string, object>
    {
        public JsonObject(int line)
            : base(StringComparer.OrdinalIgnoreCase)
        {
            Line = line;
        }

        /// <summary>The 1-based line where the object starts.</summary>
        public int Line { get; }
    }

    /// <summary>An object to write, keeping the order its properties were added in.</summary>
    public sealed class JsonMap : List<KeyValuePair<string, object>>
    {
        public void Add(string key, object value) => Add(new KeyValuePair<string, object>(key, value));
    }

    public sealed class JsonException : Exception
    {
        public JsonException(string message, int line)
            : base(message)
        {
            Line = line;
        }

        public int Line { get; }
    }
}
