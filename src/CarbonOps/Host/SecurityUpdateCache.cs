using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace CarbonOps.Host
{
    /// <summary>
    /// The last reading of pending security updates, kept on disk for the user under the key of what it was read
    /// from (the package lists, the installed set, the package manager's configuration). Asking apt costs about a
    /// second, because it rebuilds its package cache each time; the answer only changes when one of those files does,
    /// so a new process reads this instead. A file that does not parse or has another key is ignored.
    /// </summary>
    public sealed class SecurityUpdateCache
    {
        private const string Header = "carbonops-security-updates 1";

        public SecurityUpdateCache(string path)
        {
            Path = path;
        }

        /// <summary>$XDG_CACHE_HOME/carbonops (or ~/.cache/carbonops); null when the user has no home.</summary>
        public static SecurityUpdateCache ForUser()
        {
            var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(root))
            {
                var home = Environment.GetEnvironmentVariable("HOME");
                if (string.IsNullOrEmpty(home))
                {
                    return null;
                }
                root = System.IO.Path.Combine(home, ".cache");
            }
            return new SecurityUpdateCache(System.IO.Path.Combine(root, "carbonops", "security-updates.txt"));
        }

        public string Path { get; }

        /// <summary>The kept reading when it was made under <paramref name="key"/>, else null.</summary>
        public PendingSecurityUpdates Read(string key)
        {
            try
            {
                var lines = File.ReadAllLines(Path);
                if (lines.Length < 4 || lines[0] != Header || lines[1] != key)
                {
                    return null;
                }
                DateTime? metadata = lines[3].Length == 0 ? (DateTime?)null
                    : new DateTime(long.Parse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture), DateTimeKind.Utc);
                return new PendingSecurityUpdates(lines[2], lines.Skip(4).ToList(), metadata);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException || ex is OverflowException || ex is ArgumentException)
            {
                return null;
            }
        }

        /// <summary>Keeps a reading that answered (one that could not is asked again next time); a failure to write is ignored.</summary>
        public void Write(string key, PendingSecurityUpdates updates)
        {
            if (updates.Packages == null || key.Contains("\n"))
            {
                return;
            }
            var lines = new List<string> { Header, key, updates.Source, updates.MetadataTime?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "" };
            lines.AddRange(updates.Packages);
            var temp = Path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path));
                File.WriteAllLines(temp, lines);
                if (File.Exists(Path))
                {
                    File.Replace(temp, Path, null); // a rename: a reader never sees half a file
                }
                else
                {
                    File.Move(temp, Path);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
            finally
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
