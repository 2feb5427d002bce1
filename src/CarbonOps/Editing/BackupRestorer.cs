using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Host;

namespace CarbonOps.Editing
{
    /// <summary>
    /// Puts back the exact bytes of a backup set, and removes files the run created. A restore is itself
    /// backed up: before it changes a file it saves the file's current bytes (or mode, or absence) into a
    /// new backup set, so restoring that set undoes the restore. A restore that changes nothing (the set
    /// was restored already) writes nothing and makes no set.
    /// </summary>
    public static class BackupRestorer
    {
        public sealed class Step
        {
            internal Step(string path, RestoreStatus status, string message)
            {
                Path = path;
                Status = status;
                Message = message;
            }

            public string Path { get; }
            public RestoreStatus Status { get; }
            public string Message { get; }

            /// <summary>The backup set holding what this restore replaced, or null while it has replaced nothing.</summary>
            public string UndoPath { get; internal set; }
        }

        /// <param name="shouldProcess">Asked once per file that would change: (path, action) → go ahead.</param>
        public static IEnumerable<Step> Restore(BackupManifest manifest, Func<string, string, bool> shouldProcess)
        {
            if (!Directory.Exists(manifest.ProductHome))
            {
                throw new CarbonOpsException(ErrorIds.ProductHomeNotFound, $"The product home '{manifest.ProductHome}' of backup set '{manifest.BackupPath}' does not exist.", manifest.ProductHome);
            }
            // Verify every saved copy before touching anything, so a corrupt set restores nothing.
            var saved = manifest.Entries.Where(e => e.Existed).ToDictionary(e => e.RelativePath, e => BackupStore.ReadSaved(manifest, e));
            using (ProductHomeLock.Acquire(manifest.ProductHome))
            {
                var undo = new Undo(manifest.ProductHome);
                try
                {
                    foreach (var entry in manifest.Entries)
                    {
                        var step = RestoreOne(manifest, entry, entry.Existed ? saved[entry.RelativePath] : null, undo, shouldProcess);
                        if (step.Status != RestoreStatus.Failed)
                        {
                            RemoveStaleTemporaries(step.Path, shouldProcess);
                        }
                        step.UndoPath = undo.Path;
                        yield return step;
                    }
                    // Modes after bytes: a restored file keeps the mode it has, so the old mode goes on last.
                    foreach (var mode in manifest.Modes)
                    {
                        var step = RestoreMode(manifest, mode, undo, shouldProcess);
                        step.UndoPath = undo.Path;
                        yield return step;
                    }
                }
                finally
                {
                    undo.DiscardIfEmpty();
                }
            }
        }

        /// <summary>The backup set of a restore, made at its first change.</summary>
        private sealed class Undo
        {
            private readonly string productHome;
            private BackupManifest set;

            public Undo(string productHome) => this.productHome = productHome;

            public string Path => set?.BackupPath;

            public void Save(string path) => BackupStore.Save(Set(), path);

            public void SaveMode(string path) => BackupStore.SaveMode(Set(), path);

            public void DiscardIfEmpty()
            {
                if (set != null && BackupStore.IsEmpty(set))
                {
                    BackupStore.Discard(set);
                }
            }

            private BackupManifest Set() => set ?? (set = BackupStore.Create(productHome));
        }

        private static Step RestoreOne(BackupManifest manifest, BackupEntry entry, byte[] original, Undo undo, Func<string, string, bool> shouldProcess)
        {
            var path = Path.Combine(manifest.ProductHome, entry.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            var exists = File.Exists(path);
            if (original == null)
            {
                if (!exists)
                {
                    return new Step(path, RestoreStatus.AlreadyOriginal, "The file did not exist before the run and does not exist now.");
                }
                if (!shouldProcess(path, "Remove the file that the run created"))
                {
                    return new Step(path, RestoreStatus.WhatIf, "Would remove the file that the run created.");
                }
                return Try(path, () =>
                {
                    undo.Save(path);
                    FileStep.Run(FileStepKind.Delete, path, () => File.Delete(path));
                }, RestoreStatus.Removed, "Removed the file that the run created.");
            }
            if (exists && File.ReadAllBytes(path).SequenceEqual(original))
            {
                return new Step(path, RestoreStatus.AlreadyOriginal, "The file already holds the backed-up bytes.");
            }
            if (!shouldProcess(path, "Restore the bytes saved in " + manifest.BackupPath))
            {
                return new Step(path, RestoreStatus.WhatIf, "Would restore the backed-up bytes.");
            }
            return Try(path, () =>
            {
                undo.Save(path);
                if (exists)
                {
                    AtomicFile.Replace(path, original);
                }
                else
                {
                    var folder = Path.GetDirectoryName(path);
                    FileStep.Run(FileStepKind.CreateDirectory, folder, () => Directory.CreateDirectory(folder));
                    AtomicFile.Create(path, original, 0x1a4);
                }
            }, RestoreStatus.Restored, "Restored the backed-up bytes.");
        }

        private static Step RestoreMode(BackupManifest manifest, BackupModeEntry entry, Undo undo, Func<string, string, bool> shouldProcess)
        {
            var path = Path.Combine(manifest.ProductHome, entry.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            var octal = Convert.ToString(entry.Mode, 8).PadLeft(4, '0');
            var current = PosixFile.Stat(path);
            if (current == null)
            {
                return new Step(path, RestoreStatus.Failed, $"Cannot read the permissions of '{path}'; mode {octal} was not restored.");
            }
            if (current.Value.Mode == entry.Mode)
            {
                return new Step(path, RestoreStatus.AlreadyOriginal, $"The file already has mode {octal}.");
            }
            if (!shouldProcess(path, "Restore the permission bits " + octal))
            {
                return new Step(path, RestoreStatus.WhatIf, $"Would restore mode {octal}.");
            }
            return Try(path, () =>
            {
                undo.SaveMode(path);
                PosixFile.SetMode(path, entry.Mode);
            }, RestoreStatus.Restored, $"Restored mode {octal}.");
        }

        /// <summary>A run killed while writing a file leaves its temporary file beside it; the lock is ours, so it is stale.</summary>
        private static void RemoveStaleTemporaries(string path, Func<string, string, bool> shouldProcess)
        {
            foreach (var stale in AtomicFile.StaleTemporaries(path))
            {
                if (shouldProcess(stale, "Remove the temporary file that an interrupted run left"))
                {
                    try
                    {
                        File.Delete(stale);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                    }
                }
            }
        }

        private static Step Try(string path, Action action, RestoreStatus success, string message)
        {
            try
            {
                action();
                return new Step(path, success, message);
            }
            catch (CarbonOpsException ex)
            {
                return new Step(path, RestoreStatus.Failed, ex.Message);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return new Step(path, RestoreStatus.Failed, $"Cannot restore '{path}': {ex.Message}");
            }
        }
    }
}
