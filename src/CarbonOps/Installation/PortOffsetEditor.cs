using System;
using System.Globalization;
using System.Linq;
using CarbonOps.Editing;

namespace CarbonOps.Installation
{
    /// <summary>Sets carbon.xml /Server/Ports/Offset, after checking that every shifted port stays a port.</summary>
    public static class PortOffsetEditor
    {
        public const string Setting = "Ports/Offset";
        /// <summary>An offset is how clashing ports are moved apart.</summary>
        public const string CheckId = CheckIds.NetworkPortConflict;

        /// <summary>
        /// Edits the session's carbon.xml in memory; returns the change (old value null when the element
        /// was absent, which Carbon reads as 0). Throws ConfigElementNotFound without &lt;Ports&gt; and
        /// ParameterValueInvalid when a port would pass 65535; nothing is edited then.
        /// </summary>
        public static PlannedChange Apply(CarbonHome home, EditSession session, int offset)
        {
            var config = session.OpenXml(home.FilePath(CarbonPaths.CarbonXml));
            var ports = config.SelectSingle("Ports");
            if (ports == null)
            {
                throw new CarbonOpsException(ErrorIds.ConfigElementNotFound,
                    $"'{config.Path}' has no <Ports> element under <Server>, so it has no port offset to set. Nothing was written.", config.Path);
            }
            var tooHigh = PortReader.Read(home).Where(p => p.ShiftedByOffset && p.BasePort + offset > 65535).OrderByDescending(p => p.BasePort).FirstOrDefault();
            if (tooHigh != null)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"Offset {offset} would move {tooHigh.Name} ({tooHigh.BasePort}, {tooHigh.Source}) to {tooHigh.BasePort + offset}, above the highest port 65535. Nothing was written.",
                    config.Path);
            }
            var text = offset.ToString(CultureInfo.InvariantCulture);
            var element = config.SelectSingle(Setting);
            var old = element?.Value.Trim();
            if (element == null)
            {
                if (offset != 0)
                {
                    config.AppendChild(ports, "<Offset>" + text + "</Offset>");
                }
                return new PlannedChange(config.Path, Setting, null, offset == 0 ? null : text);
            }
            if (!int.TryParse(old, NumberStyles.Integer, CultureInfo.InvariantCulture, out var current) || current != offset)
            {
                config.SetElementText(element, text);
            }
            return new PlannedChange(config.Path, Setting, old, current == offset ? old : text);
        }
    }
}
