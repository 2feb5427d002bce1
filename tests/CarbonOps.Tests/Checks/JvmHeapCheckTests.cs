using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Checks;
using CarbonOps.Checks.Product;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class JvmHeapCheckTests
    {
        private const long GiB = 1024L * 1024 * 1024;

        private static CheckResult Evaluate(string home, long memory = 64 * GiB, int instances = 1) =>
            CheckRunner.Run(new JvmHeapCheck(), new CheckContext(new RecordedHost { MemoryTotalBytes = memory }, CarbonHome.Open(home), new CheckOptions { InstanceCount = instances }));

        [Fact]
        public void TheStockLaunchersFailAndTheRemedyRaisesEveryOne()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp);
            var failed = Evaluate(home);
            Assert.Equal(CheckOutcome.Fail, failed.Outcome);
            Assert.True(failed.CanRemediate);
            Assert.Contains("bin/wso2server.bat: -Xms256m -Xmx1024m -XX:MaxPermSize=256m", failed.Actual);

            using (var session = new EditSession(home))
            {
                var changes = HardeningEngine.Remediate(new JvmHeapCheck(), CarbonHome.Open(home), session, new RemediationOptions(), "test", (_, _) => true).ToList();
                Assert.Equal(9, changes.Count);
                Assert.All(changes, c => Assert.Equal(ChangeStatus.Changed, c.Status));
            }
            Assert.Equal(CheckOutcome.Pass, Evaluate(home).Outcome);
            var hardened = TempFolder.TreeHash(home);
            using (var again = new EditSession(home))
            {
                var second = HardeningEngine.Remediate(new JvmHeapCheck(), CarbonHome.Open(home), again, new RemediationOptions(), "test", (_, _) => true).ToList();
                Assert.All(second, c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
            }
            Assert.Equal(hardened, TempFolder.TreeHash(home));
        }

        [Fact]
        public void GuideSizesThatDoNotFitTheHostsMemoryWarn()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.StartupScriptSh, "reordered.sh"));
            File.WriteAllText(Path.Combine(home, CarbonPaths.StartupScriptSh),
                File.ReadAllText(Path.Combine(home, CarbonPaths.StartupScriptSh)).Replace("-Xms1g", "-Xms512m").Replace("-XX:MaxPermSize=512m", "-XX:MaxPermSize=1024m"));
            Assert.Equal(CheckOutcome.Pass, Evaluate(home, 8 * GiB).Outcome);
            Assert.Equal(CheckOutcome.Pass, Evaluate(home, 8 * GiB, instances: 3).Outcome); // the guide's three on 8 GB
            var tight = Evaluate(home, 8 * GiB, instances: 4);
            Assert.Equal(CheckOutcome.Warning, tight.Outcome);
            Assert.Contains("10240 MB", tight.Message);
        }

        [Fact]
        public void AMetaspaceLauncherIsJudgedOnItsHeapAlone()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.StartupScriptSh, "variable-options.sh"));
            var result = Evaluate(home);
            Assert.Equal(CheckOutcome.Fail, result.Outcome);
            Assert.Contains("-XX:MaxMetaspaceSize=256m", result.Actual);
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -CheckId Jvm.Heap -MaxHeap 3g -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);
            var changes = output.Of<ChangeResult>().ToDictionary(c => c.Setting);
            Assert.Equal("3g", changes["-Xmx"].NewValue);
            Assert.False(changes.ContainsKey("-XX:MaxPermSize="));
            Assert.Equal(CheckOutcome.Pass, Evaluate(home).Outcome);
        }

        [Fact]
        public void AnUnrecognisedLauncherIsAnErrorResultNamingIt()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, new Dictionary<string, string> { [CarbonPaths.StartupScriptSh] = "no-java.sh" });
            var result = Evaluate(home);
            Assert.Equal(CheckOutcome.Error, result.Outcome);
            Assert.EndsWith("wso2server.sh", result.Target);
        }
    }
}
