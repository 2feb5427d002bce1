using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    /// <summary>A run killed during an atomic write leaves its temporary file; the next writer holding the lock removes it.</summary>
    public class StaleTemporaryTests
    {
        private const string Stale = ".log4j.properties.0a1b2c3d.carbonops-tmp";
        private const string NotOurs = ".log4j.properties.mine.carbonops-tmp";

        private static (string Home, string File) MakeHome(TempFolder temp)
        {
            temp.Write("home/repository/conf/carbon.xml", "<Server/>");
            var file = temp.Write("home/repository/conf/log4j.properties", "a=1\n");
            temp.Write("home/repository/conf/" + Stale, "a=half");
            temp.Write("home/repository/conf/" + NotOurs, "keep");
            return (Path.Combine(temp.Path, "home"), file);
        }

        [Fact]
        public void TheNextCommitOfTheFileRemovesItsStaleTemporaryFileOnly()
        {
            using var temp = new TempFolder();
            var (home, file) = MakeHome(temp);
            using (var session = new EditSession(home))
            {
                session.OpenProperties(file).Set("a", "2");
                session.CommitPending();
            }
            var left = Directory.GetFiles(Path.GetDirectoryName(file)).Select(Path.GetFileName).OrderBy(n => n).ToArray();
            Assert.Equal(new[] { NotOurs, "carbon.xml", "log4j.properties" }, left);
        }

        [Fact]
        public void RestoreRemovesItAndWhatIfDoesNot()
        {
            using var temp = new TempFolder();
            var (home, file) = MakeHome(temp);
            string set;
            using (var session = new EditSession(home))
            {
                session.OpenProperties(file).Set("a", "2");
                session.CommitPending();
                set = session.BackupPath;
            }
            var again = Path.Combine(Path.GetDirectoryName(file), Stale);
            File.WriteAllText(again, "a=half");
            var preview = BackupRestorer.Restore(BackupStore.Read(set), (_, _) => false).ToList();
            Assert.Equal(RestoreStatus.WhatIf, Assert.Single(preview).Status);
            Assert.True(File.Exists(again));
            BackupRestorer.Restore(BackupStore.Read(set), (_, _) => true).ToList();
            Assert.False(File.Exists(again));
            Assert.Equal("a=1\n", File.ReadAllText(file));
        }

        [Fact]
        public void AWrittenFileKeepsItsModeAndNoTemporaryStays()
        {
            using var temp = new TempFolder();
            var file = temp.Write("f.properties", "x=1\n");
            if (!System.OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            }
            AtomicFile.Replace(file, new byte[] { 0x78, 0x3d, 0x32, 0x0a });
            Assert.Equal("x=2\n", File.ReadAllText(file));
            Assert.Empty(AtomicFile.StaleTemporaries(file));
            if (!System.OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(file));
            }
        }
    }
}
