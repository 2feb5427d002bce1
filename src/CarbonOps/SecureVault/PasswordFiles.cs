using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace CarbonOps.SecureVault
{
    /// <summary>
    /// The start-up password files Carbon 4.2.0 reads when Secure Vault is on, in its order: password-tmp
    /// (read, then overwritten and deleted), password-persist (kept), password (renamed to password-tmp).
    /// On Windows the names end in .txt.
    /// </summary>
    public static class PasswordFiles
    {
        private static string Suffix => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ".txt" : "";

        public static string TmpName => "password-tmp" + Suffix;
        public static string PersistName => "password-persist" + Suffix;
        public static string PlainName => "password" + Suffix;

        /// <summary>The names in the order Carbon reads them.</summary>
        public static IReadOnlyList<string> Names => new[] { TmpName, PersistName, PlainName };

        /// <summary>Full paths of the password files present in the home, in Carbon's order.</summary>
        public static IEnumerable<string> Existing(string home) =>
            Names.Select(n => Path.Combine(home, n)).Where(File.Exists);

        /// <summary>The password Carbon would read at start-up (the first line of the first file), or null.</summary>
        public static string ReadStartupPassword(string home)
        {
            foreach (var path in Existing(home))
            {
                try
                {
                    using (var reader = new StreamReader(path))
                    {
                        var line = reader.ReadLine();
                        if (!string.IsNullOrEmpty(line))
                        {
                            return line;
                        }
                    }
                }
                catch (IOException)
                {
                }
                catch (System.UnauthorizedAccessException)
                {
                }
            }
            return null;
        }
    }
}
