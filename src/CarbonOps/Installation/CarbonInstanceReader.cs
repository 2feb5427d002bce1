using System;
using System.Globalization;
using System.Linq;

namespace CarbonOps.Installation
{
    public static class CarbonInstanceReader
    {
        public static CarbonInstance Read(CarbonHome home, string discoveredBy, string computerName)
        {
            var id = ProductIdentity.Read(home);
            return new CarbonInstance(
                home.Path, id.Name, id.Version, id.Source, id.CarbonVersion, PortOffset(home),
                CarbonPaths.StartupScripts.Where(home.Exists).ToArray(), discoveredBy, computerName);
        }

        /// <summary>carbon.xml /Server/Ports/Offset; 0 when the element is absent.</summary>
        public static int PortOffset(CarbonHome home)
        {
            var config = home.Xml(CarbonPaths.CarbonXml);
            var element = config.SelectSingle("Ports/Offset");
            if (element == null)
            {
                return 0;
            }
            if (!int.TryParse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset))
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileMalformed,
                    $"'{config.Path}' line {config.LineOf(element)}: Ports/Offset '{element.Value.Trim()}' is not a whole number.",
                    config.Path, config.LineOf(element));
            }
            return offset;
        }
    }
}
