using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using CarbonOps.Host.Online;

namespace CarbonOps.Installation
{
    /// <summary>
    /// The server part of a JDBC URL of a Carbon datasource: jdbc:mysql:// (and jdbc:mariadb://), jdbc:postgresql://,
    /// jdbc:oracle:thin:@host:port:SID, @//host:port/service and @(DESCRIPTION=...(HOST=h)(PORT=p)...),
    /// jdbc:sqlserver://host:port;databaseName=db, jdbc:jtds:sqlserver://host:port/db, jdbc:h2:...
    /// </summary>
    public sealed class JdbcUrl
    {
        private static readonly Regex HostPortPath = new Regex(@"^//\[?(?<host>[^/:?;\]]+)\]?(:(?<port>\d+))?(/(?<db>[^?;]*))?(?<rest>.*)$", RegexOptions.CultureInvariant);
        private static readonly Regex OracleDescription = new Regex(@"\(HOST\s*=\s*(?<host>[^)\s]+)\s*\).*?\(PORT\s*=\s*(?<port>\d+)\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private static readonly Regex OracleSimple = new Regex(@"^@(//)?(?<host>[^:/]+)(:(?<port>\d+))?([:/](?<db>.+))?$", RegexOptions.CultureInvariant);

        private JdbcUrl()
        {
        }

        public DatabaseKind Kind { get; private set; }
        /// <summary>The subprotocol as written (mysql, postgresql, oracle, sqlserver, h2...).</summary>
        public string Subprotocol { get; private set; }
        /// <summary>Null where the URL names no network server (H2, or a form not understood).</summary>
        public string Host { get; private set; }
        public int Port { get; private set; }
        public string Database { get; private set; }
        public IDictionary<string, string> Parameters { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>kind host:port/database, for messages: never the parameters, which may hold a password.</summary>
        public string Display => Host == null ? Subprotocol : $"{Subprotocol} {Host}:{Port}" + (string.IsNullOrEmpty(Database) ? "" : "/" + Database);

        public static JdbcUrl Parse(string url)
        {
            var result = new JdbcUrl();
            var text = (url ?? "").Trim();
            if (!text.StartsWith("jdbc:", StringComparison.OrdinalIgnoreCase))
            {
                result.Subprotocol = "(not a JDBC URL)";
                return result;
            }
            text = text.Substring(5);
            if (text.StartsWith("jtds:", StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(5);
            }
            var colon = text.IndexOf(':');
            result.Subprotocol = (colon < 0 ? text : text.Substring(0, colon)).ToLowerInvariant();
            var rest = colon < 0 ? "" : text.Substring(colon + 1);
            switch (result.Subprotocol)
            {
                case "mysql":
                case "mariadb":
                    result.Kind = DatabaseKind.MySql;
                    result.ReadHostPortPath(rest, 3306);
                    break;
                case "postgresql":
                    result.Kind = DatabaseKind.PostgreSql;
                    result.ReadHostPortPath(rest, 5432);
                    break;
                case "sqlserver":
                    result.Kind = DatabaseKind.SqlServer;
                    result.ReadHostPortPath(rest, 1433);
                    result.Database = string.IsNullOrEmpty(result.Database) && result.Parameters.TryGetValue("databaseName", out var db) ? db : result.Database;
                    break;
                case "oracle":
                    result.Kind = DatabaseKind.Oracle;
                    result.ReadOracle(rest);
                    break;
                case "h2":
                    result.Kind = DatabaseKind.H2;
                    // Embedded (a file or memory) unless it names an H2 TCP server: jdbc:h2:tcp://host[:port]/path.
                    var server = rest.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("ssl:", StringComparison.OrdinalIgnoreCase);
                    if (server)
                    {
                        result.ReadHostPortPath(rest.Substring(4), 9092);
                    }
                    break;
                default:
                    result.ReadHostPortPath(rest, 0);
                    break;
            }
            return result;
        }

        private void ReadHostPortPath(string rest, int defaultPort)
        {
            var match = HostPortPath.Match(rest);
            if (!match.Success)
            {
                return;
            }
            var port = match.Groups["port"].Success ? int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) : defaultPort;
            if (port <= 0 || port > 65535)
            {
                return;
            }
            Host = match.Groups["host"].Value.Split(',')[0];
            Port = port;
            Database = match.Groups["db"].Value;
            // ?a=b&c=d (MySQL, PostgreSQL) or ;a=b;c=d (SQL Server, jTDS).
            foreach (var pair in match.Groups["rest"].Value.TrimStart('?', ';').Split('&', ';'))
            {
                var eq = pair.IndexOf('=');
                if (eq > 0)
                {
                    Parameters[pair.Substring(0, eq).Trim()] = Uri.UnescapeDataString(pair.Substring(eq + 1).Trim());
                }
            }
        }

        private void ReadOracle(string rest)
        {
            // thin:@..., or thin:user/password@... (the credentials are dropped, never shown).
            var at = rest.IndexOf('@');
            var target = at < 0 ? "" : rest.Substring(at);
            var description = OracleDescription.Match(target);
            var simple = OracleSimple.Match(target);
            var match = description.Success ? description : simple;
            if (match.Success)
            {
                Host = match.Groups["host"].Value;
                Port = match.Groups["port"].Success ? int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) : 1521;
                Database = description.Success ? null : match.Groups["db"].Value;
            }
        }
    }
}
