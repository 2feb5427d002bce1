using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace CarbonOps.Editing
{
    /// <summary>The one way the module parses XML: no DTD processing, no resolver, so no entity is expanded and no external file is read.</summary>
    public static class SafeXml
    {
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
