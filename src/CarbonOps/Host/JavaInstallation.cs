using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CarbonOps.Host
{
    public enum JavaVendor { Unknown, Oracle, OpenJdk, Ibm, Other }

    /// <summary>
    /// A Java home as found on disk: JDK or JRE, version and vendor. The version comes from the home's
    /// <c>release</c> file where it has one; <c>java -version</c> is run (with a time limit) when the file
    /// is absent, or, when it gives the version but not the vendor, only once the vendor is asked for:
    /// a check of the version alone starts no JVM.
    /// </summary>
    public sealed class JavaInstallation
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

        private static readonly Regex VersionLine = new Regex(@"^\s*(?<kind>java|openjdk|jre)\s+version\s+""(?<v>[^""]+)""", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        private static readonly Regex OldVersion = new Regex(@"^1\.(?<major>\d+)(\.\d+)?(_(?<update>\d+))?", RegexOptions.CultureInvariant);
        private static readonly Regex NewVersion = new Regex(@"^(?<major>\d+)(\.(?<minor>\d+))?(\.(?<update>\d+))?", RegexOptions.CultureInvariant);

        private JavaVendor vendor;
        private string runtime;
        private string source;
        private string error;
        /// <summary>Set when the release file gave the version but not the vendor: the banner is read on first need.</summary>
        private TimeSpan? bannerPending;

        private JavaInstallation(string home)
        {
            Home = home;
        }

        /// <summary>The home as given, made full.</summary>
        public string Home { get; }
        public string JavaPath { get; private set; }
        public bool Exists { get; private set; }
        public bool HasJava { get; private set; }
        /// <summary>bin/javac is present: a JDK, not a JRE.</summary>
        public bool IsJdk { get; private set; }
        /// <summary>As the JDK writes it: 1.6.0_45, 1.7.0, 17.0.15.</summary>
        public string Version { get; private set; }
        /// <summary>6 for 1.6.0_45, 17 for 17.0.15.</summary>
        public int? Major { get; private set; }
        /// <summary>45 for 1.6.0_45; 0 when the version names no update.</summary>
        public int? Update { get; private set; }
        public JavaVendor Vendor => ReadBanner().vendor;
        /// <summary>The runtime as the JDK names it (the second line of java -version, or the release file's IMPLEMENTOR).</summary>
        public string Runtime => ReadBanner().runtime;
        /// <summary>Where the facts came from: "release file", "java -version", or both.</summary>
        public string Source => ReadBanner().source;
        /// <summary>Why the home could not be read in full (missing, no java, java hung or printed no version); null when it could.</summary>
        public string Error => ReadBanner().error;

        /// <summary>"Oracle JDK 1.7.0_80", "OpenJDK JRE 1.7.0_25", "IBM JDK 1.7.0".</summary>
        public string Description
        {
            get
            {
                var name = Vendor == JavaVendor.Oracle ? "Oracle " : Vendor == JavaVendor.Ibm ? "IBM " : Vendor == JavaVendor.OpenJdk ? "OpenJDK " : "";
                return $"{name}{(IsJdk ? "JDK" : "JRE")} {Version ?? "(version unknown)"}";
            }
        }

        /// <summary>Reads a Java home; never throws for a bad home: <see cref="Error"/> says what was wrong.</summary>
        public static JavaInstallation Inspect(string javaHome, TimeSpan? timeout = null)
        {
            string full;
            try
            {
                full = Path.GetFullPath(javaHome.Trim().Trim('"'));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return new JavaInstallation(javaHome) { error = $"'{javaHome}' is not a valid path: {ex.Message}" };
            }
            var java = new JavaInstallation(full)
            {
                JavaPath = Path.Combine(full, "bin", ExecutableSearch.ProgramFile("java")),
                Exists = Directory.Exists(full),
            };
            if (!java.Exists)
            {
                java.error = $"'{full}' does not exist.";
                return java;
            }
            java.HasJava = File.Exists(java.JavaPath);
            java.IsJdk = File.Exists(Path.Combine(full, "bin", ExecutableSearch.ProgramFile("javac")));
            var release = Path.Combine(full, "release");
            if (File.Exists(release))
            {
                java.ApplyRelease(File.ReadAllText(release));
            }
            if (java.Version != null && java.vendor != JavaVendor.Unknown)
            {
                return java;
            }
            if (!java.HasJava)
            {
                java.error = $"'{full}' has no bin/{ExecutableSearch.ProgramFile("java")}: it is not a Java home.";
                return java;
            }
            java.bannerPending = timeout ?? DefaultTimeout;
            return java.Version != null ? java : java.ReadBanner();
        }

        /// <summary>Runs java -version once, if the release file left the vendor (or the version) untold.</summary>
        private JavaInstallation ReadBanner()
        {
            if (bannerPending is TimeSpan timeout)
            {
                bannerPending = null;
                ApplyBanner(ProcessRunner.Run(JavaPath, new[] { "-version" }, timeout), timeout);
            }
            return this;
        }

        /// <summary>Major and update of a Java version string (1.6.0_45 → 6, 45; 17.0.15 → 17, 15); null when it is not one.</summary>
        public static Tuple<int, int> ParseVersion(string version)
        {
            var old = OldVersion.Match(version ?? "");
            if (old.Success)
            {
                return Tuple.Create(int.Parse(old.Groups["major"].Value, CultureInfo.InvariantCulture),
                    old.Groups["update"].Success ? int.Parse(old.Groups["update"].Value, CultureInfo.InvariantCulture) : 0);
            }
            var modern = NewVersion.Match(version ?? "");
            if (modern.Success && int.TryParse(modern.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major >= 5)
            {
                return Tuple.Create(major, modern.Groups["update"].Success ? int.Parse(modern.Groups["update"].Value, CultureInfo.InvariantCulture) : 0);
            }
            return null;
        }

        /// <summary>The vendor a java -version banner shows (IBM J9, OpenJDK, Oracle's Java(TM)).</summary>
        public static JavaVendor VendorOfBanner(string banner)
        {
            if (banner.IndexOf("IBM J9", StringComparison.Ordinal) >= 0 || banner.IndexOf("IBM ", StringComparison.Ordinal) >= 0)
            {
                return JavaVendor.Ibm;
            }
            if (banner.IndexOf("OpenJDK", StringComparison.OrdinalIgnoreCase) >= 0 || Regex.IsMatch(banner, @"^\s*openjdk version", RegexOptions.Multiline))
            {
                return JavaVendor.OpenJdk;
            }
            return banner.IndexOf("Java(TM)", StringComparison.Ordinal) >= 0 ? JavaVendor.Oracle : JavaVendor.Other;
        }

        private void ApplyRelease(string text)
        {
            var values = Host.OsFacts.ParseOsRelease(text);
            if (values.TryGetValue("JAVA_VERSION", out var version) && SetVersion(version))
            {
                source = "release file";
            }
            if (values.TryGetValue("IMPLEMENTOR", out var implementor) && implementor.Length > 0)
            {
                runtime = implementor;
                // Oracle and IBM name themselves for their own JDKs and for their OpenJDK builds alike: the banner tells those apart.
                if (implementor.IndexOf("Oracle", StringComparison.OrdinalIgnoreCase) < 0 && implementor.IndexOf("IBM", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    vendor = JavaVendor.OpenJdk;
                }
            }
            else if (values.TryGetValue("BUILD_TYPE", out var build) && build == "commercial")
            {
                vendor = JavaVendor.Oracle;
            }
        }

        private void ApplyBanner(ProcessOutput output, TimeSpan timeout)
        {
            var command = $"'{JavaPath} -version'";
            if (output.StartError != null)
            {
                error = $"{command} could not be run: {output.StartError}";
                return;
            }
            if (output.TimedOut)
            {
                error = $"{command} gave no answer within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and was stopped.";
                return;
            }
            // java -version writes to stderr; some wrappers write to stdout.
            var banner = (output.StdErr + "\n" + output.StdOut).Trim();
            var match = VersionLine.Match(banner);
            if (!match.Success)
            {
                var first = banner.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(nothing)";
                error = $"{command} printed no Java version (exit code {output.ExitCode}): '{(first.Length > 100 ? first.Substring(0, 100) + "..." : first)}'.";
                return;
            }
            if (Version == null && !SetVersion(match.Groups["v"].Value))
            {
                error = $"{command} printed a version that is not a Java version: '{match.Groups["v"].Value}'.";
                return;
            }
            var lines = banner.Substring(match.Index).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            runtime = lines.Count > 1 ? lines[1] : runtime;
            vendor = VendorOfBanner(string.Join("\n", lines.Take(3)));
            source = source == null ? "java -version" : source + " and java -version";
        }

        private bool SetVersion(string version)
        {
            var parsed = ParseVersion(version);
            if (parsed == null)
            {
                return false;
            }
            Version = version;
            Major = parsed.Item1;
            Update = parsed.Item2;
            return true;
        }
    }

    /// <summary>
    /// The Java inspections of one Test-CarbonHost call: each distinct Java home is read once
    /// (so each java runs at most once per call), and the Java under test is chosen once.
    /// </summary>
    public sealed class JavaProbe
    {
        private readonly Dictionary<string, JavaInstallation> homes = new Dictionary<string, JavaInstallation>(StringComparer.Ordinal);
        private JavaSelection selection;

        public TimeSpan Timeout { get; set; } = JavaInstallation.DefaultTimeout;

        /// <summary>How many times a java home was read (not served from this call's cache).</summary>
        public int Inspections { get; private set; }

        public JavaInstallation Inspect(string javaHome)
        {
            var key = ExecutableSearch.RealPath(javaHome);
            if (!homes.TryGetValue(key, out var java))
            {
                Inspections++;
                java = JavaInstallation.Inspect(javaHome, Timeout);
                homes[key] = java;
            }
            return java;
        }

        /// <summary>The Java under test: -JavaHome, else $JAVA_HOME, else the java PATH finds.</summary>
        public JavaSelection Select(IHostProbe host, string javaHomeOption)
        {
            return selection ?? (selection = JavaSelection.Choose(host, javaHomeOption));
        }
    }

    /// <summary>Which Java home a call checks, and how it was chosen.</summary>
    public sealed class JavaSelection
    {
        private JavaSelection(string home, string source, string javaHomeVariable, string pathJava)
        {
            Home = home;
            Source = source;
            JavaHomeVariable = javaHomeVariable;
            PathJava = pathJava;
        }

        /// <summary>The Java home under test; null when there is none (no -JavaHome, no JAVA_HOME, no java on PATH).</summary>
        public string Home { get; }
        /// <summary>"-JavaHome", "JAVA_HOME" or "PATH".</summary>
        public string Source { get; }
        /// <summary>The JAVA_HOME environment variable (null when unset).</summary>
        public string JavaHomeVariable { get; }
        /// <summary>The first java on PATH, as found (links not resolved).</summary>
        public string PathJava { get; }

        public static JavaSelection Choose(IHostProbe host, string javaHomeOption)
        {
            var variable = host.GetEnvironmentVariable("JAVA_HOME");
            variable = string.IsNullOrWhiteSpace(variable) ? null : variable.Trim().Trim('"');
            var pathJava = ExecutableSearch.FindOnPath("java", host.GetEnvironmentVariable("PATH"));
            if (!string.IsNullOrWhiteSpace(javaHomeOption))
            {
                return new JavaSelection(FullPath(javaHomeOption), "-JavaHome", variable, pathJava);
            }
            if (variable != null)
            {
                return new JavaSelection(FullPath(variable), "JAVA_HOME", variable, pathJava);
            }
            return new JavaSelection(pathJava == null ? null : HomeOfJava(pathJava), "PATH", null, pathJava);
        }

        // A path that cannot be made full is kept as given: the inspection reports it as not valid.
        private static string FullPath(string path)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return path;
            }
        }

        /// <summary>The home of a java executable: the parent of its bin/, and the JDK above a JDK's jre/.</summary>
        public static string HomeOfJava(string javaExecutable)
        {
            var real = ExecutableSearch.RealPath(javaExecutable);
            var home = Path.GetDirectoryName(Path.GetDirectoryName(real));
            var parent = Path.GetDirectoryName(home);
            if (string.Equals(Path.GetFileName(home), "jre", StringComparison.Ordinal) && parent != null &&
                File.Exists(Path.Combine(parent, "bin", ExecutableSearch.ProgramFile("java"))))
            {
                return parent;
            }
            return home;
        }

        /// <summary>"/usr/lib/jvm/jdk1.7.0_80 (from JAVA_HOME)".</summary>
        public string Display => Home == null ? "(none)" : $"{Home} (from {Source})";
    }
}
