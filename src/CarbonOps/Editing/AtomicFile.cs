using System;
using System.IO;
using System.Linq;
using CarbonOps.Host;

namespace CarbonOps.Editing
{
    /// <summary>Writes a file whole or not at all: temporary file in the same folder, flushed to disk, renamed over the original.</summary>
    public static class AtomicFile
    {
        /// <summary>
        /// Replaces <paramref name="path"/> with <paramref name="bytes"/>, keeping its mode and owner.
        /// A file without write permission is refused rather than replaced (renaming over it would succeed).
        /// </summary>
        public static void Replace(string path, byte[] bytes)
        {
            var original = EnsureWritable(path);
            Write(path, bytes, original, original?.Mode);
        }

        /// <summary>Creates a new file (or replaces one) with the given permission bits on Unix.</summary>
        public static void Create(string path, byte[] bytes, uint unixMode)
        {
            Write(path, bytes, PosixFile.Stat(path), unixMode);
        }

        private static void Write(string path, byte[] bytes, PosixFile.Status? owner, uint? mode)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            var temp = Path.Combine(folder, TemporaryPrefix(path) + Guid.NewGuid().ToString("N").Substring(0, 8) + TemporarySuffix);
            try
            {
                var stream = FileStep.Run(FileStepKind.Create, temp, () => new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None));
                try
                {
                    // Owner-only before the first byte: a process killed mid-write leaves this file
                    // behind, and the bytes may hold passwords.
                    PosixFile.SetMode(temp, 0x180);
                    FileStep.Run(FileStepKind.Write, temp, () => stream.Write(bytes, 0, bytes.Length));
                    FileStep.Run(FileStepKind.Flush, temp, () =>
                    {
                        stream.Flush(true);
                        stream.Dispose();
                    });
                }
                catch (CarbonOpsException)
                {
                    // Closing retries the write that just failed, and its error would hide which step it was.
                    Close(stream);
                    throw;
                }
                if (owner.HasValue)
                {
                    PosixFile.CopyOwner(temp, owner.Value);
                }
                if (mode.HasValue)
                {
                    PosixFile.SetMode(temp, mode.Value);
                }
                FileStep.Run(FileStepKind.Rename, path, () =>
                {
                    if (File.Exists(path))
                    {
                        File.Replace(temp, path, null);
                    }
                    else
                    {
                        File.Move(temp, path);
                    }
                });
            }
            catch (CarbonOpsException ex)
            {
                TryDelete(temp);
                throw new CarbonOpsException(ErrorIds.ConfigFileNotWritable,
                    $"Cannot write '{path}': {ex.Message} The file was left as it was.", path, 0, ex);
            }
        }

        /// <summary>
        /// Deletes the temporary files that writes of <paramref name="path"/> by a killed process left
        /// in its folder. Call it only while holding the product home's lock: then no live run is
        /// writing them. Returns how many were removed.
        /// </summary>
        public static int RemoveStaleTemporaries(string path)
        {
            var stale = StaleTemporaries(path);
            foreach (var file in stale)
            {
                TryDelete(file);
            }
            return stale.Length;
        }

        /// <summary>Temporary files of writes of <paramref name="path"/> present in its folder.</summary>
        public static string[] StaleTemporaries(string path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!Directory.Exists(folder))
            {
                return new string[0];
            }
            var prefix = TemporaryPrefix(path);
            return Directory.GetFiles(folder, prefix + "*" + TemporarySuffix)
                .Where(f => Path.GetFileName(f).Length == prefix.Length + 8 + TemporarySuffix.Length)
                .ToArray();
        }

        private const string TemporarySuffix = ".carbonops-tmp";

        private static string TemporaryPrefix(string path) => "." + Path.GetFileName(path) + ".";

        internal static PosixFile.Status? EnsureWritable(string path)
        {
            if (!File.Exists(path))
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"The file '{path}' does not exist (it may have been removed during the run).", path);
            }
            var status = PosixFile.Stat(path);
            var readOnly = status.HasValue ? (status.Value.Mode & 0x80 /* owner write */) == 0 : (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0;
            if (readOnly)
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileNotWritable,
                    $"'{path}' is read-only; CarbonOps does not override that. Make it writable and run again.", path);
            }
            return status;
        }

        private static void Close(Stream stream)
        {
            try
            {
                stream.Dispose();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
