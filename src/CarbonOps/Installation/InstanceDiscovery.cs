using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using CarbonOps.Host;

namespace CarbonOps.Installation
{
    /// <summary>Finds product homes on this computer: CARBON_HOME, running Carbon JVMs, and the usual install folders.</summary>
    public static class InstanceDiscovery
    {
        public const string BootstrapClass = ProcessCommandLines.CarbonBootstrapClass;

        public sealed class Found
        {
            public string Path;
            public string DiscoveredBy;
        }

        public static IEnumerable<Found> Discover()
        {
            var seen = new HashSet<string>(PathComparer);
            foreach (var found in FromEnvironment().Concat(FromProcesses()).Concat(FromInstallFolders()))
            {
                var full = Path.GetFullPath(found.Path).TrimEnd(Path.DirectorySeparatorChar);
                if (CarbonHome.IsProductHome(full) && seen.Add(full))
                {
                    found.Path = full;
                    yield return found;
                }
            }
        }

        public static StringComparer PathComparer =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private static IEnumerable<Found> FromEnvironment()
        {
            var home = Environment.GetEnvironmentVariable("CARBON_HOME");
            if (!string.IsNullOrWhiteSpace(home))
            {
                yield return new Found { Path = home, DiscoveredBy = "CARBON_HOME" };
            }
        }

        /// <summary>-Dcarbon.home= of every process running Carbon's bootstrap class (Linux: /proc/&lt;pid&gt;/cmdline).</summary>
        private static IEnumerable<Found> FromProcesses()
        {
            foreach (var args in ProcessCommandLines.All().Select(p => p.Arguments))
            {
                if (!args.Contains(BootstrapClass))
                {
                    continue;
                }
                var home = CarbonHomeArgument(args);
                if (home != null)
                {
                    yield return new Found { Path = home, DiscoveredBy = "RunningProcess" };
                }
            }
        }

        public static string CarbonHomeArgument(IEnumerable<string> args) => ProcessCommandLines.CarbonHomeArgument(args);

        private static IEnumerable<Found> FromInstallFolders()
        {
            var roots = new List<string>();
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                roots.Add(@"C:\WSO2");
                roots.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "WSO2"));
            }
            else
            {
                roots.AddRange(new[] { "/opt", "/usr/lib", "/srv" });
            }
            roots.Add(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
            foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)))
            {
                foreach (var folder in ChildFolders(root).Concat(ChildFolders(root).SelectMany(ChildFolders)))
                {
                    yield return new Found { Path = folder, DiscoveredBy = "InstallFolder" };
                }
            }
        }

        private static IEnumerable<string> ChildFolders(string folder)
        {
            try
            {
                return Directory.Exists(folder) ? Directory.GetDirectories(folder) : new string[0];
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return new string[0];
            }
        }
    }
}
