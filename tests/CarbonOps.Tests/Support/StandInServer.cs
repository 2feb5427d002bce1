using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CarbonOps.Host;
using CarbonOps.Installation;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// A product home that runs the tests' stand-in server (fixtures/standin-server): the sample home
    /// with the stand-in's wso2server.sh as its launcher and a Ports/Offset that puts its HTTPS port on
    /// a free port of 127.0.0.1. The stand-in is compiled once per test run with the machine's javac.
    /// Disposing kills whatever still runs from the home.
    /// </summary>
    public sealed class StandInServer : IDisposable
    {
        private static readonly Lazy<(string Javac, string Missing)> Tools = new Lazy<(string, string)>(FindTools);
        private static readonly Lazy<string> Classes = new Lazy<string>(Compile);
        private readonly TempFolder temp = new TempFolder();

        public StandInServer()
        {
            Home = temp.CopyHome(TestPaths.SampleHome, "wso2esb-4.8.1");
            var launcher = Path.Combine(Home, "bin", "wso2server.sh");
            File.WriteAllText(launcher, File.ReadAllText(Path.Combine(Fixtures, "wso2server.sh")).Replace("@STANDIN_CLASSES@", Classes.Value));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(launcher, (UnixFileMode)0x1ed);
            }
            HttpsPort = FreePortPair();
            SetOffset(Home, HttpsPort - 9443);
        }

        public static string Fixtures => Path.Combine(TestPaths.RepoRoot, "tests", "CarbonOps.Tests", "fixtures", "standin-server");

        /// <summary>Why the stand-in cannot run here, or null.</summary>
        public static string Missing => Tools.Value.Missing;

        /// <summary>The JDK whose javac compiled the stand-in.</summary>
        public static string JavaHome => Path.GetDirectoryName(Path.GetDirectoryName(Tools.Value.Javac));

        public string Home { get; }

        public int HttpsPort { get; }

        public string PidFile => Path.Combine(Home, "wso2carbon.pid");

        public string Log => Path.Combine(Home, "repository", "logs", "wso2carbon.log");

        public static void SetOffset(string home, int offset)
        {
            var carbonXml = Path.Combine(home, "repository", "conf", "carbon.xml");
            var text = File.ReadAllText(carbonXml);
            File.WriteAllText(carbonXml, Regex.Replace(text, @"<Offset>-?\d+</Offset>", "<Offset>" + offset + "</Offset>"));
        }

        /// <summary>A port P above 9443 where P and P + 320 (the HTTP port at the same offset) are both free now.</summary>
        private static int FreePortPair()
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                try
                {
                    if (port <= 9443 || port + 320 > 65535)
                    {
                        continue;
                    }
                    var http = new TcpListener(IPAddress.Loopback, port + 320);
                    try
                    {
                        http.Start();
                        http.Stop();
                        return port;
                    }
                    catch (SocketException)
                    {
                    }
                }
                finally
                {
                    listener.Stop();
                }
            }
            throw new InvalidOperationException("No free pair of ports on 127.0.0.1.");
        }

        public void Dispose()
        {
            // Everything that still runs from this home was started by the test: the JVM and its launcher shell.
            var launcher = Path.Combine(Home, "bin", "wso2server.sh");
            foreach (var process in LinuxProcess.All().Where(p => CarbonProcesses.BelongsTo(p, Home) || p.Arguments.Contains(launcher)))
            {
                process.Signal(LinuxProcess.SigKill);
            }
            temp.Dispose();
        }

        private static (string, string) FindTools()
        {
            if (!OperatingSystem.IsLinux())
            {
                return (null, "The stand-in server tests need Linux (/proc, sh, ps).");
            }
            var javac = FindJavac();
            if (javac == null)
            {
                return (null, "javac is not on this machine (JAVA_HOME or PATH); the stand-in server tests need a JDK.");
            }
            var java = Path.Combine(Path.GetDirectoryName(javac), "java");
            if (!File.Exists(java) || (File.GetUnixFileMode(java) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
            {
                return (null, $"'{java}' is missing or not executable; the stand-in server tests need a JDK that runs.");
            }
            if (!File.Exists("/bin/ps") && !File.Exists("/usr/bin/ps"))
            {
                return (null, "ps is not on this machine; the launcher's restart needs it.");
            }
            return (javac, null);
        }

        private static string Compile()
        {
            var classes = Path.Combine(Path.GetTempPath(), "carbonops-standin-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(classes);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(classes, true);
            var source = Path.Combine(Fixtures, "org", "wso2", "carbon", "bootstrap", "Bootstrap.java");
            var info = new ProcessStartInfo(Tools.Value.Javac) { RedirectStandardError = true, RedirectStandardOutput = true };
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add(classes);
            info.ArgumentList.Add(source);
            using var process = Process.Start(info);
            var errors = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("javac failed on the stand-in server: " + errors);
            }
            return classes;
        }

        private static string FindJavac()
        {
            var candidates = new[] { Environment.GetEnvironmentVariable("JAVA_HOME") }
                .Where(h => !string.IsNullOrEmpty(h)).Select(h => Path.Combine(h, "bin", "javac"))
                .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Where(d => d.Length > 0).Select(d => Path.Combine(d, "javac")));
            foreach (var candidate in candidates.Where(File.Exists))
            {
                var target = File.ResolveLinkTarget(candidate, true);
                return target?.FullName ?? Path.GetFullPath(candidate);
            }
            return null;
        }
    }

    /// <summary>A fact that runs the stand-in server; skipped, saying why, where it cannot run.</summary>
    public sealed class StandInFactAttribute : FactAttribute
    {
        public StandInFactAttribute()
        {
            if (StandInServer.Missing != null)
            {
                Skip = StandInServer.Missing;
            }
        }

        /// <summary>The test is about running as root: skipped for any other user.</summary>
        public bool AsRoot
        {
            get => false;
            set
            {
                if (value && Skip == null && CarbonOps.Host.PosixFile.EffectiveUserId() != 0)
                {
                    Skip = "This test is about starting as root; it runs only as root.";
                }
            }
        }
    }
}
