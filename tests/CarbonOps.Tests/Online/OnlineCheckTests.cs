using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using CarbonOps.Tests.SecureVault;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static CarbonOps.Tests.Online.OnlineHomes;

namespace CarbonOps.Tests.Online
{
    /// <summary>
    /// Test-CarbonHost -Online against real PostgreSQL, MariaDB and OpenLDAP servers started once for the class:
    /// a Pass where the datasource or user store is right, a Fail with the server's reason where it is not, and
    /// no password in anything shown.
    /// </summary>
    public sealed partial class OnlineCheckTests : IClassFixture<LiveServers>
    {
        private const string WrongPassword = "Wr0ng-Pangolin-6620";
        private readonly LiveServers servers;
        private readonly ITestOutputHelper output;

        public OnlineCheckTests(LiveServers servers, ITestOutputHelper output)
        {
            this.servers = servers;
            this.output = output;
        }

        /// <summary>The results by the datasource name their Target starts with, and every text the run showed.</summary>
        private static (Dictionary<string, CheckResult> Results, string Shown) Audit(string home, string checkId, string extra = "", Hashtable args = null)
        {
            using var ps = new PowerShellRunner();
            args ??= new Hashtable();
            args["h"] = home;
            var output = ps.Run($"param($h, $pw) Test-CarbonHost -ProductHome $h -Online -OnlineTimeout 3 -CheckId {checkId} {extra}", args);
            Assert.Empty(output.Errors);
            var results = output.Of<CheckResult>().ToList();
            Assert.All(results, r => Assert.Equal(checkId, r.CheckId));
            return (results.ToDictionary(r => r.Target.Split(' ')[0]), string.Join("\n", SecretsAndPasswordFileTests.EverythingShown(output).Where(s => s != null)));
        }

        private static void AssertFails(CheckResult result, string reason)
        {
            Assert.True(result.Outcome == CheckOutcome.Fail, $"{result.Target}: {result.Outcome} {result.Actual} {result.Message}");
            Assert.Equal(reason, result.Actual);
            Assert.False(string.IsNullOrEmpty(result.Message));
        }

        [LiveServerFact("postgresql")]
        public void PostgreSqlLogsInAndFailsWithTheServersReason()
        {
            using var temp = new TempFolder();
            var pg = servers.Postgres;
            var home = WithDatasources(temp,
                new Datasource { Name = "PG_GOOD", Url = Postgres(pg.Port), Password = pg.Password },
                new Datasource { Name = "PG_WRONG_PASSWORD", Url = Postgres(pg.Port), Password = WrongPassword },
                new Datasource { Name = "PG_UNKNOWN_DB", Url = Postgres(pg.Port, "nosuchdb"), Password = pg.Password },
                new Datasource { Name = "PG_CLOSED_PORT", Url = Postgres(LiveServers.FreePort()), Password = pg.Password },
                new Datasource { Name = "PG_WRITING_QUERY", Url = Postgres(pg.Port), Password = pg.Password, ValidationQuery = "CREATE TABLE carbonops_probe (x int)" },
                // A password that the server's own message contains: the message is withheld, not starred letter by letter.
                new Datasource { Name = "PG_PASSWORD_IN_MESSAGE", Url = Postgres(pg.Port), Password = "password" });
            var (results, shown) = Audit(home, "Database.Reachable");

            Assert.Equal(6, results.Count);
            Assert.True(results["PG_GOOD"].Outcome == CheckOutcome.Pass, results["PG_GOOD"].Actual + " " + results["PG_GOOD"].Message);
            Assert.Contains("SELECT 1 answered 1", results["PG_GOOD"].Actual);
            Assert.Contains("PostgreSQL", results["PG_GOOD"].Actual);
            Assert.Contains("extra-datasources.xml", results["PG_WRONG_PASSWORD"].Target);
            AssertFails(results["PG_WRONG_PASSWORD"], "authentication failed");
            Assert.Contains("password authentication failed", results["PG_WRONG_PASSWORD"].Message);
            AssertFails(results["PG_UNKNOWN_DB"], "unknown database");
            Assert.Contains("nosuchdb", results["PG_UNKNOWN_DB"].Message);
            AssertFails(results["PG_CLOSED_PORT"], "port closed");
            Assert.Equal(CheckOutcome.Warning, results["PG_WRITING_QUERY"].Outcome);
            Assert.Contains("was not run", results["PG_WRITING_QUERY"].Message);
            AssertFails(results["PG_PASSWORD_IN_MESSAGE"], "authentication failed");
            Assert.EndsWith("(the server's message is withheld: the password occurs in it)", results["PG_PASSWORD_IN_MESSAGE"].Message);
            Assert.DoesNotContain("*", results["PG_PASSWORD_IN_MESSAGE"].Message);
            Assert.DoesNotContain(pg.Password, shown);
            Assert.DoesNotContain(WrongPassword, shown);
        }

