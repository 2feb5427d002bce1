using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace CarbonOps.Editing
{
    /// <summary>
    /// An XML configuration file that can be read as an <see cref="XDocument"/> and edited as text.
    /// Every edit is a splice of the original text at the span of one value, so quotes, attribute
    /// order, comments, whitespace and line endings elsewhere stay byte-identical. After an edit the
    /// document is parsed again on the next read.
    /// </summary>
    public sealed class XmlConfig
    {
        private XDocument parsed;
        private int parsedVersion = -1;

        public XmlConfig(TextDocument text)
        {
            Text = text;
        }

        public TextDocument Text { get; }

        public string Path => Text.Path;

        public XDocument Document
        {
            get
            {
                if (parsed == null || parsedVersion != Text.Version)
                {
                    parsed = SafeXml.Parse(Text.Text, Text.Path);
                    parsedVersion = Text.Version;
                }
                return parsed;
            }
        }

        public XElement Root => Document.Root;

        /// <summary>The default namespace of the document element (Carbon's carbon.xml has one).</summary>
        public XNamespace Namespace => Root.Name.Namespace;

        /// <summary>
        /// Elements at a '/'-separated path of local names below the document element
        /// ("Ports/Offset"), whatever their namespace. Commented-out elements are not elements.
        /// </summary>
        public IEnumerable<XElement> Select(string path)
        {
            IEnumerable<XElement> current = new[] { Root };
            foreach (var step in path.Split('/'))
            {
                var name = step;
                current = current.SelectMany(e => e.Elements().Where(c => c.Name.LocalName == name));
            }
            return current;
        }

        public XElement SelectSingle(string path) => Select(path).FirstOrDefault();

        /// <summary>The trimmed text of the first element at <paramref name="path"/>, or null.</summary>
        public string Value(string path) => SelectSingle(path)?.Value.Trim();

        public int LineOf(XObject node) => ((IXmlLineInfo)node).LineNumber;

        /// <summary>The line of the first element at <paramref name="path"/>, else of the document element.</summary>
        public int LineOf(string path) => LineOf((XObject)SelectSingle(path) ?? Root);

        /// <summary>Sets the text of an element that has no child elements; a self-closing element gets an end tag.</summary>
        public void SetElementText(XElement element, string value)
        {
            if (element.Elements().Any())
            {
                throw new InvalidOperationException($"<{element.Name.LocalName}> has child elements; only a leaf element's text can be set.");
            }
            var tag = XmlSpans.StartTag(Text.Text, ElementOffset(element));
            var escaped = XmlSpans.EscapeText(value);
            if (tag.SelfClosing)
            {
                var name = XmlSpans.QualifiedName(Text.Text, ElementOffset(element));
                var slash = XmlSpans.SelfClosingSlash(Text.Text, tag.End);
                Text.Replace(slash, tag.End + 1 - slash, ">" + escaped + "</" + name + ">");
                return;
            }
            var contentStart = tag.End + 1;
            var endTag = XmlSpans.EndTagStart(Text.Text, contentStart);
            Text.Replace(contentStart, endTag - contentStart, escaped);
        }

        /// <summary>Sets an attribute's value, keeping its quote style; adds the attribute when it is missing.</summary>
        public void SetAttribute(XElement element, string name, string value) => SetAttribute(element, name, name, value);

        /// <summary>
        /// Sets a prefixed attribute such as svns:secretAlias, or a namespace declaration such as xmlns:svns:
        /// <paramref name="name"/> is its expanded name, <paramref name="qualifiedName"/> the text written when it is added.
        /// </summary>
        public void SetAttribute(XElement element, XName name, string qualifiedName, string value)
        {
            var existing = element.Attribute(name);
            if (existing != null)
            {
                var span = XmlSpans.AttributeValue(Text.Text, AttributeOffset(existing));
                Text.Replace(span.Start, span.Length, XmlSpans.EscapeAttribute(value, span.Quote));
                return;
            }
            var elementOffset = ElementOffset(element);
            var tag = XmlSpans.StartTag(Text.Text, elementOffset);
            var last = element.Attributes().LastOrDefault(a => !a.IsNamespaceDeclaration) ?? element.Attributes().LastOrDefault();
            var quote = '"';
            var separator = " ";
            var insertAt = tag.SelfClosing ? XmlSpans.SelfClosingSlash(Text.Text, tag.End) : tag.End;
            if (last != null)
            {
                var lastOffset = AttributeOffset(last);
                var lastSpan = XmlSpans.AttributeValue(Text.Text, lastOffset);
                quote = lastSpan.Quote;
                insertAt = lastSpan.Start + lastSpan.Length + 1;
                if (Text.GetLineNumber(lastOffset) != Text.GetLineNumber(elementOffset))
                {
                    separator = Text.NewLine + Text.GetIndentation(lastOffset);
                }
            }
            Text.Insert(insertAt, separator + qualifiedName + "=" + quote + XmlSpans.EscapeAttribute(value, quote) + quote);
        }

        /// <summary>Removes an attribute and the whitespace before it.</summary>
        public void RemoveAttribute(XElement element, string name)
        {
            var existing = element.Attribute(name);
            if (existing == null)
            {
                return;
            }
            var nameOffset = AttributeOffset(existing);
            var span = XmlSpans.AttributeValue(Text.Text, nameOffset);
            var start = nameOffset;
            while (start > 0 && char.IsWhiteSpace(Text.Text[start - 1]))
            {
                start--;
            }
            Text.Replace(start, span.Start + span.Length + 1 - start, "");
        }

        /// <summary>
        /// Inserts <paramref name="fragment"/> (XML text, one or more lines) as the last child of
        /// <paramref name="parent"/>, on its own line, indented like its siblings.
        /// </summary>
        public void AppendChild(XElement parent, string fragment)
        {
            var parentOffset = ElementOffset(parent);
            var tag = XmlSpans.StartTag(Text.Text, parentOffset);
            if (tag.SelfClosing)
            {
                throw new InvalidOperationException($"<{parent.Name.LocalName}> is self-closing; expand it before adding children.");
            }
            var parentIndent = Text.GetIndentation(parentOffset);
            var firstChild = parent.Elements().FirstOrDefault();
            var childIndent = firstChild != null ? Text.GetIndentation(ElementOffset(firstChild)) : parentIndent + GuessIndentUnit(parentIndent);
            var endTag = XmlSpans.EndTagStart(Text.Text, tag.End + 1);
            var lines = fragment.Replace("\r\n", "\n").Split('\n').Select(l => childIndent + l);
            var block = string.Join(Text.NewLine, lines);
            var lineStart = Text.GetLineStart(endTag);
            if (Text.Text.Substring(lineStart, endTag - lineStart).Trim().Length == 0)
            {
                Text.Insert(lineStart, block + Text.NewLine);
            }
            else
            {
                Text.Insert(endTag, Text.NewLine + block + Text.NewLine + parentIndent);
            }
        }

        /// <summary>
        /// Replaces a whole element with <paramref name="lines"/>: the first where the element's '&lt;' is, the
        /// rest on lines of their own exactly as given (the caller indents them), joined with the file's line ending.
        /// </summary>
        public void ReplaceElement(XElement element, IEnumerable<string> lines)
        {
            var start = ElementOffset(element);
            var end = XmlSpans.ElementEnd(Text.Text, start);
            Text.Replace(start, end - start, string.Join(Text.NewLine, lines));
        }

        /// <summary>The leading white space of the element's line.</summary>
        public string IndentationOf(XElement element) => Text.GetIndentation(ElementOffset(element));

        /// <summary>One level of indentation below <paramref name="parent"/>, as its children are indented (four spaces when it has none).</summary>
        public string IndentUnit(XElement parent)
        {
            var parentIndent = IndentationOf(parent);
            var child = parent.Elements().FirstOrDefault();
            var childIndent = child == null ? null : IndentationOf(child);
            return childIndent != null && childIndent.Length > parentIndent.Length && childIndent.StartsWith(parentIndent, StringComparison.Ordinal)
                ? childIndent.Substring(parentIndent.Length)
                : GuessIndentUnit(parentIndent);
        }

        /// <summary>Removes an element with the whitespace line it stood on, when it stood alone.</summary>
        public void RemoveElement(XElement element)
        {
            var start = ElementOffset(element);
            var end = XmlSpans.ElementEnd(Text.Text, start);
            var lineStart = Text.GetLineStart(start);
            var lineEnd = Text.GetLineEndIncludingBreak(end - 1);
            var before = Text.Text.Substring(lineStart, start - lineStart);
            var after = Text.Text.Substring(end, lineEnd - end);
            if (before.Trim().Length == 0 && after.Trim().Length == 0)
            {
                Text.Replace(lineStart, lineEnd - lineStart, "");
            }
            else
            {
                Text.Replace(start, end - start, "");
            }
        }

        /// <summary>Offset of the element's '&lt;'.</summary>
        public int ElementOffset(XElement element)
        {
            var info = (IXmlLineInfo)element;
            return Text.GetOffset(info.LineNumber, info.LinePosition) - 1;
        }

        /// <summary>Offset of the attribute's name.</summary>
        public int AttributeOffset(XAttribute attribute)
        {
            var info = (IXmlLineInfo)attribute;
            return Text.GetOffset(info.LineNumber, info.LinePosition);
        }

        /// <summary>
        /// A comment directly inside <paramref name="parent"/> that holds one commented-out element
        /// named <paramref name="localName"/>, written either as &lt;!--Name&gt;v&lt;/Name--&gt; (Carbon's
        /// style) or as &lt;!--&lt;Name&gt;v&lt;/Name&gt;--&gt;; <paramref name="match"/> can look at the element.
        /// </summary>
        public XComment FindCommentedElement(XElement parent, string localName, Func<XElement, bool> match = null) =>
            parent.Nodes().OfType<XComment>().FirstOrDefault(c =>
            {
                var element = ParseCommented(c.Value, localName);
                return element != null && (match == null || match(element));
            });

        /// <summary>
        /// Turns a commented-out element (found by <see cref="FindCommentedElement"/>) back into an element,
        /// in place, and returns it; the caller then sets its value. Nothing else on the line changes.
        /// </summary>
        public XElement Uncomment(XComment comment, string localName)
        {
            var element = ParseCommented(comment.Value, localName)
                ?? throw new InvalidOperationException($"The comment does not hold a <{localName}> element.");
            var parent = comment.Parent;
            var start = CommentOffset(comment);
            var end = Text.Text.IndexOf("-->", start + 4, StringComparison.Ordinal) + 3;
            var inner = NormaliseCommented(comment.Value);
            Text.Replace(start, end - start, inner);
            var path = PathOf(parent);
            return ResolvePath(path).Elements().First(e => ElementOffset(e) == start);
        }

        /// <summary>
        /// Comments an element out the way Carbon's files ship such elements (&lt;!--Name&gt;v&lt;/Name--&gt;),
        /// so that <see cref="Uncomment"/> can bring it back. Text holding "--" cannot be in a comment:
        /// such an element is refused.
        /// </summary>
        public void CommentOut(XElement element)
        {
            var start = ElementOffset(element);
            var end = XmlSpans.ElementEnd(Text.Text, start);
            var source = Text.Text.Substring(start, end - start);
            var inner = source.Substring(1, source.Length - 2);
            if (inner.Contains("--") || inner.EndsWith("-", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"<{element.Name.LocalName}> holds '--' and cannot be commented out.");
            }
            Text.Replace(start, end - start, "<!--" + inner + "-->");
        }

        /// <summary>
        /// Inserts <paramref name="fragment"/> on its own line after <paramref name="sibling"/>, indented
        /// like it. A comment that follows the sibling on its line stays on that line.
        /// </summary>
        public void InsertAfter(XElement sibling, string fragment)
        {
            var start = ElementOffset(sibling);
            InsertAfterSpan(start, XmlSpans.ElementEnd(Text.Text, start), fragment);
        }

        /// <summary>Inserts <paramref name="fragment"/> on its own line after a comment (a commented-out example, say), indented like it.</summary>
        public void InsertAfter(XComment comment, string fragment)
        {
            var start = CommentOffset(comment);
            InsertAfterSpan(start, Text.Text.IndexOf("-->", start + 4, StringComparison.Ordinal) + 3, fragment);
        }

        private void InsertAfterSpan(int start, int end, string fragment)
        {
            var indent = Text.GetIndentation(start);
            var lines = fragment.Replace("\r\n", "\n").Split('\n').Select(l => indent + l);
            var block = string.Join(Text.NewLine, lines);
            var lineEnd = Text.GetLineEndIncludingBreak(end - 1);
            var rest = Text.Text.Substring(end, lineEnd - end);
            var restIsQuiet = rest.Trim().Length == 0 || (rest.TrimStart().StartsWith("<!--", StringComparison.Ordinal) && rest.TrimEnd().EndsWith("-->", StringComparison.Ordinal));
            var endsWithBreak = lineEnd > end && (Text.Text[lineEnd - 1] == '\n' || Text.Text[lineEnd - 1] == '\r');
            if (restIsQuiet && endsWithBreak)
            {
                Text.Insert(lineEnd, block + Text.NewLine);
            }
            else if (restIsQuiet)
            {
                Text.Insert(lineEnd, Text.NewLine + block);
            }
            else
            {
                Text.Insert(end, Text.NewLine + block);
            }
        }

        /// <summary>Offset of the comment's '&lt;!--'.</summary>
        public int CommentOffset(XComment comment)
        {
            var info = (IXmlLineInfo)comment;
            return Text.GetOffset(info.LineNumber, info.LinePosition) - 4;
        }

        internal static XElement ParseCommented(string commentText, string localName)
        {
            var text = NormaliseCommented(commentText);
            if (!text.StartsWith("<" + localName, StringComparison.Ordinal))
            {
                return null;
            }
            try
            {
                var element = XElement.Parse(text);
                return element.Name.LocalName == localName ? element : null;
            }
            catch (XmlException)
            {
                return null;
            }
        }

        private static string NormaliseCommented(string commentText)
        {
            var text = commentText.Trim();
            if (!text.StartsWith("<", StringComparison.Ordinal))
            {
                text = "<" + text;
            }
            if (!text.EndsWith(">", StringComparison.Ordinal))
            {
                text += ">";
            }
            return text;
        }

        // Elements are found again after a splice by their position among same-named siblings.
        private static List<(string Name, int Index)> PathOf(XElement element)
        {
            var path = new List<(string, int)>();
            for (var e = element; e.Parent != null; e = e.Parent)
            {
                path.Insert(0, (e.Name.LocalName, e.ElementsBeforeSelf().Count(s => s.Name.LocalName == e.Name.LocalName)));
            }
            return path;
        }

        private XElement ResolvePath(List<(string Name, int Index)> path)
        {
            var current = Root;
            foreach (var (name, index) in path)
            {
                current = current.Elements().Where(e => e.Name.LocalName == name).ElementAt(index);
            }
            return current;
        }

        private static string GuessIndentUnit(string parentIndent) => parentIndent.Contains("\t") ? "\t" : "    ";
    }
}
