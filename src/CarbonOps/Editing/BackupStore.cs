using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CarbonOps.Host;

namespace CarbonOps.Editing
{
    /// <summary>
    /// Backup sets: one folder per run under &lt;home&gt;/.carbonops/backups, holding the original
    /// bytes of every file the run changed (files/&lt;relative path&gt;) and manifest.tsv, which names
    /// each file with its SHA-256, or records that it did not exist before the run. The copy is on
    /// disk, flushed, before the manifest names it, and the manifest names it before the file changes.
    /// Folders are 0700 and files 0600: these files hold passwords.
    /// </summary>
    public static class BackupStore
    {
        public const string ManifestName = "manifest.tsv";
        private const string Header = "# CarbonOps backup set";

        public static string BackupsFolder(string productHome) => Path.Combine(StateFolder.PathFor(productHome), "backups");

        public static BackupManifest Create(string productHome)
        {
            StateFolder.Ensure(productHome);
            var root = BackupsFolder(productHome);
            if (!Directory.Exists(root))
            {
                PosixFile.CreateOwnerOnlyFolder(root);
            }
            var created = DateTime.UtcNow;
            var name = created.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);
            var folder = Path.Combine(root, name);
            PosixFile.CreateOwnerOnlyFolder(folder);
            var manifest = new BackupManifest(folder, productHome, created, new List<BackupEntry>());
            try
            {
                WriteManifest(manifest);
            }
            catch (CarbonOpsException)
            {
                // A folder without its manifest is no set: leave none behind.
                Discard(manifest);
                throw;
            }
            return manifest;
        }

        /// <summary>Saves the current bytes of <paramref name="path"/> (or its absence) into the set, once per file.</summary>
        public static void Save(BackupManifest manifest, string path) => Save(manifest, new[] { path }, new string[0]);

        /// <summary>Records the current permission bits of <paramref name="path"/> before a mode change, once per file.</summary>
        public static void SaveMode(BackupManifest manifest, string path) => Save(manifest, new string[0], new[] { path });

