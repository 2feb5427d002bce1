using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;

namespace CarbonOps.Host
{
    /// <summary>What a short-lived process printed, or why it could not be run to its end.</summary>
    public sealed class ProcessOutput
    {
        internal ProcessOutput(int? exitCode, string stdOut, string stdErr, bool timedOut, string startError)
        {
            ExitCode = exitCode;
            StdOut = stdOut ?? "";
            StdErr = stdErr ?? "";
            TimedOut = timedOut;
            StartError = startError;
        }

        public int? ExitCode { get; }
        public string StdOut { get; }
        public string StdErr { get; }
        public bool TimedOut { get; }
        public string StartError { get; }
    }

    /// <summary>Runs a program with a time limit and collects its output; a program that does not end in time is killed.</summary>
    public static class ProcessRunner
    {
        public static ProcessOutput Run(string file, string[] arguments, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(file, string.Join(" ", arguments.Select(Quote)))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
            };
            Process process;
            try
            {
                process = Process.Start(info);
            }
            catch (Exception ex) when (ex is Win32Exception || ex is InvalidOperationException || ex is UnauthorizedAccessException)
            {
                return new ProcessOutput(null, null, null, false, ex.Message);
            }
            using (process)
            {
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                var exited = process.WaitForExit((int)Math.Min(int.MaxValue, timeout.TotalMilliseconds));
                if (!exited)
                {
                    try
                    {
                        process.Kill();
                    }
                    catch (Exception ex) when (ex is InvalidOperationException || ex is Win32Exception)
                    {
                    }
                }
                // A child that inherited the pipes may keep them open after the kill: do not wait for it.
                var drained = System.Threading.Tasks.Task.WaitAll(new[] { stdout, stderr }, 2000);
                return new ProcessOutput(exited ? process.ExitCode : (int?)null,
                    drained || stdout.IsCompleted ? stdout.Result : null,
                    drained || stderr.IsCompleted ? stderr.Result : null,
                    !exited, null);
            }
        }

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
