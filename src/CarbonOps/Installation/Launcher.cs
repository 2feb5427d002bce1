using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace CarbonOps.Installation
{
    /// <summary>The product's own launcher, bin/wso2server.sh (or wso2server.bat on Windows), run for one command.</summary>
    public sealed class Launcher
    {
        private static readonly Regex PropertyName = new Regex(@"^[A-Za-z0-9_.\-]+$", RegexOptions.CultureInvariant);

        private readonly CarbonHome home;
        private readonly Dictionary<string, string> environment = new Dictionary<string, string>(StringComparer.Ordinal);

        private Launcher(CarbonHome home, string relative)
        {
            this.home = home;
            Relative = relative;
            environment["CARBON_HOME"] = home.Path;
        }

        public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>The launcher relative to the home: bin/wso2server.sh, or bin/wso2server.bat on Windows.</summary>
        public string Relative { get; }

        public string Path => home.FilePath(Relative);

        /// <summary>
        /// What starts the home: the site wrapper (bin/wso2server-local.sh or .bat) when it exists, so the system
        /// properties it adds are not bypassed, else the product's launcher.
        /// </summary>
        public static string ScriptFor(CarbonHome home)
        {
            var wrapper = IsWindows ? CarbonPaths.SiteWrapperBat : CarbonPaths.SiteWrapperSh;
            return home.Exists(wrapper) ? wrapper : IsWindows ? CarbonPaths.StartupScriptBat : CarbonPaths.StartupScriptSh;
        }

        /// <summary>The home's launcher (or its site wrapper), checked to exist and (on Unix) to be executable.</summary>
        public static Launcher For(CarbonHome home)
        {
            var relative = ScriptFor(home);
            var launcher = new Launcher(home, relative);
            if (!home.Exists(relative))
            {
                throw new CarbonOpsException(ErrorIds.StartupScriptNotFound,
                    $"'{home.Path}' has no {relative}; CarbonOps starts and stops a server only with the product's own launcher.", launcher.Path);
            }
            if (!IsWindows && access(launcher.Path, 1 /* X_OK */) != 0)
            {
                throw new CarbonOpsException(ErrorIds.StartupScriptNotExecutable,
                    $"'{launcher.Path}' is not executable. Give it the run bit (chmod u+x '{launcher.Path}') and run again.", launcher.Path);
            }
            return launcher;
        }

        /// <summary>
        /// Options for this start only. The launcher's start and restart relaunch it in the background
        /// without its arguments, so they go in through JAVA_OPTS, which the java command line expands
        /// unquoted: a value may hold no white space or wildcard.
        /// </summary>
        public void SetJavaOptions(bool workerNode, IDictionary<string, string> systemProperties)
        {
            var options = new List<string>();
            var existing = Environment.GetEnvironmentVariable("JAVA_OPTS");
            if (!string.IsNullOrWhiteSpace(existing))
            {
                options.Add(existing.Trim());
            }
            if (workerNode)
            {
                options.Add("-DworkerNode=true");
            }
            foreach (var pair in systemProperties ?? new Dictionary<string, string>())
            {
                if (!PropertyName.IsMatch(pair.Key ?? ""))
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{pair.Key}' is not a system property name (letters, digits, '.', '_' and '-').");
                }
                var value = pair.Value ?? "";
                if (value.Any(c => char.IsWhiteSpace(c) || c == '*' || c == '?' || c == '['))
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                        $"The value of system property '{pair.Key}' holds white space or a wildcard, which the launcher's unquoted JAVA_OPTS would split or expand.");
                }
                options.Add("-D" + pair.Key + "=" + value);
            }
            if (options.Count > 0)
            {
                environment["JAVA_OPTS"] = string.Join(" ", options);
            }
        }

        public void SetJavaHome(string javaHome)
        {
            if (!string.IsNullOrEmpty(javaHome))
            {
                environment["JAVA_HOME"] = javaHome;
            }
        }

        /// <summary>Starts the launcher with one command; the caller waits for it.</summary>
        public Process Begin(string command, StringBuilder output)
        {
            var info = IsWindows
                ? new ProcessStartInfo("cmd.exe", "/c \"\"" + Path + "\"\"")
                : new ProcessStartInfo(Path, command);
            info.UseShellExecute = false;
            info.CreateNoWindow = true;
            info.RedirectStandardInput = true;
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            info.WorkingDirectory = home.Path;
            foreach (var pair in environment)
            {
                info.EnvironmentVariables[pair.Key] = pair.Value;
            }
            Process process;
            try
            {
                process = Process.Start(info);
            }
            catch (Win32Exception ex)
            {
                throw new CarbonOpsException(ErrorIds.StartupScriptFailed, $"'{Path}' could not be run: {ex.Message}", Path, 0, ex);
            }
            DataReceivedEventHandler append = (s, e) =>
            {
                if (e.Data != null)
                {
                    lock (output)
                    {
                        output.AppendLine(e.Data);
                    }
                }
            };
            process.OutputDataReceived += append;
            process.ErrorDataReceived += append;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.StandardInput.Close();
            return process;
        }

        /// <summary>Runs the launcher with one command and waits for it; throws StartupScriptFailed when it fails.</summary>
        public string Run(string command, TimeSpan timeout, CancellationToken cancel)
        {
            var output = new StringBuilder();
            using (var process = Begin(command, output))
            {
                if (!WaitForExit(process, timeout, cancel))
                {
                    TryKill(process);
                    throw new CarbonOpsException(ErrorIds.StartupScriptFailed, $"'{Path} {command}' did not finish within {timeout.TotalSeconds:0} s and was stopped.", Path);
                }
                process.WaitForExit();
                var text = Text(output);
                if (process.ExitCode != 0)
                {
                    throw new CarbonOpsException(ErrorIds.StartupScriptFailed,
                        $"'{Path} {command}' failed (exit code {process.ExitCode}){(text.Length > 0 ? ": " + text : ".")}", Path);
                }
                return text;
            }
        }

        public static bool WaitForExit(Process process, TimeSpan timeout, CancellationToken cancel)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!process.WaitForExit(200))
            {
                cancel.ThrowIfCancellationRequested();
                if (DateTime.UtcNow > deadline)
                {
                    return false;
                }
            }
            return true;
        }

        public static void TryKill(Process process)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
            }
            catch (Win32Exception)
            {
            }
        }

        public static string Text(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString().Trim();
            }
        }

        /// <summary>
        /// True while a shell runs this launcher or the product's: the product launcher's start relaunches
        /// bin/wso2server.sh in the background (the shell that runs the JVM in a loop), also when the site wrapper
        /// started it, so between the wrapper's exit and the JVM's start only that shell shows the server is coming.
        /// </summary>
        public bool ShellAlive()
        {
            var scripts = new[] { Path, home.FilePath(CarbonPaths.StartupScriptSh) };
            var names = new HashSet<string>(scripts.Concat(scripts.Select(CarbonProcesses.Canonical)), StringComparer.Ordinal);
            return Host.LinuxProcess.All().Any(p => p.Arguments.Skip(1).Take(2).Any(names.Contains));
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int access(string path, int mode);
    }
}
