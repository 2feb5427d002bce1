using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    /// <summary>Permission changes go through the session: recorded in the backup set (a "mode" line) and put back by a restore.</summary>
    public class ModeBackupTests
    {
        private static string MakeHome(TempFolder temp)
        {
            temp.Write("home/repository/conf/carbon.xml", "<Server/>");
            temp.Write("home/repository/conf/user-mgt.xml", "<UserManager/>");
            return Path.Combine(temp.Path, "home");
        }

        [PosixFact]

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void AModeChangeIsRecordedWrittenAndRestored()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            var file = Path.Combine(home, "repository/conf/user-mgt.xml");
            File.SetUnixFileMode(file, (UnixFileMode)0x1a4); // 0644
            string set;
            using (var session = new EditSession(home))
            {
                session.SetMode(file, 0x1a0); // 0640
                Assert.True(session.HasPending);
                Assert.Equal((UnixFileMode)0x1a4, File.GetUnixFileMode(file));
                session.CommitPending();
                set = session.BackupPath;
            }
            Assert.Equal((UnixFileMode)0x1a0, File.GetUnixFileMode(file));
            Assert.Contains("mode\trepository/conf/user-mgt.xml\t0644", File.ReadAllText(Path.Combine(set, BackupStore.ManifestName)));
            var manifest = BackupStore.Read(set);
            Assert.Equal(0x1a4u, Assert.Single(manifest.Modes).Mode);

            var steps = BackupRestorer.Restore(manifest, (_, _) => true).ToList();
            Assert.Contains(steps, s => s.Status == RestoreStatus.Restored && s.Message.Contains("0644"));
            Assert.Equal((UnixFileMode)0x1a4, File.GetUnixFileMode(file));
            Assert.All(BackupRestorer.Restore(manifest, (_, _) => true), s => Assert.Equal(RestoreStatus.AlreadyOriginal, s.Status));
        }

        [PosixFact]

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void SettingTheCurrentModePlansNothingAndRevertDropsPlans()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            var file = Path.Combine(home, "repository/conf/carbon.xml");
            File.SetUnixFileMode(file, (UnixFileMode)0x180);
            using var session = new EditSession(home);
            session.SetMode(file, 0x180);
            Assert.False(session.HasPending);
            session.SetMode(file, 0x100);
            session.RevertPending();
            Assert.Empty(session.CommitPending());
            Assert.Equal((UnixFileMode)0x180, File.GetUnixFileMode(file));
            Assert.False(Directory.Exists(Path.Combine(home, ".carbonops")));
        }

        [Fact]
        public void ASnapshotUndoesOnlyTheLaterEdits()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            var file = temp.Write("home/repository/conf/carbon.xml", "<Server>\n</Server>\n");
            using var session = new EditSession(home);
            var xml = session.OpenXml(file);
            xml.AppendChild(xml.Root, "<A/>");
            var snapshot = session.TakeSnapshot();
            xml.AppendChild(xml.Root, "<B/>");
            var other = session.OpenXml(Path.Combine(home, "repository/conf/user-mgt.xml"));
            other.SetAttribute(other.Root, "x", "1");
            Assert.Equal(2, session.ChangedSince(snapshot).Count);
            session.RestoreSnapshot(snapshot);
            Assert.Empty(session.ChangedSince(snapshot));
            Assert.NotNull(xml.SelectSingle("A"));
            Assert.Null(xml.SelectSingle("B"));
            Assert.False(other.Text.IsChanged);
        }

        [Fact]
        public void AManifestModeLineThatIsNotOctalIsCorrupt()
        {
            using var temp = new TempFolder();
            var home = MakeHome(temp);
            string set;
            using (var session = new EditSession(home))
            {
                session.OpenProperties(temp.Write("home/a.properties", "a=1\n")).Set("a", "2");
                session.CommitPending();
                set = session.BackupPath;
            }
            File.AppendAllText(Path.Combine(set, BackupStore.ManifestName), "mode\ta.properties\t0999\n");
            var ex = Assert.Throws<CarbonOpsException>(() => BackupStore.Read(set));
            Assert.Equal(ErrorIds.BackupSetCorrupt, ex.ErrorId);
        }
    }
}