        [LiveServerFact("mariadb")]
        public void MariaDbLogsInAndFailsWithTheServersReason()
        {
            using var temp = new TempFolder();
            var maria = servers.MariaDb;
            var home = WithDatasources(temp,
                new Datasource { Name = "MARIA_GOOD", Url = MariaDb(maria.Port), Password = maria.Password, ValidationQuery = "SELECT 1 FROM DUAL" },
                new Datasource { Name = "MARIA_WRONG_PASSWORD", Url = MariaDb(maria.Port), Password = WrongPassword },
                new Datasource { Name = "MARIA_UNKNOWN_DB", Url = MariaDb(maria.Port, "nosuchdb"), Password = maria.Password },
                new Datasource { Name = "MARIA_CLOSED_PORT", Url = MariaDb(LiveServers.FreePort()), Password = maria.Password });
            var (results, shown) = Audit(home, "Database.Reachable");

            Assert.Equal(4, results.Count);
            Assert.True(results["MARIA_GOOD"].Outcome == CheckOutcome.Pass, results["MARIA_GOOD"].Actual + " " + results["MARIA_GOOD"].Message);
            Assert.StartsWith("logged in (MariaDB 10.", results["MARIA_GOOD"].Actual);
            Assert.Contains("SELECT 1 FROM DUAL answered 1", results["MARIA_GOOD"].Actual);
            AssertFails(results["MARIA_WRONG_PASSWORD"], "authentication failed");
            Assert.Contains("Access denied", results["MARIA_WRONG_PASSWORD"].Message);
            AssertFails(results["MARIA_UNKNOWN_DB"], "unknown database");
            Assert.Contains("nosuchdb", results["MARIA_UNKNOWN_DB"].Message);
            AssertFails(results["MARIA_CLOSED_PORT"], "port closed");
            Assert.DoesNotContain(maria.Password, shown);
            Assert.DoesNotContain(WrongPassword, shown);
        }

        [LinuxFact]
        public void OracleAndSqlServerAreReachedOverTcpOnlyAndH2IsSkipped()
        {
            using var temp = new TempFolder();
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var open = ((IPEndPoint)listener.LocalEndpoint).Port;
                var home = WithDatasources(temp,
                    new Datasource { Name = "ORACLE_OPEN", Url = $"jdbc:oracle:thin:@127.0.0.1:{open}:ORCL", Password = "x", ValidationQuery = "SELECT 1 FROM DUAL" },
                    new Datasource { Name = "MSSQL_CLOSED", Url = $"jdbc:sqlserver://127.0.0.1:{LiveServers.FreePort()};databaseName=carbon", Password = "x" },
                    new Datasource { Name = "H2_LOCAL", Url = "jdbc:h2:repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE", Password = "x" });
                var (results, _) = Audit(home, "Database.Reachable");
                Assert.Equal(CheckOutcome.Pass, results["ORACLE_OPEN"].Outcome);
                Assert.Contains("Only TCP reach is checked for oracle", results["ORACLE_OPEN"].Message);
                AssertFails(results["MSSQL_CLOSED"], "port closed");
                Assert.Equal(CheckOutcome.Skipped, results["H2_LOCAL"].Outcome);
                Assert.Contains("not a network database", results["H2_LOCAL"].Message);

                // Without -Online no online check runs, and none is reported.
                using var ps = new PowerShellRunner();
                var offline = ps.Run("param($h) Test-CarbonHost -ProductHome $h -Category Database, UserStore", new Hashtable { ["h"] = home });
                Assert.Empty(offline.Errors);
                Assert.Contains(offline.Of<CheckResult>(), r => r.CheckId == "Database.EmbeddedH2");
                Assert.DoesNotContain(offline.Of<CheckResult>(), r => r.CheckId.EndsWith(".Reachable", StringComparison.Ordinal));
            }
            finally
            {
                listener.Stop();
            }
        }

