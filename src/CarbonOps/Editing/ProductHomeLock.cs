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
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                return new ProductHomeLock(stream, path);
            }
            catch (IOException ex)
            {
                throw new CarbonOpsException(ErrorIds.ProductHomeLocked,
                    $"Another CarbonOps run is changing '{productHome}' (lock file '{path}'). Wait for it to finish and run again.",
                    productHome, 0, ex);
            }
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
                Directory.CreateDirectory(folder);
                PosixFile.SetMode(folder, 0x1c0 /* 0700 */);
            }
            return folder;
        }
    }
}
