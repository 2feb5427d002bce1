using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    /// <summary>
    /// A three-home WKA cluster (one manager, two workers) built from copies of the sample home with the
    /// cmdlets a sysadmin would use, then checked together; each negative control changes one node.
    /// </summary>
    public class ClusterTests
    {
        private const string DbPassword = "Cluster-Db-Pa55";
        private const string SharedUrl = "jdbc:postgresql://db.example.com:5432/carbon";

        private const string Setup = @"
param($homes, $pw, $url)
$c = [pscredential]::new('carbon', (ConvertTo-SecureString $pw -AsPlainText -Force))
$members = '127.0.0.1:4000', '127.0.0.1:4001'
$i = 0
foreach ($h in $homes) {
    $role = if ($i -eq 0) { 'mgt' } else { 'worker' }
    $null = Set-CarbonDatasource -ProductHome $h -Url $url -Credential $c
    $null = Set-CarbonRegistryMount -ProductHome $h -DataSource jdbc/WSO2CarbonDB -ReadOnly:($role -eq 'worker')
    $null = Set-CarbonCluster -ProductHome $h -Domain wso2.esb.domain -MembershipScheme Wka -LocalMemberHost 127.0.0.1 -LocalMemberPort (4000 + $i) -Member $members -SubDomain $role
    if ($role -eq 'worker') { $null = Set-CarbonJvmOption -ProductHome $h -SystemProperty @{ workerNode = 'true' } }
    $i++
}";

        private static string[] Cluster(TempFolder temp, PowerShellRunner ps)
        {
            var homes = new[] { "mgt", "worker1", "worker2" }.Select(n => temp.CopyHome(TestPaths.SampleHome, n)).ToArray();
            var setup = ps.Run(Setup, new Hashtable { ["homes"] = homes, ["pw"] = DbPassword, ["url"] = SharedUrl });
            Assert.Empty(setup.Errors);
            return homes;
        }

        private static List<CheckResult> Test(PowerShellRunner ps, string[] homes)
        {
            var output = ps.Run("param($homes) Test-CarbonCluster -ProductHome $homes", new Hashtable { ["homes"] = homes });
            Assert.True(output.Errors.Count == 0, string.Join("; ", output.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message)));
            return output.Of<CheckResult>().ToList();
        }

        private static void AssertPasses(List<CheckResult> results)
        {
            Assert.Equal(ClusterRulesIds(), results.Select(r => r.CheckId).ToList());
            Assert.All(results, r => Assert.True(r.Outcome == CheckOutcome.Pass || r.Outcome == CheckOutcome.Skipped, $"{r.CheckId} {r.Outcome}: {r.Message}"));
            Assert.All(results, r => Assert.Equal("wso2.esb.domain", r.Target));
            Assert.Equal(CheckOutcome.Pass, results.Single(r => r.CheckId == CheckIds.ClusterWkaMembers).Outcome);
            Assert.Equal(CheckOutcome.Pass, results.Single(r => r.CheckId == CheckIds.ClusterWorkerManager).Outcome);
            Assert.Equal(CheckOutcome.Pass, results.Single(r => r.CheckId == CheckIds.ClusterSharedRegistry).Outcome);
            Assert.Equal(CheckOutcome.Pass, results.Single(r => r.CheckId == CheckIds.ClusterSharedDatabaseH2).Outcome);
        }

        private static List<string> ClusterRulesIds() => CarbonOps.Checks.Cluster.ClusterRules.Ids.ToList();

        private static CheckResult SingleFailure(List<CheckResult> results, string checkId)
        {
            var failed = results.Where(r => r.Outcome == CheckOutcome.Fail).ToList();
            Assert.True(failed.All(r => r.CheckId == checkId || r.CheckId.StartsWith("Cluster.Shared", System.StringComparison.Ordinal)),
                string.Join("; ", failed.Select(f => f.CheckId + ": " + f.Message)));
            return Assert.Single(failed, r => r.CheckId == checkId);
        }

        [PosixFact]
        public void AThreeNodeWkaClusterPassesAndEachBrokenNodeIsNamed()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var homes = Cluster(temp, ps);
            AssertPasses(Test(ps, homes));

            // One node's domain.
            Assert.Empty(ps.Run("param($h) Set-CarbonCluster -ProductHome $h -Domain other.domain", new Hashtable { ["h"] = homes[2] }).Errors);
            var domain = SingleFailure(Test(ps, homes), CheckIds.ClusterDomain);
            Assert.Equal(homes[2], domain.ProductHome);
            Assert.Contains(homes[2], domain.Actual);
            Assert.Contains("'other.domain'", domain.Actual);
            ps.Run("param($h) Set-CarbonCluster -ProductHome $h -Domain wso2.esb.domain", new Hashtable { ["h"] = homes[2] });
            AssertPasses(Test(ps, homes));

            // One node's members: a well-known member that is no node.
            ps.Run("param($h) Set-CarbonCluster -ProductHome $h -Member '127.0.0.1:4000','127.0.0.1:4999'", new Hashtable { ["h"] = homes[1] });
            var members = SingleFailure(Test(ps, homes), CheckIds.ClusterWkaMembers);
            Assert.Equal(homes[1], members.ProductHome);
            Assert.Contains("127.0.0.1:4999", members.Actual);
            ps.Run("param($h) Set-CarbonCluster -ProductHome $h -Member '127.0.0.1:4000','127.0.0.1:4001'", new Hashtable { ["h"] = homes[1] });
            AssertPasses(Test(ps, homes));

            // One node's database URL: its registry mount and its user store now point elsewhere.
            ps.Run("param($h, $pw) $c = [pscredential]::new('carbon', (ConvertTo-SecureString $pw -AsPlainText -Force)); Set-CarbonDatasource -ProductHome $h -Url 'jdbc:postgresql://other.example.com:5432/carbon' -Credential $c",
                new Hashtable { ["h"] = homes[0], ["pw"] = DbPassword });
            var results = Test(ps, homes);
            foreach (var id in new[] { CheckIds.ClusterSharedRegistry, CheckIds.ClusterSharedUserStore })
            {
                var failure = Assert.Single(results, r => r.CheckId == id && r.Outcome == CheckOutcome.Fail);
                Assert.Equal(homes[0], failure.ProductHome);
                Assert.Contains("other.example.com", failure.Actual);
            }
            Assert.DoesNotContain(results, r => r.Outcome == CheckOutcome.Fail && r.CheckId != CheckIds.ClusterSharedRegistry && r.CheckId != CheckIds.ClusterSharedUserStore);
        }

        [PosixFact]
        public void WorkersMustStartAsWorkerNodesAndSharedDataMustNotBeOnH2()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var homes = Cluster(temp, ps);
            File.Delete(Path.Combine(homes[2], CarbonPaths.SiteWrapperSh));
            var failure = SingleFailure(Test(ps, homes), CheckIds.ClusterWorkerManager);
            Assert.Equal(homes[2], failure.ProductHome);
            Assert.Contains("-DworkerNode=true", failure.Actual);

            var stock = new[] { "a", "b" }.Select(n => temp.CopyHome(TestPaths.SampleHome, n)).ToArray();
            var h2 = Test(ps, stock);
            Assert.Equal(2, h2.Count(r => r.CheckId == CheckIds.ClusterSharedDatabaseH2 && r.Outcome == CheckOutcome.Fail));
            Assert.Equal(2, h2.Count(r => r.CheckId == CheckIds.ClusterNodesEnabled && r.Outcome == CheckOutcome.Fail));
            Assert.Equal(2, h2.Count(r => r.CheckId == CheckIds.ClusterSharedRegistry && r.Outcome == CheckOutcome.Fail));
        }

        [PosixFact]
        public void DeserializedNodesFromOtherHostsGiveTheSameVerdicts()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var homes = Cluster(temp, ps);
            var local = Test(ps, homes);
            var output = ps.Run(@"param($homes)
$nodes = Get-CarbonCluster -ProductHome $homes | ForEach-Object { [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($_)) }
if (-not ($nodes[0].PSObject.TypeNames -contains 'Deserialized.CarbonOps.CarbonCluster')) { throw 'not deserialized' }
$nodes | Test-CarbonCluster", new Hashtable { ["homes"] = homes });
            Assert.True(output.Errors.Count == 0, string.Join("; ", output.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message)));
            var remote = output.Of<CheckResult>().ToList();
            Assert.Equal(local.Select(r => (r.CheckId, r.Outcome, r.Actual)), remote.Select(r => (r.CheckId, r.Outcome, r.Actual)));

            // Two hosts advertising loopback addresses: the rule that does not apply on one host now fails each node.
            var twoHosts = ps.Run(@"param($homes)
$i = 0
Get-CarbonCluster -ProductHome $homes | ForEach-Object {
    $o = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($_))
    $o.ComputerName = ""host$i""; $i++; $o
} | Test-CarbonCluster", new Hashtable { ["homes"] = homes });
            Assert.Equal(3, twoHosts.Of<CheckResult>().Count(r => r.CheckId == CheckIds.ClusterLoopbackAddress && r.Outcome == CheckOutcome.Fail));
        }

        [Fact]
        public void GetCarbonClusterReadsTheSampleHome()
        {
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Get-CarbonCluster -ProductHome $h", new Hashtable { ["h"] = TestPaths.SampleHome });
            var node = Assert.Single(output.Of<CarbonCluster>());
            Assert.False(node.Enabled);
            Assert.Equal("wka", node.MembershipScheme);
            Assert.Equal("wso2.carbon.domain", node.Domain);
            Assert.Equal("Jdbc", node.UserStoreType);
            Assert.StartsWith("jdbc:h2:", node.UserStoreUrl);
            Assert.Empty(node.RegistryMounts);
            Assert.False(node.WorkerNode);
        }

        [Fact]
        public void ClusterEnabledWarnsWithTheGuideSentence()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            CheckResult Run(string extra = "") =>
                ps.Run("param($h) Test-CarbonHost -ProductHome $h -CheckId Cluster.Enabled " + extra, new Hashtable { ["h"] = home }).Of<CheckResult>().Single(r => r.CheckId == "Cluster.Enabled");
            Assert.Equal(CheckOutcome.Pass, Run().Outcome);
            var several = Run("-InstanceCount 2");
            Assert.Equal(CheckOutcome.Warning, several.Outcome);
            Assert.Contains("For high availability, WSO2 products must run on a cluster.", several.Message);
            ps.Run("param($h) Set-CarbonCluster -ProductHome $h -Domain wso2.esb.domain -Disable", new Hashtable { ["h"] = home });
            var domain = Run();
            Assert.Equal(CheckOutcome.Warning, domain.Outcome);
            Assert.Contains("wso2.esb.domain", domain.Message);
            ps.Run("param($h) Set-CarbonCluster -ProductHome $h", new Hashtable { ["h"] = home });
            Assert.Equal(CheckOutcome.Pass, Run("-InstanceCount 2").Outcome);
        }

        [Fact]
        public void BadMembersAndHostsAreRefusedWithAStableId()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            foreach (var args in new[] { "-Member 'nohostport'", "-Member '10.0.0.1:70000'", "-LocalMemberHost 'bad host'", "-Domain 'a b'" })
            {
                var output = ps.Run("param($h) Set-CarbonCluster -ProductHome $h " + args, new Hashtable { ["h"] = home });
                Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.SetCarbonClusterCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            }
            var mount = ps.Run("param($h) Set-CarbonRegistryMount -ProductHome $h -DataSource jdbc/NoSuchDB", new Hashtable { ["h"] = home });
            Assert.Equal("ConfigElementNotFound,CarbonOps.Commands.SetCarbonRegistryMountCommand", Assert.Single(mount.Errors).FullyQualifiedErrorId);
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        /// <summary>Every corpus axis2.xml: only the lines of the values set change, commented elements are uncommented, members keep the file's indentation.</summary>
        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void SetCarbonClusterEditsCorpusFilesMinimally(string corpusHome)
        {
            var source = Path.Combine(TestPaths.CorpusPath(corpusHome), CarbonPaths.Axis2Xml);
            if (!File.Exists(source))
            {
                return;
            }
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var file = Path.Combine(home, CarbonPaths.Axis2Xml);
            File.WriteAllBytes(file, File.ReadAllBytes(source));
            var before = File.ReadAllBytes(file);
            const string script = "param($h) Set-CarbonCluster -ProductHome $h -Domain wso2.esb.domain -MembershipScheme Wka -LocalMemberHost 10.0.0.5 -LocalMemberPort 4100 -Member '10.0.0.5:4100','10.0.0.6:4100' -SubDomain mgt -PassThru";
            var first = ps.Run(script, new Hashtable { ["h"] = home });
            Assert.True(first.Errors.Count == 0, string.Join("; ", first.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message)));
            var node = ClusterReader.Read(CarbonHome.Open(home), "test");
            Assert.True(node.Enabled);
            Assert.Equal(("wso2.esb.domain", "wka", "10.0.0.5", 4100, "mgt"), (node.Domain, node.MembershipScheme, node.LocalMemberHost, node.LocalMemberPort, node.SubDomain));
            Assert.Equal(new[] { "10.0.0.5:4100", "10.0.0.6:4100" }, node.Members);
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            // Removed lines are only the old values; added lines only the new values and the second member's block.
            Assert.All(diff.Removed, l => Assert.Matches(@"enable=|membershipScheme|""domain""|localMemberHost|localMemberPort|subDomain|<hostName>|<port>|<member>|</member>", l));
            Assert.All(diff.Added, l => Assert.Matches(@"enable=""true""|wka|wso2\.esb\.domain|10\.0\.0\.[56]|4100|subDomain"" value=""mgt""|<member>|</member>", l));
            Assert.True(diff.Added.Count <= 12, string.Join("\n", diff.Added));
            var text = File.ReadAllText(file);
            Assert.Single(System.Xml.Linq.XDocument.Parse(text).Descendants(), e => e.Name.LocalName == "property" && (string)e.Attribute("name") == "subDomain");
            Assert.Equal(before.Contains((byte)'\r'), File.ReadAllBytes(file).Contains((byte)'\r'));
            var second = ps.Run(script, new Hashtable { ["h"] = home });
            Assert.All(second.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
        }

        /// <summary>Each new writer: a second run changes nothing, and restoring its backup gives back every byte.</summary>
        [Theory]
        [InlineData("Set-CarbonCluster -ProductHome $h -Domain wso2.esb.domain -MembershipScheme Wka -LocalMemberHost 10.0.0.5 -LocalMemberPort 4000 -Member '10.0.0.5:4000' -SubDomain worker")]
        [InlineData("Set-CarbonRegistryMount -ProductHome $h -DataSource jdbc/WSO2CarbonDB -ReadOnly")]
        [InlineData("Set-CarbonUserStore -ProductHome $h -Type ActiveDirectory -ConnectionUrl ldaps://dc.example.com:636 -Credential $c -UserSearchBase 'CN=Users,DC=example,DC=com' -Confirm:$false")]
        [InlineData("Set-CarbonUserStore -ProductHome $h -Type Jdbc -ConnectionUrl jdbc:mysql://db.example.com:3306/users -Credential $c -Confirm:$false")]
        public void ASecondRunChangesNothingAndRestoreIsByteExact(string command)
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var original = TempFolder.TreeHash(home);
            var script = "param($h, $pw) $c = [pscredential]::new('cn=bind', (ConvertTo-SecureString $pw -AsPlainText -Force)); " + command + " -PassThru";
            var args = new Hashtable { ["h"] = home, ["pw"] = DbPassword };
            var first = ps.Run(script, args);
            Assert.True(first.Errors.Count == 0, string.Join("; ", first.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception.Message)));
            Assert.Contains(first.Of<ChangeResult>(), c => c.Status == ChangeStatus.Changed);
            var changed = TempFolder.TreeHash(home);
            var second = ps.Run(script, args);
            Assert.Empty(second.Errors);
            Assert.All(second.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
            Assert.Equal(changed, TempFolder.TreeHash(home));
            var restore = ps.Run("param($b) Restore-CarbonConfiguration -BackupPath $b -Confirm:$false", new Hashtable { ["b"] = first.Of<ChangeResult>().First(c => c.BackupPath != null).BackupPath });
            Assert.Empty(restore.Errors);
            Assert.Equal(original, TempFolder.TreeHash(home));
        }
    }
}
