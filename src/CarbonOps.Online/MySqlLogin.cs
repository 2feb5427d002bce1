using System;
using System.Data;
using CarbonOps.Host.Online;
using MySqlConnector;

namespace CarbonOps.Online
{
    /// <summary>Logs in to MySQL or MariaDB with MySqlConnector and runs the validation query in a read-only transaction that is rolled back.</summary>
    internal static class MySqlLogin
    {
        public static ProbeAnswer Probe(DatabaseEndpoint endpoint)
        {
            var timeout = (uint)endpoint.TimeoutSeconds;
            var builder = new MySqlConnectionStringBuilder
            {
                Server = endpoint.Host,
                Port = (uint)endpoint.Port,
                Database = endpoint.Database ?? "",
                UserID = endpoint.User ?? "",
                Password = endpoint.Password ?? "",
                ConnectionTimeout = timeout,
                DefaultCommandTimeout = timeout,
                Pooling = false,
                SslMode = SslMode(endpoint),
                AllowPublicKeyRetrieval = Flag(endpoint, "allowPublicKeyRetrieval"),
            };
            try
            {
                using var connection = new MySqlConnection(builder.ConnectionString);
                connection.Open();
                // MariaDB announces itself as "5.5.5-<version>-MariaDB" for old MySQL clients' sake.
                var version = connection.ServerVersion.StartsWith("5.5.5-", StringComparison.Ordinal) ? connection.ServerVersion.Substring(6) : connection.ServerVersion;
                var server = $"{(version.IndexOf("MariaDB", StringComparison.OrdinalIgnoreCase) >= 0 ? "MariaDB" : "MySQL")} {version}";
                return ValidationQuery.Run(connection, () => connection.BeginTransaction(IsolationLevel.ReadCommitted, isReadOnly: true), endpoint.ValidationQuery, server);
            }
            catch (MySqlException ex)
            {
                return ProbeAnswer.Failed(Reason(ex), ex.Message);
            }
            catch (Exception ex) when (ex is TimeoutException || ex is OperationCanceledException)
            {
                return ProbeAnswer.Failed("timeout", ex.Message);
            }
        }

        private static string Reason(MySqlException ex)
        {
            switch (ex.ErrorCode)
            {
                case MySqlErrorCode.AccessDenied:
                    return "authentication failed";
                case MySqlErrorCode.UnknownDatabase:
                    return "unknown database";
                case MySqlErrorCode.DatabaseAccessDenied:
                    return "access to the database denied";
                case MySqlErrorCode.UnableToConnectToHost:
                    return ex.InnerException is TimeoutException || ex.Message.IndexOf("timeout", StringComparison.OrdinalIgnoreCase) >= 0 ? "timeout" : "host unreachable";
                case MySqlErrorCode.CommandTimeoutExpired:
                    return "timeout";
                default:
                    return ex.IsTransient ? "server busy" : "query failed";
            }
        }

        /// <summary>Connector/J's sslMode (DISABLED...VERIFY_IDENTITY), else its older useSSL, else TLS when the server offers it.</summary>
        private static MySqlSslMode SslMode(DatabaseEndpoint endpoint)
        {
            endpoint.Parameters.TryGetValue("sslMode", out var mode);
            switch ((mode ?? "").ToUpperInvariant())
            {
                case "DISABLED":
                    return MySqlSslMode.None;
                case "REQUIRED":
                    return MySqlSslMode.Required;
                case "VERIFY_CA":
                    return MySqlSslMode.VerifyCA;
                case "VERIFY_IDENTITY":
                    return MySqlSslMode.VerifyFull;
            }
            if (endpoint.Parameters.ContainsKey("useSSL"))
            {
                return Flag(endpoint, "useSSL") || Flag(endpoint, "requireSSL") ? MySqlSslMode.Required : MySqlSslMode.None;
            }
            return MySqlSslMode.Preferred;
        }

        private static bool Flag(DatabaseEndpoint endpoint, string name) =>
            endpoint.Parameters.TryGetValue(name, out var value) && value.Equals("true", StringComparison.OrdinalIgnoreCase);
    }
}
