using System;
using System.IO;
using System.Runtime.InteropServices;

namespace CarbonOps.Host
{
    /// <summary>File mode and owner on Linux, where .NET Standard 2.0 has no API for them. Changes go through <see cref="FileStep"/>.</summary>
    internal static class PosixFile
    {
        private const int AtFdCwd = -100;
        private const uint StatxBasicStats = 0x7ff;

        public static bool IsLinux => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

        public static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public struct Status
        {
            public uint Uid;
            public uint Gid;
            public uint Mode;        // permission bits only (07777)
        }

        /// <summary>Owner and permission bits of a path, or null where they cannot be read.</summary>
        public static Status? Stat(string path)
        {
            if (!IsLinux)
            {
                return null;
            }
            var buffer = new byte[256];
            try
            {
                if (statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
                {
                    return null;
                }
            }
            catch (EntryPointNotFoundException)
            {
                return null;
            }
            // struct statx: stx_uid at 20, stx_gid at 24, stx_mode (u16) at 28, the same on every architecture.
            return new Status
            {
                Uid = BitConverter.ToUInt32(buffer, 20),
                Gid = BitConverter.ToUInt32(buffer, 24),
                Mode = (uint)(BitConverter.ToUInt16(buffer, 28) & 0xfff),
            };
        }

        /// <summary>
        /// True only when the path certainly names nothing (ENOENT, through any symbolic link): opening it would fail with
        /// file or folder not found. False where that cannot be told (another error, or not Linux).
        /// </summary>
        public static bool IsMissing(string path)
        {
            if (!IsLinux)
            {
                return false;
            }
            try
            {
                return statx(AtFdCwd, path, 0, 0, new byte[256]) != 0 && Marshal.GetLastWin32Error() == NoSuchFile;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
        }

        private const int NoSuchFile = 2; // ENOENT

        public static void SetMode(string path, uint mode)
        {
            FileStep.Run(FileStepKind.Chmod, path, () =>
            {
                if (IsUnix && chmod(path, mode) != 0)
                {
                    throw new IOException($"errno {Marshal.GetLastWin32Error()}.");
                }
            });
        }

        /// <summary>Gives <paramref name="path"/> the owner and group of <paramref name="status"/>.</summary>
        public static void CopyOwner(string path, Status status)
        {
            var current = Stat(path);
            if (current.HasValue && (current.Value.Uid != status.Uid || current.Value.Gid != status.Gid))
            {
                FileStep.Run(FileStepKind.Chown, path, () =>
                {
                    if (chown(path, (int)status.Uid, (int)status.Gid) != 0)
                    {
                        throw new IOException($"errno {Marshal.GetLastWin32Error()} (giving it the owner of the file it replaces).");
                    }
                });
            }
        }

        /// <summary>
        /// Creates one folder that only its owner may open (0700). On Unix it is made with that mode,
        /// so no moment exists in which others could list it, and an interruption cannot leave it open.
        /// </summary>
        public static void CreateOwnerOnlyFolder(string path)
        {
            FileStep.Run(FileStepKind.CreateDirectory, path, () =>
            {
                if (!IsUnix)
                {
                    Directory.CreateDirectory(path);
                }
                else if (mkdir(path, 0x1c0) != 0 && !Directory.Exists(path))
                {
                    throw new IOException($"errno {Marshal.GetLastWin32Error()}.");
                }
            });
        }

        public static uint EffectiveUserId() => IsUnix ? geteuid() : uint.MaxValue;

        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string path, uint mode);

        [DllImport("libc", SetLastError = true)]
        private static extern int mkdir(string path, uint mode);

        [DllImport("libc", SetLastError = true)]
        private static extern int chown(string path, int owner, int group);

        [DllImport("libc")]
        private static extern uint geteuid();
    }
}
