using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

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

        /// <summary>Documents with edits not yet written.</summary>
        public IReadOnlyList<TextDocument> PendingDocuments => documents.Values.Where(d => d.IsChanged).ToList();

        /// <summary>Drops every edit not yet written.</summary>
        public void RevertPending()
        {
            foreach (var doc in documents.Values)
            {
                doc.Revert();
            }
        }

        /// <summary>Writes every pending document: lock, backup, then an atomic replace of each.</summary>
        public IReadOnlyList<string> CommitPending()
        {
            var pending = PendingDocuments;
            if (pending.Count == 0)
            {
                return new string[0];
            }
            EnsureLockAndBackupSet();
            var written = new List<string>();
            foreach (var doc in pending)
            {
                var current = ReadCurrent(doc.Path);
                if (current == null || !current.SequenceEqual(doc.OriginalBytes))
                {
                    throw new CarbonOpsException(ErrorIds.ConfigFileNotWritable,
                        $"'{doc.Path}' changed on disk after this run read it; it was not overwritten. Run again.", doc.Path);
                }
                var bytes = doc.ToBytes();
                BackupStore.Save(backup, doc.Path);
                AtomicFile.RemoveStaleTemporaries(doc.Path);
                AtomicFile.Replace(doc.Path, bytes);
                doc.AcceptCurrent(bytes);
                written.Add(doc.Path);
            }
            return written;
        }

        /// <summary>Creates or replaces a file that is not edited in place (a new wrapper script, a password file).</summary>
        public void WriteNewFile(string path, byte[] bytes, uint unixMode)
        {
            var full = Path.GetFullPath(path);
            EnsureLockAndBackupSet();
            BackupStore.Save(backup, full);
            AtomicFile.RemoveStaleTemporaries(full);
            AtomicFile.Create(full, bytes, unixMode);
            documents.Remove(full);
        }

        public void Dispose()
        {
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
        }
    }
}
