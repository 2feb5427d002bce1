using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace CarbonOps.Host
{
    /// <summary>Reads text entries of a jar (a zip file) without a JVM.</summary>
    public static class JarFile
    {
        /// <summary>The text of the first entry whose full name satisfies <paramref name="match"/>; null when none does.</summary>
        /// <exception cref="InvalidDataException">The file is not a zip archive.</exception>
        public static string ReadEntry(string jarPath, Func<string, bool> match)
        {
            using (var stream = File.OpenRead(jarPath))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read))
            {
                var entry = zip.Entries.FirstOrDefault(e => match(e.FullName));
                if (entry == null)
                {
                    return null;
                }
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                {
                    return reader.ReadToEnd();
                }
            }
        }

        /// <summary>A key=value line of a .properties text (the simple form jars carry).</summary>
        public static string PropertyValue(string text, string key)
        {
            foreach (var line in (text ?? "").Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith(key + "=", StringComparison.Ordinal))
                {
                    return trimmed.Substring(key.Length + 1).Trim();
                }
            }
            return null;
        }
    }
}
