using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>Where a home's JVM options are written: its launchers, its site wrappers, and a systemd unit that runs it.</summary>
    public static class HomeJvmOptions
    {
        /// <summary>
        /// The texts that carry the home's JVM options, by name: its launchers, its site wrappers, and the systemd units
        /// of <see cref="CheckOptions.ServiceUnitFolder"/> that run it.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, string>> Sources(CheckContext context)
        {
            var home = context.Home;
            foreach (var relative in CarbonPaths.StartupScripts.Concat(new[] { Installation.SystemPropertyWrapper.ShellWrapper, Installation.SystemPropertyWrapper.BatchWrapper }).Where(home.Exists))
            {
                yield return new KeyValuePair<string, string>(relative, home.Text(relative).Text);
            }
            foreach (var unit in ServiceUnitsOf(home, UnitFiles(context, context.Options.ServiceUnitFolder)))
            {
                yield return unit;
            }
        }

        /// <summary>The systemd units of <paramref name="units"/> that run <paramref name="home"/> (its CARBON_HOME, or a launcher of its bin folder).</summary>
        private static IEnumerable<KeyValuePair<string, string>> ServiceUnitsOf(CarbonHome home, IReadOnlyList<KeyValuePair<string, string>> units)
        {
            var bin = System.IO.Path.Combine(home.Path, "bin") + System.IO.Path.DirectorySeparatorChar;
            foreach (var unit in units)
            {
                var text = unit.Value;
                if (text.Contains("CARBON_HOME=" + home.Path + "\"") || text.Contains("CARBON_HOME=" + home.Path + "\n") || text.Contains(bin))
                {
                    yield return unit;
                }
            }
        }

        /// <summary>Every readable *.service file of <paramref name="folder"/> with its text, by name: read once per call, for every home.</summary>
        private static IReadOnlyList<KeyValuePair<string, string>> UnitFiles(CheckContext context, string folder) =>
            context.Facts.Shared("ServiceUnitFiles:" + folder, () =>
            {
                var units = new List<KeyValuePair<string, string>>();
                if (string.IsNullOrEmpty(folder) || !System.IO.Directory.Exists(folder))
                {
                    return units;
                }
                foreach (var file in System.IO.Directory.GetFiles(folder, "*.service").OrderBy(f => f, StringComparer.Ordinal))
                {
                    try
                    {
                        units.Add(new KeyValuePair<string, string>(file, System.IO.File.ReadAllText(file)));
                    }
                    catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
                    {
                        // A unit this user cannot read is left out: nothing in it can be judged.
                    }
                }
                return units;
            });

        /// <summary>
        /// The lines of a launcher, wrapper or unit that are not comments and hold <paramref name="marker"/>, the text a
        /// pattern needs to match at all: most lines are never searched, and most texts never split.
        /// </summary>
        public static IEnumerable<string> LinesWith(string text, string marker) =>
            text.IndexOf(marker, StringComparison.Ordinal) < 0
                ? Enumerable.Empty<string>()
                : text.Split('\n').Where(l => l.IndexOf(marker, StringComparison.Ordinal) >= 0 && !IsComment(l));

        private static bool IsComment(string line)
        {
            var t = line.TrimStart();
            return t.StartsWith("#", StringComparison.Ordinal) || t.StartsWith("rem ", StringComparison.OrdinalIgnoreCase) || t.StartsWith("::", StringComparison.Ordinal);
        }
    }
}
