using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using CarbonOps.Editing;

namespace CarbonOps.Host
{
    /// <summary>Finds programs the way a shell does: the first match along PATH.</summary>
    public static class ExecutableSearch
    {
        public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>The file name of a program on this platform (java, java.exe).</summary>
        public static string ProgramFile(string name) => IsWindows ? name + ".exe" : name;

        /// <summary>The first <paramref name="name"/> on <paramref name="pathVariable"/>, as found (links not resolved); null when none.</summary>
        public static string FindOnPath(string name, string pathVariable)
        {
            if (string.IsNullOrEmpty(pathVariable))
            {
                return null;
            }
            var names = IsWindows && Path.GetExtension(name).Length == 0
                ? new[] { name + ".exe", name + ".cmd", name + ".bat", name }
                : new[] { name };
            foreach (var dir in pathVariable.Split(Path.PathSeparator).Select(d => d.Trim().Trim('"')).Where(d => d.Length > 0))
            {
                foreach (var candidate in names)
                {
                    string full;
                    try
                    {
                        full = Path.Combine(dir, candidate);
                    }
                    catch (ArgumentException)
                    {
                        break;
                    }
                    if (File.Exists(full) && IsExecutable(full))
                    {
                        return full;
                    }
                }
            }
            return null;
        }

        /// <summary>A system program (nft, apt-get): on PATH, else in the sbin and bin folders a user's PATH often lacks; null when none.</summary>
        public static string FindSystemProgram(string name) =>
            FindOnPath(name, Environment.GetEnvironmentVariable("PATH"))
            ?? FindOnPath(name, string.Join(Path.PathSeparator.ToString(), "/usr/sbin", "/sbin", "/usr/bin", "/bin"));

        /// <summary>The path with symbolic links resolved where the platform can; the full path otherwise.</summary>
        public static string RealPath(string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return path;
            }
            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return path;
            }
            return IsWindows ? full : PosixNative.RealPath(full) ?? full;
        }

        /// <summary>Whether two paths name the same file once links are resolved.</summary>
        public static bool SameFile(string a, string b) =>
            string.Equals(RealPath(a), RealPath(b), IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        private static bool IsExecutable(string path)
        {
            if (IsWindows)
            {
                return true;
            }
            var status = PosixFile.Stat(path);
            return !status.HasValue || (status.Value.Mode & 0x49) != 0; // any of the x bits (0111)
        }
    }
}
