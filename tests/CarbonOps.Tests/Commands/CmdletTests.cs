using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    public class CmdletTests
    {
        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void EveryCorpusHomeIsAnInstanceAndAuditsWithoutAnException(string relative)
        {
            using var ps = new PowerShellRunner();
            var home = TestPaths.CorpusPath(relative);
            var output = ps.Run("param($h) Get-CarbonInstance -Path $h | Test-CarbonHost", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);
            var results = output.Of<CheckResult>().ToList();
            Assert.Contains(results, r => r.CheckId == "Host.Memory");
            Assert.Contains(results, r => r.CheckId == "Database.EmbeddedH2" && r.Outcome == CheckOutcome.Fail);
            Assert.All(results.Where(r => CarbonOps.Checks.CheckCatalog.Find(r.CheckId).Scope == CheckScope.Product), r => Assert.Equal(Path.GetFullPath(home), r.ProductHome));
            Assert.All(results.Where(r => CarbonOps.Checks.CheckCatalog.Find(r.CheckId).Scope == CheckScope.Host), r => Assert.Null(r.ProductHome));
        }

        [CorpusFact]
        public void CorpusIdentityFallsBackToTheFolderNameAndSaysSo()
        {
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Get-CarbonInstance -Path $h", new Hashtable { ["h"] = TestPaths.CorpusHomes.ToArray() });
            var byFolder = output.Of<CarbonInstance>().ToDictionary(i => Path.GetFileName(i.ProductHome));
            Assert.Equal("WSO2 API Manager", byFolder["apim-1.9.0"].ProductName);
            Assert.Equal("1.9.0", byFolder["apim-1.9.0"].ProductVersion);
            Assert.Equal("carbon.xml", byFolder["apim-1.9.0"].IdentitySource);
            Assert.Equal("4.2.0", byFolder["apim-1.9.0"].CarbonVersion);
            Assert.Equal("WSO2 Identity Server", byFolder["is-5.0.0"].ProductName);
            Assert.Equal("5.0.0", byFolder["is-5.0.0"].ProductVersion);
            Assert.Equal("folder name", byFolder["is-5.0.0"].IdentitySource);
            Assert.Equal("WSO2 Enterprise Service Bus", byFolder["esb-trunk-2014-02-kernel-4.2.0"].ProductName);
            Assert.Equal("WSO2 Carbon", byFolder["kernel-4.2.0"].ProductName);
            Assert.All(byFolder.Values, i => Assert.Equal(0, i.PortOffset));
            Assert.All(byFolder.Values, i => Assert.Contains("bin/yajsw/wrapper.conf", i.StartupScripts));
        }

        [Fact]
        public void TheSampleHomeIsReadFromItsOwnFiles()
        {
            using var ps = new PowerShellRunner();
            var instance = Assert.Single(ps.Run("param($h) Get-CarbonInstance $h", new Hashtable { ["h"] = TestPaths.SampleHome }).Of<CarbonInstance>());
            Assert.Equal("WSO2 Enterprise Service Bus", instance.ProductName);
            Assert.Equal("4.8.1", instance.ProductVersion);
            Assert.Equal("4.2.0", instance.CarbonVersion);
            Assert.Equal("Path", instance.DiscoveredBy);
            Assert.Contains("bin/wso2server.sh", instance.StartupScripts);
        }

        [Fact]
        public void AMissingHomeIsAnErrorAndTheNextPathGoesOn()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var output = ps.Run("param($a, $b) Get-CarbonInstance -Path $a, $b", new Hashtable { ["a"] = Path.Combine(temp.Path, "nope"), ["b"] = TestPaths.SampleHome });
            var error = Assert.Single(output.Errors);
            Assert.Equal("ProductHomeNotFound,CarbonOps.Commands.GetCarbonInstanceCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("nope", error.Exception.Message);
            Assert.Single(output.Of<CarbonInstance>());
        }

        [Fact]
        public void AMalformedCarbonXmlNamesPathAndLine()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            temp.Write("home/repository/conf/carbon.xml", "<Server>\n  <Ports>\n    <Offset>0</Offset>\n</Server>\n");
            var output = ps.Run("param($h) Get-CarbonInstance $h", new Hashtable { ["h"] = Path.Combine(temp.Path, "home") });
            var error = Assert.Single(output.Errors);
            Assert.StartsWith("ConfigFileMalformed,", error.FullyQualifiedErrorId);
            Assert.Contains("carbon.xml", error.Exception.Message);
            Assert.Contains("line 4", error.Exception.Message);
        }

        [Fact]
        public void DiscoveryFindsCarbonHomeFromTheEnvironment()
        {
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) $env:CARBON_HOME = $h; try { Get-CarbonInstance } finally { Remove-Item env:CARBON_HOME }", new Hashtable { ["h"] = TestPaths.SampleHome });
            Assert.Contains(output.Of<CarbonInstance>(), i => i.ProductHome == Path.GetFullPath(TestPaths.SampleHome) && i.DiscoveredBy == "CARBON_HOME");
        }

        [Fact]
        public void TheTestThenFixPipeHardensOnceAndRestoresExactly()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var original = TempFolder.TreeHash(home);
            const string pipe = "param($h) Get-CarbonInstance $h | Test-CarbonHost | Where-Object Outcome -eq Fail | Invoke-CarbonHardening -Confirm:$false";

            var first = ps.Run(pipe, new Hashtable { ["h"] = home });
            Assert.Empty(first.Errors);
            var changed = first.Of<ChangeResult>().Where(c => c.Status == ChangeStatus.Changed).ToList();
            Assert.Contains(changed, c => c.Setting == "log4j.appender.CARBON_LOGFILE" && c.NewValue == "org.apache.log4j.RollingFileAppender");
            Assert.Contains(first.Of<ChangeResult>(), c => c.CheckId == "Database.EmbeddedH2" && c.Status == ChangeStatus.Skipped);
            var hardened = TempFolder.TreeHash(home);
            Assert.NotEqual(original, hardened);
            Assert.Single(changed.Select(c => c.BackupPath).Distinct());

            var second = ps.Run("param($h) Get-CarbonInstance $h | Test-CarbonHost -CheckId Logging.* | Invoke-CarbonHardening -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Equal(2, second.Of<ChangeResult>().Count());
            Assert.All(second.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
            var direct = ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -CheckId Logging.Rotation -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Equal(3, direct.Of<ChangeResult>().Count());
            Assert.All(direct.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
            Assert.Equal(hardened, TempFolder.TreeHash(home));

            var restore = ps.Run("param($r) $r | Restore-CarbonConfiguration -Confirm:$false", new Hashtable { ["r"] = changed.ToArray() });
            Assert.Empty(restore.Errors);
            Assert.Contains(restore.Of<RestoreResult>(), r => r.Status == RestoreStatus.Restored);
            Assert.Equal(original, TempFolder.TreeHash(home));

            // The run's set, and the restore's own (what it replaced, to undo it).
            var sets = ps.Run("param($h) Get-CarbonBackup -ProductHome $h", new Hashtable { ["h"] = home }).Of<BackupSet>().ToList();
            Assert.Equal(2, sets.Count);
            Assert.All(sets, set => Assert.Contains("repository/conf/log4j.properties", set.Files));
        }

        [Fact]
        public void WhatIfLeavesEveryFileAsItWas()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var original = TempFolder.TreeHash(home);
            var output = ps.Run("param($h) Test-CarbonHost -ProductHome $h | Invoke-CarbonHardening -WhatIf", new Hashtable { ["h"] = home });
            Assert.Contains(output.Of<ChangeResult>(), c => c.Status == ChangeStatus.WhatIf);
            Assert.Equal(original, TempFolder.TreeHash(home));
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));
        }

        [Fact]
        public void HardeningAReadOnlyFileFailsAndLeavesItAlone()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var file = Path.Combine(home, CarbonPaths.Log4jProperties);
            File.SetAttributes(file, FileAttributes.ReadOnly);
            var before = File.ReadAllBytes(file);
            var output = ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -CheckId Logging.Rotation -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.All(output.Of<ChangeResult>().Where(c => c.Setting != "log4j.appender.CARBON_LOGFILE.MaxBackupIndex" || c.Status != ChangeStatus.AlreadyCompliant),
                c => Assert.Equal(ChangeStatus.Failed, c.Status));
            Assert.Contains(output.Of<ChangeResult>(), c => c.Message.Contains("read-only"));
            Assert.Equal(before, File.ReadAllBytes(file));
        }

        [Fact]
        public void ASecondRunOnALockedHomeFailsWithProductHomeLockedAndWritesNothing()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            using (CarbonOps.Editing.ProductHomeLock.Acquire(home))
            {
                var output = ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -CheckId Logging.Rotation -Confirm:$false", new Hashtable { ["h"] = home });
                Assert.Contains(output.Errors, e => e.FullyQualifiedErrorId == "ProductHomeLocked,CarbonOps.Commands.InvokeCarbonHardeningCommand");
                Assert.DoesNotContain(output.Of<ChangeResult>(), c => c.Status == ChangeStatus.Changed);
            }
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        [Fact]
        public void QuietReturnsOneBoolean()
        {
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Test-CarbonHost -ProductHome $h -CheckId Database.EmbeddedH2 -Quiet", new Hashtable { ["h"] = TestPaths.SampleHome });
            Assert.Equal(false, Assert.Single(output.Objects).BaseObject);
        }

        [Fact]
        public void InstanceCountRaisesTheMemoryExpectation()
        {
            using var ps = new PowerShellRunner();
            var result = Assert.Single(ps.Run("Test-CarbonHost -CheckId Host.Memory -InstanceCount 3").Of<CheckResult>());
            Assert.StartsWith("8 GB", result.Expected);
        }

        [Fact]
        public void GetCarbonCheckListsTheCatalogueAndNamesAnUnknownId()
        {
            using var ps = new PowerShellRunner();
            var all = ps.Run("Get-CarbonCheck").Of<CheckInfo>().ToList();
            Assert.Contains(all, c => c.Id == "Host.Memory" && c.Scope == CheckScope.Host);
            Assert.Contains(all, c => c.Id == "Logging.Rotation" && c.CanRemediate);
            Assert.Equal(all.Count, all.Select(c => c.Id).Distinct().Count());
            var output = ps.Run("Get-CarbonCheck -Id No.Such.Check");
            Assert.Equal("CheckNotFound,CarbonOps.Commands.GetCarbonCheckCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void CheckIdsComplete()
        {
            using var ps = new PowerShellRunner();
            const string line = "Test-CarbonHost -CheckId Logging.R";
            var output = ps.Run("param($l) (TabExpansion2 -inputScript $l -cursorColumn $l.Length).CompletionMatches.CompletionText", new Hashtable { ["l"] = line });
            Assert.Contains("Logging.Rotation", output.Objects.Select(o => o?.ToString()));
        }

        [Fact]
        public void DeserializedResultsStillBindToHardening()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var output = ps.Run(@"param($h)
                $xml = [System.Management.Automation.PSSerializer]::Serialize(@(Test-CarbonHost -ProductHome $h -CheckId Logging.Rotation))
                $back = [System.Management.Automation.PSSerializer]::Deserialize($xml)
                if (@($back)[0].PSObject.TypeNames[0] -ne 'Deserialized.CarbonOps.CheckResult') { throw 'not deserialized' }
                $back | Invoke-CarbonHardening -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);
            Assert.Contains(output.Of<ChangeResult>(), c => c.Status == ChangeStatus.Changed);
        }
    }
}
