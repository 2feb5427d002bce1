using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace CarbonOps.Tests.Support
{
    /// <summary>A folder under the system temp folder, deleted on dispose; copies of homes go here.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "carbonops-test-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        /// <summary>Copies a folder (a product home) in, keeping file modes, and returns the copy's path.</summary>
        public string CopyHome(string source, string name = null)
        {
            var target = System.IO.Path.Combine(Path, name ?? System.IO.Path.GetFileName(source.TrimEnd('/')));
            CopyTree(source, target);
            return target;
        }

        public string Write(string relative, string text)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full));
            File.WriteAllText(full, text);
            return full;
        }

        public static void CopyTree(string source, string target)
        {
            Directory.CreateDirectory(target);
            foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            {
                Directory.CreateDirectory(System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, dir)));
            }
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var dest = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
                File.Copy(file, dest, true);
                if (!OperatingSystem.IsWindows())
                {
                    // The corpus is read-only; copies must be writable like a real install.
                    File.SetUnixFileMode(dest, File.GetUnixFileMode(file) | UnixFileMode.UserWrite | UnixFileMode.UserRead);
                }
            }
        }

        /// <summary>SHA-256 of every file under a folder, by relative path, leaving out CarbonOps' own state folder.</summary>
        public static string TreeHash(string root)
        {
            using var sha = SHA256.Create();
            var lines = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(r => !r.StartsWith(".carbonops/", StringComparison.Ordinal))
                .OrderBy(r => r, StringComparer.Ordinal)
                .Select(r => r + ":" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(System.IO.Path.Combine(root, r)))));
            return Convert.ToHexString(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines))));
        }

        private bool IsUnderLink(string file)
        {
            for (var dir = System.IO.Path.GetDirectoryName(file); dir != null && dir.Length > Path.Length; dir = System.IO.Path.GetDirectoryName(dir))
            {
                if (new DirectoryInfo(dir).LinkTarget != null)
                {
                    return true;
                }
            }
            return false;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, true);
                return;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // A read-only file or folder inside (a test's own, or the corpus's modes): made writable below, then deleted.
            }
            try
            {
                // Symbolic links are skipped: a mode set through a link changes its target, which may be a real JDK.
                var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
                foreach (var file in Directory.GetFiles(Path, "*", walk))
                {
                    // A link's target may be outside the folder (a real JDK): never change its mode.
                    if (new FileInfo(file).LinkTarget != null || !file.StartsWith(Path, StringComparison.Ordinal) || IsUnderLink(file))
                    {
                        continue;
                    }
                    File.SetAttributes(file, FileAttributes.Normal);
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                }
                Directory.Delete(Path, true);
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
