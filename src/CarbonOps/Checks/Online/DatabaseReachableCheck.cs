using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Host.Online;
using CarbonOps.Installation;
using CarbonOps.SecureVault;

namespace CarbonOps.Checks.Online
{
    /// <summary>
    /// Each RDBMS datasource logs in with its own URL and credentials and runs its validationQuery (MySQL, MariaDB,
    /// PostgreSQL); Oracle and MS SQL are reached over TCP only; H2 is not a network database.
    /// </summary>
    public sealed class DatabaseReachableCheck : OnlineCheck
    {
        public override string Id => CheckIds.DatabaseReachable;
        public override string Title => "Every datasource's database accepts its login and validation query";
        public override string Category => "Database";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override string Reference => "Production Deployment Guidelines: Registry and governance";
        public override string RemediationText =>
            "Correct the datasource's url, username or password (Set-CarbonDatasource, or the cipher tool for a Secure Vault alias), " +
            "create the database, or open the route and firewall from this host to the database server.";
        /// <summary>One SELECT or VALUES statement (comments before it allowed), with no INTO: what a pool's validation query should be.</summary>
        private static readonly Regex SingleSelect = new Regex(@"^\s*(/\*.*?\*/\s*)*(SELECT|VALUES)\b[^;]*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex Into = new Regex(@"\bINTO\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        protected override string NothingToReach => "No RDBMS datasource is defined in repository/conf/datasources.";

        protected override IReadOnlyList<CheckResult> EvaluateOnline(CheckContext context)
        {
            var vault = Vault(context);
            var datasources = RdbmsDatasource.ReadAll(context.Home);
            if (datasources.Any(d => d.PasswordAlias != null))
            {
                _ = vault.Value; // decrypt once, before the parallel probes
            }
            return InParallel(datasources.Select(d => (Func<CheckResult>)(() => Probe(context, vault, d))));
        }

        private CheckResult Probe(CheckContext context, Lazy<VaultVerifier> vault, RdbmsDatasource datasource)
        {
            var target = $"{datasource.Name} ({datasource.File})";
            var url = JdbcUrl.Parse(datasource.Url);
            if (url.Kind == DatabaseKind.H2 && url.Host == null)
            {
                return Skip(context, target, "H2 is not a network database: Carbon opens it from a file (or memory) in its own JVM, so there is no server to reach. Database.EmbeddedH2 says whether that suits production.");
            }
            if (url.Host == null)
            {
                return Skip(context, target, $"The URL names no server this check understands ({url.Subprotocol}): MySQL, MariaDB, PostgreSQL, Oracle and MS SQL URLs are.");
            }
            var timeout = context.Options.OnlineTimeoutSeconds;
            var login = url.Kind == DatabaseKind.MySql || url.Kind == DatabaseKind.PostgreSql;
            var expected = login
                ? $"{datasource.Username} logs in to {url.Display}" + (datasource.ValidationQuery == null ? "" : $" and runs {datasource.ValidationQuery}")
                : $"{url.Display} answers on TCP";
            var password = Password(vault, datasource.Password, datasource.PasswordAlias, out var problemOutcome, out var problem);
            if (password == null)
            {
                return Unevaluated(context, problemOutcome, target, problem);
            }
            var tcp = TcpReach.Probe(url.Host, url.Port, timeout);
            if (!tcp.Reached)
            {
                return Fail(context, expected, tcp.Reason, target, tcp.Detail);
            }
            if (!login)
            {
                return Pass(context, expected, "TCP port answers", target,
                    $"{url.Display} answers on TCP. Only TCP reach is checked for {url.Subprotocol}: CarbonOps has no client for it, so the login and validationQuery were not tried.");
            }
            var clients = OnlineClients.Probe;
            if (clients == null)
            {
                return Skip(context, target, $"{url.Display} answers on TCP, but the login and validationQuery were not tried. {OnlineClients.Unavailable}");
            }
            var query = datasource.ValidationQuery;
            var safe = query == null || (SingleSelect.IsMatch(query) && !Into.IsMatch(query));
            var answer = Bounded(() => clients.Database(new DatabaseEndpoint
            {
                Kind = url.Kind,
                Host = url.Host,
                Port = url.Port,
                Database = url.Database,
                Parameters = url.Parameters,
                User = datasource.Username,
                Password = password,
                ValidationQuery = safe ? query : null,
                TimeoutSeconds = timeout,
            }), timeout);
            if (answer.Reached && !safe)
            {
                return Warn(context, expected, Mask(answer.Detail, password), target,
                    $"Logged in, but the validationQuery '{query}' was not run: it is not a single SELECT, and this check never runs a statement that could write. Carbon's pool runs it on every borrow.");
            }
            return answer.Reached
                ? Pass(context, expected, Mask(answer.Detail, password), target, $"{url.Display} accepts the datasource's login" + (query == null ? "." : " and answers its validationQuery."))
                : Fail(context, expected, answer.Reason, target, $"{url.Display}: {Mask(answer.Detail, password)}");
        }
    }
}
