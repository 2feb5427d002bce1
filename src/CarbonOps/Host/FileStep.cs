using System;
using System.IO;

namespace CarbonOps.Host
{
    /// <summary>The kinds of step that change the file system.</summary>
    internal enum FileStepKind
    {
        Create,
        Write,
        Flush,
        Rename,
        Chmod,
        Chown,
        CreateDirectory,
        Delete,
        Lock,
    }

    /// <summary>
    /// Every step by which CarbonOps changes the file system (create, write, flush, rename, chmod,
    /// chown, folder create, delete, lock) runs through <see cref="Run"/>. A failed step becomes a
    /// <see cref="CarbonOpsException"/> that names the step and the path.
    /// </summary>
    internal static class FileStep
    {
        /// <summary>
        /// Called before each step with its kind and path; an exception it throws is that step's failure.
        /// Null in production. Tests set it to fail the Nth step as a full disk or I/O error would.
        /// </summary>
        internal static Action<FileStepKind, string> Before;

        public static void Run(FileStepKind kind, string path, Action step)
        {
            try
            {
                Before?.Invoke(kind, path);
                step();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileNotWritable, $"{Describe(kind)} '{path}' failed: {ex.Message}", path, 0, ex);
            }
        }

        public static T Run<T>(FileStepKind kind, string path, Func<T> step)
        {
            var result = default(T);
            Run(kind, path, () => { result = step(); });
            return result;
        }

        private static string Describe(FileStepKind kind)
        {
            switch (kind)
            {
                case FileStepKind.Create: return "Creating";
                case FileStepKind.Write: return "Writing";
                case FileStepKind.Flush: return "Flushing to disk";
                case FileStepKind.Rename: return "Renaming into place";
                case FileStepKind.Chmod: return "Setting the permissions of";
                case FileStepKind.Chown: return "Setting the owner of";
                case FileStepKind.CreateDirectory: return "Creating the folder";
                case FileStepKind.Delete: return "Deleting";
                default: return "Locking";
            }
        }
    }
}
