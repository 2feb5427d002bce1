using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// The pwsh executable for tests that need a real child process (crash and concurrency trials).
    /// build.ps1 passes its own through CARBONOPS_PWSH; otherwise it is the local tool's copy in the
    /// NuGet cache, at the version .config/dotnet-tools.json pins.
    /// </summary>
    public static class ChildPwsh
    {
        private static readonly Lazy<string> path = new Lazy<string>(Locate);

        public static string Path => path.Value;

        /// <summary>The module the child imports: the CarbonOps.dll these tests were built against.</summary>
        public static string ModuleAssembly => typeof(CarbonOps.Commands.CarbonCmdlet).Assembly.Location;

        /// <summary>Starts pwsh on a script file with its arguments; stdout and stdin are redirected.</summary>
        public static Process Start(string scriptPath, params string[] arguments)
        {
            var info = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "-NoProfile", "-NonInteractive", "-File", scriptPath })
            {
                info.ArgumentList.Add(a);
            }
            foreach (var a in arguments)
            {
                info.ArgumentList.Add(a);
            }
            info.Environment["NO_COLOR"] = "1";
            return Process.Start(info);
        }

        private static string Locate()
        {
            var fromBuild = Environment.GetEnvironmentVariable("CARBONOPS_PWSH");
            if (!string.IsNullOrEmpty(fromBuild) && File.Exists(fromBuild))
            {
                return fromBuild;
            }
            var manifest = System.IO.Path.Combine(TestPaths.RepoRoot, ".config", "dotnet-tools.json");
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            var version = json.RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString();
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(packages))
            {
                packages = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            }
            var os = OperatingSystem.IsWindows() ? "win" : "unix";
            var exe = System.IO.Path.Combine(packages, "powershell", version, "tools", "net10.0", "any", os, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
            if (!File.Exists(exe))
            {
                throw new InvalidOperationException($"pwsh {version} is not at '{exe}'; run 'dotnet tool restore' first, or set CARBONOPS_PWSH.");
            }
            return exe;
        }
    }
}
