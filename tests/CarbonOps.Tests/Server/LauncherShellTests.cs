using System.Diagnostics;
using System.IO;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Server
{
    /// <summary>
    /// Start-CarbonServer -Wait counts the server as coming while a shell runs its launcher: with a site wrapper the
    /// shell that relaunches in the background (and runs the JVM) runs bin/wso2server.sh, not the wrapper.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public class LauncherShellTests
    {
        [LinuxFact]
        public void AShellRunningTheProductLauncherKeepsAWrappedStartAlive()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome, "wso2esb-4.8.1");
            var product = Path.Combine(home, "bin", "wso2server.sh");
            Script(Path.Combine(home, "bin", "wso2server-local.sh"), "exec \"$(dirname \"$0\")/wso2server.sh\" \"$@\"");
            Script(product, "sleep 30");
            var launcher = Launcher.For(CarbonHome.Open(home));
            Assert.EndsWith(CarbonPaths.SiteWrapperSh, launcher.Path.Replace('\\', '/'));
            Assert.False(launcher.ShellAlive());

            using var shell = Process.Start("sh", product);
            try
            {
                Assert.True(launcher.ShellAlive());
            }
            finally
            {
                shell.Kill();
                shell.WaitForExit();
            }
            Assert.False(launcher.ShellAlive());
        }

        private static void Script(string path, string body)
        {
            File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
            File.SetUnixFileMode(path, (UnixFileMode)0x1ed);
        }
    }
}
