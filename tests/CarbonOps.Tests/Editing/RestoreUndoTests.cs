using System.Collections;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Tests.Reliability;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    /// <summary>
    /// A restore is itself backed up: it saves what it replaces into a new set (RestoreResult.UndoBackupPath),
    /// and restoring that set undoes the restore. A restore of a set already restored changes nothing and
    /// makes no set.
    /// </summary>
    public class RestoreUndoTests
    {
        private const string Restore = "param($b) Restore-CarbonConfiguration -BackupPath $b -Confirm:$false";

        [Fact]
        public void RestoringTwiceChangesNothingAndRestoringTheUndoSetPutsTheRunBack()
        {
            using var temp = new TempFolder();
            using var ps = new PowerShellRunner();
            var (home, set, original, hardened) = HardenedCopy(temp, ps);
            Assert.NotEmpty(original.Diff(hardened));

            var first = ps.Run(Restore, new Hashtable { ["b"] = set });
            Assert.Empty(first.Errors);
            var results = first.Of<RestoreResult>().ToList();
            Assert.Contains(results, r => r.Status == RestoreStatus.Restored);
            Assert.Empty(original.Diff(HomeSnapshot.Take(home, includeState: false)));
            var undo = results.Where(r => r.Status != RestoreStatus.AlreadyOriginal).Select(r => r.UndoBackupPath).Distinct().Single();
            Assert.NotNull(undo);
            Assert.NotEqual(set, undo);

            // Again: every file is already original, nothing is written, no set is made.
            var before = HomeSnapshot.Take(home);
            var second = ps.Run(Restore, new Hashtable { ["b"] = set });
            Assert.Empty(second.Errors);
            Assert.All(second.Of<RestoreResult>(), r => Assert.Equal(RestoreStatus.AlreadyOriginal, r.Status));
            Assert.All(second.Of<RestoreResult>(), r => Assert.Null(r.UndoBackupPath));
            Assert.Empty(before.Diff(HomeSnapshot.Take(home)));

            // Undoing the restore gives back the hardened files, bytes and modes; the undo set verifies like any other.
            Assert.Contains(BackupStore.List(home), s => s.BackupPath == undo);
            var undone = ps.Run(Restore, new Hashtable { ["b"] = undo });
            Assert.Empty(undone.Errors);
            Assert.Empty(hardened.Diff(HomeSnapshot.Take(home, includeState: false)));

            // And the first set still restores the original after that.
            Assert.Empty(ps.Run(Restore, new Hashtable { ["b"] = set }).Errors);
            Assert.Empty(original.Diff(HomeSnapshot.Take(home, includeState: false)));
        }

        [Fact]
        public void RestoringTheSetOfACopiedHomeChangesTheCopyAndNotTheOriginal()
        {
            using var temp = new TempFolder();
            using var ps = new PowerShellRunner();
            var (home, set, original, hardened) = HardenedCopy(temp, ps);

            // The copy takes its state folder, and so its backup sets, with it.
            var copy = System.IO.Path.Combine(temp.Path, "copy");
            TempFolder.CopyTree(home, copy);
            var copiedSet = System.IO.Path.Combine(copy, System.IO.Path.GetRelativePath(home, set));
            var restored = ps.Run(Restore, new Hashtable { ["b"] = copiedSet });
            Assert.Empty(restored.Errors);
            Assert.All(restored.Of<RestoreResult>(), r => Assert.StartsWith(copy + System.IO.Path.DirectorySeparatorChar, r.Path));

            Assert.Empty(original.Diff(HomeSnapshot.Take(copy, includeState: false)));
            Assert.Empty(hardened.Diff(HomeSnapshot.Take(home, includeState: false)));
        }

        /// <summary>A copy of the sample home hardened once: its path, the run's backup set, and the home before and after.</summary>
        private static (string Home, string Set, HomeSnapshot Original, HomeSnapshot Hardened) HardenedCopy(TempFolder temp, PowerShellRunner ps)
        {
            var home = temp.CopyHome(TestPaths.SampleHome, "home");
            var original = HomeSnapshot.Take(home, includeState: false);
            var run = ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(run.Errors);
            var set = run.Of<ChangeResult>().Where(c => c.Status == ChangeStatus.Changed).Select(c => c.BackupPath).Distinct().Single();
            return (home, set, original, HomeSnapshot.Take(home, includeState: false));
        }
    }
}
