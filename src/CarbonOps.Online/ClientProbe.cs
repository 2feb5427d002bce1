using CarbonOps.Host.Online;

namespace CarbonOps.Online
{
    /// <summary>The entry point CarbonOps.dll creates by name (OnlineClients): hands each endpoint to its client.</summary>
    public sealed class ClientProbe : IOnlineProbe
    {
        public ProbeAnswer Database(DatabaseEndpoint endpoint)
        {
            switch (endpoint.Kind)
            {
                case DatabaseKind.MySql:
                    return MySqlLogin.Probe(endpoint);
                case DatabaseKind.PostgreSql:
                    return PostgreSqlLogin.Probe(endpoint);
                default:
                    return null;
            }
        }

        public ProbeAnswer Ldap(LdapEndpoint endpoint) => LdapBind.Probe(endpoint);
    }
}
