using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace CarbonOps.Editing
{
    /// <summary>The one way the module parses XML: no DTD processing, no resolver, so no entity is expanded and no external file is read.</summary>
    public static class SafeXml
    {
        /// <summary>
        /// Deepest element nesting read. Carbon's files nest about a dozen deep; building a tree of
        /// a deeply nested file costs time that grows with the square of its depth (a 100,000-deep
        /// carbon.xml took minutes), so such a file is refused as malformed.
        /// </summary>
        public const int MaxDepth = 1000;

        private static bool CouldNestTooDeep(string text)
        {
            var tags = 0;
            foreach (var c in text)
            {
                if (c == '<' && ++tags > MaxDepth)
                {
                    return true;
                }
            }
            return false;
        }

        public static XDocument Parse(string text, string path)
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                IgnoreWhitespace = false,
                CloseInput = true,
            };
            try
            {
                // A text with fewer tags than the limit cannot nest deeper than it: only a longer one is walked first.
                using (var reader = CouldNestTooDeep(text) ? XmlReader.Create(new StringReader(text), settings) : null)
                {
                    while (reader != null && reader.Read())
                    {
                        if (reader.Depth > MaxDepth)
                        {
                            var line = ((IXmlLineInfo)reader).LineNumber;
                            throw new CarbonOpsException(ErrorIds.ConfigFileMalformed,
                                $"'{path}' nests elements more than {MaxDepth} deep at line {line}; CarbonOps does not read such a file.", path, line);
                        }
                    }
                }
                using (var reader = XmlReader.Create(new StringReader(text), settings))
                {
                    return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
                }
            }
            catch (XmlException ex)
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileMalformed,
                    $"'{path}' is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}",
                    path, ex.LineNumber, ex);
            }
        }
    }
}
