using System;
using System.DirectoryServices.Protocols;
using System.Net;
using CarbonOps.Host.Online;

namespace CarbonOps.Online
{
    /// <summary>A simple bind (LDAP v3) with System.DirectoryServices.Protocols (libldap on Linux), then a base-scope read of the search base.</summary>
    internal static class LdapBind
    {
        public static ProbeAnswer Probe(LdapEndpoint endpoint)
        {
            var timeout = TimeSpan.FromSeconds(endpoint.TimeoutSeconds);
            try
            {
                using var connection = new LdapConnection(new LdapDirectoryIdentifier(endpoint.Host, endpoint.Port), new NetworkCredential(endpoint.BindDn, endpoint.Password), AuthType.Basic);
                connection.SessionOptions.ProtocolVersion = 3;
                connection.SessionOptions.SecureSocketLayer = endpoint.Secure;
                connection.Timeout = timeout;
                connection.Bind();
                var read = new SearchRequest(endpoint.SearchBase, "(objectClass=*)", SearchScope.Base, "1.1") { SizeLimit = 1, TimeLimit = timeout };
                var response = (SearchResponse)connection.SendRequest(read, timeout);
                return ProbeAnswer.Ok($"bound as {endpoint.BindDn}; {endpoint.SearchBase} read ({response.Entries.Count} entry)");
            }
            catch (DirectoryOperationException ex) when (ex.Response?.ResultCode == ResultCode.NoSuchObject)
            {
                return ProbeAnswer.Failed("user search base not found", $"The bind succeeded, but '{endpoint.SearchBase}' does not exist: {ex.Message}");
            }
            catch (DirectoryOperationException ex)
            {
                return ProbeAnswer.Failed(ex.Response?.ResultCode == ResultCode.InsufficientAccessRights ? "access denied" : "search failed", ex.Message);
            }
            catch (LdapException ex)
            {
                return ProbeAnswer.Failed(Reason(ex.ErrorCode), $"{ex.Message} (LDAP result {ex.ErrorCode}{(string.IsNullOrEmpty(ex.ServerErrorMessage) ? "" : ", " + ex.ServerErrorMessage)})");
            }
            catch (DllNotFoundException ex)
            {
                return ProbeAnswer.Failed("no LDAP library", "System.DirectoryServices.Protocols needs OpenLDAP's libldap on Linux (Debian: libldap-2.5-0): " + ex.Message);
            }
        }

        /// <summary>LDAP result codes (RFC 4511) and the client-side ones of libldap and wldap32.</summary>
        private static string Reason(int code)
        {
            switch (code)
            {
                case 49:
                    return "authentication failed";
                case 81:
                    return "host unreachable";
                case 85:
                    return "timeout";
                case 32:
                    return "user search base not found";
                case 50:
                    return "access denied";
                default:
                    return "bind failed";
            }
        }
    }
}
