using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Editing;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// Files that hold passwords or keys must not be readable or writable by others, nor writable by the group.
    /// The remedy clears those bits (0644 → 0640) and records the old mode in the run's backup set.
    /// </summary>
    public sealed class FilePermissionsCheck : CarbonCheck
    {
        // Bits cleared: group write and execute, and everything for others.
        private const uint TooOpen = 0x1f; // 0037

        private static readonly string[] SecretFiles =
        {
            CarbonPaths.CarbonXml,
            CarbonPaths.UserMgtXml,
            CarbonPaths.MasterDatasourcesXml,
            CarbonPaths.Axis2Xml,
            "repository/conf/security/cipher-text.properties",
            "lib/cipher-text.properties",
            "password-persist",
            "password-persist.txt",
        };

        private const string KeystoreFolder = "repository/resources/security";

        public override string Id => CheckIds.SecurityFilePermissions;
        public override string Title => "Files holding passwords and keys are not open to other users";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Security guidelines for production deployment: protect configuration files and keystores";
        public override string RemediationText =>
            "Remove every permission of others and the group's write permission (chmod o-rwx,g-wx) from carbon.xml, user-mgt.xml, " +
            "master-datasources.xml, axis2.xml, the keystores, cipher-text.properties and password-persist.";
        public override bool CanRemediate => true;

        /// <summary>The files of the home that hold secrets and exist, relative to the home.</summary>
        public static IEnumerable<string> Files(CarbonHome home)
        {
            foreach (var relative in SecretFiles.Where(home.Exists))
            {
                yield return relative;
            }
            var keystores = home.FilePath(KeystoreFolder);
            if (Directory.Exists(keystores))
            {
                foreach (var file in Directory.GetFiles(keystores).Where(f => f.EndsWith(".jks", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f, StringComparer.Ordinal))
                {
                    yield return KeystoreFolder + "/" + Path.GetFileName(file);
                }
            }
        }

        private static bool IsLink(string path) => (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;

        public static string Octal(uint mode) => Convert.ToString(mode, 8).PadLeft(4, '0');

        public override CheckResult Evaluate(CheckContext context)
        {
            if (!PosixFile.Stat(context.Home.Path).HasValue)
            {
                return Skip(context, context.Home.Path, "POSIX permissions are read on Linux only; on Windows, review the files' ACLs.");
            }
            var open = new List<string>();
            var count = 0;
            var links = Files(context.Home).Where(r => IsLink(context.Home.FilePath(r))).ToList();
            foreach (var relative in Files(context.Home).Except(links))
            {
                var status = PosixFile.Stat(context.Home.FilePath(relative));
                count++;
                if (status.HasValue && (status.Value.Mode & TooOpen) != 0)
                {
                    open.Add($"{relative} {Octal(status.Value.Mode)}");
                }
            }
            const string expected = "no access for others, group at most read (e.g. 0640 or 0600)";
            if (count == 0)
            {
                return Skip(context, context.Home.Path, "None of the files that hold secrets exists in this home.");
            }
            var unchecked_ = links.Count == 0 ? "" : $"; links not checked: {string.Join(", ", links)}";
            return open.Count == 0
                ? Pass(context, expected, $"{count} files, none open{unchecked_}", context.Home.Path)
                : Fail(context, expected, string.Join(", ", open) + unchecked_, context.Home.Path,
                    $"{open.Count} file(s) holding passwords or keys can be read or changed by other users of the machine.");
        }

        public override void Remediate(RemediationContext context)
        {
            // A symbolic link is left alone: chmod would change its target, which may lie outside the home.
            foreach (var relative in Files(context.Home).Where(r => !IsLink(context.Home.FilePath(r))))
            {
                var path = context.Home.FilePath(relative);
                var status = PosixFile.Stat(path);
                if (!status.HasValue)
                {
                    continue;
                }
                var mode = status.Value.Mode & ~TooOpen;
                context.Record(path, "mode", Octal(status.Value.Mode), Octal(mode));
                context.Session.SetMode(path, mode);
            }
        }
    }
}
