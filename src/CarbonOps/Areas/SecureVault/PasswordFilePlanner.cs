using System;
using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Keystores;
using CarbonOps.SecureVault;

namespace CarbonOps.Remedies
{
    /// <summary>The start-up password file Carbon reads when Secure Vault is on: written owner-only, after the password is shown to open the primary keystore.</summary>
    internal static class PasswordFilePlanner
    {
        public const string CheckId = CheckIds.SecurityPasswordFile;

        public static void Plan(RemediationContext changes, string password, bool persist)
        {
            var home = changes.Home;
            var primary = KeystoreLocations.Read(home).FirstOrDefault(k => k.Source == "carbon.xml Security/KeyStore");
            if (primary?.FullPath == null)
            {
                throw new CarbonOpsException(ErrorIds.ConfigElementNotFound, $"{home.FilePath(CarbonPaths.CarbonXml)} configures no primary keystore.", home.FilePath(CarbonPaths.CarbonXml));
            }
            KeystoreFile.Open(primary.FullPath, password.ToCharArray(), KeystoreFile.ParseType(primary.Type));
            var name = persist ? PasswordFiles.PersistName : PasswordFiles.TmpName;
            var other = persist ? PasswordFiles.TmpName : PasswordFiles.PersistName;
            var path = home.FilePath(name);
            if (home.Exists(other))
            {
                changes.Warn(persist
                    ? $"{other} also exists in the home, and Carbon reads it before {name}."
                    : $"{other} also exists in the home; Carbon reads {name} first, but {other} keeps the password on disk.");
            }
            var bytes = new System.Text.UTF8Encoding(false).GetBytes(password);
            var current = System.IO.File.Exists(path) ? System.IO.File.ReadAllBytes(path) : null;
            var mode = PosixFile.Stat(path)?.Mode;
            changes.Record(path, name, current == null ? null : System.Text.Encoding.UTF8.GetString(current), password, secret: true);
            if (current != null && PosixFile.IsUnix)
            {
                changes.Record(path, "mode", mode.HasValue ? Convert.ToString(mode.Value, 8) : null, "600");
            }
            changes.WriteFile(path, bytes, KeystoreOperations.OwnerOnly);
        }
    }
}
