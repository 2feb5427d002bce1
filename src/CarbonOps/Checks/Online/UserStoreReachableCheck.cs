using System;
using System.Collections.Generic;
using CarbonOps.Host.Online;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Online
{
    /// <summary>An LDAP or Active Directory user store accepts a bind with its ConnectionName and password, and its user search base can be read.</summary>
    public sealed class UserStoreReachableCheck : OnlineCheck
    {
        public override string Id => CheckIds.UserStoreReachable;
        public override string Title => "The LDAP user store accepts its bind and shows its user search base";
        public override string Category => "UserStore";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override string Reference => "Production Deployment Guidelines: User stores";
        public override string RemediationText =>
            "Correct ConnectionURL, ConnectionName, ConnectionPassword or UserSearchBase of the UserStoreManager in user-mgt.xml, " +
            "or open the route and firewall from this host to the directory server.";
        protected override string NothingToReach => "user-mgt.xml has no active UserStoreManager.";

        protected override IReadOnlyList<CheckResult> EvaluateOnline(CheckContext context)
        {
            var store = UserStoreInfo.Read(context.Home);
            var target = CarbonPaths.UserMgtXml;
            if (store.ManagerClass == null)
            {
                return new CheckResult[0];
            }
            if (!store.IsLdap)
            {
                return new[] { Skip(context, target, $"The user store is a JDBC one ({store.ManagerClass}) in datasource {store.DataSourceJndi ?? "(none named)"}: Database.Reachable checks that database.") };
            }
            if (store.IsEmbeddedLdap)
            {
                return new[] { Skip(context, target, "The user store is the embedded LDAP server (ApacheDS), which starts inside Carbon: there is nothing to reach before the server runs.") };
            }
            if (!TryParse(store.ConnectionUrl, out var host, out var port, out var secure))
            {
                return new[] { Skip(context, target, $"ConnectionURL '{store.ConnectionUrl}' is not an ldap:// or ldaps:// URL with a host this check can reach.") };
            }
            var display = $"{(secure ? "ldaps" : "ldap")}://{host}:{port}";
            var expected = $"{store.ConnectionName} binds to {display} and reads {store.UserSearchBase}";
            var password = Password(Vault(context), store.ConnectionPassword(), store.ConnectionPasswordAlias, out var problemOutcome, out var problem);
            if (password == null)
            {
                return new[] { Unevaluated(context, problemOutcome, target, problem) };
            }
            if (password.Length == 0 || string.IsNullOrEmpty(store.ConnectionName))
            {
                return new[] { Fail(context, expected, "no ConnectionName or ConnectionPassword", target, "An LDAP simple bind without a name or password is an anonymous bind: it proves nothing and Carbon cannot manage users with it.") };
            }
            var timeout = context.Options.OnlineTimeoutSeconds;
            var tcp = TcpReach.Probe(host, port, timeout);
            if (!tcp.Reached)
            {
                return new[] { Fail(context, expected, tcp.Reason, target, tcp.Detail) };
            }
            var clients = OnlineClients.Probe;
            if (clients == null)
            {
                return new[] { Skip(context, target, $"{display} answers on TCP, but the bind was not tried. {OnlineClients.Unavailable}") };
            }
            var answer = Bounded(() => clients.Ldap(new LdapEndpoint
            {
                Host = host,
                Port = port,
                Secure = secure,
                BindDn = store.ConnectionName,
                Password = password,
                SearchBase = store.UserSearchBase ?? "",
                TimeoutSeconds = timeout,
            }), timeout);
            return new[]
            {
                answer.Reached
                    ? Pass(context, expected, Mask(answer.Detail, password), target, $"{display} accepts the user store's bind, and its user search base exists.")
                    : Fail(context, expected, answer.Reason, target, $"{display}: {Mask(answer.Detail, password)}"),
            };
        }

        /// <summary>The first server of a ConnectionURL (ldap://host:port, ldaps://host); false for placeholders and other schemes.</summary>
        internal static bool TryParse(string url, out string host, out int port, out bool secure)
        {
            host = null;
            port = 0;
            secure = false;
            var first = (url ?? "").Trim().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (first.Length == 0 || first[0].Contains("${") || !Uri.TryCreate(first[0], UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                return false;
            }
            secure = string.Equals(uri.Scheme, "ldaps", StringComparison.OrdinalIgnoreCase);
            if (!secure && !string.Equals(uri.Scheme, "ldap", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            host = uri.Host.Trim('[', ']');
            port = uri.IsDefaultPort || uri.Port <= 0 ? (secure ? 636 : 389) : uri.Port;
            return true;
        }
    }
}
