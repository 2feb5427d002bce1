using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Server
{
    public class ServiceUnitTests
    {
        /// <summary>An unprivileged account every Debian system has.</summary>
        private static PosixAccounts.Account User => PosixAccounts.FindUser("daemon") ?? PosixAccounts.Users().First(u => u.Id > 0 && u.Id < 1000);

        private sealed class Setup : IDisposable
        {
            public readonly TempFolder Temp = new TempFolder();
            public readonly PowerShellRunner Ps = new PowerShellRunner();
            public readonly string Home;
            public readonly string Units;
            public readonly string JavaHome;

            public Setup()
            {
                Home = Temp.CopyHome(TestPaths.SampleHome, "wso2esb-4.8.1");
                Units = Path.Combine(Temp.Path, "units");
                Directory.CreateDirectory(Units);
                JavaHome = Path.GetDirectoryName(Path.GetDirectoryName(Temp.Write("jdk/bin/java", "")));
            }

            public string UnitPath => Path.Combine(Units, "wso2esb-4.8.1.service");

            public PowerShellRunner.Output Run(string extra = "") =>
                Ps.Run($"param($h, $u, $p, $j) New-CarbonServiceUnit -ProductHome $h -User $u -Path $p -JavaHome $j -Confirm:$false {extra}",
                    new Hashtable { ["h"] = Home, ["u"] = User.Name, ["p"] = Units, ["j"] = JavaHome });

            public void Dispose()
            {
                Ps.Dispose();
                Temp.Dispose();
            }
        }

        [PosixFact]
        public void TheUnitRunsTheLauncherAsTheUserAndASecondRunChangesNothing()
        {
            using var s = new Setup();
            var output = s.Run();
            Assert.Empty(output.Errors);
            Assert.Empty(output.Warnings);
            var unit = Assert.Single(output.Of<ServiceUnit>());
            Assert.Equal(ChangeStatus.Changed, unit.Status);
            Assert.Equal(s.UnitPath, unit.Path);
            Assert.Equal("wso2esb-4.8.1.service", unit.Name);
            var lines = File.ReadAllLines(s.UnitPath);
            Assert.Equal(unit.Content, File.ReadAllText(s.UnitPath));
            Assert.Contains("Type=forking", lines);
            Assert.Contains($"PIDFile={s.Home}/wso2carbon.pid", lines);
            Assert.Contains($"ExecStart={s.Home}/bin/wso2server.sh start", lines);
            Assert.Contains($"ExecStop={s.Home}/bin/wso2server.sh stop", lines);
            Assert.Contains($"User={User.Name}", lines);
            Assert.Contains($"Group={PosixAccounts.GroupName(User.GroupId)}", lines);
            Assert.Contains($"Environment=JAVA_HOME={s.JavaHome}", lines);
            Assert.Contains("LimitNOFILE=4096", lines);
            Assert.Contains("Restart=on-failure", lines);
            Assert.Equal(0x1a4u, PosixFile.Stat(s.UnitPath).Value.Mode);
            var bytes = File.ReadAllBytes(s.UnitPath);

            var again = Assert.Single(s.Run().Of<ServiceUnit>());
            Assert.Equal(ChangeStatus.AlreadyCompliant, again.Status);
            Assert.Equal(bytes, File.ReadAllBytes(s.UnitPath));

            var higher = Assert.Single(s.Run("-LimitNOFILE 65535").Of<ServiceUnit>());
            Assert.Equal(ChangeStatus.Changed, higher.Status);
            Assert.Contains("LimitNOFILE=65535", File.ReadAllLines(s.UnitPath));
        }

        [ProgramFact("systemd-analyze")]
        public void TheUnitPassesSystemdAnalyzeVerify()
        {
            using var s = new Setup();
            Assert.Empty(s.Run().Errors);
            var info = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add("verify");
            info.ArgumentList.Add(s.UnitPath);
            using var verify = Process.Start(info);
            var said = verify.StandardError.ReadToEnd() + verify.StandardOutput.ReadToEnd();
            verify.WaitForExit();
            Assert.True(verify.ExitCode == 0, "systemd-analyze verify: " + said);
        }

        [PosixFact]
        public void AWorkerUnitRunsTheSiteWrapperWithWorkerNode()
        {
            using var s = new Setup();
            Assert.Empty(s.Ps.Run("param($h) Set-CarbonJvmOption -ProductHome $h -SystemProperty @{ 'carbonops.site' = 'wrapper' }", new Hashtable { ["h"] = s.Home }).Errors);
            var output = s.Run("-WorkerNode");
            Assert.Empty(output.Errors);
            var lines = File.ReadAllLines(s.UnitPath);
            Assert.Contains($"ExecStart={s.Home}/bin/wso2server-local.sh start", lines);
            Assert.Contains($"ExecStop={s.Home}/bin/wso2server-local.sh stop", lines);
            Assert.Contains("Environment=JAVA_OPTS=-DworkerNode=true", lines);
            var node = ClusterReader.Read(CarbonHome.Open(s.Home), "test", s.Units);
            Assert.True(node.WorkerNode);
            Assert.Equal(s.UnitPath, node.WorkerNodeSource);
            Assert.False(ClusterReader.Read(CarbonHome.Open(s.Home), "test", Path.Combine(s.Temp.Path, "none")).WorkerNode);
        }

        [PosixFact]
        public void WhatIfWritesNothingAndShowsTheUnit()
        {
            using var s = new Setup();
            var output = s.Run("-SetOwnership -WhatIf");
            var unit = Assert.Single(output.Of<ServiceUnit>());
            Assert.Equal(ChangeStatus.WhatIf, unit.Status);
            Assert.Contains("Type=forking", unit.Content);
            Assert.False(File.Exists(s.UnitPath));
            Assert.False(Directory.Exists(Path.Combine(s.Home, ".carbonops")));
            Assert.Equal(PosixFile.EffectiveUserId(), PosixFile.Stat(Path.Combine(s.Home, "repository", "conf", "carbon.xml")).Value.Uid);
        }

        [PosixFact]
        public void TheUnitIsBackedUpAndRestoreRemovesIt()
        {
            using var s = new Setup();
            File.WriteAllText(s.UnitPath, "[Unit]\nDescription=an older unit\n");
            var unit = Assert.Single(s.Run().Of<ServiceUnit>());
            Assert.NotNull(unit.BackupPath);
            var set = Assert.Single(s.Ps.Run("param($h) Get-CarbonBackup $h", new Hashtable { ["h"] = s.Home }).Of<BackupSet>());
            Assert.Contains(s.UnitPath, set.Files);
            var restore = s.Ps.Run("param($b) Restore-CarbonConfiguration -BackupPath $b -Confirm:$false", new Hashtable { ["b"] = unit.BackupPath });
            Assert.Empty(restore.Errors);
            Assert.Equal("[Unit]\nDescription=an older unit\n", File.ReadAllText(s.UnitPath));
        }

        [PosixFact(AsRoot = true)]
        public void SetOwnershipGivesTheHomeToTheUser()
        {
            using var s = new Setup();
            File.CreateSymbolicLink(Path.Combine(s.Home, "jdk-link"), s.JavaHome);
            var output = s.Run("-SetOwnership");
            Assert.Empty(output.Errors);
            Assert.Contains("now belong to", Assert.Single(output.Of<ServiceUnit>()).Message);
            foreach (var path in Directory.GetFileSystemEntries(s.Home, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            {
                Assert.Equal(User.Id, PosixFile.Stat(path).Value.Uid);
            }
            // The link itself changed owner, not the folder it points to.
            Assert.Equal(PosixFile.EffectiveUserId(), PosixFile.Stat(s.JavaHome).Value.Uid);
        }

        [PosixFact]
        public void AnUnknownUserRootOrALowLimitIsRefused()
        {
            using var s = new Setup();
            var unknown = s.Ps.Run("param($h, $p) New-CarbonServiceUnit -ProductHome $h -User no-such-user-here -Path $p -Confirm:$false", new Hashtable { ["h"] = s.Home, ["p"] = s.Units });
            var error = Assert.Single(unknown.Errors);
            Assert.Equal("UserNotFound,CarbonOps.Commands.NewCarbonServiceUnitCommand", error.FullyQualifiedErrorId);
            Assert.Contains("useradd", error.Exception.Message);

            var root = s.Ps.Run("param($h, $p) New-CarbonServiceUnit -ProductHome $h -User root -Path $p -Confirm:$false", new Hashtable { ["h"] = s.Home, ["p"] = s.Units });
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.NewCarbonServiceUnitCommand", Assert.Single(root.Errors).FullyQualifiedErrorId);

            var group = s.Run("-Group no-such-group-here");
            Assert.Equal("GroupNotFound,CarbonOps.Commands.NewCarbonServiceUnitCommand", Assert.Single(group.Errors).FullyQualifiedErrorId);

            var low = s.Run("-LimitNOFILE 1024");
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.NewCarbonServiceUnitCommand", Assert.Single(low.Errors).FullyQualifiedErrorId);
            Assert.Contains("4096", low.Errors[0].Exception.Message);
            Assert.Empty(Directory.GetFiles(s.Units));
        }

        [PosixFact]
        public void AMissingJavaHomeIsAWarning()
        {
            using var s = new Setup();
            var output = s.Ps.Run("param($h, $u, $p) $env:JAVA_HOME = $null; New-CarbonServiceUnit -ProductHome $h -User $u -Path $p -Confirm:$false",
                new Hashtable { ["h"] = s.Home, ["u"] = User.Name, ["p"] = s.Units });
            Assert.Contains(output.Warnings, w => w.Contains("-JavaHome"));
            Assert.DoesNotContain("JAVA_HOME", File.ReadAllText(s.UnitPath));
        }
    }
}
