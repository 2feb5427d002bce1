using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Keystores;
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
        private readonly Dictionary<string, List<string>> planted = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        private string backupSet;
        private string storePassword;
        private bool protectedVault;
        private (string Path, string Password)? ownKeystore;

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
                    ChangePipeline.Run(new[] { check.ToRemedy() }, home, session, new RemediationOptions(), "test", (_, _, _) => true).ToList();
                }
                backupSet = session.BackupPath ?? throw new InvalidOperationException("The hardening run that prepares a backup set changed nothing.");
            }
            return backupSet;
        }

        /// <summary>A distinctive password as a SecureString, for a cmdlet that takes one.</summary>
        public SecureString Secret(string purpose)
        {
            return Secure(NewSecret(purpose));
        }

        public PSCredential Credential(string userName, string purpose) => new PSCredential(userName, Secret(purpose));

        /// <summary>The folder that holds this case's home: things a case needs outside the home go there.</summary>
        public string Folder => System.IO.Path.GetDirectoryName(Path);

        /// <summary>
        /// The keystores carbon.xml names, which the sample lacks: wso2carbon.jks (key 'wso2carbon') and
        /// client-truststore.jks trusting it, made with the module's keystore core under one distinctive
        /// password, which carbon.xml's KeyStore and TrustStore now hold instead of the planted ones.
        /// Returns that password, for a -StorePassword or -KeystorePassword. The key is shared by every case of the
        /// run (TestKeystores.SharedKey); the password, which the suites search for, is the case's own.
        /// </summary>
        public SecureString Keystores()
        {
            if (storePassword == null)
            {
                storePassword = NewSecret("store");
                var folder = System.IO.Path.Combine(Path, TestKeystores.SecurityFolder);
                Directory.CreateDirectory(folder);
                var cert = TestKeystores.Write(System.IO.Path.Combine(folder, "wso2carbon.jks"), "wso2carbon", TestKeystores.SharedKey("CN=localhost, O=Example, C=US"), storePassword);
                var trust = KeystoreFile.CreateEmpty(KeystoreType.JKS, System.IO.Path.Combine(folder, "client-truststore.jks"));
                trust.SetTrustedCertificate("wso2carbon", cert);
                File.WriteAllBytes(trust.Path, trust.Save(storePassword.ToCharArray()));
                // carbon.xml's <Password>s are KeyStore, RegistryKeyStore, TrustStore in that order; its <KeyPassword>s KeyStore,
                // RegistryKeyStore. Planted, each is distinct; stock, all are wso2carbon (and all become this password).
                string Value(string purpose, int index) => planted.TryGetValue(purpose, out var values) ? values[index] : "wso2carbon";
                Replace(CarbonPaths.CarbonXml, $"<Password>{Value("keystore", 0)}</Password>", () => $"<Password>{storePassword}</Password>");
                Replace(CarbonPaths.CarbonXml, $"<KeyPassword>{Value("keypass", 0)}</KeyPassword>", () => $"<KeyPassword>{storePassword}</KeyPassword>");
                if (planted.ContainsKey("keystore"))
                {
                    Replace(CarbonPaths.CarbonXml, $"<Password>{Value("keystore", 2)}</Password>", () => $"<Password>{storePassword}</Password>");
                }
            }
            return Secure(storePassword);
        }

        /// <summary>A second keystore in the home (with <see cref="Keystores"/>), for Set-CarbonKeystore to configure: key 'carbon'.</summary>
        public (string Path, SecureString Password) OwnKeystore()
        {
            if (ownKeystore == null)
            {
                Keystores();
                var path = System.IO.Path.Combine(Path, TestKeystores.SecurityFolder, "carbon-own.jks");
                var password = NewSecret("own");
                TestKeystores.Write(path, "carbon", TestKeystores.SharedKey("CN=esb.example.com, O=Example, C=US"), password);
                ownKeystore = (path, password);
            }
            return (ownKeystore.Value.Path, Secure(ownKeystore.Value.Password));
        }

        /// <summary>
        /// The home's passwords encrypted by Secure Vault (as Protect-CarbonSecret does it, through the core),
        /// with <see cref="Keystores"/>; returns the keystore password. Call it while building a case's arguments.
        /// </summary>
        public SecureString Protected()
        {
            var password = Keystores();
            if (!protectedVault)
            {
                var home = CarbonHome.Open(Path);
                using var session = new EditSession(Path);
                var options = new CarbonOps.Remedies.SecretProtector.Options { KeystorePassword = storePassword };
                var protect = new Remedy(CarbonOps.Remedies.SecretProtector.CheckId, c => CarbonOps.Remedies.SecretProtector.Plan(c, options));
                var results = ChangePipeline.Run(new[] { protect }, home, session, null, "test", (_, _, _) => true);
                if (!results.Any(r => r.Status == ChangeStatus.Changed))
                {
                    throw new InvalidOperationException("Protecting the case's secrets changed nothing: " + string.Join("; ", results.Select(r => r.Message)));
                }
                protectedVault = true;
            }
            return password;
        }

        /// <summary>A DER certificate file outside the home, for Import-CarbonCertificate.</summary>
        public string CertificateFile()
        {
            var path = System.IO.Path.Combine(Folder, System.IO.Path.GetFileName(Path) + "-partner.cer");
            if (!File.Exists(path))
            {
                File.WriteAllBytes(path, TestKeystores.SharedKey("CN=partner.example.com, O=Partner, C=US").Certificate.GetEncoded());
            }
            return path;
        }

        /// <summary>A JDK 8 folder outside the home as the JDKs Carbon runs on lay it out: a release file and bin/java.</summary>
        public string Jdk()
        {
            var jdk = System.IO.Path.Combine(Folder, System.IO.Path.GetFileName(Path) + "-jdk1.8.0_202");
            if (!Directory.Exists(jdk))
            {
                Directory.CreateDirectory(System.IO.Path.Combine(jdk, "bin"));
                File.WriteAllText(System.IO.Path.Combine(jdk, "release"), "JAVA_VERSION=\"1.8.0_202\"\nOS_NAME=\"Linux\"\n");
                File.WriteAllText(System.IO.Path.Combine(jdk, "bin", "java"), "");
            }
            return jdk;
        }

        /// <summary>repository/logs/wso2carbon.log with a start, a warning and an error with its stack trace.</summary>
        public void Log()
        {
            var path = System.IO.Path.Combine(Path, "repository/logs/wso2carbon.log");
            if (!File.Exists(path))
            {
                var at = new DateTime(2026, 3, 2, 9, 15, 0);
                new LogText()
                    .Started(at, 41)
                    .Add(at.AddMinutes(5), "WARN", "org.apache.synapse.transport.passthru.TargetHandler", "Connection time out while reading the response")
                    .Add(at.AddMinutes(7), "ERROR", "org.apache.synapse.mediators.base.SequenceMediator", "Error while mediating", "java.io.IOException: refused", "\tat org.apache.synapse.Foo.bar(Foo.java:42)")
                    .WriteTo(path);
            }
        }

        private static SecureString Secure(string value)
        {
            var secure = new SecureString();
            foreach (var c in value)
            {
                secure.AppendChar(c);
            }
            secure.MakeReadOnly();
            return secure;
        }

        private string NewSecret(string purpose)
        {
            // Distinctive (no config file or message holds it by chance) and free of XML/properties specials.
            var value = "Sx" + purpose.Replace(".", "") + "-" + Guid.NewGuid().ToString("N").Substring(0, 12) + "q7";
            secrets.Add(value);
            if (!planted.TryGetValue(purpose, out var values))
            {
                planted[purpose] = values = new List<string>();
            }
            values.Add(value);
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