        /// <summary>
        /// Saves the current bytes of each of <paramref name="paths"/> (or its absence) and the permission bits of each of
        /// <paramref name="modePaths"/> into the set, once per file, then names them all in one manifest write: every copy
        /// is flushed to disk before the manifest names it, and one manifest write serves the whole commit.
        /// </summary>
        public static void Save(BackupManifest manifest, IEnumerable<string> paths, IEnumerable<string> modePaths)
        {
            var entries = new List<BackupEntry>();
            var modes = new List<BackupModeEntry>();
            var copies = new List<string>();
            try
            {
                foreach (var path in paths)
                {
                    var relative = RelativePath(manifest.ProductHome, path);
                    if (manifest.Entries.Concat(entries).Any(e => e.RelativePath == relative))
                    {
                        continue;
                    }
                    if (File.Exists(path))
                    {
                        var bytes = File.ReadAllBytes(path);
                        var copy = SavedCopyPath(manifest, relative);
                        CreateOwnerOnlyFolders(manifest.BackupPath, Path.GetDirectoryName(copy));
                        copies.Add(copy);
                        AtomicFile.Create(copy, bytes, 0x180 /* 0600 */);
                        entries.Add(new BackupEntry(relative, Sha256(bytes), bytes.LongLength));
                    }
                    else
                    {
                        entries.Add(new BackupEntry(relative, null, 0));
                    }
                }
                foreach (var path in modePaths)
                {
                    var relative = RelativePath(manifest.ProductHome, path);
                    if (manifest.Modes.Concat(modes).Any(m => m.RelativePath == relative))
                    {
                        continue;
                    }
                    var status = PosixFile.Stat(path)
                        ?? throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"Cannot read the permissions of '{path}'.", path);
                    modes.Add(new BackupModeEntry(relative, status.Mode));
                }
                if (entries.Count == 0 && modes.Count == 0)
                {
                    return;
                }
                manifest.Entries.AddRange(entries);
                manifest.Modes.AddRange(modes);
                WriteManifest(manifest);
            }
            catch (CarbonOpsException)
            {
                // The set on disk does not name these files, so they must not change: forget the entries
                // (a later save of a file tries again) and the copies no manifest names.
                entries.ForEach(e => manifest.Entries.Remove(e));
                modes.ForEach(m => manifest.Modes.Remove(m));
                copies.ForEach(TryDelete);
                throw;
            }
        }

        /// <summary>True when the set names no file and no mode: the run that made it changed nothing.</summary>
        public static bool IsEmpty(BackupManifest manifest) => manifest.Entries.Count == 0 && manifest.Modes.Count == 0;

        /// <summary>Removes a set's folder, as far as it can (a set that names nothing, or one whose manifest could not be written).</summary>
        public static void Discard(BackupManifest manifest)
        {
            try
            {
                Directory.Delete(manifest.BackupPath, true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (path != null)
                {
                    File.Delete(path);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }

        /// <summary>Creates <paramref name="folder"/> and the folders above it up to <paramref name="root"/>, each 0700.</summary>
        private static void CreateOwnerOnlyFolders(string root, string folder)
        {
            if (folder.Length <= root.Length || Directory.Exists(folder))
            {
                return;
            }
            CreateOwnerOnlyFolders(root, Path.GetDirectoryName(folder));
            PosixFile.CreateOwnerOnlyFolder(folder);
        }

        public static IEnumerable<BackupManifest> List(string productHome)
        {
            var root = BackupsFolder(productHome);
            if (!Directory.Exists(root))
            {
                return Enumerable.Empty<BackupManifest>();
            }
            return Directory.GetDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, ManifestName)))
                .Select(Read)
                .OrderBy(m => m.Created);
        }

        public static BackupManifest Read(string backupPath)
        {
            var manifestPath = Path.Combine(backupPath, ManifestName);
            if (!File.Exists(manifestPath))
            {
                throw new CarbonOpsException(ErrorIds.BackupSetNotFound, $"'{backupPath}' is not a CarbonOps backup set (no {ManifestName}).", backupPath);
            }
            var lines = File.ReadAllLines(manifestPath, Encoding.UTF8);
            if (lines.Length == 0 || lines[0] != Header)
            {
                throw Corrupt(manifestPath, 1, "it does not start with the backup set header");
            }
            string home = null;
            var created = DateTime.MinValue;
            var entries = new List<BackupEntry>();
            var modes = new List<BackupModeEntry>();
            for (var i = 1; i < lines.Length; i++)
            {
                var fields = lines[i].Split('\t');
                switch (fields[0])
                {
                    case "productHome" when fields.Length == 2:
                        home = fields[1];
                        break;
                    case "created" when fields.Length == 2:
                        created = DateTime.Parse(fields[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                        break;
                    case "file" when fields.Length == 4:
                        entries.Add(new BackupEntry(fields[1], fields[2], long.Parse(fields[3], CultureInfo.InvariantCulture)));
                        break;
                    case "absent" when fields.Length == 2:
                        entries.Add(new BackupEntry(fields[1], null, 0));
                        break;
                    case "mode" when fields.Length == 3 && IsOctal(fields[2]):
                        modes.Add(new BackupModeEntry(fields[1], Convert.ToUInt32(fields[2], 8)));
                        break;
                    case "":
                        break;
                    default:
                        throw Corrupt(manifestPath, i + 1, "the line is not one of productHome, created, file, absent or mode");
                }
            }
            if (home == null)
            {
                throw Corrupt(manifestPath, 0, "it names no product home");
            }
            var manifest = new BackupManifest(Path.GetFullPath(backupPath), HomeHolding(backupPath) ?? home, created, entries);
            manifest.Modes.AddRange(modes);
            return manifest;
        }

        /// <summary>
        /// The home whose state folder holds the set (&lt;home&gt;/.carbonops/backups/&lt;set&gt;), or null for a set kept
        /// elsewhere. It wins over the path the manifest recorded: a home that was copied or moved takes its sets
        /// with it, and restoring the copy's set must change the copy, never the home it was copied from.
        /// </summary>
        private static string HomeHolding(string backupPath)
        {
            var backups = Directory.GetParent(Path.GetFullPath(backupPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            var state = backups?.Parent;
            if (backups?.Name != "backups" || state?.Name != StateFolder.Name || state.Parent == null)
            {
                return null;
            }
            return state.Parent.FullName;
        }

        /// <summary>The saved bytes of one entry, checked against the manifest's hash.</summary>
        public static byte[] ReadSaved(BackupManifest manifest, BackupEntry entry)
        {
            var copy = SavedCopyPath(manifest, entry.RelativePath);
            if (!File.Exists(copy))
            {
                throw new CarbonOpsException(ErrorIds.BackupSetCorrupt, $"The backup set '{manifest.BackupPath}' lacks its copy of '{entry.RelativePath}'.", copy);
            }
            var bytes = File.ReadAllBytes(copy);
            if (Sha256(bytes) != entry.Sha256)
            {
                throw new CarbonOpsException(ErrorIds.BackupSetCorrupt, $"The saved copy of '{entry.RelativePath}' in '{manifest.BackupPath}' does not match its recorded SHA-256.", copy);
            }
            return bytes;
        }

        public static string Sha256(byte[] bytes)
        {
            using (var sha = SHA256.Create())
            {
                return string.Concat(sha.ComputeHash(bytes).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            }
        }

        public static string RelativePath(string productHome, string path)
        {
            var home = Path.GetFullPath(productHome).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(home, StringComparison.Ordinal))
            {
                // A file outside the home (a service unit) is named by its full path.
                return full.Replace(Path.DirectorySeparatorChar, '/');
            }
            return full.Substring(home.Length).Replace(Path.DirectorySeparatorChar, '/');
        }

        /// <summary>Where a set keeps its copy of a file: files/&lt;relative path&gt;, or external/&lt;full path&gt; for a file outside the home.</summary>
        private static string SavedCopyPath(BackupManifest manifest, string relative)
        {
            var rooted = Path.IsPathRooted(relative);
            var inner = rooted ? relative.Replace(":", "").TrimStart('/', '\\') : relative;
            return Path.Combine(manifest.BackupPath, rooted ? "external" : "files", inner.Replace('/', Path.DirectorySeparatorChar));
        }

        private static void WriteManifest(BackupManifest manifest)
        {
            var sb = new StringBuilder();
            sb.Append(Header).Append('\n');
            sb.Append("productHome\t").Append(manifest.ProductHome).Append('\n');
            sb.Append("created\t").Append(manifest.Created.ToString("o", CultureInfo.InvariantCulture)).Append('\n');
            foreach (var e in manifest.Entries)
            {
                if (e.Existed)
                {
                    sb.Append("file\t").Append(e.RelativePath).Append('\t').Append(e.Sha256).Append('\t').Append(e.Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }
                else
                {
                    sb.Append("absent\t").Append(e.RelativePath).Append('\n');
                }
            }
            foreach (var m in manifest.Modes)
            {
                sb.Append("mode\t").Append(m.RelativePath).Append('\t').Append(Convert.ToString(m.Mode, 8).PadLeft(4, '0')).Append('\n');
            }
            AtomicFile.Create(Path.Combine(manifest.BackupPath, ManifestName), new UTF8Encoding(false).GetBytes(sb.ToString()), 0x180);
        }

        private static bool IsOctal(string text) => text.Length > 0 && text.Length <= 4 && text.All(c => c >= '0' && c <= '7');

        private static CarbonOpsException Corrupt(string path, int line, string why) =>
            new CarbonOpsException(ErrorIds.BackupSetCorrupt, $"The backup manifest '{path}' cannot be read{(line > 0 ? " at line " + line : "")}: {why}.", path, line);
    }

    public sealed class BackupManifest
    {
        internal BackupManifest(string backupPath, string productHome, DateTime created, List<BackupEntry> entries)
        {
            BackupPath = backupPath;
            ProductHome = productHome;
            Created = created;
            Entries = entries;
        }

        public string BackupPath { get; }
        public string ProductHome { get; }
        public DateTime Created { get; }
        public List<BackupEntry> Entries { get; }

        /// <summary>Files whose permission bits the run changed, with the bits from before.</summary>
        public List<BackupModeEntry> Modes { get; } = new List<BackupModeEntry>();
    }

    /// <summary>A file's permission bits from before a run changed them (a manifest line "mode", in octal).</summary>
    public sealed class BackupModeEntry
    {
        internal BackupModeEntry(string relativePath, uint mode)
        {
            RelativePath = relativePath;
            Mode = mode;
        }

        public string RelativePath { get; }
        public uint Mode { get; }
    }

    public sealed class BackupEntry
    {
        internal BackupEntry(string relativePath, string sha256, long size)
        {
            RelativePath = relativePath;
            Sha256 = sha256;
            Size = size;
        }

        public string RelativePath { get; }
        /// <summary>Null when the file did not exist before the run (a restore removes it).</summary>
        public string Sha256 { get; }
        public long Size { get; }
        public bool Existed => Sha256 != null;
    }
}
