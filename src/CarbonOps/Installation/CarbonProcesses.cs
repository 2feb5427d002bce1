using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using CarbonOps.Host;

namespace CarbonOps.Installation
{
    /// <summary>
    /// Carbon JVMs on this host: processes whose command line runs the bootstrap class, matched to a
    /// product home by their -Dcarbon.home=. This is the test every signal goes through: a pid from a
    /// pid file is only ever signalled when it passes <see cref="BelongsTo"/>.
    /// </summary>
    public static class CarbonProcesses
    {
        public static IEnumerable<LinuxProcess> All() => LinuxProcess.All().Where(IsCarbonJvm);

        public static bool IsCarbonJvm(LinuxProcess process) =>
            process != null && process.Arguments.Contains(InstanceDiscovery.BootstrapClass) && InstanceDiscovery.CarbonHomeArgument(process.Arguments) != null;

        /// <summary>The canonical product home of a Carbon JVM (a relative -Dcarbon.home= is taken from its working folder).</summary>
        public static string HomeOf(LinuxProcess process)
        {
            var home = InstanceDiscovery.CarbonHomeArgument(process.Arguments);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }
            if (!Path.IsPathRooted(home))
            {
                home = "/proc/" + process.ProcessId + "/cwd/" + home;
            }
            return Canonical(home);
        }

        public static bool BelongsTo(LinuxProcess process, string productHome) =>
            IsCarbonJvm(process) && string.Equals(HomeOf(process), Canonical(productHome), StringComparison.Ordinal);

        /// <summary>The live Carbon JVMs of one home, oldest first (normally none or one).</summary>
        public static List<LinuxProcess> Of(string productHome)
        {
            var home = Canonical(productHome);
            return All().Where(p => string.Equals(HomeOf(p), home, StringComparison.Ordinal)).OrderBy(p => p.StartTicks).ToList();
        }

        /// <summary>The path with symbolic links resolved and no trailing separator; the full path where that fails.</summary>
        public static string Canonical(string path)
        {
            var full = Path.GetFullPath(path);
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                try
                {
                    var resolved = realpath(full, IntPtr.Zero);
                    if (resolved != IntPtr.Zero)
                    {
                        try
                        {
                            full = Marshal.PtrToStringAnsi(resolved);
                        }
                        finally
                        {
                            free(resolved);
                        }
                    }
                }
                catch (EntryPointNotFoundException)
                {
                }
            }
            return full.Length > 1 ? full.TrimEnd('/', '\\') : full;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr realpath(string path, IntPtr resolved);

        [DllImport("libc")]
        private static extern void free(IntPtr pointer);
    }
}
