using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Server
{
    /// <summary>Start, observe, restart and stop a real process: the stand-in server, through its launcher.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public class ServerLifecycleTests
    {
        private static Hashtable Args(StandInServer server, object extra = null) => new Hashtable
        {
            ["h"] = server.Home,
            ["j"] = StandInServer.JavaHome,
            ["x"] = extra,
        };

        [StandInFact]
        public void StartWaitObserveRestartStop()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();

            var started = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Wait -Timeout 60 -WorkerNode -SystemProperty @{ 'carbonops.test' = 'yes'; 'carbonops.flag' = $true }", Args(server));
            Assert.Empty(started.Errors);
            var running = Assert.Single(started.Of<CarbonServer>());
            Assert.Equal(ServerState.Running, running.State);
            Assert.NotNull(running.LastStartupSeconds);
            Assert.Contains(server.HttpsPort, running.Ports);
            Assert.True(ServerControl.Listens(server.HttpsPort));

            var seen = Assert.Single(ps.Run("param($h) Get-CarbonServer $h", Args(server)).Of<CarbonServer>());
            Assert.Equal(ServerState.Running, seen.State);
            Assert.Equal(PidFileStatus.Current, seen.PidFileStatus);
            Assert.Equal(int.Parse(File.ReadAllText(server.PidFile).Trim()), seen.ProcessId);
            Assert.Equal(PosixAccounts.UserName(CarbonOps.Host.PosixFile.EffectiveUserId()), seen.User);
            Assert.True(seen.WorkerNode);
            Assert.Equal(32, seen.InitialHeapMb);
            Assert.Equal(64, seen.MaxHeapMb);
            Assert.Equal(48, seen.MaxPermSizeMb);
            Assert.Equal(0, seen.ErrorsSinceStart);
            Assert.NotNull(seen.LastStartedAt);
            Assert.True(seen.Uptime > TimeSpan.Zero);
            var args = ProcessCommandLines.Read(seen.ProcessId.Value);
            Assert.Contains("-Dcarbonops.test=yes", args);
            Assert.Contains("-Dcarbonops.flag=true", args);
            Assert.Contains(ps.Run("Get-CarbonServer").Of<CarbonServer>(), s => s.ProductHome == CarbonProcesses.Canonical(server.Home) && s.ProcessId == seen.ProcessId);

            var restarted = ps.Run("param($h, $j) Restart-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Wait -Timeout 60 -Confirm:$false", Args(server));
            Assert.Empty(restarted.Errors);
            var after = Assert.Single(restarted.Of<CarbonServer>());
            Assert.Equal(ServerState.Running, after.State);
            Assert.NotEqual(seen.ProcessId, after.ProcessId);
            Assert.False(after.WorkerNode);
            Assert.True(after.LastStartedAt >= seen.LastStartedAt);
            Assert.Null(LinuxProcess.Read(seen.ProcessId.Value));

            var stopped = ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Timeout 60 -PassThru -Confirm:$false", Args(server));
            Assert.Empty(stopped.Errors);
            Assert.Equal(ServerState.Stopped, Assert.Single(stopped.Of<CarbonServer>()).State);
            Assert.Null(LinuxProcess.Read(after.ProcessId.Value));
            Assert.False(File.Exists(server.PidFile));
            Assert.Contains(File.ReadAllLines(server.Log), l => l.Contains("Shutting down OSGi framework"));

            var again = ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Confirm:$false", Args(server));
            Assert.Empty(again.Errors);
            Assert.Empty(again.Objects);
        }

        /// <summary>A system property set the guide's way, in the site wrapper, reaches the JVM that Start-CarbonServer starts.</summary>
        [StandInFact]
        public void TheSiteWrapperIsWhatStarts()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            var set = ps.Run("param($h) Set-CarbonJvmOption -ProductHome $h -SystemProperty @{ 'carbonops.site' = 'wrapper'; workerNode = 'true' }", Args(server));
            Assert.Empty(set.Errors);
            Assert.Equal(CarbonPaths.SiteWrapperSh, Launcher.ScriptFor(CarbonHome.Open(server.Home)));
            var started = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Wait -Timeout 60", Args(server));
            Assert.Empty(started.Errors);
            var running = Assert.Single(started.Of<CarbonServer>());
            var args = ProcessCommandLines.Read(running.ProcessId.Value);
            Assert.Contains("-Dcarbonops.site=wrapper", args);
            Assert.True(running.WorkerNode);
            Assert.True(Assert.Single(ps.Run("param($h) Get-CarbonCluster $h", Args(server)).Of<CarbonCluster>()).WorkerNode);
            Assert.Empty(ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Timeout 60 -Confirm:$false", Args(server)).Errors);

            // Without the wrapper, the product's launcher starts the JVM, and the property is not there.
            File.Delete(Path.Combine(server.Home, CarbonPaths.SiteWrapperSh));
            var plain = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Wait -Timeout 60", Args(server));
            Assert.Empty(plain.Errors);
            Assert.DoesNotContain("-Dcarbonops.site=wrapper", ProcessCommandLines.Read(Assert.Single(plain.Of<CarbonServer>()).ProcessId.Value));
            Assert.Empty(ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Timeout 60 -Confirm:$false", Args(server)).Errors);
        }

        [StandInFact]
        public void APidFileWhosePidWasReusedIsStaleAndItsProcessIsNeverSignalled()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            using var other = System.Diagnostics.Process.Start("sleep", "300");
            try
            {
                File.WriteAllText(server.PidFile, other.Id.ToString());
                var state = Assert.Single(ps.Run("param($h) Get-CarbonServer $h", Args(server)).Of<CarbonServer>());
                Assert.Equal(ServerState.Stopped, state.State);
                Assert.Equal(PidFileStatus.Stale, state.PidFileStatus);
                Assert.Equal(other.Id, state.PidFileProcessId);
                Assert.Contains("not this home's Carbon JVM", state.StateReason);

                var stop = ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Force -Confirm:$false", Args(server));
                Assert.Empty(stop.Errors);
                Assert.False(other.HasExited);
                Assert.False(File.Exists(server.PidFile));

                // The launcher's own start would say "Process is already running" for the reused pid.
                File.WriteAllText(server.PidFile, other.Id.ToString());
                var start = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Wait -Timeout 60", Args(server));
                Assert.Empty(start.Errors);
                Assert.Equal(ServerState.Running, Assert.Single(start.Of<CarbonServer>()).State);
                Assert.False(other.HasExited);
                Assert.Empty(ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Confirm:$false", Args(server)).Errors);
            }
            finally
            {
                other.Kill();
            }
        }

        [StandInFact]
        public void AServerThatDiesAtStartUpIsReportedWithItsLastErrors()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            // Hold the HTTPS port: the stand-in logs an ERROR with its stack trace and exits, as a server that cannot bind.
            var blocker = new TcpListener(IPAddress.Loopback, server.HttpsPort);
            blocker.Start();
            try
            {
                var output = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Wait -Timeout 60", Args(server));
                var error = Assert.Single(output.Errors);
                Assert.Equal("ServerStartFailed,CarbonOps.Commands.StartCarbonServerCommand", error.FullyQualifiedErrorId);
                Assert.Contains("Failed to start connector", error.Exception.Message);
                Assert.Contains("BindException", error.Exception.Message);
                Assert.Empty(output.Objects);
                var state = Assert.Single(ps.Run("param($h) Get-CarbonServer $h", Args(server)).Of<CarbonServer>());
                Assert.Equal(ServerState.Stopped, state.State);
            }
            finally
            {
                blocker.Stop();
            }
        }

        [StandInFact]
        public void AServerThatIgnoresTermIsKilledOnlyWithForce()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            var started = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Wait -Timeout 60 -SystemProperty @{ 'standin.hangOnStop' = 'true' }", Args(server));
            var pid = Assert.Single(started.Of<CarbonServer>()).ProcessId.Value;

            var polite = ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Timeout 2 -Confirm:$false", Args(server));
            Assert.Equal("ServerStopTimeout,CarbonOps.Commands.StopCarbonServerCommand", Assert.Single(polite.Errors).FullyQualifiedErrorId);
            Assert.NotNull(LinuxProcess.Read(pid));

            var forced = ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Timeout 2 -Force -PassThru -Confirm:$false", Args(server));
            Assert.Empty(forced.Errors);
            Assert.Equal(ServerState.Stopped, Assert.Single(forced.Of<CarbonServer>()).State);
            Assert.Null(LinuxProcess.Read(pid));
        }

        [StandInFact(AsRoot = true)]
        public void StartingAsRootIsRefusedWithoutAllowRoot()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -Wait", Args(server));
            var error = Assert.Single(output.Errors);
            Assert.Equal("ServerStartAsRootRefused,CarbonOps.Commands.StartCarbonServerCommand", error.FullyQualifiedErrorId);
            Assert.Contains("New-CarbonServiceUnit", error.Exception.Message);
            Assert.Contains("-AllowRoot", error.Exception.Message);
            Assert.False(File.Exists(server.PidFile));
            Assert.Empty(CarbonProcesses.Of(server.Home));
        }

        [StandInFact]
        public void WhatIfStartsNothing()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -WhatIf -PassThru", Args(server));
            Assert.Empty(output.Errors);
            Assert.Equal(ServerState.Stopped, Assert.Single(output.Of<CarbonServer>()).State);
            Assert.False(File.Exists(server.PidFile));
            Assert.Empty(CarbonProcesses.Of(server.Home));
        }

        [StandInFact]
        public void AMissingOrNonExecutableLauncherIsAClearError()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            var launcher = Path.Combine(server.Home, "bin", "wso2server.sh");
            File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var notExecutable = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot", Args(server));
            Assert.Equal("StartupScriptNotExecutable,CarbonOps.Commands.StartCarbonServerCommand", Assert.Single(notExecutable.Errors).FullyQualifiedErrorId);
            Assert.Contains("chmod", notExecutable.Errors[0].Exception.Message);
            File.Delete(launcher);
            var missing = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot", Args(server));
            Assert.Equal("StartupScriptNotFound,CarbonOps.Commands.StartCarbonServerCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
            Assert.Empty(CarbonProcesses.Of(server.Home));
        }

        [StandInFact]
        public void ALauncherThatFailsIsReportedWithWhatItSaid()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) $env:JAVA_HOME = $null; Start-CarbonServer -ProductHome $h -AllowRoot", Args(server));
            var error = Assert.Single(output.Errors);
            Assert.Equal("StartupScriptFailed,CarbonOps.Commands.StartCarbonServerCommand", error.FullyQualifiedErrorId);
            Assert.Contains("You must set the JAVA_HOME variable", error.Exception.Message);
        }

        [StandInFact]
        public void ASystemPropertyValueWithWhiteSpaceIsRefused()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -SystemProperty @{ a = 'two words' }", Args(server));
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.StartCarbonServerCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Empty(CarbonProcesses.Of(server.Home));
        }

        [StandInFact]
        public void AStartThatOutlastsTheTimeoutIsReportedAndLeftRunning()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h, $j) Start-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Wait -Timeout 1 -SystemProperty @{ 'standin.startupDelayMs' = '20000' }", Args(server));
            var error = Assert.Single(output.Errors);
            Assert.Equal("ServerStartTimeout,CarbonOps.Commands.StartCarbonServerCommand", error.FullyQualifiedErrorId);
            Assert.Contains("left running", error.Exception.Message);
            var state = Assert.Single(ps.Run("param($h) Get-CarbonServer $h", Args(server)).Of<CarbonServer>());
            Assert.Equal(ServerState.Starting, state.State);
            Assert.Empty(ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Timeout 60 -Confirm:$false", Args(server)).Errors);
        }

        [StandInFact]
        public void RestartStartsAServerThatIsNotRunningAndKillsAHungOneOnlyWithForce()
        {
            using var server = new StandInServer();
            using var ps = new PowerShellRunner();
            var first = ps.Run("param($h, $j) Restart-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Wait -Timeout 60 -SystemProperty @{ 'standin.hangOnStop' = 'true' } -Confirm:$false", Args(server));
            Assert.Empty(first.Errors);
            var hung = Assert.Single(first.Of<CarbonServer>());
            Assert.Equal(ServerState.Running, hung.State);

            var polite = ps.Run("param($h, $j) Restart-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Timeout 2 -Confirm:$false", Args(server));
            Assert.Equal("ServerStopTimeout,CarbonOps.Commands.RestartCarbonServerCommand", Assert.Single(polite.Errors).FullyQualifiedErrorId);
            Assert.NotNull(LinuxProcess.Read(hung.ProcessId.Value));

            var forced = ps.Run("param($h, $j) Restart-CarbonServer -ProductHome $h -JavaHome $j -AllowRoot -Timeout 2 -Force -Wait -Confirm:$false", Args(server));
            Assert.Empty(forced.Errors);
            var after = Assert.Single(forced.Of<CarbonServer>());
            Assert.Equal(ServerState.Running, after.State);
            Assert.NotEqual(hung.ProcessId, after.ProcessId);
            Assert.Null(LinuxProcess.Read(hung.ProcessId.Value));
            Assert.Empty(ps.Run("param($h) Stop-CarbonServer -ProductHome $h -Timeout 60 -Confirm:$false", Args(server)).Errors);
        }
    }
}