        [LiveServerFact("slapd")]
        public void UserStoreBindsToSlapdAndFailsForAWrongPasswordBaseOrPort()
        {
            using var temp = new TempFolder();
            var ldap = servers.Ldap;
            var url = $"ldap://127.0.0.1:{ldap.Port}";
            var good = Audit(WithLdapUserStore(temp, url, LiveServers.BindDn, ldap.Password), "UserStore.Reachable");
            var wrong = Audit(WithLdapUserStore(temp, url, LiveServers.BindDn, WrongPassword), "UserStore.Reachable");
            var noBase = Audit(WithLdapUserStore(temp, url, LiveServers.BindDn, ldap.Password, "ou=Nobody,dc=wso2,dc=org"), "UserStore.Reachable");
            var closed = Audit(WithLdapUserStore(temp, $"ldap://127.0.0.1:{LiveServers.FreePort()}", LiveServers.BindDn, ldap.Password), "UserStore.Reachable");

            var pass = good.Results.Values.Single();
            Assert.True(pass.Outcome == CheckOutcome.Pass, $"{pass.Actual} {pass.Message}");
            Assert.Contains($"bound as {LiveServers.BindDn}; {LiveServers.SearchBase} read", pass.Actual);
            AssertFails(wrong.Results.Values.Single(), "authentication failed");
            AssertFails(noBase.Results.Values.Single(), "user search base not found");
            AssertFails(closed.Results.Values.Single(), "port closed");
            foreach (var run in new[] { good, wrong, noBase, closed })
            {
                Assert.DoesNotContain(ldap.Password, run.Shown);
                Assert.DoesNotContain(WrongPassword, run.Shown);
            }
        }

        [LiveServerFact("postgresql")]
        public void ASecureVaultPasswordIsDecryptedWithTheKeystorePassword()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var pg = servers.Postgres;
            var home = VaultFlowTests.StockHomeWithKeystores(temp);
            var master = System.IO.Path.Combine(home, CarbonOps.Installation.CarbonPaths.MasterDatasourcesXml);
            System.IO.File.WriteAllText(master, System.IO.File.ReadAllText(master)
                .Replace("jdbc:h2:repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000", Postgres(pg.Port))
                .Replace("<username>wso2carbon</username>", $"<username>{LiveServers.DatabaseUser}</username>")
                .Replace("<password>wso2carbon</password>", $"<password>{pg.Password}</password>"));
            VaultFlowTests.HardenKeysAndSecrets(ps, home);
            Assert.DoesNotContain(pg.Password, System.IO.File.ReadAllText(master));
            Assert.Contains("secretAlias", System.IO.File.ReadAllText(master));

            var right = Audit(home, "Database.Reachable", "-KeystorePassword $pw", VaultFlowTests.Args(home)).Results["WSO2_CARBON_DB"];
            Assert.True(right.Outcome == CheckOutcome.Pass, $"{right.Actual} {right.Message}");
            var wrongKey = Audit(home, "Database.Reachable", "-KeystorePassword $pw", VaultFlowTests.Args(home, WrongPassword)).Results["WSO2_CARBON_DB"];
            Assert.NotEqual(CheckOutcome.Pass, wrongKey.Outcome);
            Assert.Contains("Secure Vault alias", wrongKey.Message);
        }

        [LiveServerFact("postgresql", "mariadb", "slapd")]
        public void NoPasswordInAnyStreamTranscriptOrExport()
        {
            using var temp = new TempFolder();
            using var ps = new PowerShellRunner();
            var (pg, maria, ldap) = (servers.Postgres, servers.MariaDb, servers.Ldap);
            var home = WithDatasources(temp,
                new Datasource { Name = "PG_GOOD", Url = Postgres(pg.Port), Password = pg.Password },
                new Datasource { Name = "PG_WRONG", Url = Postgres(pg.Port), Password = WrongPassword },
                new Datasource { Name = "MARIA_GOOD", Url = MariaDb(maria.Port), Password = maria.Password },
                new Datasource { Name = "MARIA_WRONG", Url = MariaDb(maria.Port), Password = WrongPassword });
            var ldapHome = WithLdapUserStore(temp, $"ldap://127.0.0.1:{ldap.Port}", LiveServers.BindDn, WrongPassword);
            var said = string.Join("\n", new[] { home, ldapHome }.Select(h => Reliability.SecretTests.Capture(ps, temp, "Test-CarbonHost",
                new Hashtable { ["ProductHome"] = h, ["Online"] = true, ["CheckId"] = new[] { "Database.Reachable", "UserStore.Reachable" }, ["Verbose"] = true, ["Debug"] = true })));
            // The capture sees the results (so it would see a password in them).
            Assert.Contains("authentication failed", said);
            Assert.Contains("answered 1", said);
            foreach (var secret in new[] { pg.Password, maria.Password, ldap.Password, WrongPassword })
            {
                Assert.DoesNotContain(secret, said);
            }
        }
    }
}
