using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>Finds programs on PATH, for tests that run a real tool.</summary>
    public static class Tools
    {
        public static string Find(string name)
        {
            var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name } : new[] { name };
            return (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(dir => names.Select(n => Path.Combine(dir, n)))
                .FirstOrDefault(IsExecutable);
        }

        private static bool IsExecutable(string path)
        {
            if (!File.Exists(path))
            {
                return false;
            }
            return OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
    }

    /// <summary>
    /// A fact that runs the machine's real java (found on PATH, links resolved the shell's way); skipped, saying so, on Windows
    /// (the fixtures link and run it as on Unix) or where no java is on PATH.
    /// </summary>
    public sealed class JavaFactAttribute : FactAttribute
    {
        public JavaFactAttribute()
        {
            if (OperatingSystem.IsWindows() || Tools.Find("java") == null)
            {
                Skip = OperatingSystem.IsWindows() ? "Needs a Unix host: the real-Java tests link and run java as on Unix." : "No executable java on PATH; this test starts a real JVM.";
            }
        }
    }

    /// <summary>A fact that runs shell scripts with bash; skipped, saying so, on Windows or where bash is absent.</summary>
    public sealed class BashFactAttribute : FactAttribute
    {
        public BashFactAttribute()
        {
            if (OperatingSystem.IsWindows() || Tools.Find("bash") == null)
            {
                Skip = "No bash here; this test runs the shell scripts for real.";
            }
        }
    }
}
