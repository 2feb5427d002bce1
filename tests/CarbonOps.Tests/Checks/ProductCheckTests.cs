using System.IO;
using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Checks.Product;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class ProductCheckTests
    {
        private const string DailyLog4j =
            "log4j.rootLogger=INFO, CARBON_LOGFILE\r\n" +
            "log4j.appender.CARBON_LOGFILE=org.wso2.carbon.logging.appenders.CarbonDailyRollingFileAppender\r\n" +
            "log4j.appender.CARBON_LOGFILE.File=${carbon.home}/repository/logs/wso2carbon.log\r\n" +
            "log4j.appender.CARBON_LOGFILE.threshold=DEBUG\r\n" +
            "\r\n" +
            "log4j.appender.OTHER=org.apache.log4j.ConsoleAppender\r\n";

        private static string MakeHome(TempFolder temp, string log4j)
        {
            temp.Write("home/repository/conf/carbon.xml", "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\"/>");
            temp.Write("home/repository/conf/log4j.properties", log4j);
            return Path.Combine(temp.Path, "home");
        }

        private static CheckResult Evaluate(CarbonCheck check, string home) =>
            CheckRunner.Run(check, new CheckContext(new RecordedHost(), CarbonHome.Open(home), new CheckOptions()));

        private static ChangeResult[] Remediate(CarbonCheck check, string home, EditSession session, bool go = true) =>
            ChangePipeline.Run(new[] { check.ToRemedy() }, CarbonHome.Open(home), session, new RemediationOptions(), "test", (_, _, _) => go).ToArray();

        [Fact]
        public void DailyRollingLogFailsAndTheRemedyMakesItRollBySize()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp, DailyLog4j);
            var file = Path.Combine(home, CarbonPaths.Log4jProperties);
            var before = File.ReadAllBytes(file);
            var check = new CarbonLogRotationCheck();
            var failed = Evaluate(check, home);
            Assert.Equal(CheckOutcome.Fail, failed.Outcome);
            Assert.True(failed.CanRemediate);

            using (var session = new EditSession(home))
            {
                var changes = Remediate(check, home, session);
                Assert.Equal(3, changes.Length);
                Assert.All(changes, c => Assert.Equal(ChangeStatus.Changed, c.Status));
                Assert.All(changes, c => Assert.Equal(session.BackupPath, c.BackupPath));
            }
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            Assert.Equal(new[]
            {
                "log4j.appender.CARBON_LOGFILE=org.wso2.carbon.logging.appenders.CarbonDailyRollingFileAppender\r",
            }, diff.Removed);
            Assert.Equal(new[]
            {
                "log4j.appender.CARBON_LOGFILE=org.apache.log4j.RollingFileAppender\r",
                "log4j.appender.CARBON_LOGFILE.MaxFileSize=10MB\r",
                "log4j.appender.CARBON_LOGFILE.MaxBackupIndex=20\r",
            }, diff.Added);
            Assert.Equal(CheckOutcome.Pass, Evaluate(check, home).Outcome);

            var hardened = File.ReadAllBytes(file);
            using (var again = new EditSession(home))
            {
                var second = Remediate(check, home, again);
                Assert.All(second, c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
                Assert.Null(again.BackupPath);
            }
            Assert.Equal(hardened, File.ReadAllBytes(file));
        }

        [Fact]
        public void DeclinedChangesAreWhatIfAndWriteNothing()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp, DailyLog4j);
            var file = Path.Combine(home, CarbonPaths.Log4jProperties);
            var before = File.ReadAllBytes(file);
            using var session = new EditSession(home);
            var changes = Remediate(new CarbonLogRotationCheck(), home, session, go: false);
            Assert.All(changes, c => Assert.Equal(ChangeStatus.WhatIf, c.Status));
            Assert.Equal(before, File.ReadAllBytes(file));
            Assert.Empty(session.PendingDocuments);
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));
        }

        [Fact]
        public void AMissingAppenderIsSkippedNotFailed()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp, "log4j.rootLogger=INFO\n");
            Assert.Equal(CheckOutcome.Skipped, Evaluate(new CarbonLogRotationCheck(), home).Outcome);
        }

        [Fact]
        public void AMissingLog4jFileIsSkippedAndNamed()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp, "");
            File.Delete(Path.Combine(home, CarbonPaths.Log4jProperties));
            var result = Evaluate(new CarbonLogRotationCheck(), home);
            Assert.Equal(CheckOutcome.Skipped, result.Outcome);
            Assert.Contains("log4j.properties", result.Message);
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void CorpusHomesUseH2AndRollDaily(string relative)
        {
            var home = TestPaths.CorpusPath(relative);
            var h2 = Evaluate(new EmbeddedH2Check(), home);
            Assert.Equal(CheckOutcome.Fail, h2.Outcome);
            Assert.Contains("WSO2_CARBON_DB", h2.Actual);
            Assert.False(h2.CanRemediate);
            Assert.Equal(CheckOutcome.Fail, Evaluate(new CarbonLogRotationCheck(), home).Outcome);
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void HardeningACopyOfEveryCorpusHomeChangesOnlyTheAppenderLines(string relative)
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.CorpusPath(relative));
            var file = Path.Combine(home, CarbonPaths.Log4jProperties);
            var before = File.ReadAllBytes(file);
            using (var session = new EditSession(home))
            {
                Assert.All(Remediate(new CarbonLogRotationCheck(), home, session), c => Assert.Equal(ChangeStatus.Changed, c.Status));
            }
            var diff = LineDiff.Compare(before, File.ReadAllBytes(file));
            Assert.All(diff.Added, l => Assert.StartsWith("log4j.appender.CARBON_LOGFILE", l));
            Assert.Contains(diff.Added, l => l.StartsWith("log4j.appender.CARBON_LOGFILE=org.apache.log4j.RollingFileAppender"));
            Assert.Equal(2, diff.Added.Count - diff.Removed.Count);
            Assert.Equal(CheckOutcome.Pass, Evaluate(new CarbonLogRotationCheck(), home).Outcome);
        }

        [Fact]
        public void APostgresDatasourcePasses()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp, "");
            temp.Write("home/" + CarbonPaths.MasterDatasourcesXml,
                "<datasources-configuration><datasources><datasource><name>WSO2_CARBON_DB</name><definition type=\"RDBMS\"><configuration>" +
                "<url>jdbc:postgresql://db:5432/carbon</url></configuration></definition></datasource></datasources></datasources-configuration>");
            Assert.Equal(CheckOutcome.Pass, Evaluate(new EmbeddedH2Check(), home).Outcome);
        }

        [Fact]
        public void MalformedDatasourcesIsAnErrorWithPathAndLine()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp, "");
            temp.Write("home/" + CarbonPaths.MasterDatasourcesXml, "<datasources-configuration>\n<datasources>\n</datasources-configuration>\n");
            var result = Evaluate(new EmbeddedH2Check(), home);
            Assert.Equal(CheckOutcome.Error, result.Outcome);
            Assert.Contains("master-datasources.xml", result.Message);
            Assert.Contains("line 3", result.Message);
        }
    }
}
