using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>Programs from the machine that some tests drive (chromium); those tests skip, saying so, where they are absent.</summary>
    public static class ExternalTool
    {
        /// <summary>The full path of the first of the names found on PATH, or null.</summary>
        public static string Find(params string[] names)
        {
            var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            return names.SelectMany(n => folders.Select(f => Path.Combine(f, n))).FirstOrDefault(File.Exists);
        }

        public static string Chromium => Find("chromium", "chromium-browser", "google-chrome");

        /// <summary>Runs a program to its end (killing it, by its own id, after the timeout) and returns exit code and output.</summary>
        public static (int ExitCode, string Output) Run(string file, string[] arguments, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }
            using var process = Process.Start(info);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} did not finish within {timeout.TotalSeconds} s.");
            }
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    public sealed class ChromiumFactAttribute : FactAttribute
    {
        public ChromiumFactAttribute()
        {
            if (ExternalTool.Chromium == null)
            {
                Skip = "chromium is not installed (Debian's chromium package; .ci/run installs it): the HTML report is not rendered.";
            }
        }
    }
}
