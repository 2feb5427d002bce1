using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Host;

namespace CarbonOps.Editing
{
    /// <summary>
    /// The files of one product home that one run reads and may change. Documents are opened once and
    /// shared, so several remedies that touch the same file build on each other's edits. The first
    /// write of the run takes the home's lock and creates the run's backup set; every file is saved
    /// into the set before its first change. A file that changed on disk since it was read is not
    /// overwritten.
    /// </summary>
    public sealed class EditSession : IDisposable
    {
        private readonly Dictionary<string, TextDocument> documents = new Dictionary<string, TextDocument>(StringComparer.Ordinal);
        private readonly Dictionary<string, XmlConfig> xml = new Dictionary<string, XmlConfig>(StringComparer.Ordinal);
        private readonly Dictionary<string, PropertiesConfig> properties = new Dictionary<string, PropertiesConfig>(StringComparer.Ordinal);
        private Dictionary<string, uint> pendingModes = new Dictionary<string, uint>(StringComparer.Ordinal);
        private Dictionary<string, NewFile> pendingFiles = new Dictionary<string, NewFile>(StringComparer.Ordinal);
        private readonly HashSet<string> writtenFirst = new HashSet<string>(StringComparer.Ordinal);
        private ProductHomeLock homeLock;
        private BackupManifest backup;

        public EditSession(string productHome)
        {
            ProductHome = Path.GetFullPath(productHome);
        }

        public string ProductHome { get; }

        /// <summary>The run's backup set, or null while nothing has been written.</summary>
        public string BackupPath => backup?.BackupPath;

        public TextDocument Open(string path)
        {
            var full = Path.GetFullPath(path);
            if (!documents.TryGetValue(full, out var doc))
            {
                doc = TextDocument.Load(full);
                documents[full] = doc;
            }
            return doc;
        }

        public XmlConfig OpenXml(string path)
        {
            var doc = Open(path);
            if (!xml.TryGetValue(doc.Path, out var config))
            {
                config = new XmlConfig(doc);
                xml[doc.Path] = config;
            }
            return config;
        }

        public PropertiesConfig OpenProperties(string path)
        {
            var doc = Open(path);
            if (!properties.TryGetValue(doc.Path, out var config))
            {
                config = new PropertiesConfig(doc);
                properties[doc.Path] = config;
            }
            return config;
        }

        /// <summary>Documents with edits not yet written, in the order a commit writes them.</summary>
        public IReadOnlyList<TextDocument> PendingDocuments => documents.Values.Where(d => d.IsChanged).OrderBy(d => writtenFirst.Contains(d.Path) ? 0 : 1).ToList();

        /// <summary>
        /// Makes a commit write <paramref name="path"/> before the session's other documents: a file that
        /// others refer to (the encrypted values their aliases name), so a commit that fails half-way
        /// leaves no reference to something not yet written.
        /// </summary>
        public void WriteFirst(string path) => writtenFirst.Add(Path.GetFullPath(path));

        /// <summary>Permission changes planned and not yet made: full path → new mode.</summary>
        public IReadOnlyDictionary<string, uint> PendingModes => pendingModes;

        /// <summary>Whole files planned and not yet written: full path → bytes and mode.</summary>
        public IReadOnlyDictionary<string, NewFile> PendingFiles => pendingFiles;

        public bool HasPending => pendingModes.Count > 0 || pendingFiles.Count > 0 || documents.Values.Any(d => d.IsChanged);

        /// <summary>
        /// Plans a file written whole (a wrapper script, a keystore, a password file), created or replaced
        /// by <see cref="CommitPending"/> in the same all-or-nothing commit as the text edits. Planning the
        /// bytes the file already has plans nothing.
        /// </summary>
        public void PlanNewFile(string path, byte[] bytes, uint unixMode)
        {
            var full = Path.GetFullPath(path);
            if (documents.TryGetValue(full, out var open) && open.IsChanged)
            {
                throw new InvalidOperationException($"'{full}' has text edits planned; it cannot also be written whole.");
            }
            var current = ReadCurrent(full);
            if (current != null && current.SequenceEqual(bytes) && (PosixFile.Stat(full)?.Mode ?? unixMode) == unixMode)
            {
                pendingFiles.Remove(full);
                return;
            }
            pendingFiles[full] = new NewFile(full, bytes, unixMode, current);
        }

