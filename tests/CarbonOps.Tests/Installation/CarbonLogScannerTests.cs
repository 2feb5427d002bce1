using System;
using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Installation
{
    public class CarbonLogScannerTests
    {
        private const long Kb64 = 64 * 1024;
        private static readonly DateTime T0 = new DateTime(2014, 3, 4, 10, 0, 0, DateTimeKind.Local);

        private static LogText Filler(LogText log, DateTime from, int count, int messageLength = 80)
        {
            for (var i = 0; i < count; i++)
            {
                log.Add(from.AddMilliseconds(i * 10), "INFO", "org.wso2.carbon.Filler", "line " + i + " " + new string('x', messageLength));
            }
            return log;
        }

        [Fact]
        public void TheLastStartIsFoundAndErrorsAfterItCounted()
        {
            using var temp = new TempFolder();
            var log = new LogText()
                .Started(T0, 30)
                .Add(T0.AddMinutes(1), "ERROR", "org.x", "before the last start")
                .Started(T0.AddHours(1), 42)
                .Add(T0.AddHours(1).AddSeconds(1), "ERROR", "org.x", "one", "java.lang.Exception: ERROR {inside a trace}")
                .Add(T0.AddHours(1).AddSeconds(2), "INFO", "org.x", "a message that mentions ERROR {org.y}")
                .Add(T0.AddHours(1).AddSeconds(3), "FATAL", "org.x", "two")
                .Add(T0.AddHours(1).AddSeconds(4), "ERROR", "org.x", "three")
                .WriteTo(Path.Combine(temp.Path, "wso2carbon.log"));
            var found = CarbonLogScanner.FindLastStart(new[] { log }, null);
            Assert.Equal(StartSearchOutcome.Found, found.Outcome);
            Assert.Equal(T0.AddHours(1), found.StartedAt);
            Assert.Equal(42, found.Seconds);
            Assert.Equal(3, found.ErrorsSince);

            Assert.Equal(StartSearchOutcome.Found, CarbonLogScanner.FindLastStart(new[] { log }, T0.AddMinutes(30)).Outcome);
            Assert.Equal(StartSearchOutcome.NoneSince, CarbonLogScanner.FindLastStart(new[] { log }, T0.AddHours(1).AddSeconds(2)).Outcome);
        }

        [Fact]
        public void ALogWithoutAStartLineSaysSo()
        {
            using var temp = new TempFolder();
            var log = Filler(new LogText(), T0, 10).WriteTo(Path.Combine(temp.Path, "wso2carbon.log"));
            Assert.Equal(StartSearchOutcome.NotInLog, CarbonLogScanner.FindLastStart(new[] { log }, null).Outcome);
            Assert.Equal(StartSearchOutcome.NoneSince, CarbonLogScanner.FindLastStart(new[] { log }, T0.AddSeconds(-1)).Outcome);
            // A log that begins long after the process started (older files deleted) cannot tell.
            var unknown = CarbonLogScanner.FindLastStart(new[] { log }, T0.AddDays(-1));
            Assert.Equal(StartSearchOutcome.Unknown, unknown.Outcome);
            Assert.Contains("does not go back", unknown.Note);
        }

        [Fact]
        public void AStartFurtherBackThanTheBudgetIsUnknownWithoutAProcessStart()
        {
            using var temp = new TempFolder();
            var log = Filler(new LogText().Started(T0, 42), T0.AddSeconds(1), 3000).WriteTo(Path.Combine(temp.Path, "wso2carbon.log"));
            var result = CarbonLogScanner.FindLastStart(new[] { log }, null, backwardBudget: Kb64);
            Assert.Equal(StartSearchOutcome.Unknown, result.Outcome);
            Assert.Contains("No start line in the last 64 KB", result.Note);
            Assert.Equal(StartSearchOutcome.Found, CarbonLogScanner.FindLastStart(new[] { log }, null).Outcome);
        }

        [Fact]
        public void ARunningProcessStartIsFoundByBisectingTheLog()
        {
            using var temp = new TempFolder();
            var start = T0.AddHours(2);
            var text = new LogText().Started(T0, 11);
            Filler(text, T0.AddSeconds(1), 20000);
            text.Add(start.AddSeconds(-1), "INFO", "org.x", "Starting WSO2 Carbon...").Started(start.AddSeconds(40), 40);
            Filler(text, start.AddMinutes(1), 20000);
            var log = text.WriteTo(Path.Combine(temp.Path, "wso2carbon.log"));
            Assert.True(new FileInfo(log).Length > 50 * Kb64);

            var result = CarbonLogScanner.FindLastStart(new[] { log }, start.AddSeconds(-2), backwardBudget: Kb64, forwardBudget: 4 * Kb64);
            Assert.Equal(StartSearchOutcome.Found, result.Outcome);
            Assert.Equal(start.AddSeconds(40), result.StartedAt);
            Assert.Equal(40, result.Seconds);
            Assert.Null(result.ErrorsSince);
            Assert.Contains("not counted", result.Note);

            // A process that began after every start line in the log is still starting, when the log is read to its end;
            // when it is not, the answer is unknown.
            Assert.Equal(StartSearchOutcome.NoneSince,
                CarbonLogScanner.FindLastStart(new[] { log }, start.AddMinutes(2), backwardBudget: Kb64, forwardBudget: 200 * Kb64).Outcome);
            Assert.Equal(StartSearchOutcome.Unknown,
                CarbonLogScanner.FindLastStart(new[] { log }, start.AddMinutes(2), backwardBudget: Kb64, forwardBudget: 4 * Kb64).Outcome);
        }

        [Fact]
        public void AStartInTheRotatedFileIsFoundAndErrorsCountedAcrossTheRotation()
        {
            using var temp = new TempFolder();
            var rotated = new LogText().Started(T0, 12).Add(T0.AddHours(1), "ERROR", "org.x", "yesterday").WriteTo(Path.Combine(temp.Path, "wso2carbon.log.2014-03-04"));
            var current = new LogText().Add(T0.AddDays(1), "ERROR", "org.x", "today").WriteTo(Path.Combine(temp.Path, "wso2carbon.log"));
            var result = CarbonLogScanner.FindLastStart(new[] { rotated, current }, T0.AddSeconds(-5));
            Assert.Equal(StartSearchOutcome.Found, result.Outcome);
            Assert.Equal(T0, result.StartedAt);
            Assert.Equal(2, result.ErrorsSince);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(60)]
        [InlineData(-1)]
        [InlineData(-60)]
        public void AStartLineAcrossABlockBoundaryIsFound(int shift)
        {
            using var temp = new TempFolder();
            var startLine = LogText.Line(T0, "INFO", LogText.Finalizer, "WSO2 Carbon started in 7 sec");
            var fillerHeader = LogText.Line(T0.AddSeconds(1), "INFO", "org.x", "");
            // The trailing entry puts the block boundary (64 KB from the end) at the start line's start + shift.
            var trailing = (int)Kb64 - startLine.Length + shift;
            var message = new string('y', trailing - fillerHeader.Length);
            var log = new LogText().Add(T0.AddSeconds(-1), "INFO", "org.x", "before").Started(T0, 7)
                .Add(T0.AddSeconds(1), "INFO", "org.x", message).WriteTo(Path.Combine(temp.Path, "wso2carbon.log"));
            var result = CarbonLogScanner.FindLastStart(new[] { log }, null);
            Assert.Equal(StartSearchOutcome.Found, result.Outcome);
            Assert.Equal(7, result.Seconds);
        }

        [Fact]
        public void AStoppedHomeReportsItsLastStartFromTheLog()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome, "wso2esb-4.8.1");
            new LogText().Started(T0, 42).Add(T0.AddSeconds(5), "ERROR", "org.x", "oops").Add(T0.AddSeconds(9), "INFO", LogText.Finalizer, "Shutdown hook triggered....")
                .WriteTo(Path.Combine(home, "repository", "logs", "wso2carbon.log"));
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Get-CarbonInstance $h | Get-CarbonServer", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);
            var server = Assert.Single(output.Of<CarbonServer>());
            Assert.Equal(ServerState.Stopped, server.State);
            Assert.Equal(PidFileStatus.Missing, server.PidFileStatus);
            Assert.Null(server.ProcessId);
            Assert.Equal(42, server.LastStartupSeconds);
            Assert.Equal(T0, server.LastStartedAt);
            Assert.Equal(1, server.ErrorsSinceStart);
            Assert.Empty(server.Ports);
        }
    }
}
