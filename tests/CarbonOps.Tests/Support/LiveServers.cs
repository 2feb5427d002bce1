using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// Throw-away PostgreSQL, MariaDB and OpenLDAP servers on free loopback ports, with data under a temp folder,
    /// started on first use and stopped (by their own pids) when the test class ends. As root, PostgreSQL and MariaDB
    /// run as the unprivileged user nobody, since they refuse root.
    /// </summary>
    public sealed class LiveServers : IDisposable
    {
        public const string DatabaseName = "wso2carbon";
        public const string DatabaseUser = "carbon";
        public const string SearchBase = "ou=Users,dc=wso2,dc=org";
        public const string BindDn = "cn=carbon-bind,dc=wso2,dc=org";

        private readonly TempFolder temp = new TempFolder();
        private readonly List<Action> stops = new List<Action>();
        private readonly Lazy<Server> postgres;
        private readonly Lazy<Server> mariaDb;
        private readonly Lazy<Server> ldap;

        public LiveServers()
        {
            // The servers run as nobody: the data folders' parents must be open to it.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp.Path, (UnixFileMode)0x1ed);
            }
            postgres = new Lazy<Server>(StartPostgres);
            mariaDb = new Lazy<Server>(StartMariaDb);
            ldap = new Lazy<Server>(StartSlapd);
            // Started at once, side by side (each mostly waits: initdb, a port to open); a test takes its server when it is up,
            // and one that failed to start throws there.
            foreach (var (server, name) in new[] { (postgres, "postgresql"), (mariaDb, "mariadb"), (ldap, "slapd") })
            {
                if (!OperatingSystem.IsWindows() && LiveServerFactAttribute.Missing(name) == null)
                {
                    starting.Add(System.Threading.Tasks.Task.Run(() => server.Value));
                }
            }
        }

        private readonly List<System.Threading.Tasks.Task> starting = new List<System.Threading.Tasks.Task>();

        private void AddStop(Action stop)
        {
            lock (stops)
            {
                stops.Add(stop);
            }
        }

        /// <summary>A running server: its port and the password of its test account (distinctive, so a leak is found).</summary>
        public sealed class Server
        {
            public int Port;
            public string Password;
        }

        public Server Postgres => postgres.Value;
        public Server MariaDb => mariaDb.Value;
        public Server Ldap => ldap.Value;

        public static string PostgresBin => Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;

        /// <summary>A loopback port nothing listens on (just released by a listener of ours).</summary>
        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static string NewPassword(string kind) => $"{kind}-Pw-{Guid.NewGuid().ToString("N").Substring(0, 12)}";

        /// <summary>A server program: on PATH, else in /usr/sbin (not on every PATH).</summary>
        public static string Sbin(string name) => ExternalTool.Find(name) ?? (File.Exists("/usr/sbin/" + name) ? "/usr/sbin/" + name : null);

        private static bool AsRoot => CarbonOps.Host.PosixFile.EffectiveUserId() == 0;

        private string DataFolder(string name)
        {
            var dir = Path.Combine(temp.Path, name);
            Directory.CreateDirectory(dir);
            if (AsRoot)
            {
                Run("chown", "nobody", dir);
            }
            return dir;
        }

        /// <summary>Runs a program to its end, as nobody when this process is root; throws with its output when it fails.</summary>
        private static string Run(string program, params string[] arguments) => RunAs(false, program, arguments);

        private static string RunUnprivileged(string program, params string[] arguments) => RunAs(AsRoot, program, arguments);

        private static string RunAs(bool asNobody, string program, string[] arguments)
        {
            var (file, args) = asNobody ? ("runuser", new[] { "-u", "nobody", "--", program }.Concat(arguments).ToArray()) : (program, arguments);
            var (code, output) = ExternalTool.Run(file, args, TimeSpan.FromSeconds(120));
            if (code != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(" ", arguments)} exited with {code}: {output}");
            }
            return output;
        }

        private static void WaitForPort(int port, string what)
        {
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < until)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, port);
                    return;
                }
                catch (SocketException)
                {
                    Thread.Sleep(100);
                }
            }
            throw new TimeoutException($"{what} did not listen on 127.0.0.1:{port} within 60 s.");
        }

        private Server StartPostgres()
        {
            var bin = PostgresBin ?? throw new InvalidOperationException("PostgreSQL's initdb is not installed.");
            var server = new Server { Port = FreePort(), Password = NewPassword("Pg") };
            var dir = DataFolder("postgres");
            var data = Path.Combine(dir, "data");
            var passwordFile = Path.Combine(dir, "pwfile");
            File.WriteAllText(passwordFile, server.Password + "\n");
            if (AsRoot)
            {
                Run("chown", "nobody", passwordFile);
            }
            RunUnprivileged(Path.Combine(bin, "initdb"), "-D", data, "-U", DatabaseUser, "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync");
            RunUnprivileged(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "-o",
                $"-p {server.Port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            AddStop(() => RunUnprivileged(Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"));
            RunUnprivileged(Path.Combine(bin, "psql"), "-h", dir, "-p", server.Port.ToString(), "-U", DatabaseUser, "-d", "postgres", "-c", $"CREATE DATABASE {DatabaseName}");
            return server;
        }

        private Server StartMariaDb()
        {
            var server = new Server { Port = FreePort(), Password = NewPassword("Maria") };
            var dir = DataFolder("mariadb");
            var data = Path.Combine(dir, "data");
            var socket = Path.Combine(dir, "mariadb.sock");
            var pidFile = Path.Combine(dir, "mariadb.pid");
            RunUnprivileged("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db");
            var start = new ProcessStartInfo(AsRoot ? "runuser" : Sbin("mariadbd")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (AsRoot ? new[] { "-u", "nobody", "--", Sbin("mariadbd") } : new string[0]).Concat(new[]
            {
                "--no-defaults", "--datadir=" + data, "--port=" + server.Port, "--bind-address=127.0.0.1", "--socket=" + socket,
                "--pid-file=" + pidFile, "--skip-name-resolve", "--log-error=" + Path.Combine(dir, "error.log"), "--innodb-flush-log-at-trx-commit=0",
            }))
            {
                start.ArgumentList.Add(a);
            }
            var process = Process.Start(start);
            AddStop(() =>
            {
                if (File.Exists(pidFile))
                {
                    Run("kill", File.ReadAllText(pidFile).Trim());
                }
                process.WaitForExit(30000);
            });
            WaitForPort(server.Port, "mariadbd");
            // Global rights: MariaDB tells a user without them "access denied" for a database that does not exist, not "unknown database".
            Run("mariadb", "--no-defaults", "-uroot", "--socket=" + socket, "-e",
                $"CREATE DATABASE {DatabaseName}; CREATE USER '{DatabaseUser}'@'%' IDENTIFIED BY '{server.Password}'; GRANT ALL ON *.* TO '{DatabaseUser}'@'%';");
            return server;
        }

        private Server StartSlapd()
        {
            var server = new Server { Port = FreePort(), Password = NewPassword("Ldap") };
            var dir = Path.Combine(temp.Path, "slapd");
            Directory.CreateDirectory(Path.Combine(dir, "db"));
            var rootPassword = NewPassword("LdapRoot");
            var conf = temp.Write("slapd/slapd.conf", string.Join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                $"pidfile {dir}/slapd.pid",
                "database mdb",
                "maxsize 10485760",
                "suffix \"dc=wso2,dc=org\"",
                "rootdn \"cn=admin,dc=wso2,dc=org\"",
                $"rootpw {rootPassword}",
                $"directory {dir}/db",
                ""));
            Run(Sbin("slapd"), "-f", conf, "-h", $"ldap://127.0.0.1:{server.Port}/");
            AddStop(() => Run("kill", File.ReadAllText(Path.Combine(dir, "slapd.pid")).Trim()));
            WaitForPort(server.Port, "slapd");
            var entries = temp.Write("slapd/entries.ldif", string.Join("\n",
                "dn: dc=wso2,dc=org", "objectClass: dcObject", "objectClass: organization", "o: wso2", "dc: wso2", "",
                "dn: " + SearchBase, "objectClass: organizationalUnit", "ou: Users", "",
                "dn: " + BindDn, "objectClass: organizationalRole", "objectClass: simpleSecurityObject", "cn: carbon-bind", "userPassword: " + server.Password, ""));
            Run("ldapadd", "-x", "-H", $"ldap://127.0.0.1:{server.Port}", "-D", "cn=admin,dc=wso2,dc=org", "-w", rootPassword, "-f", entries);
            return server;
        }

        public void Dispose()
        {
            // A start still under way would leave its server running; waiting does not throw what a start threw.
            foreach (var start in starting)
            {
                ((IAsyncResult)start).AsyncWaitHandle.WaitOne();
            }
            foreach (var stop in stops)
            {
                try
                {
                    stop();
                }
                catch (Exception ex) when (ex is InvalidOperationException || ex is IOException || ex is TimeoutException)
                {
                    // Stopping one server must not keep the others running.
                }
            }
            temp.Dispose();
        }
    }

    /// <summary>A fact that needs the Debian packages of a real server; skipped, naming the package, where it is absent.</summary>
    public sealed class LiveServerFactAttribute : FactAttribute
    {
        /// <summary>The Debian package (and program) a server needs that is not installed, or null.</summary>
        internal static string Missing(string server) => server switch
        {
            "postgresql" => LiveServers.PostgresBin == null ? "postgresql (initdb)" : null,
            "mariadb" => LiveServers.Sbin("mariadbd") == null || ExternalTool.Find("mariadb-install-db") == null ? "mariadb-server (mariadbd)" : null,
            "slapd" => LiveServers.Sbin("slapd") == null ? "slapd (slapd)" : ExternalTool.Find("ldapadd") == null ? "ldap-utils (ldapadd)" : null,
            _ => throw new ArgumentException(server),
        };

        public LiveServerFactAttribute(params string[] servers)
        {
            if (OperatingSystem.IsWindows())
            {
                Skip = "The throw-away servers of these tests are started the Debian way.";
                return;
            }
            foreach (var server in servers)
            {
                var missing = Missing(server);
                if (missing != null)
                {
                    Skip = $"The Debian package {missing} is not installed (.ci/run installs it): no real {server} server to reach.";
                    return;
                }
            }
        }
    }
}
