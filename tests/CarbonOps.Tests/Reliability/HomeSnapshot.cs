using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// Every file and folder under a home, hidden ones and CarbonOps' own state folder included:
    /// each file's SHA-256 and permission bits. Two snapshots compare equal only when nothing was
    /// written, created, removed or re-permissioned.
    /// </summary>
    public sealed class HomeSnapshot
    {
        private HomeSnapshot(Dictionary<string, string> files, HashSet<string> folders)
        {
            Files = files;
            Folders = folders;
        }

        /// <summary>Relative path → "sha256 mode".</summary>
        public Dictionary<string, string> Files { get; }
        public HashSet<string> Folders { get; }

        public static HomeSnapshot Take(string root, bool includeState = true)
        {
            bool Keep(string relative) => includeState || !(relative == ".carbonops" || relative.StartsWith(".carbonops/", StringComparison.Ordinal));
            var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => (Full: f, Relative: Relative(root, f)))
                .Where(f => Keep(f.Relative))
                .ToDictionary(f => f.Relative, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.Full))) + " " + Mode(f.Full), StringComparer.Ordinal);
            var folders = Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Select(d => Relative(root, d)).Where(Keep).ToHashSet(StringComparer.Ordinal);
            return new HomeSnapshot(files, folders);
        }

        /// <summary>What differs, one line per path; empty when the snapshots are equal.</summary>
        public List<string> Diff(HomeSnapshot after)
        {
            var lines = new List<string>();
            foreach (var path in Files.Keys.Union(after.Files.Keys).OrderBy(p => p, StringComparer.Ordinal))
            {
                var had = Files.TryGetValue(path, out var a);
                var has = after.Files.TryGetValue(path, out var b);
                if (!had)
                {
                    lines.Add("created " + path);
                }
                else if (!has)
                {
                    lines.Add("removed " + path);
                }
                else if (a != b)
                {
                    lines.Add("changed " + path);
                }
            }
            lines.AddRange(after.Folders.Except(Folders).Select(f => "created folder " + f));
            lines.AddRange(Folders.Except(after.Folders).Select(f => "removed folder " + f));
            return lines;
        }

        public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

        public static string Mode(string path) =>
            OperatingSystem.IsWindows() ? "-" : Convert.ToString((int)File.GetUnixFileMode(path), 8);
    }
}
