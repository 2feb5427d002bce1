using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CarbonOps.Host
{
    /// <summary>An Apache Ant, Maven or Subversion client found on the host.</summary>
    public sealed class ToolInstallation
    {
        internal ToolInstallation(string name, string location, string version, string error)
        {
            Name = name;
            Location = location;
            Version = version;
            Error = error;
        }

        public string Name { get; }
        /// <summary>The program or home found; null when the tool is not installed.</summary>
        public string Location { get; }
        public string Version { get; }
        /// <summary>Why the version could not be read; null when it was.</summary>
        public string Error { get; }
        public bool Found => Location != null;

        /// <summary>Whether the version is at least <paramref name="minimum"/> (numeric parts compared in order).</summary>
        public bool AtLeast(string minimum)
        {
            var have = Numbers(Version);
            var need = Numbers(minimum);
            for (var i = 0; i < Math.Max(have.Length, need.Length); i++)
            {
                var a = i < have.Length ? have[i] : 0;
                var b = i < need.Length ? need[i] : 0;
                if (a != b)
                {
                    return a > b;
                }
            }
            return true;
        }

        internal static int[] Numbers(string version) =>
            Regex.Matches(Regex.Match(version ?? "", @"^\d+(\.\d+)*").Value, @"\d+").Cast<Match>().Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>
    /// Finds the build tools the guide names. Versions come from the tools' own jars where they have
    /// them (no JVM start): Ant's lib/ant.jar (org/apache/tools/ant/version.txt), Maven's
    /// lib/maven-core*.jar (pom.properties). Subversion is asked with svn --version --quiet.
    /// </summary>
    public static class BuildTools
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        public static ToolInstallation FindAnt(IHostProbe host)
        {
            var home = HomeOf(host, "ANT_HOME", "ant");
            if (home == null)
            {
                return new ToolInstallation("Apache Ant", null, null, null);
            }
            var jar = Path.Combine(home, "lib", "ant.jar");
            return FromJar("Apache Ant", home, jar, name => name == "org/apache/tools/ant/version.txt", "VERSION");
        }

        public static ToolInstallation FindMaven(IHostProbe host)
        {
            var home = HomeOf(host, "M2_HOME", "mvn") ?? HomeOf(host, "MAVEN_HOME", "mvn");
            if (home == null)
            {
                return new ToolInstallation("Apache Maven", null, null, null);
            }
            var lib = Path.Combine(home, "lib");
            var jar = Directory.Exists(lib) ? Directory.GetFiles(lib, "maven-core*.jar").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault() : null;
            return FromJar("Apache Maven", home, jar, name => name.EndsWith("/maven-core/pom.properties", StringComparison.Ordinal), "version");
        }

        public static ToolInstallation FindSvn(IHostProbe host)
        {
            var svn = ExecutableSearch.FindOnPath("svn", host.GetEnvironmentVariable("PATH"));
            if (svn == null)
            {
                return new ToolInstallation("Subversion client", null, null, null);
            }
            var output = ProcessRunner.Run(svn, new[] { "--version", "--quiet" }, Timeout);
            var version = Regex.Match(output.StdOut, @"^\s*(\d+(\.\d+)+)", RegexOptions.Multiline);
            return version.Success
                ? new ToolInstallation("Subversion client", svn, version.Groups[1].Value, null)
                : new ToolInstallation("Subversion client", svn, null, $"'{svn} --version --quiet' gave no version" +
                    (output.TimedOut ? " in time" : output.StartError != null ? ": " + output.StartError : "."));
        }

        /// <summary>The tool's home: the environment variable where set, else the parent of the bin/ that holds the program on PATH.</summary>
        private static string HomeOf(IHostProbe host, string variable, string program)
        {
            var fromVariable = host.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(fromVariable))
            {
                return Path.GetFullPath(fromVariable.Trim());
            }
            var found = ExecutableSearch.FindOnPath(program, host.GetEnvironmentVariable("PATH"));
            return found == null ? null : Path.GetDirectoryName(Path.GetDirectoryName(ExecutableSearch.RealPath(found)));
        }

        private static ToolInstallation FromJar(string name, string home, string jar, Func<string, bool> entry, string key)
        {
            if (jar == null || !File.Exists(jar))
            {
                return new ToolInstallation(name, home, null, $"'{home}' has no {(jar == null ? "lib/ jar" : Path.GetFileName(jar))} to read the version from.");
            }
            try
            {
                var version = JarFile.PropertyValue(JarFile.ReadEntry(jar, entry), key);
                return new ToolInstallation(name, home, version, version == null ? $"'{jar}' names no version." : null);
            }
            catch (Exception ex) when (ex is InvalidDataException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return new ToolInstallation(name, home, null, $"'{jar}' cannot be read: {ex.Message}");
            }
        }
    }
}
