using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// The files opened under a folder while it watches, as Linux's inotify reports them (IN_OPEN on every
    /// folder that exists when it starts). It sees what a cmdlet really opens, whatever code path opened it.
    /// </summary>
    public sealed class FileOpenWatcher : IDisposable
    {
        private const uint InOpen = 0x20;
        private const uint InQueueOverflow = 0x4000;
        private const uint InIsDirectory = 0x40000000;
        private const int NonBlocking = 0x800;
        private const int EAGAIN = 11;

        private readonly int fd;
        private readonly Dictionary<int, string> folders = new Dictionary<int, string>();
        private readonly string root;

        public FileOpenWatcher(string root)
        {
            this.root = root;
            fd = inotify_init1(NonBlocking);
            if (fd < 0)
            {
                throw new Win32Exception(Marshal.GetLastWin32Error(), "inotify_init1 failed");
            }
            foreach (var folder in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Prepend(root))
            {
                var wd = inotify_add_watch(fd, folder, InOpen);
                if (wd < 0)
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error(), "inotify_add_watch failed for " + folder);
                }
                folders[wd] = folder;
            }
        }

        /// <summary>Relative paths (with '/') of the files opened since the last call, folders left out.</summary>
        public HashSet<string> Opened()
        {
            var opened = new HashSet<string>(StringComparer.Ordinal);
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var n = (int)read(fd, buffer, buffer.Length);
                if (n < 0)
                {
                    var errno = Marshal.GetLastWin32Error();
                    if (errno == EAGAIN)
                    {
                        return opened;
                    }
                    throw new Win32Exception(errno, "reading inotify events failed");
                }
                for (var at = 0; at < n;)
                {
                    var wd = BitConverter.ToInt32(buffer, at);
                    var mask = BitConverter.ToUInt32(buffer, at + 4);
                    var length = BitConverter.ToInt32(buffer, at + 12);
                    var name = Encoding.UTF8.GetString(buffer, at + 16, length).TrimEnd('\0');
                    at += 16 + length;
                    if ((mask & InQueueOverflow) != 0)
                    {
                        throw new InvalidOperationException("The inotify queue overflowed: some opens were not seen.");
                    }
                    if ((mask & InOpen) != 0 && (mask & InIsDirectory) == 0 && name.Length > 0 && folders.TryGetValue(wd, out var folder))
                    {
                        opened.Add(Path.GetRelativePath(root, Path.Combine(folder, name)).Replace('\\', '/'));
                    }
                }
            }
        }

        public void Dispose() => close(fd);

        [DllImport("libc", SetLastError = true)]
        private static extern int inotify_init1(int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int inotify_add_watch(int fd, string path, uint mask);

        [DllImport("libc", SetLastError = true)]
        private static extern nint read(int fd, byte[] buffer, nint count);

        [DllImport("libc")]
        private static extern int close(int fd);
    }
}
