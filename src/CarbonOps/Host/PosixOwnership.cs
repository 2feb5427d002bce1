using System;
using System.Runtime.InteropServices;

namespace CarbonOps.Host
{
    /// <summary>Changing the owner of a path on Unix (the link itself for a symbolic link).</summary>
    public static class PosixOwnership
    {
        public static void Change(string path, uint userId, uint groupId)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                throw new PlatformNotSupportedException("File ownership by uid and gid is a Unix notion.");
            }
            if (lchown(path, userId, groupId) != 0)
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileNotWritable,
                    $"Cannot give '{path}' to uid {userId} gid {groupId} (errno {Marshal.GetLastWin32Error()}); changing an owner needs root.", path);
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int lchown(string path, uint owner, uint group);
    }
}
