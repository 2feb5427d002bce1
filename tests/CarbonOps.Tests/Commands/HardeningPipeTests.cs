using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Tests.Checks;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    /// <summary>The issue's done-means: the Test | Invoke pipe fixes every remediable failure, a second run changes nothing, a restore gives back every byte and mode.</summary>
    public class HardeningPipeTests
    {
        internal const string Password = "N3w-Secret-7f";

        // Runs the issue's exact command; the JDK comes in as a default parameter value, as $env:JAVA_HOME would on a server.
        internal const string Pipe = @"param($h, $jdk, $pw)
            $PSDefaultParameterValues['Invoke-CarbonHardening:JavaHome'] = $jdk
            $c = [pscredential]::new('admin', (ConvertTo-SecureString $pw -AsPlainText -Force))
            Test-CarbonHost $h | Invoke-CarbonHardening -AdminCredential $c -AllowedAddress '10\.0\.0\.\d+' -HostName carbon.example.com -Confirm:$false";

        // Every line an edit of this run may remove or add; anything else in a diff is a stray change.
        private static readonly Regex[] Intended =
        {
            new Regex(@"^\s*<!--(Mgt)?HostName>[^<]*</(Mgt)?HostName-->\r?$"),
            new Regex(@"^\s*<(Mgt)?HostName>carbon\.example\.com</(Mgt)?HostName>\r?$"),
            new Regex(@"^log4j\.appender\.(CARBON|AUDIT)_LOGFILE(\.MaxFileSize|\.MaxBackupIndex)?=\S+\r?$"),
            new Regex(@"^\s*server=""(WSO2 Carbon Server|WebServer)""\r?$"),
            new Regex(@"^\s*URIEncoding=""UTF-8""(/>)?\r?$"),
            new Regex(@"^\s*sslEnabledProtocols=""TLSv1,TLSv1\.1,TLSv1\.2""/>\r?$"),
            new Regex(@"^\s*<parameter name=""HttpsProtocols"">TLSv1,TLSv1\.1,TLSv1\.2</parameter>\r?$"),
            new Regex(@"^\s*<Valve className=""org\.apache\.catalina\.valves\.RemoteAddrValve"" allow=""10\\\.0\\\.0\\\.\\d\+""/>\r?$"),
            new Regex(@"^\s*<Password>(admin|" + Password + @")</Password>\r?$"),
            new Regex(@"^wrapper\.java\.additional\.\d+ = -(Xms|Xmx|XX:MaxPermSize=)\d+m\r?$"),
            new Regex(@"^\s*-Xms\d+m -Xmx\d+m -XX:MaxPermSize=\d+m \\\r?$"),
            new Regex(@"^set CMD_LINE_ARGS=.* -Xms\d+m -Xmx\d+m -XX:MaxPermSize=\d+m .*\r$"),
        };

        public static IEnumerable<object[]> Homes()
        {
            yield return new object[] { "sample" };
            foreach (var row in CorpusData.Homes().Where(r => (string)r[0] != "(corpus absent)"))
            {
                yield return row;
            }
        }

        [Theory]
        [MemberData(nameof(Homes))]
        public void TheTestThenFixPipeHardensEveryRemediableFailureOnceAndRestoresEveryByte(string relative)
        {
            var source = relative == "sample" ? TestPaths.SampleHome : TestPaths.CorpusPath(relative);
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(source, "home");
            var args = new Hashtable { ["h"] = home, ["jdk"] = ConsoleAndTlsTests.FakeJdk(temp, "1.7.0_80"), ["pw"] = Password };
            var originalHash = TempFolder.TreeHash(home);
            var originalBytes = Files(home).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(home, f)));
            var originalModes = Modes(home);

            var first = ps.Run(Pipe, args);
            Assert.Empty(first.Errors);
            var changes = first.Of<ChangeResult>().ToList();
            Assert.Contains(changes, c => c.Status == ChangeStatus.Changed);
            Assert.DoesNotContain(changes, c => c.Status == ChangeStatus.Failed);
            Assert.Single(changes.Where(c => c.Status == ChangeStatus.Changed).Select(c => c.BackupPath).Distinct());
            Assert.All(changes, c => Assert.DoesNotContain(Password, $"{c.OldValue} {c.NewValue} {c.Message}"));

            var after = ps.Run("param($h) Test-CarbonHost $h", args).Of<CheckResult>().ToList();
            Assert.DoesNotContain(after, r => r.Outcome == CheckOutcome.Fail && r.CanRemediate);
            Assert.All(after.Where(r => r.Outcome == CheckOutcome.Warning && r.CanRemediate), r => Assert.Equal("Security.Jmx", r.CheckId));
            foreach (var id in new[] { "Security.DefaultAdminPassword", "Security.ConsoleAccess", "Carbon.HostName", "Security.TlsProtocols", "Security.ServerHeader", "Logging.Rotation", "Jvm.Heap" })
            {
                Assert.Equal(CheckOutcome.Pass, after.Single(r => r.CheckId == id).Outcome);
            }

            foreach (var file in originalBytes.Keys)
            {
                var diff = LineDiff.Compare(originalBytes[file], File.ReadAllBytes(Path.Combine(home, file)));
                Assert.All(diff.Removed.Concat(diff.Added), line => Assert.True(Intended.Any(r => r.IsMatch(line)), $"{file}: unexpected line '{line}'"));
            }
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal((UnixFileMode)0x1a0, File.GetUnixFileMode(Path.Combine(home, "repository/conf/user-mgt.xml")));
            }

            var hardenedHash = TempFolder.TreeHash(home);
            var hardenedModes = Modes(home);
            var second = ps.Run(Pipe, args);
            Assert.Empty(second.Errors);
            Assert.DoesNotContain(second.Of<ChangeResult>(), c => c.Status == ChangeStatus.Changed || c.Status == ChangeStatus.Failed);
            Assert.Equal(hardenedHash, TempFolder.TreeHash(home));
            Assert.Equal(hardenedModes, Modes(home));
            Assert.Single(ps.Run("param($h) Get-CarbonBackup -ProductHome $h", args).Of<BackupSet>());

            var restore = ps.Run("param($r) $r | Restore-CarbonConfiguration -Confirm:$false", new Hashtable { ["r"] = changes.Where(c => c.Status == ChangeStatus.Changed).ToArray() });
            Assert.Empty(restore.Errors);
            Assert.Equal(originalHash, TempFolder.TreeHash(home));
            Assert.Equal(originalModes, Modes(home));
        }

        [Fact]
        public void WhatIfListsEveryPlannedChangeWithSecretsMaskedAndWritesNothing()
        {
            var host = new RecordingHost();
            using var ps = new PowerShellRunner(host);
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            var modes = Modes(home);
            var output = ps.Run(Pipe.Replace("-Confirm:$false", "-WhatIf -Verbose"), new Hashtable { ["h"] = home, ["jdk"] = ConsoleAndTlsTests.FakeJdk(temp, "1.7.0_80"), ["pw"] = Password });
            var whatIf = output.Of<ChangeResult>().Where(c => c.Status == ChangeStatus.WhatIf).ToList();
            foreach (var id in new[] { "Security.DefaultAdminPassword", "Security.ConsoleAccess", "Carbon.HostName", "Security.TlsProtocols", "Security.FilePermissions", "Security.ServerHeader" })
            {
                Assert.Contains(whatIf, c => c.CheckId == id);
            }
            var lines = string.Join("\n", host.Lines);
            Assert.Contains("What if:", lines);
            Assert.Contains("AdminUser/Password: '********' -> '********'", lines);
            Assert.Contains(@"Valve[RemoteAddrValve]/@allow: '' -> '10\.0\.0\.\d+'", lines);
            Assert.DoesNotContain(Password, lines);
            Assert.DoesNotContain(Password, string.Join("\n", output.Verbose));
            Assert.Empty(host.Prompts);
            Assert.Equal(before, TempFolder.TreeHash(home));
            Assert.Equal(modes, Modes(home));
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));
        }

        [Theory]
        [InlineData("Yes", true)]
        [InlineData("No", false)]
        public void HighImpactRemediesAskAtTheDefaultConfirmPreferenceAndMediumOnesDoNot(string answer, bool made)
        {
            var host = new RecordingHost(answer);
            using var ps = new PowerShellRunner(host);
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var console = Path.Combine(home, CarbonOps.Installation.CarbonPaths.ConsoleContextXml);
            var before = File.ReadAllBytes(console);
            var output = ps.Run(@"param($h, $jdk) Invoke-CarbonHardening -ProductHome $h -CheckId Security.ConsoleAccess, Carbon.HostName, Security.TlsProtocols -AllowedAddress 10.0.0.1 -HostName h.example.com -JavaHome $jdk",
                new Hashtable { ["h"] = home, ["jdk"] = ConsoleAndTlsTests.FakeJdk(temp, "1.7.0_80") });
            Assert.Equal(2, host.Prompts.Count);
            Assert.Contains(host.Prompts, p => p.Contains("Security.ConsoleAccess"));
            Assert.Contains(host.Prompts, p => p.Contains("Security.TlsProtocols"));
            var results = output.Of<ChangeResult>().ToList();
            Assert.All(results.Where(c => c.CheckId == "Carbon.HostName"), c => Assert.Equal(ChangeStatus.Changed, c.Status));
            Assert.All(results.Where(c => c.CheckId != "Carbon.HostName"), c => Assert.Equal(made ? ChangeStatus.Changed : ChangeStatus.WhatIf, c.Status));
            Assert.Equal(made, !before.SequenceEqual(File.ReadAllBytes(console)));
        }

        [Fact]
        public void ConfirmFalseAndForceAskNothing()
        {
            var host = new RecordingHost("No");
            using var ps = new PowerShellRunner(host);
            using var temp = new TempFolder();
            foreach (var flag in new[] { "-Confirm:$false", "-Force" })
            {
                var home = temp.CopyHome(TestPaths.SampleHome, "h" + flag.Length);
                var output = ps.Run($"param($h) Invoke-CarbonHardening -ProductHome $h -CheckId Security.ConsoleAccess -AllowedAddress 10.0.0.1 {flag}", new Hashtable { ["h"] = home });
                Assert.Equal(ChangeStatus.Changed, Assert.Single(output.Of<ChangeResult>()).Status);
            }
            Assert.Empty(host.Prompts);
        }

        [Fact]
        public void AMissingValueSkipsNamingTheParameterAndAMissingFileSkipsNamingTheFile()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            File.Delete(Path.Combine(home, CarbonOps.Installation.CarbonPaths.JmxXml));
            var output = ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -CheckId Security.ConsoleAccess, Carbon.HostName, Security.Jmx -DisableJmx -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);
            var results = output.Of<ChangeResult>().ToList();
            Assert.Contains("-AllowedAddress", results.Single(c => c.CheckId == "Security.ConsoleAccess").Message);
            Assert.Contains("-HostName", results.Single(c => c.CheckId == "Carbon.HostName").Message);
            var jmx = results.Single(c => c.CheckId == "Security.Jmx");
            Assert.Equal(ChangeStatus.Skipped, jmx.Status);
            Assert.Contains("jmx.xml", jmx.Message);
            Assert.All(results, c => Assert.Equal(ChangeStatus.Skipped, c.Status));
        }

        [Fact]
        public void AMalformedFileFailsItsRemedyWithAnErrorAndTheOtherRemediesGoOn()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var catalina = Path.Combine(home, CarbonOps.Installation.CarbonPaths.CatalinaServerXml);
            File.WriteAllText(catalina, "<Server>\n  <Service>\n    <Connector port=\"9443\" server=\"WSO2\">\n  </Service>\n</Server>\n");
            var before = File.ReadAllBytes(catalina);
            var output = ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -CheckId Security.ServerHeader, Carbon.HostName -HostName h.example.com -Confirm:$false", new Hashtable { ["h"] = home });
            var error = Assert.Single(output.Errors);
            Assert.Equal("ConfigFileMalformed,CarbonOps.Commands.InvokeCarbonHardeningCommand", error.FullyQualifiedErrorId);
            Assert.Contains("line 4", error.Exception.Message);
            Assert.Equal(ChangeStatus.Failed, output.Of<ChangeResult>().Single(c => c.CheckId == "Security.ServerHeader").Status);
            Assert.All(output.Of<ChangeResult>().Where(c => c.CheckId == "Carbon.HostName"), c => Assert.Equal(ChangeStatus.Changed, c.Status));
            Assert.Equal(before, File.ReadAllBytes(catalina));
        }

        [Fact]
        public void AReadOnlyFileFailsEveryRemedyOfThatRunAndNothingIsWritten()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            File.SetAttributes(Path.Combine(home, CarbonOps.Installation.CarbonPaths.UserMgtXml), FileAttributes.ReadOnly);
            var before = TempFolder.TreeHash(home);
            var output = ps.Run(Pipe, new Hashtable { ["h"] = home, ["jdk"] = ConsoleAndTlsTests.FakeJdk(temp, "1.7.0_80"), ["pw"] = Password });
            Assert.Equal("ConfigFileNotWritable,CarbonOps.Commands.InvokeCarbonHardeningCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Contains(output.Of<ChangeResult>(), c => c.Status == ChangeStatus.Failed && c.Message.Contains("read-only"));
            Assert.DoesNotContain(output.Of<ChangeResult>(), c => c.Status == ChangeStatus.Changed);
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        internal static IEnumerable<string> Files(string home) =>
            Directory.GetFiles(home, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(home, f).Replace('\\', '/'))
                .Where(r => !r.StartsWith(".carbonops/", StringComparison.Ordinal))
                .OrderBy(r => r, StringComparer.Ordinal);

        internal static string Modes(string home) => string.Join("\n", Files(home).Select(f => f + " " + ModeOf(Path.Combine(home, f))));

        private static string ModeOf(string path) => OperatingSystem.IsWindows() ? "" : File.GetUnixFileMode(path).ToString();
    }
}
