using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    public class JvmOptionEditorTests
    {
        private static readonly JvmOptionRequest Guide = new JvmOptionRequest { InitialHeap = "512m", MaxHeap = "2048m", MaxPermSize = "1024m" };

        private static Dictionary<string, byte[]> Snapshot(string home) =>
            CarbonPaths.StartupScripts.Where(l => File.Exists(Path.Combine(home, l)))
                .ToDictionary(l => l, l => File.ReadAllBytes(Path.Combine(home, l)));

        private static IReadOnlyList<LauncherEdit> ApplyAndCommit(string home, JvmOptionRequest request)
        {
            using var session = new EditSession(home);
            var edits = JvmOptionEditor.Apply(CarbonHome.Open(home), session, request);
            session.CommitPending();
            return edits;
        }

        private static LineDiff.Result Diff(Dictionary<string, byte[]> before, string home, string launcher) =>
            LineDiff.Compare(before[launcher], File.ReadAllBytes(Path.Combine(home, launcher)));

        [Fact]
        public void TheGuideValuesGoIntoEveryStockLauncherAsOptionWordsOnly()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp);
            var before = Snapshot(home);
            var edits = ApplyAndCommit(home, Guide);
            Assert.Equal(3, edits.Count);

            var sh = Diff(before, home, CarbonPaths.StartupScriptSh);
            Assert.Equal(new[] { "    -Xms256m -Xmx1024m -XX:MaxPermSize=256m \\" }, sh.Removed);
            Assert.Equal(new[] { "    -Xms512m -Xmx2048m -XX:MaxPermSize=1024m \\" }, sh.Added);

            var bat = Diff(before, home, CarbonPaths.StartupScriptBat);
            var removed = Assert.Single(bat.Removed);
            var added = Assert.Single(bat.Added);
            Assert.Equal(removed.Replace("-Xms256m -Xmx1024m -XX:MaxPermSize=256m", "-Xms512m -Xmx2048m -XX:MaxPermSize=1024m"), added);
            Assert.EndsWith("\r", added);

            var conf = Diff(before, home, CarbonPaths.WrapperConf);
            Assert.Equal(new[] { "wrapper.java.additional.2 = -Xms256m", "wrapper.java.additional.3 = -Xmx1024m", "wrapper.java.additional.4 = -XX:MaxPermSize=256m" }, conf.Removed);
            Assert.Equal(new[] { "wrapper.java.additional.2 = -Xms512m", "wrapper.java.additional.3 = -Xmx2048m", "wrapper.java.additional.4 = -XX:MaxPermSize=1024m" }, conf.Added);

            var after = Snapshot(home);
            var again = ApplyAndCommit(home, Guide);
            Assert.All(again.SelectMany(e => e.Changes), c => Assert.True(c.AlreadyCompliant));
            Assert.Equal(after, Snapshot(home));
        }

        [Fact]
        public void TheSameSizeWrittenAnotherWayIsAlreadyCompliant()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.StartupScriptSh, "reordered.sh"));
            var before = Snapshot(home);
            var edits = ApplyAndCommit(home, new JvmOptionRequest { MaxHeap = "2048m", InitialHeap = "1024m" });
            Assert.All(edits.Single().Changes, c => Assert.True(c.AlreadyCompliant));
            Assert.Equal(before, Snapshot(home));
        }

        [Fact]
        public void ReorderedOptionsChangeInPlaceOnTheirOneLine()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.StartupScriptSh, "reordered.sh"));
            var before = Snapshot(home);
            ApplyAndCommit(home, Guide);
            var diff = Diff(before, home, CarbonPaths.StartupScriptSh);
            var removed = Assert.Single(diff.Removed);
            Assert.Equal(removed.Replace("-XX:MaxPermSize=512m", "-XX:MaxPermSize=1024m").Replace("-Xms1g", "-Xms512m"), Assert.Single(diff.Added));
        }

        [Fact]
        public void MissingOptionsAreAddedRightAfterTheJavaExecutable()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.StartupScriptSh, "missing-options.sh"));
            var before = Snapshot(home);
            var edit = ApplyAndCommit(home, Guide).Single();
            Assert.All(edit.Changes, c => Assert.Null(c.OldValue));
            var diff = Diff(before, home, CarbonPaths.StartupScriptSh);
            Assert.Equal(new[] { "    $JAVACMD \\" }, diff.Removed);
            Assert.Equal(new[] { "    $JAVACMD -Xms512m -Xmx2048m -XX:MaxPermSize=1024m \\" }, diff.Added);
            var values = JvmValues.From(LauncherParser.Parse(CarbonPaths.StartupScriptSh, TextDocument.Load(Path.Combine(home, CarbonPaths.StartupScriptSh))).Tokens.Select(t => t.Word));
            Assert.Equal("2048m", values[JvmSetting.MaxHeap]);
        }

        [Fact]
        public void MissingWrapperOptionsBecomeNewNumberedKeysAfterTheLast()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.WrapperConf, "missing-options.conf"));
            var before = Snapshot(home);
            ApplyAndCommit(home, new JvmOptionRequest { InitialHeap = "512m", MaxHeap = "2g" });
            var diff = Diff(before, home, CarbonPaths.WrapperConf);
            Assert.Empty(diff.Removed);
            Assert.Equal(new[] { "wrapper.java.additional.5=-Xms512m", "wrapper.java.additional.6=-Xmx2g" }, diff.Added);
        }

        [Fact]
        public void OptionsInAVariableChangeWhereItIsAssigned()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, LauncherHomes.Only(CarbonPaths.StartupScriptSh, "variable-options.sh"));
            var before = Snapshot(home);
            ApplyAndCommit(home, new JvmOptionRequest { InitialHeap = "512m", MaxHeap = "2048m", MaxMetaspaceSize = "512m" });
            var diff = Diff(before, home, CarbonPaths.StartupScriptSh);
            Assert.Equal(new[] { "JVM_MEM_OPTS=\"-Xms256m -Xmx1024m\"", "    -XX:MaxMetaspaceSize=256m \\" }, diff.Removed);
            Assert.Equal(new[] { "JVM_MEM_OPTS=\"-Xms512m -Xmx2048m\"", "    -XX:MaxMetaspaceSize=512m \\" }, diff.Added);
        }

        [Fact]
        public void CrlfScriptsKeepTheirLineEndings()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, new Dictionary<string, string>
            {
                [CarbonPaths.StartupScriptSh] = "crlf.sh",
                [CarbonPaths.StartupScriptBat] = "reordered.bat",
                [CarbonPaths.WrapperConf] = null,
            });
            var before = Snapshot(home);
            ApplyAndCommit(home, Guide);
            var sh = Diff(before, home, CarbonPaths.StartupScriptSh);
            Assert.Equal(new[] { "    -Xms512m -Xmx2048m -XX:MaxPermSize=1024m \\\r" }, sh.Added);
            var bat = Diff(before, home, CarbonPaths.StartupScriptBat);
            Assert.Equal(new[] { "set JVM_OPTS=-Xmx2048m -XX:+HeapDumpOnOutOfMemoryError -Xms512m\r", }, bat.Added.Where(l => l.StartsWith("set")).ToArray());
            Assert.Equal(2, bat.Removed.Count);
            Assert.Contains(bat.Added, l => l.Contains("%JVM_OPTS% %JAVA_OPTS% -XX:MaxPermSize=1024m -classpath") && l.EndsWith("\r"));
            var bytes = File.ReadAllBytes(Path.Combine(home, CarbonPaths.StartupScriptBat));
            Assert.Equal(bytes.Count(b => b == (byte)'\n'), System.Text.Encoding.ASCII.GetString(bytes).Split("\r\n").Length - 1);
        }

        [Fact]
        public void AnInitialHeapAboveTheMaximumIsRefusedAndNothingChanges()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp);
            var before = Snapshot(home);
            using var session = new EditSession(home);
            var ex = Assert.Throws<CarbonOpsException>(() => JvmOptionEditor.Apply(CarbonHome.Open(home), session, new JvmOptionRequest { InitialHeap = "4g" }));
            Assert.Equal(ErrorIds.ParameterValueInvalid, ex.ErrorId);
            Assert.Contains("-Xmx1024m", ex.Message);
            Assert.Empty(session.PendingDocuments);
            Assert.Equal(before, Snapshot(home));
        }

        [Fact]
        public void AnUnrecognisedLauncherStopsTheHomeBeforeAnyEdit()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, new Dictionary<string, string> { [CarbonPaths.StartupScriptBat] = "no-java.bat" });
            using var session = new EditSession(home);
            var ex = Assert.Throws<CarbonOpsException>(() => JvmOptionEditor.Apply(CarbonHome.Open(home), session, Guide));
            Assert.Equal(ErrorIds.StartupScriptNotRecognised, ex.ErrorId);
            Assert.EndsWith("wso2server.bat", ex.TargetPath);
            Assert.Empty(session.PendingDocuments);
        }

        [Fact]
        public void RaisingLeavesLargerValuesAndAddsNoPermGenToAMetaspaceLauncher()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp, new Dictionary<string, string>
            {
                [CarbonPaths.StartupScriptSh] = "variable-options.sh",
                [CarbonPaths.StartupScriptBat] = "reordered.bat",
                [CarbonPaths.WrapperConf] = null,
            });
            var request = new JvmOptionRequest { InitialHeap = "512m", MaxHeap = "1g", MaxPermSize = "256m", OnlyRaise = true };
            var edits = ApplyAndCommit(home, request).ToDictionary(e => e.Launcher);
            var sh = edits[CarbonPaths.StartupScriptSh].Changes.ToDictionary(c => c.Setting);
            Assert.False(sh.ContainsKey("-XX:MaxPermSize="));
            Assert.Equal("512m", sh["-Xms"].NewValue);
            Assert.True(sh["-Xmx"].AlreadyCompliant);
            var bat = edits[CarbonPaths.StartupScriptBat].Changes.ToDictionary(c => c.Setting);
            Assert.Equal("1536m", bat["-Xmx"].NewValue);
            Assert.True(bat["-XX:MaxPermSize="].AlreadyCompliant);
            Assert.Equal("768m", bat["-Xms"].NewValue);
        }

        [BashFact]
        public void TheEditedStockScriptStartsJavaWithTheNewOptionsAndJavaOptsAfterThem()
        {
            using var temp = new TempFolder();
            var home = LauncherHomes.Make(temp);
            ApplyAndCommit(home, Guide);
            var jdk = Path.Combine(temp.Path, "jdk");
            var java = temp.Write("jdk/bin/java", "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(java, (UnixFileMode)0x1ed);
            }
            var start = new ProcessStartInfo(Tools.Find("bash"), new[] { Path.Combine(home, CarbonPaths.StartupScriptSh) })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["JAVA_HOME"] = jdk;
            start.Environment["JAVA_OPTS"] = "-Xmx3g";
            using var process = Process.Start(start);
            var output = process.StandardOutput.ReadToEnd().Split('\n');
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            var args = output.SkipWhile(l => l != "-Xms512m").ToList();
            Assert.Equal(new[] { "-Xms512m", "-Xmx2048m", "-XX:MaxPermSize=1024m" }, args.Take(3));
            Assert.True(args.IndexOf("-Xmx3g") > args.IndexOf("-Xmx2048m"));
            var effective = JvmOptionReader.FromLauncher(CarbonHome.Open(home), CarbonPaths.StartupScriptSh, "-Xmx3g", "test");
            Assert.Equal("3g", effective.EffectiveMaxHeap);
        }
    }
}
