using System;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CarbonOps.Reports
{
    /// <summary>How the reports write JSON (Newtonsoft.Json) and how the waiver file is read with its line numbers.</summary>
    internal static class JsonText
    {
        /// <summary>A value as a token: an enum by its name, anything else as JSON has it (string, bool, number, null).</summary>
        public static JToken Value(object value) => value is Enum e ? new JValue(e.ToString()) : value as JToken ?? new JValue(value);

        /// <summary>Two-space indented, LF line ends on every platform, and &lt; &gt; &amp; escaped so the text is safe inside a page.</summary>
        public static string Write(JToken token)
        {
            using (var text = new StringWriter { NewLine = "\n" })
            {
                using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
                {
                    token.WriteTo(writer);
                }
                // These three characters can only occur inside strings, where a \u escape means the same.
                return text.ToString().Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026");
            }
        }

        /// <summary>
        /// Reads one JSON document with the line of every token (<see cref="IJsonLineInfo"/>). Strings stay strings (no date guessing),
        /// comments are ignored, a repeated property name is an error. Throws <see cref="JsonReaderException"/> with the line.
        /// </summary>
        public static JToken Parse(string text)
        {
            using (var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None })
            {
                var settings = new JsonLoadSettings
                {
                    LineInfoHandling = LineInfoHandling.Load,
                    CommentHandling = CommentHandling.Ignore,
                    DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                };
                var document = JToken.ReadFrom(reader, settings);
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment)
                    {
                        throw new JsonReaderException("unexpected text after the end of the document", reader.Path, reader.LineNumber, reader.LinePosition, null);
                    }
                }
                return document;
            }
        }
    }
}
