using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// A fresh copy of the sample home for one case of a table-driven suite, whose passwords are
    /// replaced by distinctive values so a leak of any of them can be searched for. A case's
    /// arguments come from here: the home's path, a backup set, and secrets to pass as parameters.
    /// </summary>
    public sealed class CaseHome
    {
        private static int counter;
        private readonly List<string> secrets = new List<string>();
        private string backupSet;

        /// <param name="source">The home to copy; the sample home by default.</param>
        public CaseHome(TempFolder temp, bool plantSecrets = true, string source = null)
        {
            Path = temp.CopyHome(source ?? TestPaths.SampleHome, "wso2esb-4.8.1-" + System.Threading.Interlocked.Increment(ref counter));
            if (plantSecrets)
            {
                PlantSecrets();
            }
        }

        public string Path { get; }

        /// <summary>Every distinctive secret value of this case: planted in the home's files or handed to a cmdlet.</summary>
        public IReadOnlyList<string> Secrets => secrets;

        /// <summary>
        /// A backup set of this home, made by a hardening run, so the home now holds hardened files.
        /// Call it while building a case's arguments: the suites hash the home after that.
        /// </summary>
        public string BackupSet()
        {
            if (backupSet == null)
            {
                var home = CarbonHome.Open(Path);
                using var session = new EditSession(Path);
                foreach (var check in CheckCatalog.All.Where(c => c.Scope == CheckScope.Product && c.CanRemediate))
                {
                    HardeningEngine.Remediate(check, home, session, new RemediationOptions(), "test", (_, _) => true).ToList();
                }
                backupSet = session.BackupPath ?? throw new InvalidOperationException("The hardening run that prepares a backup set changed nothing.");
            }
            return backupSet;
        }

        /// <summary>A distinctive password as a SecureString, for a cmdlet that takes one.</summary>
        public SecureString Secret(string purpose)
        {
            var value = NewSecret(purpose);
            var secure = new SecureString();
            foreach (var c in value)
            {
                secure.AppendChar(c);
            }
            secure.MakeReadOnly();
            return secure;
        }

        public PSCredential Credential(string userName, string purpose) => new PSCredential(userName, Secret(purpose));

        private string NewSecret(string purpose)
        {
            // Distinctive (no config file or message holds it by chance) and free of XML/properties specials.
            var value = "Sx" + purpose.Replace(".", "") + "-" + Guid.NewGuid().ToString("N").Substring(0, 12) + "q7";
            secrets.Add(value);
            return value;
        }

        private void PlantSecrets()
        {
            Replace(CarbonPaths.CarbonXml, "<Password>wso2carbon</Password>", () => $"<Password>{NewSecret("keystore")}</Password>");
            Replace(CarbonPaths.CarbonXml, "<KeyPassword>wso2carbon</KeyPassword>", () => $"<KeyPassword>{NewSecret("keypass")}</KeyPassword>");
            Replace(CarbonPaths.UserMgtXml, "<Password>admin</Password>", () => $"<Password>{NewSecret("admin")}</Password>");
            Replace(CarbonPaths.UserMgtXml, "\"ConnectionPassword\">admin<", () => $"\"ConnectionPassword\">{NewSecret("ldap")}<");
            Replace(CarbonPaths.MasterDatasourcesXml, "<password>wso2carbon</password>", () => $"<password>{NewSecret("db")}</password>");
            Replace("repository/conf/security/cipher-text.properties", "[wso2carbon]", () => $"[{NewSecret("cipher")}]");
            // log4j.properties is the file hardening rewrites and backs up: give it a password too (a JDBC appender's).
            var log4j = System.IO.Path.Combine(Path, CarbonPaths.Log4jProperties);
            File.AppendAllText(log4j, $"log4j.appender.AUDIT_DB.password={NewSecret("log4jdb")}\n");
        }

        private void Replace(string relative, string find, Func<string> replacement)
        {
            var file = System.IO.Path.Combine(Path, relative);
            var text = File.ReadAllText(file);
            var parts = text.Split(find);
            if (parts.Length < 2)
            {
                throw new InvalidOperationException($"The sample's {relative} no longer holds '{find}'; update CaseHome.PlantSecrets.");
            }
            var result = parts[0];
            for (var i = 1; i < parts.Length; i++)
            {
                result += replacement() + parts[i];
            }
            File.WriteAllText(file, result);
        }
    }
}
