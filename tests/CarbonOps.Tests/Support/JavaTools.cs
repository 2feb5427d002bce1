using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>The machine's JDK (java, javac, keytool on PATH), run as real processes.</summary>
    public static class JavaTools
    {
        private static readonly Lazy<bool> available = new Lazy<bool>(() => new[] { "java", "javac", "keytool" }.All(t => Find(t) != null));

        public static bool Available => available.Value;

        public const string Missing = "java, javac and keytool must be on PATH for the proof that Java reads what CarbonOps writes; they are not here.";

        public static string Find(string tool)
        {
            var names = OperatingSystem.IsWindows() ? new[] { tool + ".exe" } : new[] { tool };
            return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .SelectMany(dir => names.Select(n => Path.Combine(dir, n)))
                .FirstOrDefault(File.Exists);
        }

        public sealed class Result
        {
            public int ExitCode;
            public string Output;
            public string Error;
        }

        public static Result Run(string tool, params string[] arguments)
        {
            var start = new ProcessStartInfo(Find(tool) ?? tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(true);
                throw new TimeoutException($"{tool} did not finish in two minutes.");
            }
            return new Result { ExitCode = process.ExitCode, Output = output.Result, Error = error.Result };
        }

        /// <summary>Compiles a program of tests/CarbonOps.Tests/fixtures/java into <paramref name="folder"/>; returns the class path.</summary>
        public static string Compile(string folder, string fileName)
        {
            var source = Path.Combine(TestPaths.RepoRoot, "tests", "CarbonOps.Tests", "fixtures", "java", fileName);
            var classes = Path.Combine(folder, "classes");
            Directory.CreateDirectory(classes);
            var result = Run("javac", "-d", classes, source);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("javac failed: " + result.Error);
            }
            return classes;
        }
    }

    /// <summary>A fact that needs the JDK (and, when asked, the corpus) and is skipped, saying so, where it is absent.</summary>
    public sealed class JdkFactAttribute : FactAttribute
    {
        public JdkFactAttribute(bool needsCorpus = false)
        {
            if (!JavaTools.Available)
            {
                Skip = JavaTools.Missing;
            }
            else if (needsCorpus && !TestPaths.CorpusExists)
            {
                Skip = TestPaths.CorpusMissing;
            }
        }
    }
}
