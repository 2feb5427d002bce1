using System;
using System.Text;

namespace CarbonOps.Editing
{
    /// <summary>Finds the character spans of tags and values in XML text that has already parsed.</summary>
    internal static class XmlSpans
    {
        internal struct Tag
        {
            public int End;          // offset of the closing '>'
            public bool SelfClosing;
        }

        internal struct ValueSpan
        {
            public int Start;        // first character inside the quotes
            public int Length;
            public char Quote;
        }

        /// <summary>The start tag that begins at <paramref name="lt"/> (its '&lt;').</summary>
        public static Tag StartTag(string text, int lt)
        {
            var i = lt + 1;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '"' || c == '\'')
                {
                    i = text.IndexOf(c, i + 1);
                    if (i < 0)
                    {
                        break;
                    }
                }
                else if (c == '>')
                {
                    return new Tag { End = i, SelfClosing = text[PreviousNonSpace(text, i - 1)] == '/' };
                }
                i++;
            }
            throw new InvalidOperationException("Unterminated start tag at offset " + lt);
        }

        public static int SelfClosingSlash(string text, int tagEnd) => PreviousNonSpace(text, tagEnd - 1);

        public static string QualifiedName(string text, int lt)
        {
            var i = lt + 1;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>' && text[i] != '/')
            {
                i++;
            }
            return text.Substring(start, i - start);
        }

        /// <summary>Offset of the '&lt;/' that closes the element whose content starts at <paramref name="contentStart"/>.</summary>
        public static int EndTagStart(string text, int contentStart)
        {
            var depth = 0;
            var i = contentStart;
            while (i < text.Length)
            {
                i = text.IndexOf('<', i);
                if (i < 0)
                {
                    break;
                }
                if (Match(text, i, "<!--"))
                {
                    i = SkipPast(text, i, "-->");
                }
                else if (Match(text, i, "<![CDATA["))
                {
                    i = SkipPast(text, i, "]]>");
                }
                else if (Match(text, i, "<?"))
                {
                    i = SkipPast(text, i, "?>");
                }
                else if (Match(text, i, "</"))
                {
                    if (depth == 0)
                    {
                        return i;
                    }
                    depth--;
                    i = text.IndexOf('>', i) + 1;
                }
                else
                {
                    var tag = StartTag(text, i);
                    if (!tag.SelfClosing)
                    {
                        depth++;
                    }
                    i = tag.End + 1;
                }
            }
            throw new InvalidOperationException("No end tag after offset " + contentStart);
        }

        /// <summary>Offset just past the element that starts at <paramref name="lt"/>.</summary>
        public static int ElementEnd(string text, int lt)
        {
            var tag = StartTag(text, lt);
            if (tag.SelfClosing)
            {
                return tag.End + 1;
            }
            var endTag = EndTagStart(text, tag.End + 1);
            return text.IndexOf('>', endTag) + 1;
        }

        /// <summary>The quoted value of the attribute whose name starts at <paramref name="nameOffset"/>.</summary>
        public static ValueSpan AttributeValue(string text, int nameOffset)
        {
            var eq = text.IndexOf('=', nameOffset);
            var q = eq + 1;
            while (char.IsWhiteSpace(text[q]))
            {
                q++;
            }
            var quote = text[q];
            var close = text.IndexOf(quote, q + 1);
            return new ValueSpan { Start = q + 1, Length = close - q - 1, Quote = quote };
        }

        public static string EscapeText(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    default: sb.Append(c); break;
                }
            }
            return sb.ToString();
        }

        public static string EscapeAttribute(string value, char quote)
        {
            var escaped = EscapeText(value);
            return quote == '"' ? escaped.Replace("\"", "&quot;") : escaped.Replace("'", "&apos;");
        }

        private static bool Match(string text, int at, string token) =>
            string.CompareOrdinal(text, at, token, 0, token.Length) == 0;

        private static int SkipPast(string text, int at, string terminator)
        {
            var end = text.IndexOf(terminator, at, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + terminator.Length;
        }

        private static int PreviousNonSpace(string text, int i)
        {
            while (i > 0 && char.IsWhiteSpace(text[i]))
            {
                i--;
            }
            return i;
        }
    }
}
