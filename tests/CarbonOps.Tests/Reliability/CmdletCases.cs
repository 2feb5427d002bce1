using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// How to call each cmdlet of the module with minimal valid arguments that make it do its real
    /// work: for a cmdlet that writes, arguments that change the home (the -WhatIf suite checks that
    /// a real run does). The -WhatIf, secrets and malformed-input suites run every row, so a new
    /// cmdlet is covered by adding one row here; a cmdlet without a row fails those suites by name.
    /// A cmdlet that takes a password binds it from <see cref="CaseHome.Secret"/> or
    /// <see cref="CaseHome.Credential"/>, so the secrets suite can search for its value.
    /// </summary>
    public static class CmdletCases
    {
        public static readonly IReadOnlyList<CmdletCase> All = new[]
        {
            // Its input is pipeline objects (check results), not the home's files: the malformed-input suite leaves it out.
            new CmdletCase("Export-CarbonReport", h => Args("Path", System.IO.Path.Combine(h.Path, "audit.html"), "InputObject", ReportInput(h)), readsHome: false),
            // It reads backup sets (the state folder), none of the files a mutant takes: the malformed-input suite leaves it out.
            new CmdletCase("Get-CarbonBackup", h => { h.BackupSet(); return Args("ProductHome", h.Path); }, readsHome: false),
            new CmdletCase("Get-CarbonCheck", h => Args(), readsHome: false),
            new CmdletCase("Get-CarbonCluster", h => Args("ProductHome", h.Path)).Reading(ClusterFiles),
            new CmdletCase("Get-CarbonInstance", h => Args("Path", h.Path)).Reading(CarbonPaths.CarbonXml, CarbonPaths.CarbonVersionTxt),
            new CmdletCase("Get-CarbonJvmOption", h => Args("ProductHome", h.Path)).Reading(CarbonPaths.StartupScripts),
            new CmdletCase("Get-CarbonLog", h => { h.Log(); return Args("ProductHome", h.Path); }).Reading(CarbonPaths.Log4jProperties),
            new CmdletCase("Get-CarbonPort", h => Args("ProductHome", h.Path)).Reading(PortFiles),
            new CmdletCase("Get-CarbonServer", h => Args("ProductHome", h.Path)).Reading(CarbonPaths.Log4jProperties),
            // It reads a keystore and a certificate file, not the home's configuration files.
            new CmdletCase("Import-CarbonCertificate", h =>
            {
                var password = h.Keystores();
                return Args("Path", System.IO.Path.Combine(h.Path, TestKeystores.SecurityFolder, "client-truststore.jks"), "CertificatePath", h.CertificateFile(),
                    "Alias", "partner", "StorePassword", password);
            }, readsHome: false),
            new CmdletCase("Invoke-CarbonHardening", h => Args("ProductHome", h.Path, "AdminCredential", h.Credential("carbonadmin", "hardening")))
                .Reading(CarbonPaths.StartupScripts.Concat(new[] { CarbonPaths.CarbonXml, CarbonPaths.MasterDatasourcesXml, CarbonPaths.Log4jProperties, CarbonPaths.CatalinaServerXml, CarbonPaths.UserMgtXml }).ToArray()),
            // It writes a new keystore; it reads none of the home's files.
            new CmdletCase("New-CarbonKeystore", h =>
            {
                Directory.CreateDirectory(System.IO.Path.Combine(h.Path, TestKeystores.SecurityFolder));
                return Args("Path", System.IO.Path.Combine(h.Path, TestKeystores.SecurityFolder, "carbon-new.jks"), "Alias", "carbon",
                    "Subject", "CN=esb.example.com, O=Example, C=US", "DnsName", new[] { "esb.example.com" }, "StorePassword", h.Secret("newstore"));
            }, readsHome: false),
            // The unit goes into the home's own folder, so the suites see it written.
            new CmdletCase("New-CarbonServiceUnit", h => Args("ProductHome", h.Path, "User", ServiceUser, "Path", h.Path, "JavaHome", h.Jdk()))
                .Reading(CarbonPaths.CarbonXml, CarbonPaths.CarbonVersionTxt, CarbonPaths.ConfigValidationXml),
            new CmdletCase("Protect-CarbonSecret", h => Args("ProductHome", h.Path, "KeystorePassword", h.Keystores()))
                .Reading(CarbonPaths.Axis2Xml, CarbonPaths.CarbonXml, CarbonPaths.MasterDatasourcesXml, CipherText, CipherTool, SecretConf, CarbonPaths.CatalinaServerXml, CarbonPaths.UserMgtXml),
            // Starting or restarting needs a Carbon server the sample home cannot run (no jars) and would leave
            // a process behind; stopping one needs one running. Their rows run with -WhatIf only, in every suite.
            // -AllowRoot: the suites may run as root (CI containers), which the start refuses before it previews.
            new CmdletCase("Restart-CarbonServer", h => Args("ProductHome", h.Path, "AllowRoot", true, "PassThru", true), whatIfOnly: true).Reading(CarbonPaths.Log4jProperties),
            // Its input is a backup set, not the home's files: the malformed-input suite leaves it out.
            new CmdletCase("Restore-CarbonConfiguration", h => Args("BackupPath", h.BackupSet()), readsHome: false),
            new CmdletCase("Set-CarbonAdminCredential", h => Args("ProductHome", h.Path, "Credential", h.Credential("carbonadmin", "admin"))).Reading(CarbonPaths.MasterDatasourcesXml, CarbonPaths.UserMgtXml),
            new CmdletCase("Set-CarbonCluster", h => Args("ProductHome", h.Path, "Domain", "wso2.esb.domain", "MembershipScheme", "Wka", "LocalMemberHost", "10.0.0.5",
                "LocalMemberPort", 4000, "Member", new[] { "10.0.0.5:4000", "10.0.0.6:4000" }, "SubDomain", "mgt")).Reading(CarbonPaths.Axis2Xml),
            new CmdletCase("Set-CarbonConsoleAccess", h => Args("ProductHome", h.Path, "AllowedAddress", new[] { "127.0.0.1", "10.0.0.0/8" })).Reading(CarbonPaths.ConsoleContextXml),
            new CmdletCase("Set-CarbonDatasource", h => Args("ProductHome", h.Path, "Url", "jdbc:mysql://127.0.0.1:3306/regdb", "Credential", h.Credential("regadmin", "datasource")))
                .Reading(CarbonPaths.MasterDatasourcesXml),
            new CmdletCase("Set-CarbonHostName", h => Args("ProductHome", h.Path, "HostName", "esb.example.com")).Reading(CarbonPaths.CarbonXml),
            new CmdletCase("Set-CarbonJvmOption", h => Args("ProductHome", h.Path, "MaxHeap", "2048m")).Reading(CarbonPaths.StartupScripts),
            new CmdletCase("Set-CarbonKeystore", h =>
            {
                var trust = h.Keystores();
                var own = h.OwnKeystore();
                return Args("ProductHome", h.Path, "Path", own.Path, "Alias", "carbon", "StorePassword", own.Password, "TrustStorePassword", trust);
            }).Reading(CarbonPaths.Axis2Xml, CarbonPaths.CarbonXml, SecretConf, CarbonPaths.CatalinaServerXml, TrustStore),
            new CmdletCase("Set-CarbonKeystorePassword", h => Args("ProductHome", h.Path, "Password", h.Keystores()))
                .Reading(CarbonPaths.Axis2Xml, CarbonPaths.CarbonXml, CarbonPaths.CatalinaServerXml, KeyStore),
            new CmdletCase("Set-CarbonPortOffset", h => Args("ProductHome", h.Path, "Offset", 3)).Reading(PortFiles),
            new CmdletCase("Set-CarbonProxy", h => Args("ProductHome", h.Path, "ProxyName", "esb.example.com")).Reading(CarbonPaths.CatalinaServerXml),
            new CmdletCase("Set-CarbonRegistryMount", h => Args("ProductHome", h.Path, "DataSource", "jdbc/WSO2CarbonDB")).Reading(CarbonPaths.RegistryXml, CarbonPaths.MasterDatasourcesXml),
            new CmdletCase("Set-CarbonTlsProtocol", h => Args("ProductHome", h.Path, "JavaHome", h.Jdk())).Reading(CarbonPaths.Axis2Xml, CarbonPaths.CatalinaServerXml),
            new CmdletCase("Set-CarbonUserStore", h => Args("ProductHome", h.Path, "Type", "ReadWriteLdap", "ConnectionUrl", "ldaps://ldap.example.com:636",
                "Credential", h.Credential("cn=carbon,dc=example,dc=com", "ldapbind"), "UserSearchBase", "ou=Users,dc=example,dc=com")).Reading(CarbonPaths.UserMgtXml, SecretConf),
            new CmdletCase("Start-CarbonServer", h => Args("ProductHome", h.Path, "AllowRoot", true, "PassThru", true), whatIfOnly: true).Reading(CarbonPaths.Log4jProperties),
            new CmdletCase("Stop-CarbonServer", h => Args("ProductHome", h.Path, "PassThru", true), whatIfOnly: true).Reading(CarbonPaths.Log4jProperties),
            new CmdletCase("Test-CarbonCluster", h => Args("ProductHome", new[] { h.Path })).Reading(ClusterFiles),
            new CmdletCase("Test-CarbonHost", h => Args("ProductHome", h.Path, "KeystorePassword", h.Keystores()))
                .Reading(SecureVaultFiles.Concat(CarbonPaths.StartupScripts).Concat(new[] { CipherTool, CarbonPaths.Log4jProperties, TrustStore }).ToArray()),
            new CmdletCase("Test-CarbonSecureVault", h => Args("ProductHome", h.Path, "KeystorePassword", h.Keystores())).Reading(SecureVaultFiles),
            // It reads only what Secure Vault protected: its home is protected first, which the malformed-input suite's
            // one shared home must not be (every other row would then meet a protected home), so that suite leaves it out.
            new CmdletCase("Unprotect-CarbonSecret", h => Args("ProductHome", h.Path, "KeystorePassword", h.Protected()), readsHome: false),
        };

        private const string CipherText = "repository/conf/security/cipher-text.properties";
        private const string CipherTool = "repository/conf/security/cipher-tool.properties";
        private const string SecretConf = "repository/conf/security/secret-conf.properties";
        private const string KeyStore = TestKeystores.SecurityFolder + "/wso2carbon.jks";
        private const string TrustStore = TestKeystores.SecurityFolder + "/client-truststore.jks";

        /// <summary>The files that name ports: Get-CarbonPort and Set-CarbonPortOffset read them all.</summary>
        private static string[] PortFiles => new[] { CarbonPaths.CarbonXml, CarbonPaths.Axis2Xml, CarbonPaths.CatalinaServerXml, "repository/conf/api-manager.xml" };

        /// <summary>What a home's cluster facts come from: clustering, the deployment synchronizer, registry mounts, the user store and its datasources.</summary>
        private static string[] ClusterFiles => new[] { CarbonPaths.Axis2Xml, CarbonPaths.CarbonXml, CarbonPaths.RegistryXml, CarbonPaths.UserMgtXml, CarbonPaths.MasterDatasourcesXml }
            .Concat(CarbonPaths.StartupScripts).ToArray();

        /// <summary>What Secure Vault's verification reads: every XML file of repository/conf (for secretAlias references), its own configuration and the keystore.</summary>
        private static string[] SecureVaultFiles => new[] { "repository/conf/*.xml", CipherText, SecretConf, KeyStore };

        /// <summary>An unprivileged account every Debian system has, to run a service as.</summary>
        private static string ServiceUser => OperatingSystem.IsWindows() ? Environment.UserName
            : (PosixAccounts.FindUser("daemon") ?? PosixAccounts.Users().First(u => u.Id > 0 && u.Id < 1000)).Name;

        /// <summary>Check results as Export-CarbonReport receives them from another session (a failed one and a passed one).</summary>
        private static PSObject[] ReportInput(CaseHome h)
        {
            PSObject Result(string id, string outcome, string message)
            {
                var o = new PSObject();
                o.TypeNames.Insert(0, "Deserialized.CarbonOps.CheckResult");
                o.Properties.Add(new PSNoteProperty("CheckId", id));
                o.Properties.Add(new PSNoteProperty("Title", id));
                o.Properties.Add(new PSNoteProperty("Category", "Security"));
                o.Properties.Add(new PSNoteProperty("Severity", "High"));
                o.Properties.Add(new PSNoteProperty("Outcome", outcome));
                o.Properties.Add(new PSNoteProperty("Message", message));
                o.Properties.Add(new PSNoteProperty("Target", System.IO.Path.Combine(h.Path, "repository/conf/carbon.xml")));
                o.Properties.Add(new PSNoteProperty("ProductHome", h.Path));
                return o;
            }
            return new[] { Result("Security.DefaultKeystore", "Fail", "The default keystore is in use."), Result("Security.SecureVaultBroken", "Pass", "") };
        }

        /// <summary>The row of a cmdlet; a cmdlet without one fails loudly, naming what to add.</summary>
        public static CmdletCase For(string name) =>
            All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new Xunit.Sdk.XunitException(
                $"The cmdlet {name} has no row in tests/CarbonOps.Tests/Reliability/CmdletCases.cs. Add one with the minimal valid " +
                "arguments that make it do its real work (and change the home, if it writes); the -WhatIf, secrets and malformed-input suites run it.");

        /// <summary>Every cmdlet class of the module's assembly, by Verb-Noun.</summary>
        public static IReadOnlyList<(string Name, Type Type, CmdletAttribute Attribute)> ModuleCmdlets =>
            typeof(CarbonOps.Commands.CarbonCmdlet).Assembly.GetTypes()
                .Select(t => (Type: t, Attribute: t.GetCustomAttribute<CmdletAttribute>()))
                .Where(x => x.Attribute != null && !x.Type.IsAbstract)
                .Select(x => (x.Attribute.VerbName + "-" + x.Attribute.NounName, x.Type, x.Attribute))
                .OrderBy(x => x.Item1, StringComparer.Ordinal)
                .ToList();

        public static Dictionary<string, object> Args(params object[] pairs)
        {
            var result = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < pairs.Length; i += 2)
            {
                result[(string)pairs[i]] = pairs[i + 1];
            }
            return result;
        }
    }

    public sealed class CmdletCase
    {
        public CmdletCase(string name, Func<CaseHome, Dictionary<string, object>> arguments, bool readsHome = true, bool whatIfOnly = false)
        {
            Name = name;
            Arguments = arguments;
            ReadsHome = readsHome;
            WhatIfOnly = whatIfOnly;
        }

        public string Name { get; }
        public Func<CaseHome, Dictionary<string, object>> Arguments { get; }

        /// <summary>
        /// The home's files the cmdlet reads (paths relative to the home; '*' matches any run of characters, '/' included).
        /// The malformed-input suite gives a mutant of a file only to the rows that read it; a test watches what each row
        /// really opens and fails when it opens a file its row does not declare.
        /// </summary>
        public IReadOnlyList<string> Reads { get; private set; } = Array.Empty<string>();

        public CmdletCase Reading(params string[] files)
        {
            Reads = files;
            return this;
        }

        /// <summary>Whether <paramref name="relative"/> (a path relative to the home, with '/') is one of the files this row reads.</summary>
        public bool ReadsFile(string relative) =>
            Reads.Any(pattern => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, relative, ignoreCase: false));

        /// <summary>Whether the cmdlet reads the product home's files (the malformed-input suite feeds those).</summary>
        public bool ReadsHome { get; }

        /// <summary>
        /// Whether every suite runs it with -WhatIf only (its row says why): the -WhatIf suite then checks only
        /// that the preview writes nothing, the others run the preview.
        /// </summary>
        public bool WhatIfOnly { get; }

        public override string ToString() => Name;
    }
}
