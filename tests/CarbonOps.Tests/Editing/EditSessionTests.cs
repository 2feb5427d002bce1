using System.IO;
using System.Linq;
using System.Text;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    public class EditSessionTests
    {
        private static string MakeHome(TempFolder temp, string log4j = "a=1\nb=2\n")
        {
            temp.Write("home/repository/conf/carbon.xml", "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\"/>");
            temp.Write("home/repository/conf/log4j.properties", log4j);
            return Path.Combine(temp.Path, "home");
        }

        [Fact]
        public void CommitBacksUpFirstAndWritesAtomically()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            var file = Path.Combine(home, "repository/conf/log4j.properties");
            using (var session = new EditSession(home))
            {
                session.OpenProperties(file).Set("a", "9");
                session.CommitPending();
                Assert.NotNull(session.BackupPath);
                var manifest = BackupStore.Read(session.BackupPath);
                var entry = Assert.Single(manifest.Entries);
                Assert.Equal("repository/conf/log4j.properties", entry.RelativePath);
                Assert.Equal("a=1\nb=2\n", Encoding.ASCII.GetString(BackupStore.ReadSaved(manifest, entry)));
            }
            Assert.Equal("a=9\nb=2\n", File.ReadAllText(file));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file), "*.carbonops-tmp"));
            Assert.False(File.Exists(Path.Combine(home, ".carbonops", "lock")));
        }

        [PosixFact]

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void BackupsAreOwnerOnly()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            using var session = new EditSession(home);
            session.OpenProperties(Path.Combine(home, "repository/conf/log4j.properties")).Set("a", "9");
            session.CommitPending();
            var set = session.BackupPath;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(set));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(home, ".carbonops")));
            foreach (var f in Directory.GetFiles(set, "*", SearchOption.AllDirectories))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f));
            }
        }

        [PosixFact]

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void TheFileKeepsItsMode()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            var file = Path.Combine(home, "repository/conf/log4j.properties");
            var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
            File.SetUnixFileMode(file, mode);
            using var session = new EditSession(home);
            session.OpenProperties(file).Set("a", "9");
            session.CommitPending();
            Assert.Equal(mode, File.GetUnixFileMode(file));
        }

        [Fact]
        public void AReadOnlyFileIsRefusedAndLeftAsItWas()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            var file = Path.Combine(home, "repository/conf/log4j.properties");
            File.SetAttributes(file, FileAttributes.ReadOnly);
            using var session = new EditSession(home);
            session.OpenProperties(file).Set("a", "9");
            var ex = Assert.Throws<CarbonOpsException>(() => session.CommitPending());
            Assert.Equal(ErrorIds.ConfigFileNotWritable, ex.ErrorId);
            Assert.Contains("read-only", ex.Message);
            Assert.Equal("a=1\nb=2\n", File.ReadAllText(file));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file), "*.carbonops-tmp"));
        }

        [Fact]
        public void AFileChangedOnDiskSinceItWasReadIsNotOverwritten()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            var file = Path.Combine(home, "repository/conf/log4j.properties");
            using var session = new EditSession(home);
            session.OpenProperties(file).Set("a", "9");
            File.WriteAllText(file, "a=other\n");
            var ex = Assert.Throws<CarbonOpsException>(() => session.CommitPending());
            Assert.Equal(ErrorIds.ConfigFileNotWritable, ex.ErrorId);
            Assert.Equal("a=other\n", File.ReadAllText(file));
        }

        [Fact]
        public void ASecondRunOnTheSameHomeFailsWithProductHomeLocked()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            var file = Path.Combine(home, "repository/conf/log4j.properties");
            using var first = new EditSession(home);
            first.OpenProperties(file).Set("a", "9");
            first.CommitPending();
            using var second = new EditSession(home);
            second.OpenProperties(file).Set("b", "8");
            var ex = Assert.Throws<CarbonOpsException>(() => second.CommitPending());
            Assert.Equal(ErrorIds.ProductHomeLocked, ex.ErrorId);
            Assert.Equal("a=9\nb=2\n", File.ReadAllText(file));
        }

        [Fact]
        public void NothingIsWrittenOrLockedWhenNothingChanged()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            using var session = new EditSession(home);
            session.OpenProperties(Path.Combine(home, "repository/conf/log4j.properties")).Set("a", "1");
            Assert.Empty(session.CommitPending());
            Assert.Null(session.BackupPath);
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));
        }

        [Fact]
        public void RestorePutsBackTheExactBytesAndRemovesCreatedFiles()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp, "a=1\r\nb=2\n");
            var file = Path.Combine(home, "repository/conf/log4j.properties");
            var before = TempFolder.TreeHash(home);
            string set;
            using (var session = new EditSession(home))
            {
                session.OpenProperties(file).Set("a", "9");
                session.CommitPending();
                session.WriteNewFile(Path.Combine(home, "repository/conf/new.sh"), Encoding.ASCII.GetBytes("#!/bin/sh\n"), 0x1ed);
                set = session.BackupPath;
            }
            Assert.NotEqual(before, TempFolder.TreeHash(home));
            var steps = BackupRestorer.Restore(BackupStore.Read(set), (_, _) => true).ToList();
            Assert.Contains(steps, s => s.Status == RestoreStatus.Restored);
            Assert.Contains(steps, s => s.Status == RestoreStatus.Removed);
            Assert.Equal(before, TempFolder.TreeHash(home));
            var again = BackupRestorer.Restore(BackupStore.Read(set), (_, _) => true).ToList();
            Assert.All(again, s => Assert.Equal(RestoreStatus.AlreadyOriginal, s.Status));
        }

        [Fact]
        public void ACorruptBackupRestoresNothing()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            var file = Path.Combine(home, "repository/conf/log4j.properties");
            string set;
            using (var session = new EditSession(home))
            {
                session.OpenProperties(file).Set("a", "9");
                session.CommitPending();
                set = session.BackupPath;
            }
            File.WriteAllText(Path.Combine(set, "files/repository/conf/log4j.properties"), "tampered");
            var ex = Assert.Throws<CarbonOpsException>(() => BackupRestorer.Restore(BackupStore.Read(set), (_, _) => true).ToList());
            Assert.Equal(ErrorIds.BackupSetCorrupt, ex.ErrorId);
            Assert.Equal("a=9\nb=2\n", File.ReadAllText(file));
        }
    }
}