        /// <summary>
        /// Plans a change of a file's permission bits (Unix), made by <see cref="CommitPending"/> with the
        /// old mode recorded in the backup set, so that a restore puts it back. Setting the mode the file
        /// already has plans nothing.
        /// </summary>
        public void SetMode(string path, uint mode)
        {
            var full = Path.GetFullPath(path);
            var current = PosixFile.Stat(full)
                ?? throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"Cannot read the permissions of '{full}'.", full);
            if (current.Mode == mode)
            {
                pendingModes.Remove(full);
            }
            else
            {
                pendingModes[full] = mode;
            }
        }

        /// <summary>The state of every open document and planned mode, to go back to when one remedy is declined.</summary>
        public Snapshot TakeSnapshot() =>
            new Snapshot(documents.Values.ToDictionary(d => d.Path, d => d.Text, StringComparer.Ordinal),
                new Dictionary<string, uint>(pendingModes, StringComparer.Ordinal), new Dictionary<string, NewFile>(pendingFiles, StringComparer.Ordinal));

        /// <summary>Undoes every edit made after <paramref name="snapshot"/> was taken, keeping those made before.</summary>
        public void RestoreSnapshot(Snapshot snapshot)
        {
            foreach (var doc in documents.Values)
            {
                if (!snapshot.Texts.TryGetValue(doc.Path, out var text))
                {
                    doc.Revert();
                }
                else if (!string.Equals(doc.Text, text, StringComparison.Ordinal))
                {
                    doc.Replace(0, doc.Text.Length, text);
                }
            }
            pendingModes = snapshot.Modes.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
            pendingFiles = snapshot.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        }

        /// <summary>Files whose text or planned mode differs from <paramref name="snapshot"/>.</summary>
        public IReadOnlyList<string> ChangedSince(Snapshot snapshot)
        {
            var changed = documents.Values
                .Where(d => snapshot.Texts.TryGetValue(d.Path, out var text) ? !string.Equals(d.Text, text, StringComparison.Ordinal) : d.IsChanged)
                .Select(d => d.Path)
                .ToList();
            foreach (var mode in pendingModes)
            {
                if ((!snapshot.Modes.TryGetValue(mode.Key, out var before) || before != mode.Value) && !changed.Contains(mode.Key))
                {
                    changed.Add(mode.Key);
                }
            }
            foreach (var file in pendingFiles)
            {
                if ((!snapshot.Files.TryGetValue(file.Key, out var before) || !ReferenceEquals(before, file.Value)) && !changed.Contains(file.Key))
                {
                    changed.Add(file.Key);
                }
            }
            return changed;
        }

        /// <summary>Drops every edit not yet written.</summary>
        public void RevertPending()
        {
            foreach (var doc in documents.Values)
            {
                doc.Revert();
            }
            pendingModes.Clear();
            pendingFiles.Clear();
        }

