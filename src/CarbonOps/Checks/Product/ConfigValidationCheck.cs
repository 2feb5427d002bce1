using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// Evaluates the home's own repository/conf/etc/config-validation.xml the way Carbon does at start-up,
    /// before the server starts: the SystemValidator's CPU (MHz per processor x processors), RAM, swap and
    /// free disk (MB, here the filesystem of the home) and open-files limit (not on Windows), and the
    /// JVMValidator's heap and PermGen sizes against the launcher's. Carbon only logs a warning for these,
    /// so a shortfall is a Warning. The demo-certificate fingerprint is left to the keystore checks.
    /// </summary>
    public sealed class ConfigValidationCheck : CarbonCheck
    {
        private const long Mb = 1024L * 1024;

        public override string Id => CheckIds.HostConfigValidation;
        public override string Title => "The home's config-validation.xml minimums, before start-up";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.Low;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Installation Prerequisites: System requirements (config-validation.xml)";
        public override string RemediationText => "Give the host what config-validation.xml asks (CPU, RAM, swap, disk, ulimit -n), and the launcher -Xms/-Xmx/-XX:MaxPermSize at least its JVM values.";

        private sealed class Item
        {
            public string Label;
            public string Unit;
            public long Minimum;
            public long? Actual;
            public string Note;
        }

        public override CheckResult Evaluate(CheckContext context)
        {
            var config = context.Home.Xml(CarbonPaths.ConfigValidationXml);
            if (string.Equals(config.Root.Attribute("enabled")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            {
                return Skip(context, config.Path, "config-validation.xml is disabled (enabled=\"false\"): Carbon makes none of these checks.");
            }
            var items = new List<Item>();
            foreach (var validator in config.Select("Validator"))
            {
                var kind = validator.Attribute("class")?.Value.Trim() ?? "";
                var parameters = validator.Elements().Where(e => e.Name.LocalName == "Parameter").ToList();
                if (kind.EndsWith(".SystemValidator", StringComparison.Ordinal))
                {
                    items.AddRange(parameters.Select(p => SystemItem(context, config, p)).Where(i => i != null));
                }
                else if (kind.EndsWith(".JVMValidator", StringComparison.Ordinal))
                {
                    items.AddRange(parameters.Select(p => JvmItem(context, config, p)).Where(i => i != null));
                }
            }
            if (items.Count == 0)
            {
                return Skip(context, config.Path, "config-validation.xml has no system or JVM minimums.");
            }
            var expected = string.Join(", ", items.Select(i => $"{i.Label} >= {i.Minimum}{i.Unit}"));
            var actual = string.Join(", ", items.Select(i => $"{i.Label} {(i.Actual.HasValue ? i.Actual + i.Unit : "?")}{(i.Note != null && i.Actual.HasValue ? " " + i.Note : "")}"));
            var below = items.Where(i => i.Actual.HasValue && i.Actual.Value < i.Minimum).Select(i => $"{i.Label} {i.Actual}{i.Unit} < {i.Minimum}{i.Unit}").ToList();
            var unknown = items.Where(i => !i.Actual.HasValue).Select(i => $"{i.Label} ({i.Note ?? "could not be read"})").ToList();
            var note = unknown.Count > 0 ? " Not evaluated: " + string.Join(", ", unknown) + "." : "";
            return below.Count == 0
                ? Pass(context, expected, actual, config.Path, "Carbon's start-up validation will find nothing below its minimums." + note)
                : Warn(context, expected, actual, config.Path, "Carbon will warn at start-up: " + string.Join("; ", below) + "." + note);
        }

        private static Item SystemItem(CheckContext context, XmlConfig config, XElement parameter)
        {
            var host = context.Host;
            switch (parameter.Attribute("id")?.Value.Trim())
            {
                case "CPU":
                    var cpu = host.Cpu;
                    long? total = cpu?.Mhz != null ? (long)Math.Floor(cpu.Mhz.Value) * cpu.LogicalProcessors : (long?)null;
                    return new Item { Label = "CPU", Unit = " MHz", Minimum = Threshold(config, parameter), Actual = total,
                        Note = cpu?.Mhz != null ? $"({cpu.LogicalProcessors} x {Math.Floor(cpu.Mhz.Value)})" : "processor clock unknown" };
                case "RAM":
                    return new Item { Label = "RAM", Unit = " MB", Minimum = Threshold(config, parameter), Actual = host.MemoryTotalBytes / Mb };
                case "swap":
                    return new Item { Label = "swap", Unit = " MB", Minimum = Threshold(config, parameter), Actual = host.SwapTotalBytes / Mb };
                case "freeDisk":
                    var fs = context.Facts.FileSystemOf(host, context.Home.Path);
                    return new Item { Label = "free disk", Unit = " MB", Minimum = Threshold(config, parameter), Actual = fs?.AvailableBytes / Mb, Note = fs != null ? $"on {fs.MountPoint}" : null };
                case "ulimit":
                    if (host.OperatingSystem?.Platform == CarbonOps.Host.HostPlatform.Windows)
                    {
                        return null; // Carbon skips it on Windows too.
                    }
                    return new Item { Label = "ulimit -n", Unit = "", Minimum = Threshold(config, parameter), Actual = host.OpenFilesLimit };
                default:
                    return null;
            }
        }

        private static Item JvmItem(CheckContext context, XmlConfig config, XElement parameter)
        {
            string label;
            Func<JvmMemorySettings, long?> value;
            switch (parameter.Attribute("id")?.Value.Trim())
            {
                case "initHeapSize": label = "-Xms"; value = s => s.InitialHeapMb; break;
                case "maxHeapSize": label = "-Xmx"; value = s => s.MaxHeapMb; break;
                case "maxPermGenSize": label = "-XX:MaxPermSize"; value = s => s.MaxPermSizeMb; break;
                default: return null;
            }
            var minimum = Threshold(config, parameter);
            var settings = JvmMemory.Read(context.Home);
            return new Item
            {
                Label = label, Unit = " MB", Minimum = minimum, Actual = settings == null ? null : value(settings),
                Note = settings == null ? "the home has no launcher" : value(settings) == null ? $"{settings.Launcher} does not set it" : null,
            };
        }

        private static long Threshold(XmlConfig config, XElement parameter)
        {
            var text = parameter.Value.Trim();
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                var line = config.LineOf(parameter);
                throw new CarbonOpsException(ErrorIds.ConfigFileMalformed,
                    $"'{config.Path}' line {line}: Parameter '{parameter.Attribute("id")?.Value}' is '{text}', not a whole number.", config.Path, line);
            }
            return value;
        }
    }
}
