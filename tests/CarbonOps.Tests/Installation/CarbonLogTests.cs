using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Installation
{
    public class CarbonLogTests
    {
        private static readonly DateTime T0 = new DateTime(2014, 3, 4, 10, 15, 22, 431, DateTimeKind.Local);

        private static string LogOf(string home) => Path.Combine(home, "repository", "logs", "wso2carbon.log");

        private static string NewHome(TempFolder temp) => temp.CopyHome(TestPaths.SampleHome, "wso2esb-4.8.1");

        [Fact]
        public void TheStockLineParses()
        {
            var header = LogHeader.Parse("TID: [0] [] [2014-03-05 11:22:33,444]  INFO {org.wso2.carbon.core.internal.StartupFinalizerServiceComponent} -  WSO2 Carbon started in 42 sec {org.wso2.carbon.core.internal.StartupFinalizerServiceComponent}");
            Assert.Equal(new DateTime(2014, 3, 5, 11, 22, 33, 444), header.Time);
            Assert.Equal("INFO", header.Level);
            Assert.Equal("0", header.Tenant);
            Assert.Equal("org.wso2.carbon.core.internal.StartupFinalizerServiceComponent", header.Logger);
            Assert.Equal("WSO2 Carbon started in 42 sec", header.Message);
        }

        [Fact]
        public void ATenantLineWithTheTenantPatternParses()
        {
            var header = LogHeader.Parse("TID: [1] [ESB] [2014-03-05 11:22:33,444] admin@foo.com [1] [ESB] ERROR {org.apache.synapse.Foo} -  Failed {x} to deploy {org.apache.synapse.Foo}");
            Assert.Equal("ERROR", header.Level);
            Assert.Equal("1", header.Tenant);
            Assert.Equal("Failed {x} to deploy", header.Message);
        }

        [Theory]
        [InlineData("\tat org.wso2.Foo.bar(Foo.java:12)")]
        [InlineData("[2014-03-05 11:22:33,444]  INFO {org.x} - another layout")]
        [InlineData("TID: [0] [] [2014-13-05 11:22:33,444]  INFO {org.x} - a month that is not one {org.x}")]
        [InlineData("")]
        public void OtherLinesAreNotEntries(string line)
        {
            Assert.Null(LogHeader.Parse(line));
        }

        [Fact]
        public void EntriesCarryTheirStackTracesAndFiltersApply()
        {
            using var temp = new TempFolder();
            var home = NewHome(temp);
            new LogText()
                .Add(T0, "INFO", "org.wso2.A", "one")
                .Add(T0.AddSeconds(1), "ERROR", "org.wso2.B", "two", "java.lang.IllegalStateException: broken", "\tat org.wso2.B.run(B.java:7)")
                .Add(T0.AddSeconds(2), "WARN", "org.wso2.C", "three")
                .Add(T0.AddSeconds(3), "ERROR", "org.wso2.D", "four")
                .WriteTo(LogOf(home));
            using var ps = new PowerShellRunner();
            var all = ps.Run("param($h) Get-CarbonLog $h", new Hashtable { ["h"] = home }).Of<LogEntry>().ToList();
            Assert.Equal(new[] { "one", "two", "three", "four" }, all.Select(e => e.Message));
            Assert.Equal(new[] { "java.lang.IllegalStateException: broken", "\tat org.wso2.B.run(B.java:7)" }, all[1].StackTrace);
            Assert.Equal(Path.GetFullPath(home), all[0].ProductHome);

            Assert.Equal(new[] { "two", "four" }, ps.Run("param($h) Get-CarbonLog $h -Level error", new Hashtable { ["h"] = home }).Of<LogEntry>().Select(e => e.Message));
            Assert.Equal(new[] { "three", "four" }, ps.Run("param($h, $s) Get-CarbonLog $h -Since $s", new Hashtable { ["h"] = home, ["s"] = T0.AddSeconds(2) }).Of<LogEntry>().Select(e => e.Message));
            Assert.Equal(new[] { "two" }, ps.Run("param($h) Get-CarbonLog $h -Pattern 'IllegalState'", new Hashtable { ["h"] = home }).Of<LogEntry>().Select(e => e.Message));
            Assert.Equal(new[] { "three", "four" }, ps.Run("param($h) Get-CarbonLog $h -Tail 2", new Hashtable { ["h"] = home }).Of<LogEntry>().Select(e => e.Message));
            var lastErrors = ps.Run("param($h) Get-CarbonLog $h -Tail 5 -Level ERROR", new Hashtable { ["h"] = home }).Of<LogEntry>().ToList();
            Assert.Equal(new[] { "two", "four" }, lastErrors.Select(e => e.Message));
            Assert.Equal(2, lastErrors[0].StackTrace.Length);
        }

        [Fact]
        public void RotatedFilesAreReadOldestFirstWhenAsked()
        {
            using var temp = new TempFolder();
            var home = NewHome(temp);
            var log = LogOf(home);
            new LogText().Add(T0, "INFO", "org.x", "dated").WriteTo(log + ".2014-03-04");
            new LogText().Add(T0.AddDays(1), "INFO", "org.x", "second").WriteTo(log + ".2");
            new LogText().Add(T0.AddDays(1).AddHours(1), "INFO", "org.x", "first").WriteTo(log + ".1");
            new LogText().Add(T0.AddDays(2), "INFO", "org.x", "current").WriteTo(log);
            File.SetLastWriteTimeUtc(log + ".2014-03-04", DateTime.UtcNow.AddDays(-3));
            File.SetLastWriteTimeUtc(log + ".2", DateTime.UtcNow.AddDays(-2));
            File.SetLastWriteTimeUtc(log + ".1", DateTime.UtcNow.AddDays(-2));
            using var ps = new PowerShellRunner();
            Assert.Equal(new[] { "current" }, ps.Run("param($h) Get-CarbonLog $h", new Hashtable { ["h"] = home }).Of<LogEntry>().Select(e => e.Message));
            Assert.Equal(new[] { "dated", "second", "first", "current" },
                ps.Run("param($h) Get-CarbonLog $h -IncludeRotated", new Hashtable { ["h"] = home }).Of<LogEntry>().Select(e => e.Message));
            Assert.Equal(new[] { "first", "current" },
                ps.Run("param($h) Get-CarbonLog $h -IncludeRotated -Tail 2", new Hashtable { ["h"] = home }).Of<LogEntry>().Select(e => e.Message));

            // Mid-rotation: the current file is gone for a moment; the rotated files are still read.
            File.Delete(log);
            var output = ps.Run("param($h) Get-CarbonLog $h -IncludeRotated -Tail 1", new Hashtable { ["h"] = home });
            Assert.Equal("LogFileNotFound,CarbonOps.Commands.GetCarbonLogCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal(new[] { "first" }, output.Of<LogEntry>().Select(e => e.Message));
        }

        [Fact]
        public void ALogInAnotherLayoutIsAnErrorNamingPathAndLine()
        {
            using var temp = new TempFolder();
            var home = NewHome(temp);
            new LogText().Raw("").Raw("[2014-03-04 10:15:22,431]  INFO {org.x} - another layout").Add(T0, "INFO", "org.x", "after").WriteTo(LogOf(home));
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Get-CarbonLog $h", new Hashtable { ["h"] = home });
            var error = Assert.Single(output.Errors);
            Assert.Equal("LogFormatNotRecognised,CarbonOps.Commands.GetCarbonLogCommand", error.FullyQualifiedErrorId);
            Assert.Contains(LogOf(home), error.Exception.Message);
            Assert.Contains("line 2", error.Exception.Message);
            Assert.Equal(new[] { "after" }, output.Of<LogEntry>().Select(e => e.Message));
        }

        [Fact]
        public void AMissingUnreadableOrEmptyLogSaysSo()
        {
            using var temp = new TempFolder();
            var home = NewHome(temp);
            using var ps = new PowerShellRunner();
            var missing = ps.Run("param($h) Get-CarbonLog $h", new Hashtable { ["h"] = home });
            Assert.Equal("LogFileNotFound,CarbonOps.Commands.GetCarbonLogCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);

            Directory.CreateDirectory(LogOf(home));
            var unreadable = ps.Run("param($h) Get-CarbonLog $h", new Hashtable { ["h"] = home });
            Assert.Equal("LogFileUnreadable,CarbonOps.Commands.GetCarbonLogCommand", Assert.Single(unreadable.Errors).FullyQualifiedErrorId);
            var server = Assert.Single(ps.Run("param($h) Get-CarbonServer $h", new Hashtable { ["h"] = home }).Of<CarbonServer>());
            Assert.Equal(ServerState.Stopped, server.State);
            Assert.Null(server.LastStartupSeconds);
            Assert.Contains("cannot be read", server.StateReason);

            Directory.Delete(LogOf(home));
            File.WriteAllText(LogOf(home), "");
            var empty = ps.Run("param($h) Get-CarbonLog $h; Get-CarbonLog $h -Tail 3", new Hashtable { ["h"] = home });
            Assert.Empty(empty.Errors);
            Assert.Empty(empty.Objects);
        }

        [Fact]
        public void ABadPatternIsAParameterError()
        {
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) try { Get-CarbonLog $h -Pattern '(' } catch { $_ }", new Hashtable { ["h"] = TestPaths.SampleHome });
            var error = Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(output.Objects).BaseObject);
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.GetCarbonLogCommand", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void GetCarbonLogStreamsAndStopsReadingWhenThePipelineStops()
        {
            Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "named pipes");
            using var temp = new TempFolder();
            var home = NewHome(temp);
            var log = LogOf(home);
            Directory.CreateDirectory(Path.GetDirectoryName(log));
            using (var mkfifo = Process.Start("mkfifo", log))
            {
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
            }
            // The log is a pipe fed a long stream of entries. A reader that stops after five entries closes
            // it, and the writer sees a broken pipe long before it has written them all.
            const int total = 200_000;
            var written = 0;
            var writer = new Thread(() =>
            {
                try
                {
                    using var stream = new FileStream(log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
                    for (; written < total; written++)
                    {
                        var bytes = System.Text.Encoding.UTF8.GetBytes(LogText.Line(T0.AddMilliseconds(written), "INFO", "org.x", "entry " + written));
                        stream.Write(bytes, 0, bytes.Length);
                    }
                }
                catch (IOException)
                {
                }
            }) { IsBackground = true };
            writer.Start();
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Get-CarbonLog $h | Select-Object -First 5", new Hashtable { ["h"] = home });
            Assert.True(writer.Join(TimeSpan.FromMinutes(2)), "Get-CarbonLog kept the log open after the pipeline stopped.");
            Assert.Equal(new[] { "entry 0", "entry 1", "entry 2", "entry 3", "entry 4" }, output.Of<LogEntry>().Select(e => e.Message));
            Assert.True(written < total, $"the writer wrote all {total} entries: the log was read to its end");
        }

        [Fact]
        public void TheLogPathComesFromLog4jProperties()
        {
            var home = CarbonHome.Open(TestPaths.SampleHome);
            Assert.Equal(Path.Combine(home.Path, "repository", "logs", "wso2carbon.log"), CarbonLogFiles.CurrentPath(home));
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void EveryCorpusHomeLogsToTheStockPath(string relative)
        {
            var home = CarbonHome.Open(TestPaths.CorpusPath(relative));
            Assert.Equal(Path.Combine(home.Path, "repository", "logs", "wso2carbon.log"), CarbonLogFiles.CurrentPath(home));
        }
    }
}
