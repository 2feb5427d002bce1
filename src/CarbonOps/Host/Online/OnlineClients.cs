using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CarbonOps.Host.Online
{
    /// <summary>
    /// Loads CarbonOps.Online.dll (MySqlConnector, Npgsql, System.DirectoryServices.Protocols; .NET 8 or later) from
    /// beside CarbonOps.dll on first use, so an import, and every audit without -Online, loads none of them.
    /// Windows PowerShell 5.1 runs on .NET Framework and cannot load it: <see cref="Unavailable"/> says so.
    /// </summary>
    public static class OnlineClients
    {
        public const string AssemblyFile = "CarbonOps.Online.dll";
        private const string ProbeType = "CarbonOps.Online.ClientProbe";
        private static readonly object Gate = new object();
        private static IOnlineProbe probe;
        private static string unavailable;

        /// <summary>The clients, or null when they cannot load here (then <see cref="Unavailable"/> says why).</summary>
        public static IOnlineProbe Probe
        {
            get
            {
                lock (Gate)
                {
                    if (probe == null && unavailable == null)
                    {
                        Load();
                    }
                    return probe;
                }
            }
        }

        /// <summary>Why the clients cannot load in this PowerShell, or null once they have loaded.</summary>
        public static string Unavailable
        {
            get
            {
                _ = Probe;
                return unavailable;
            }
        }

        private static void Load()
        {
            if (Environment.Version.Major < 8)
            {
                unavailable = $"The database and LDAP clients need PowerShell 7.4 or later (.NET 8 or later); this is {RuntimeInformation.FrameworkDescription.Trim()}.";
                return;
            }
            var path = Path.Combine(Path.GetDirectoryName(typeof(OnlineClients).Assembly.Location) ?? ".", AssemblyFile);
            if (!File.Exists(path))
            {
                unavailable = $"{AssemblyFile} is missing beside CarbonOps.dll ({path}); reinstall the module.";
                return;
            }
            try
            {
                probe = (IOnlineProbe)Activator.CreateInstance(Assembly.LoadFrom(path).GetType(ProbeType, throwOnError: true));
            }
            catch (Exception ex) when (ex is FileLoadException || ex is BadImageFormatException || ex is TypeLoadException || ex is FileNotFoundException || ex is TargetInvocationException)
            {
                unavailable = $"{AssemblyFile} did not load ({ex.GetType().Name}): {ex.Message}";
            }
        }
    }
}