        /// <summary>Every file the pending edits, modes and new files would write.</summary>
        public IReadOnlyList<string> PendingPaths =>
            PendingDocuments.Select(d => d.Path).Concat(pendingFiles.Keys).Concat(pendingModes.Keys).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>
        /// Writes everything pending in one all-or-nothing commit: every file is checked first, then the
        /// lock and the backup set, then the atomic replaces, the new files and the modes. When one write
        /// fails, those already made are put back, so the home is as it was, and the error is thrown.
        /// </summary>
        public IReadOnlyList<string> CommitPending()
        {
            var pending = PendingDocuments;
            if (pending.Count == 0 && pendingModes.Count == 0 && pendingFiles.Count == 0)
            {
                return new string[0];
            }
            // Every file is checked before the first one is written, so a refusal writes nothing; and under the home's
            // lock, so another run cannot commit between this check and this commit's writes.
            homeLock = homeLock ?? ProductHomeLock.Acquire(ProductHome);
            var encoded = new Dictionary<TextDocument, byte[]>();
            foreach (var doc in pending)
            {
                var current = ReadCurrent(doc.Path);
                if (current == null || !current.SequenceEqual(doc.OriginalBytes))
                {
                    throw new CarbonOpsException(ErrorIds.ConfigFileNotWritable,
                        $"'{doc.Path}' changed on disk after this run read it; it was not overwritten. Run again.", doc.Path);
                }
                AtomicFile.EnsureWritable(doc.Path);
                encoded[doc] = doc.ToBytes();
            }
            foreach (var file in pendingFiles.Values)
            {
                var current = ReadCurrent(file.Path);
                if (!SameBytes(current, file.Before))
                {
                    throw new CarbonOpsException(ErrorIds.ConfigFileNotWritable,
                        $"'{file.Path}' changed on disk after this run read it; it was not overwritten. Run again.", file.Path);
                }
            }
            EnsureLockAndBackupSet();
            BackupStore.Save(backup, pending.Select(d => d.Path).Concat(pendingFiles.Keys), pendingModes.Keys);

            var undo = new Stack<Action>();
            var written = new List<string>();
            try
            {
                foreach (var doc in pending)
                {
                    AtomicFile.RemoveStaleTemporaries(doc.Path);
                    AtomicFile.Replace(doc.Path, encoded[doc]);
                    var original = doc.OriginalBytes;
                    undo.Push(() => AtomicFile.Replace(doc.Path, original));
                    written.Add(doc.Path);
                }
                foreach (var file in pendingFiles.Values)
                {
                    AtomicFile.RemoveStaleTemporaries(file.Path);
                    var mode = PosixFile.Stat(file.Path)?.Mode;
                    AtomicFile.Create(file.Path, file.Bytes, file.UnixMode);
                    undo.Push(file.Before == null
                        ? (Action)(() => File.Delete(file.Path))
                        : () => AtomicFile.Create(file.Path, file.Before, mode ?? file.UnixMode));
                    written.Add(file.Path);
                }
                foreach (var mode in pendingModes)
                {
                    var old = PosixFile.Stat(mode.Key)?.Mode;
                    try
                    {
                        PosixFile.SetMode(mode.Key, mode.Value);
                    }
                    catch (CarbonOpsException ex)
                    {
                        throw new CarbonOpsException(ErrorIds.ConfigFileNotWritable, ex.Message + " The mode was left as it was.", mode.Key, 0, ex);
                    }
                    if (old.HasValue)
                    {
                        undo.Push(() => PosixFile.SetMode(mode.Key, old.Value));
                    }
                    if (!written.Contains(mode.Key))
                    {
                        written.Add(mode.Key);
                    }
                }
            }
            catch (CarbonOpsException ex)
            {
                var restored = Undo(undo);
                throw new CarbonOpsException(ex.ErrorId,
                    ex.Message + (restored ? " Every file this commit had written was put back; the home is as it was." : $" Some files could not be put back: restore the backup set '{backup.BackupPath}'."),
                    ex.TargetPath, 0, ex);
            }
            foreach (var doc in pending)
            {
                doc.AcceptCurrent(encoded[doc]);
            }
            foreach (var file in pendingFiles.Keys)
            {
                documents.Remove(file);
                xml.Remove(file);
                properties.Remove(file);
            }
            pendingFiles.Clear();
            pendingModes.Clear();
            return written;
        }


        private static bool Undo(Stack<Action> undo)
        {
            var complete = true;
            while (undo.Count > 0)
            {
                try
                {
                    undo.Pop()();
                }
                catch (Exception ex) when (ex is CarbonOpsException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    complete = false;
                }
            }
            return complete;
        }

        private static bool SameBytes(byte[] a, byte[] b) => a == null ? b == null : b != null && a.SequenceEqual(b);

        public void Dispose()
        {
            // A run whose every write failed leaves no empty set behind for Get-CarbonBackup to list.
            if (backup != null && BackupStore.IsEmpty(backup))
            {
                BackupStore.Discard(backup);
            }
            homeLock?.Dispose();
            homeLock = null;
        }

        private void EnsureLockAndBackupSet()
        {
            if (homeLock == null)
            {
                homeLock = ProductHomeLock.Acquire(ProductHome);
            }
            if (backup == null)
            {
                backup = BackupStore.Create(ProductHome);
            }
        }

        private static byte[] ReadCurrent(string path)
        {
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (DirectoryNotFoundException)
            {
                return null;
            }
        }
    }

    /// <summary>The texts of a session's open documents, its planned modes and new files at one moment.</summary>
    public sealed class Snapshot
    {
        internal Snapshot(IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, uint> modes, IReadOnlyDictionary<string, NewFile> files)
        {
            Texts = texts;
            Modes = modes;
            Files = files;
        }

        public IReadOnlyDictionary<string, string> Texts { get; }
        public IReadOnlyDictionary<string, uint> Modes { get; }
        public IReadOnlyDictionary<string, NewFile> Files { get; }
    }

    /// <summary>A file planned to be written whole, with the bytes it had when planned (null: it did not exist).</summary>
    public sealed class NewFile
    {
        internal NewFile(string path, byte[] bytes, uint unixMode, byte[] before)
        {
            Path = path;
            Bytes = bytes;
            UnixMode = unixMode;
            Before = before;
        }

        public string Path { get; }
        public byte[] Bytes { get; }
        public uint UnixMode { get; }
        public byte[] Before { get; }
    }
}
