using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Installation
{
    public class LauncherParserTests
    {
        private static LauncherCommand ParseFixture(string fixture, string asLauncher)
        {
            var path = TestPaths.Fixture("launchers/" + fixture);
            return LauncherParser.Parse(asLauncher, TextDocument.Load(path));
        }

        private static LauncherCommand ParseSample(string launcher) =>
            LauncherParser.Parse(launcher, TextDocument.Load(Path.Combine(TestPaths.SampleHome, launcher)));

        private static JvmValues Own(LauncherCommand command) => JvmValues.From(command.Tokens.Where(t => !t.IsJavaOpts).Select(t => t.Word));

        [Fact]
        public void TheStockShellScriptsJavaCommandIsFoundAcrossItsContinuedLines()
        {
            var command = ParseSample(CarbonPaths.StartupScriptSh);
            var values = Own(command);
            Assert.Equal("256m", values[JvmSetting.InitialHeap]);
            Assert.Equal("1024m", values[JvmSetting.MaxHeap]);
            Assert.Equal("256m", values[JvmSetting.MaxPermSize]);
            Assert.Null(values[JvmSetting.MaxMetaspaceSize]);
            Assert.Contains("-XX:+HeapDumpOnOutOfMemoryError", values.OtherOptions);
            Assert.Contains("-XX:HeapDumpPath=$CARBON_HOME/repository/logs/heap-dump.hprof", values.OtherOptions);
            Assert.True(command.ReadsJavaOpts);
            var xmx = command.Tokens.Single(t => t.Word == "-Xmx1024m");
            var lines = File.ReadAllLines(Path.Combine(TestPaths.SampleHome, CarbonPaths.StartupScriptSh));
            Assert.Contains("-Xms256m -Xmx1024m -XX:MaxPermSize=256m", lines[xmx.Line - 1]);
            // The JVM options come before $JAVA_OPTS, which therefore overrides them.
            Assert.True(command.Tokens.ToList().FindIndex(t => t.IsJavaOpts) > command.Tokens.ToList().IndexOf(xmx));
            Assert.Equal(InstanceDiscovery.BootstrapClass, command.Tokens[command.Tokens.Count - 2].Word);
        }

        [Fact]
        public void TheStockBatchScriptsOptionsAreReadFromCmdLineArgs()
        {
            var command = ParseSample(CarbonPaths.StartupScriptBat);
            var values = Own(command);
            Assert.Equal("256m", values[JvmSetting.InitialHeap]);
            Assert.Equal("1024m", values[JvmSetting.MaxHeap]);
            Assert.Equal("256m", values[JvmSetting.MaxPermSize]);
            Assert.StartsWith("set CMD_LINE_ARGS", command.Tokens.Single(t => t.Word == "-Xmx1024m").Origin);
            Assert.True(command.ReadsJavaOpts);
            Assert.Equal("\r\n", command.Document.NewLine);
        }

        [Fact]
        public void TheWrapperConfOptionsAreItsNumberedKeys()
        {
            var command = ParseSample(CarbonPaths.WrapperConf);
            var values = Own(command);
            Assert.Equal("256m", values[JvmSetting.InitialHeap]);
            Assert.Equal("1024m", values[JvmSetting.MaxHeap]);
            Assert.Equal("256m", values[JvmSetting.MaxPermSize]);
            Assert.Equal("wrapper.java.additional.3", command.Tokens.Single(t => t.Word == "-Xmx1024m").Origin);
            Assert.False(command.ReadsJavaOpts);
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void EveryCorpusWrapperConfHasTheStockMemoryOptions(string relative)
        {
            var path = Path.Combine(TestPaths.CorpusPath(relative), CarbonPaths.WrapperConf);
            var values = Own(LauncherParser.Parse(CarbonPaths.WrapperConf, TextDocument.Load(path)));
            Assert.Equal("256m", values[JvmSetting.InitialHeap]);
            Assert.Equal("1024m", values[JvmSetting.MaxHeap]);
            Assert.Equal("256m", values[JvmSetting.MaxPermSize]);
            Assert.Contains(values.OtherOptions, o => o.StartsWith("-Xbootclasspath/a:"));
        }

        [Fact]
        public void ReorderedOptionsOnOneLineAreFoundAndTheVersionProbeIsNotTheCommand()
        {
            var command = ParseFixture("reordered.sh", CarbonPaths.StartupScriptSh);
            var values = Own(command);
            Assert.Equal("1g", values[JvmSetting.InitialHeap]);
            Assert.Equal("2g", values[JvmSetting.MaxHeap]);
            Assert.Equal("512m", values[JvmSetting.MaxPermSize]);
            Assert.Contains("-server", command.Tokens.Select(t => t.Word));
            Assert.Equal(7, command.Line);
        }

        [Fact]
        public void OptionsInAVariableAreReadWhereTheVariableIsAssigned()
        {
            var command = ParseFixture("variable-options.sh", CarbonPaths.StartupScriptSh);
            var values = Own(command);
            Assert.Equal("256m", values[JvmSetting.InitialHeap]);
            Assert.Equal("1024m", values[JvmSetting.MaxHeap]);
            Assert.Equal("256m", values[JvmSetting.MaxMetaspaceSize]);
            Assert.Null(values[JvmSetting.MaxPermSize]);
            Assert.Equal("JVM_MEM_OPTS= (line 4)", command.Tokens.Single(t => t.Word == "-Xms256m").Origin);
        }

        [Fact]
        public void ACrlfShellScriptIsReadLikeAnLfOne()
        {
            var values = Own(ParseFixture("crlf.sh", CarbonPaths.StartupScriptSh));
            Assert.Equal("256m", values[JvmSetting.InitialHeap]);
            Assert.Equal("1024m", values[JvmSetting.MaxHeap]);
            Assert.Equal("256m", values[JvmSetting.MaxPermSize]);
        }

        [Fact]
        public void ABatchScriptWithItsOwnVariableAndOrderIsRead()
        {
            var command = ParseFixture("reordered.bat", CarbonPaths.StartupScriptBat);
            var values = Own(command);
            Assert.Equal("768m", values[JvmSetting.InitialHeap]);
            Assert.Equal("1536m", values[JvmSetting.MaxHeap]);
            Assert.Equal("384m", values[JvmSetting.MaxPermSize]);
            Assert.StartsWith("set JVM_OPTS", command.Tokens.Single(t => t.Word == "-Xms768m").Origin);
        }

        [Fact]
        public void MissingOptionsReadAsNull()
        {
            var sh = Own(ParseFixture("missing-options.sh", CarbonPaths.StartupScriptSh));
            Assert.Null(sh[JvmSetting.InitialHeap]);
            Assert.Null(sh[JvmSetting.MaxHeap]);
            var conf = Own(ParseFixture("missing-options.conf", CarbonPaths.WrapperConf));
            Assert.Null(conf[JvmSetting.MaxHeap]);
            Assert.Contains("-XX:+HeapDumpOnOutOfMemoryError", conf.OtherOptions);
        }

        [Theory]
        [InlineData("no-java.sh", "bin/wso2server.sh")]
        [InlineData("no-java.bat", "bin/wso2server.bat")]
        [InlineData("no-java.conf", "bin/yajsw/wrapper.conf")]
        public void AScriptWithNoJavaCommandIsNotRecognisedAndNamed(string fixture, string launcher)
        {
            var ex = Assert.Throws<CarbonOpsException>(() => ParseFixture(fixture, launcher));
            Assert.Equal(ErrorIds.StartupScriptNotRecognised, ex.ErrorId);
            Assert.Contains(fixture, ex.Message);
            Assert.EndsWith(fixture, ex.TargetPath);
        }

        [Fact]
        public void JavaOptsFromTheEnvironmentOverrideOptionsBeforeIt()
        {
            var home = CarbonHome.Open(TestPaths.SampleHome);
            var sh = JvmOptionReader.FromLauncher(home, CarbonPaths.StartupScriptSh, "-Xmx3g -Dfoo=bar", "test");
            Assert.Equal("1024m", sh.MaxHeap);
            Assert.Equal("3g", sh.EffectiveMaxHeap);
            Assert.Equal("256m", sh.EffectiveInitialHeap);
            Assert.Equal("-Xmx3g -Dfoo=bar", sh.JavaOpts);
            var conf = JvmOptionReader.FromLauncher(home, CarbonPaths.WrapperConf, "-Xmx3g", "test");
            Assert.Null(conf.JavaOpts);
            Assert.Equal("1024m", conf.EffectiveMaxHeap);
        }

        [Fact]
        public void JavaOptsBeforeTheOptionsAreOverriddenByThem()
        {
            using var temp = new TempFolder();
            var home = CarbonHome.Open(LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.StartupScriptSh, "reordered.sh")));
            var sh = JvmOptionReader.FromLauncher(home, CarbonPaths.StartupScriptSh, "-Xmx3g -Xss512k", "test");
            Assert.Equal("2g", sh.EffectiveMaxHeap);
            Assert.Equal("-Xmx3g -Xss512k", sh.JavaOpts);
        }

        [Fact]
        public void JvmMemoryReadsThePlatformLauncherThroughTheParser()
        {
            using var temp = new TempFolder();
            var home = CarbonHome.Open(LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.StartupScriptSh, "variable-options.sh")));
            var settings = JvmMemory.Read(home);
            Assert.Equal(CarbonPaths.StartupScriptSh, settings.Launcher);
            Assert.Equal(256, settings.InitialHeapMb);
            Assert.Equal(1024, settings.MaxHeapMb);
            Assert.Null(settings.MaxPermSizeMb);
        }
    }
}
