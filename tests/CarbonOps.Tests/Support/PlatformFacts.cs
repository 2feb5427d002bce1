using System;
using System.IO;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>A theory that needs a Unix host (shell-script fixtures, file modes and owners); skipped on Windows, saying so. See <see cref="PosixFactAttribute"/>.</summary>
    public sealed class PosixTheoryAttribute : TheoryAttribute
    {
        public PosixTheoryAttribute()
        {
            if (OperatingSystem.IsWindows())
            {
                Skip = PosixFactAttribute.Reason;
            }
        }
    }

    /// <summary>A fact about this Linux machine, skipped elsewhere.</summary>
    public sealed class LinuxFactAttribute : FactAttribute
    {
        public LinuxFactAttribute()
        {
            if (!OperatingSystem.IsLinux())
            {
                Skip = "Reads /proc and /etc of a Linux host.";
            }
        }
    }

    public static class Fixtures
    {
        private static readonly Lazy<string> realJavaHome = new Lazy<string>(FindRealJavaHome);

        public static string Jdk(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "CarbonOps.Tests", "fixtures", "jdks", name);

        /// <summary>Runs a shell command line and returns its trimmed standard output (for facts read back independently).</summary>
        public static string Shell(string command)
        {
            var info = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(command);
            using var process = System.Diagnostics.Process.Start(info);
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }

        /// <summary>The home of the real java on PATH (links resolved the shell's way), or null when the machine has none.</summary>
        public static string RealJavaHome() => realJavaHome.Value;

        /// <summary>Writes an executable shell script.</summary>
        public static string Script(TempFolder temp, string relative, string body)
        {
            var path = temp.Write(relative, "#!/bin/sh\n" + body);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
            }
            return path;
        }

        private static string FindRealJavaHome()
        {
            var java = Shell("command -v java >/dev/null 2>&1 && readlink -f \"$(command -v java)\"");
            if (java.Length == 0)
            {
                return null;
            }
            var home = Path.GetDirectoryName(Path.GetDirectoryName(java));
            return Path.GetFileName(home) == "jre" && File.Exists(Path.Combine(Path.GetDirectoryName(home), "bin", "java")) ? Path.GetDirectoryName(home) : home;
        }
    }
}
