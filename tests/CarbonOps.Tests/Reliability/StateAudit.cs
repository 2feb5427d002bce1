using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// What a failed or killed run may and may not leave in a home's state: backup sets that restore
    /// trusts (listed by Get-CarbonBackup) must read and verify, and every changed file must be in one
    /// with its original bytes. Leftovers (temporary files, set folders without a manifest, copies no
    /// manifest names, empty sets, the lock file) are listed apart: a killed run may leave some, a run
    /// that failed and returned may leave none.
    /// </summary>
    internal static class StateAudit
    {
        /// <summary>Backup problems: a listed set that does not read or verify, or a changed file no set holds.</summary>
        public static List<string> BackupProblems(string home, IReadOnlyDictionary<string, string> original, IReadOnlyDictionary<string, string> now)
        {
            var problems = new List<string>();
            var sets = new List<BackupManifest>();
            foreach (var folder in SetFolders(home).Where(f => File.Exists(Path.Combine(f, BackupStore.ManifestName))))
            {
                try
                {
                    var set = BackupStore.Read(folder);
                    foreach (var entry in set.Entries.Where(e => e.Existed))
                    {
                        BackupStore.ReadSaved(set, entry);
                    }
                    sets.Add(set);
                }
                catch (CarbonOpsException ex)
                {
                    problems.Add("a backup set restore would trust is broken: " + ex.Message);
                }
            }
            foreach (var (path, sha) in now.Where(v => original.TryGetValue(v.Key, out var o) && o != v.Value))
            {
                if (!sets.SelectMany(s => s.Entries).Any(e => e.RelativePath == path && string.Equals(e.Sha256, original[path], StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{path} changed but no backup set holds its original bytes");
                }
            }
            foreach (var created in now.Keys.Where(p => !original.ContainsKey(p) && !IsTemporary(p)))
            {
                if (!sets.SelectMany(s => s.Entries).Any(e => e.RelativePath == created && !e.Existed))
                {
                    problems.Add($"{created} was created but no backup set records its absence");
                }
            }
            return problems;
        }

        /// <summary>Everything a run that ended (failed or not) must not leave behind.</summary>
        public static List<string> Leftovers(string home)
        {
            var leftovers = Directory.GetFiles(home, "*", SearchOption.AllDirectories)
                .Where(f => IsTemporary(f))
                .Select(f => "temporary file " + HomeSnapshot.Relative(home, f))
                .ToList();
            if (File.Exists(Path.Combine(home, StateFolder.Name, "lock")))
            {
                leftovers.Add("the lock file");
            }
            foreach (var folder in SetFolders(home))
            {
                var name = Path.GetFileName(folder);
                if (!File.Exists(Path.Combine(folder, BackupStore.ManifestName)))
                {
                    leftovers.Add($"backup set folder {name} without a manifest");
                    continue;
                }
                BackupManifest set;
                try
                {
                    set = BackupStore.Read(folder);
                }
                catch (CarbonOpsException)
                {
                    continue;   // reported by BackupProblems
                }
                if (BackupStore.IsEmpty(set))
                {
                    leftovers.Add($"backup set {name} that names nothing");
                }
                var named = set.Entries.Where(e => e.Existed).Select(e => e.RelativePath.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
                foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => HomeSnapshot.Relative(folder, f)))
                {
                    var copyOf = file.StartsWith("files/", StringComparison.Ordinal) ? file.Substring(6) : file.StartsWith("external/", StringComparison.Ordinal) ? file.Substring(9) : null;
                    if (file != BackupStore.ManifestName && (copyOf == null || !named.Contains(copyOf)))
                    {
                        leftovers.Add($"{file} in backup set {name}, which its manifest does not name");
                    }
                }
            }
            return leftovers;
        }

        /// <summary>Restores every backup set of the home, newest first; problems, and every file that then differs from <paramref name="expected"/>.</summary>
        public static List<string> RestoreEverySet(PowerShellRunner ps, string home, IReadOnlyDictionary<string, string> expected)
        {
            var restore = ps.RunScript("param($h) Get-CarbonBackup -ProductHome $h | Sort-Object Created -Descending | ForEach-Object { Restore-CarbonConfiguration -BackupPath $_.BackupPath -Confirm:$false }",
                new Hashtable { ["h"] = home }, TimeSpan.FromSeconds(60));
            var problems = restore.Errors.Select(e => "restore: " + e).ToList();
            var restored = CrashReference.Hashes(home);
            var differ = restored.Keys.Union(expected.Keys)
                .Where(p => !IsTemporary(p) && (!restored.TryGetValue(p, out var a) || !expected.TryGetValue(p, out var b) || a != b)).ToList();
            if (differ.Count > 0)
            {
                problems.Add("after restoring every set these differ from the tree before: " + string.Join(", ", differ));
            }
            return problems;
        }

        public static bool IsTemporary(string path) => path.EndsWith(".carbonops-tmp", StringComparison.Ordinal);

        private static IEnumerable<string> SetFolders(string home)
        {
            var root = BackupStore.BackupsFolder(home);
            return Directory.Exists(root) ? Directory.GetDirectories(root) : Enumerable.Empty<string>();
        }
    }
}
