using System;
using System.IO;
using System.Runtime.InteropServices;

namespace CarbonOps.Host
{
    /// <summary>File mode and owner on Linux, where .NET Standard 2.0 has no API for them.</summary>
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

        public static void SetMode(string path, uint mode)
        {
            if (IsUnix && chmod(path, mode) != 0)
            {
                throw new IOException($"Cannot set the permissions of '{path}' (errno {Marshal.GetLastWin32Error()}).");
            }
        }

        /// <summary>Gives <paramref name="path"/> the owner and group of <paramref name="status"/>.</summary>
        public static void CopyOwner(string path, Status status)
        {
            var current = Stat(path);
            if (current.HasValue && (current.Value.Uid != status.Uid || current.Value.Gid != status.Gid)
                && chown(path, (int)status.Uid, (int)status.Gid) != 0)
            {
                throw new IOException($"Cannot give '{path}' the owner of the file it replaces (errno {Marshal.GetLastWin32Error()}).");
            }
        }

        public static uint EffectiveUserId() => IsUnix ? geteuid() : uint.MaxValue;

        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string path, uint mode);

        [DllImport("libc", SetLastError = true)]
        private static extern int chown(string path, int owner, int group);

        [DllImport("libc")]
        private static extern uint geteuid();
    }
}
