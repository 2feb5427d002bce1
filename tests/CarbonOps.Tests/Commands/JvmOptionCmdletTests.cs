using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    public class JvmOptionCmdletTests
    {
        private static void MakeExecutable(string path)
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0x1ed);
            }
        }

        [Fact]
        public void GetListsEveryLauncherOfTheSampleWithEffectiveValues()
        {
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Get-CarbonInstance $h | Get-CarbonJvmOption -JavaOpts '-Xmx3g'", new Hashtable { ["h"] = TestPaths.SampleHome });
            Assert.Empty(output.Errors);
            var byLauncher = output.Of<CarbonJvmOption>().ToDictionary(o => o.Launcher);
            Assert.Equal(new[] { CarbonPaths.StartupScriptSh, CarbonPaths.StartupScriptBat, CarbonPaths.WrapperConf }, byLauncher.Keys);
            Assert.All(byLauncher.Values, o => Assert.Equal(("256m", "1024m", "256m"), (o.InitialHeap, o.MaxHeap, o.MaxPermSize)));
            Assert.Equal("3g", byLauncher[CarbonPaths.StartupScriptSh].EffectiveMaxHeap);
            Assert.Equal("3g", byLauncher[CarbonPaths.StartupScriptBat].EffectiveMaxHeap);
            Assert.Equal("1024m", byLauncher[CarbonPaths.WrapperConf].EffectiveMaxHeap);
            Assert.Null(byLauncher[CarbonPaths.WrapperConf].JavaOpts);
            Assert.Contains("-XX:+HeapDumpOnOutOfMemoryError", byLauncher[CarbonPaths.StartupScriptSh].OtherOptions);
        }

        [Fact]
        public void AnUnrecognisedLauncherIsAnErrorAndTheOthersStillCome()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, new Dictionary<string, string> { [CarbonPaths.StartupScriptSh] = "no-java.sh" });
            var output = ps.Run("param($h) Get-CarbonJvmOption $h", new Hashtable { ["h"] = home });
            var error = Assert.Single(output.Errors);
            Assert.Equal("StartupScriptNotRecognised,CarbonOps.Commands.GetCarbonJvmOptionCommand", error.FullyQualifiedErrorId);
            Assert.Contains("wso2server.sh", error.Exception.Message);
            Assert.Equal(2, output.Of<CarbonJvmOption>().Count());
        }

        [JavaFact]
        public void ARunningInstanceShowsTheOptionsOfItsRealCommandLine()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp);
            var start = new ProcessStartInfo(Tools.Find("java"), new[]
            {
                "-Xms32m", "-Xmx96m", "-XX:MaxMetaspaceSize=128m", "-Dcarbon.home=" + home,
                TestPaths.Fixture("java/Sleeper.java"), InstanceDiscovery.BootstrapClass,
            })
            { RedirectStandardInput = true, UseShellExecute = false };
            using var java = Process.Start(start);
            try
            {
                var output = ps.Run("param($h) Get-CarbonJvmOption $h", new Hashtable { ["h"] = home });
                var running = Assert.Single(output.Of<CarbonJvmOption>(), o => o.Launcher == "RunningProcess");
                Assert.Equal(java.Id, running.ProcessId);
                Assert.Equal(("32m", "96m", "128m"), (running.InitialHeap, running.MaxHeap, running.MaxMetaspaceSize));
                Assert.Equal($"/proc/{java.Id}/cmdline", running.Path);
            }
            finally
            {
                java.StandardInput.Close();
                if (!java.WaitForExit(10000))
                {
                    java.Kill();
                }
            }
        }

        [Fact]
        public void SetWritesTheGuideValuesOnceRestoresExactlyAndWarnsAboutPermGen()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp);
            var original = TempFolder.TreeHash(home);
            const string set = "param($h) Set-CarbonJvmOption -ProductHome $h -InitialHeap 512m -MaxHeap 2048m -MaxPermSize 1024m -Confirm:$false";

            var whatIf = ps.Run("param($h) Set-CarbonJvmOption -ProductHome $h -MaxHeap 2048m -WhatIf", new Hashtable { ["h"] = home });
            Assert.Equal(3, whatIf.Of<ChangeResult>().Count(c => c.Status == ChangeStatus.WhatIf));
            Assert.Equal(original, TempFolder.TreeHash(home));
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));

            var first = ps.Run(set, new Hashtable { ["h"] = home });
            Assert.Empty(first.Errors);
            Assert.Contains(first.Warnings, w => w.Contains("Java 17"));
            var changed = first.Of<ChangeResult>().ToList();
            Assert.Equal(9, changed.Count);
            Assert.All(changed, c => Assert.Equal(ChangeStatus.Changed, c.Status));
            Assert.Single(changed.Select(c => c.BackupPath).Distinct());
            Assert.Contains(changed, c => c.Setting == "-Xmx" && c.OldValue == "1024m" && c.NewValue == "2048m" && c.Path.EndsWith("wso2server.bat"));
            var hardened = TempFolder.TreeHash(home);

            var second = ps.Run(set, new Hashtable { ["h"] = home });
            Assert.All(second.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
            Assert.Equal(hardened, TempFolder.TreeHash(home));
            Assert.Single(ps.Run("param($h) Get-CarbonBackup $h", new Hashtable { ["h"] = home }).Of<BackupSet>());

            Assert.Empty(ps.Run("param($r) $r | Restore-CarbonConfiguration -Confirm:$false", new Hashtable { ["r"] = changed.ToArray() }).Errors);
            Assert.Equal(original, TempFolder.TreeHash(home));
        }

        [Theory]
        [InlineData("-MaxHeap 12x", "12x")]
        [InlineData("-InitialHeap 4g -MaxHeap 2g", "larger")]
        [InlineData("", "at least one")]
        [InlineData("-SystemProperty @{ 'a b' = 'x' }", "a b")]
        public void BadParametersStopBeforeAnyFileIsRead(string parameters, string inMessage)
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp);
            var original = TempFolder.TreeHash(home);
            var output = ps.Run("param($h) try { Set-CarbonJvmOption -ProductHome $h " + parameters + " -Confirm:$false } catch { $_ }", new Hashtable { ["h"] = home });
            var error = Assert.Single(output.Of<System.Management.Automation.ErrorRecord>());
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonJvmOptionCommand", error.FullyQualifiedErrorId);
            Assert.Contains(inMessage, error.Exception.Message);
            Assert.Equal(original, TempFolder.TreeHash(home));
        }

        [Fact]
        public void AnInitialHeapAboveAHomesMaximumIsAnErrorForThatHomeOnly()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var small = LauncherHomes.Make(temp);
            var big = LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.StartupScriptSh, "reordered.sh"));
            var before = TempFolder.TreeHash(small);
            var output = ps.Run("param($a, $b) Set-CarbonJvmOption -ProductHome $a, $b -InitialHeap 1536m -Confirm:$false", new Hashtable { ["a"] = small, ["b"] = big });
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonJvmOptionCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal(before, TempFolder.TreeHash(small));
            Assert.Contains(output.Of<ChangeResult>(), c => c.ProductHome == big && c.Status == ChangeStatus.Changed && c.NewValue == "1536m");
        }

        [BashFact]
        public void TheShellWrapperPassesPropertiesAndArgumentsIntact()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, new Dictionary<string, string> { [CarbonPaths.StartupScriptBat] = null });
            // The stub prints JAVA_OPTS whole, then split the way wso2server.sh expands it (unquoted), then its arguments.
            var stub = temp.Write(Path.GetFileName(home) + "/" + CarbonPaths.StartupScriptSh,
                "#!/bin/sh\nprintf 'JAVA_OPTS=%s\\n' \"$JAVA_OPTS\"\nfor w in $JAVA_OPTS; do printf 'WORD=%s\\n' \"$w\"; done\nfor a in \"$@\"; do printf 'ARG=%s\\n' \"$a\"; done\n");
            MakeExecutable(stub);
            var stubBytes = File.ReadAllBytes(stub);
            var values = new Hashtable
            {
                ["carbonops.quote"] = "it's\"quoted\"",
                ["carbonops.dollar"] = "$HOME${PATH}$(id)`id`",
                ["carbonops.shell"] = "a;b&c|d>e\\f",
            };
            var output = ps.Run("param($h, $p) Set-CarbonJvmOption -ProductHome $h -SystemProperty $p -Confirm:$false", new Hashtable { ["h"] = home, ["p"] = values });
            Assert.Empty(output.Errors);
            Assert.Equal(3, output.Of<ChangeResult>().Count(c => c.Status == ChangeStatus.Changed));
            Assert.Equal(stubBytes, File.ReadAllBytes(stub));

            var run = new ProcessStartInfo(Tools.Find("bash"), new[] { Path.Combine(home, "bin/wso2server-local.sh"), "start", "two words", "$HOME" })
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            run.Environment["JAVA_OPTS"] = "-Xmx3g";
            using var process = Process.Start(run);
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(new[] { "ARG=start", "ARG=two words", "ARG=$HOME" }, lines.Where(l => l.StartsWith("ARG=")));
            Assert.Equal(new[] { "JAVA_OPTS=-Xmx3g -Dcarbonops.dollar=$HOME${PATH}$(id)`id` -Dcarbonops.quote=it's\"quoted\" -Dcarbonops.shell=a;b&c|d>e\\f" },
                lines.Where(l => l.StartsWith("JAVA_OPTS=")));
            Assert.Equal(new[]
            {
                "WORD=-Xmx3g",
                "WORD=-Dcarbonops.dollar=$HOME${PATH}$(id)`id`",
                "WORD=-Dcarbonops.quote=it's\"quoted\"",
                "WORD=-Dcarbonops.shell=a;b&c|d>e\\f",
            }, lines.Where(l => l.StartsWith("WORD=")));

            var restore = ps.Run("param($r) $r | Restore-CarbonConfiguration -Confirm:$false", new Hashtable { ["r"] = output.Of<ChangeResult>().ToArray() });
            Assert.Contains(restore.Of<RestoreResult>(), r => r.Status == RestoreStatus.Removed);
            Assert.False(File.Exists(Path.Combine(home, "bin/wso2server-local.sh")));
        }

        [Fact]
        public void PropertiesUpdateInPlaceAndANullValueRemovesOne()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp);
            var sh = File.ReadAllBytes(Path.Combine(home, CarbonPaths.StartupScriptSh));
            Assert.Empty(ps.Run("param($h) Set-CarbonJvmOption $h -SystemProperty @{ 'http.proxyHost' = 'proxy'; 'http.proxyPort' = '3128' } -Confirm:$false", new Hashtable { ["h"] = home }).Errors);
            var wrapper = Path.Combine(home, "bin/wso2server-local.sh");
            var first = File.ReadAllText(wrapper);
            Assert.Contains("'-Dhttp.proxyHost=proxy'", first);
            Assert.Contains("set \"JAVA_OPTS=%JAVA_OPTS% -Dhttp.proxyPort=3128\"\r\n", File.ReadAllText(Path.Combine(home, "bin/wso2server-local.bat")));

            var again = ps.Run("param($h) Set-CarbonJvmOption $h -SystemProperty @{ 'http.proxyHost' = 'proxy'; 'http.proxyPort' = '3128' } -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.All(again.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
            Assert.Equal(first, File.ReadAllText(wrapper));

            var update = ps.Run("param($h) Set-CarbonJvmOption $h -SystemProperty @{ 'http.proxyHost' = $null; 'http.nonProxyHosts' = 'localhost' } -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Contains(update.Of<ChangeResult>(), c => c.Setting == "-Dhttp.proxyHost" && c.OldValue == "proxy" && c.NewValue == null && c.Status == ChangeStatus.Changed);
            var lines = File.ReadAllLines(wrapper).Where(l => l.StartsWith("JAVA_OPTS=")).ToArray();
            Assert.Equal(new[] { "JAVA_OPTS=\"${JAVA_OPTS:+$JAVA_OPTS }\"'-Dhttp.proxyPort=3128'", "JAVA_OPTS=\"${JAVA_OPTS:+$JAVA_OPTS }\"'-Dhttp.nonProxyHosts=localhost'" }, lines);
            Assert.Equal(sh, File.ReadAllBytes(Path.Combine(home, CarbonPaths.StartupScriptSh)));
        }

        [Fact]
        public void AValueThatALauncherWouldSplitIsRefusedForThatLauncher()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp);
            var spaced = ps.Run("param($h) Set-CarbonJvmOption $h -SystemProperty @{ 'x' = 'two words' } -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Equal(2, spaced.Errors.Count);
            Assert.All(spaced.Errors, e => Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonJvmOptionCommand", e.FullyQualifiedErrorId));
            Assert.Contains(spaced.Errors, e => e.Exception.Message.Contains("main class"));
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));

            var quoted = ps.Run("param($h) Set-CarbonJvmOption $h -SystemProperty @{ 'x' = 'say\"hi\"' } -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Contains("wso2server.bat", Assert.Single(quoted.Errors).Exception.Message);
            Assert.True(File.Exists(Path.Combine(home, "bin/wso2server-local.sh")));
            Assert.False(File.Exists(Path.Combine(home, "bin/wso2server-local.bat")));
        }

        [Fact]
        public void AHomeWithOnlyTheServiceConfigurationGetsNoWrapperAndIsToldWhy()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.WrapperConf, "missing-options.conf"));
            var output = ps.Run("param($h) Set-CarbonJvmOption $h -SystemProperty @{ 'x' = 'y' } -Confirm:$false", new Hashtable { ["h"] = home });
            var error = Assert.Single(output.Errors);
            Assert.Equal("ConfigFileNotFound,CarbonOps.Commands.SetCarbonJvmOptionCommand", error.FullyQualifiedErrorId);
            Assert.Contains("wrapper.java.additional.N", error.Exception.Message);
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));
        }

        [Fact]
        public void AWrapperCarbonOpsDidNotWriteIsLeftAlone()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, new Dictionary<string, string> { [CarbonPaths.StartupScriptBat] = null });
            var mine = temp.Write(Path.GetFileName(home) + "/bin/wso2server-local.sh", "#!/bin/sh\n# my own\n");
            var output = ps.Run("param($h) Set-CarbonJvmOption $h -SystemProperty @{ 'x' = 'y' } -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Equal("ConfigFileNotWritable,CarbonOps.Commands.SetCarbonJvmOptionCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal("#!/bin/sh\n# my own\n", File.ReadAllText(mine));
        }
    }
}
