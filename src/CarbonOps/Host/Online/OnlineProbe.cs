using System.Collections.Generic;

namespace CarbonOps.Host.Online
{
    /// <summary>The database servers whose own client is asked to log in; others are only reached over TCP.</summary>
    public enum DatabaseKind
    {
        Other,
        MySql,
        PostgreSql,
        Oracle,
        SqlServer,
        H2,
    }

    /// <summary>A database to log in to, with the credentials of its datasource.</summary>
    public sealed class DatabaseEndpoint
    {
        public DatabaseKind Kind { get; set; }
        public string Host { get; set; }
        public int Port { get; set; }
        public string Database { get; set; }
        /// <summary>The URL's query or property parameters (useSSL, sslmode...), names as written.</summary>
        public IDictionary<string, string> Parameters { get; set; } = new Dictionary<string, string>();
        public string User { get; set; }
        public string Password { get; set; }
        /// <summary>Run in a read-only transaction that is rolled back; null to log in only.</summary>
        public string ValidationQuery { get; set; }
        public int TimeoutSeconds { get; set; } = 5;
    }

    /// <summary>An LDAP server to bind to, and the entry to read after the bind.</summary>
    public sealed class LdapEndpoint
    {
        public string Host { get; set; }
        public int Port { get; set; }
        /// <summary>ldaps:// (TLS from the first byte).</summary>
        public bool Secure { get; set; }
        public string BindDn { get; set; }
        public string Password { get; set; }
        public string SearchBase { get; set; }
        public int TimeoutSeconds { get; set; } = 5;
    }

    /// <summary>What a probe found: reached (logged in and read) or not, a short reason and the server's own words.</summary>
    public sealed class ProbeAnswer
    {
        private ProbeAnswer(bool reached, string reason, string detail)
        {
            Reached = reached;
            Reason = reason;
            Detail = detail;
        }

        public bool Reached { get; }
        /// <summary>Short and stable: "authentication failed", "unknown database", "port closed", "timeout"...</summary>
        public string Reason { get; }
        public string Detail { get; }

        public static ProbeAnswer Ok(string detail) => new ProbeAnswer(true, null, detail);

        public static ProbeAnswer Failed(string reason, string detail) => new ProbeAnswer(false, reason, detail);
    }

    /// <summary>The clients that log in (CarbonOps.Online.dll): only loaded when an online check runs.</summary>
    public interface IOnlineProbe
    {
        /// <summary>Logs in and runs the validation query; null for a kind it has no client for.</summary>
        ProbeAnswer Database(DatabaseEndpoint endpoint);

        ProbeAnswer Ldap(LdapEndpoint endpoint);
    }
}
