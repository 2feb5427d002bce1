using System;
using System.IO;
using CarbonOps.Host;

namespace CarbonOps.Editing
{
    /// <summary>
    /// An exclusive lock on a product home for the length of a run that writes to it. A second run
    /// does not wait: it fails at once with ProductHomeLocked. The lock file is deleted on release.
    /// </summary>
    public sealed class ProductHomeLock : IDisposable
    {
        private readonly FileStream stream;

        private ProductHomeLock(FileStream stream, string path)
        {
            this.stream = stream;
            Path = path;
        }

        public string Path { get; }

        public static ProductHomeLock Acquire(string productHome)
        {
            var folder = StateFolder.Ensure(productHome);
            var path = System.IO.Path.Combine(folder, "lock");
            try
            {
                var stream = FileStep.Run(FileStepKind.Lock, path,
                    () => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
                return new ProductHomeLock(stream, path);
            }
            catch (CarbonOpsException ex) when (ex.InnerException is IOException io && HeldByAnother(io))
            {
                throw new CarbonOpsException(ErrorIds.ProductHomeLocked,
                    $"Another CarbonOps run is changing '{productHome}' (lock file '{path}'). Wait for it to finish and run again.",
                    productHome, 0, io);
            }
        }

        /// <summary>The lock is taken (EWOULDBLOCK on Linux and macOS, a sharing or lock violation on Windows), not a failure to create the file.</summary>
        private static bool HeldByAnother(IOException ex)
        {
            var code = ex.HResult & 0xffff;
            return ex.HResult == 11 || ex.HResult == 35 || (ex.HResult != code && (code == 32 || code == 33));
        }

        public void Dispose() => stream.Dispose();
    }

    /// <summary>The folder inside a product home where CarbonOps keeps its lock and backup sets (owner-only).</summary>
    internal static class StateFolder
    {
        public const string Name = ".carbonops";

        public static string PathFor(string productHome) => System.IO.Path.Combine(productHome, Name);

        public static string Ensure(string productHome)
        {
            var folder = PathFor(productHome);
            if (!Directory.Exists(folder))
            {
                PosixFile.CreateOwnerOnlyFolder(folder);
            }
            return folder;
        }
    }
}
