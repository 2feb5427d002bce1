using System;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Editing;

namespace CarbonOps.Remedies
{
    /// <summary>The edits remedies share. Elements are found again after every splice: a splice makes earlier XElements stale.</summary>
    internal static class RemedyXml
    {
        public static XElement Child(XElement parent, string localName, Func<XElement, bool> match = null) =>
            parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName && (match == null || match(e)));

        public static Func<XElement, bool> NameIs(string name) => e => (string)e.Attribute("name") == name;

        public static string Escape(string value) => XmlSpans.EscapeText(value);

        public static string EscapeAttribute(string value) => XmlSpans.EscapeAttribute(value, '"');

        /// <summary>
        /// Makes the text of a child element <paramref name="value"/>: sets the element when it exists,
        /// uncomments a commented-out one rather than adding a second, and otherwise adds
        /// <paramref name="newElement"/> after <paramref name="insertAfter"/> (or as the last child).
        /// </summary>
        public static void EnsureChildText(RemediationContext context, XmlConfig config, Func<XElement> parent, string localName,
            Func<XElement, bool> match, string value, string setting, string newElement, Func<XElement> insertAfter = null, bool secret = false)
        {
            var existing = Child(parent(), localName, match);
            if (existing != null)
            {
                var old = existing.Value.Trim();
                context.Record(config.Path, setting, old, value, secret);
                if (old != value)
                {
                    config.SetElementText(existing, value);
                }
                return;
            }
            context.Record(config.Path, setting, null, value, secret);
            var commented = config.FindCommentedElement(parent(), localName, match);
            if (commented != null)
            {
                var element = config.Uncomment(commented, localName);
                config.SetElementText(element, value);
                return;
            }
            var anchor = insertAfter?.Invoke();
            if (anchor != null)
            {
                config.InsertAfter(anchor, newElement);
            }
            else
            {
                config.AppendChild(parent(), newElement);
            }
        }

        /// <summary>Sets an attribute, recording old and new.</summary>
        public static void EnsureAttribute(RemediationContext context, XmlConfig config, Func<XElement> element, string name, string value, string setting)
        {
            var old = (string)element().Attribute(name);
            context.Record(config.Path, setting, old, value);
            if (old != value)
            {
                config.SetAttribute(element(), name, value);
            }
        }

        public static CarbonOpsException Missing(XmlConfig config, string what) =>
            new CarbonOpsException(ErrorIds.ConfigElementNotFound, $"'{config.Path}' has no {what}.", config.Path);
    }
}
