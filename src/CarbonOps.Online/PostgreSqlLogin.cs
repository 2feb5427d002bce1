using System;
using System.Net.Sockets;
using CarbonOps.Host.Online;
using Npgsql;

namespace CarbonOps.Online
{
    /// <summary>Logs in to PostgreSQL with Npgsql in a session whose transactions are read-only, and runs the validation query in one that is rolled back.</summary>
    internal static class PostgreSqlLogin
    {
        public static ProbeAnswer Probe(DatabaseEndpoint endpoint)
        {
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = endpoint.Host,
                Port = endpoint.Port,
                Database = string.IsNullOrEmpty(endpoint.Database) ? null : endpoint.Database,
                Username = endpoint.User,
                Password = endpoint.Password,
                Timeout = endpoint.TimeoutSeconds,
                CommandTimeout = endpoint.TimeoutSeconds,
                Pooling = false,
                SslMode = SslMode(endpoint),
                Options = "-c default_transaction_read_only=on",
                ApplicationName = "CarbonOps preflight",
            };
            try
            {
                using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Open();
                var server = "PostgreSQL " + connection.PostgreSqlVersion;
                // Every transaction of this session is read-only (default_transaction_read_only in the connection's options).
                return ValidationQuery.Run(connection, () => connection.BeginTransaction(), endpoint.ValidationQuery, server);
            }
            catch (PostgresException ex)
            {
                return ProbeAnswer.Failed(Reason(ex), ex.Message);
            }
            catch (NpgsqlException ex) when (ex.InnerException is TimeoutException)
            {
                return ProbeAnswer.Failed("timeout", ex.Message);
            }
            catch (NpgsqlException ex) when (ex.InnerException is SocketException)
            {
                return ProbeAnswer.Failed("host unreachable", ex.Message + ": " + ex.InnerException.Message);
            }
            catch (NpgsqlException ex)
            {
                return ProbeAnswer.Failed("connection failed", ex.Message + (ex.InnerException == null ? "" : ": " + ex.InnerException.Message));
            }
            catch (TimeoutException ex)
            {
                return ProbeAnswer.Failed("timeout", ex.Message);
            }
        }

        /// <summary>The SQLSTATE classes a login or validation query meets (PostgreSQL's errcodes).</summary>
        private static string Reason(PostgresException ex)
        {
            switch (ex.SqlState)
            {
                case PostgresErrorCodes.InvalidPassword:
                case PostgresErrorCodes.InvalidAuthorizationSpecification:
                    return "authentication failed";
                case PostgresErrorCodes.InvalidCatalogName:
                    return "unknown database";
                case PostgresErrorCodes.InsufficientPrivilege:
                    return "access to the database denied";
                case PostgresErrorCodes.ReadOnlySqlTransaction:
                    return "validationQuery writes";
                case PostgresErrorCodes.CannotConnectNow:
                case PostgresErrorCodes.TooManyConnections:
                    return "server busy";
                case PostgresErrorCodes.QueryCanceled:
                    return "timeout";
                default:
                    return "query failed";
            }
        }

        /// <summary>pgJDBC's sslmode, else its ssl=true (which verifies the server), else TLS when the server offers it.</summary>
        private static SslMode SslMode(DatabaseEndpoint endpoint)
        {
            if (endpoint.Parameters.TryGetValue("sslmode", out var mode) && Enum.TryParse(mode.Replace("-", ""), ignoreCase: true, out SslMode parsed))
            {
                return parsed;
            }
            return endpoint.Parameters.TryGetValue("ssl", out var ssl) && ssl.Equals("true", StringComparison.OrdinalIgnoreCase) ? Npgsql.SslMode.VerifyFull : Npgsql.SslMode.Prefer;
        }
    }
}
