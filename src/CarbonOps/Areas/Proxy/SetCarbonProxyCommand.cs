using System;
using System.Globalization;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonProxy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ConnectorSet)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonProxyCommand : HomeChangeCmdlet
    {
        private const string ConnectorSet = "Connector";
        private const string OutboundSet = "Outbound";
        private string outboundHost;
        private int outboundPort;

        /// <summary>The host name clients use to reach the reverse proxy or load balancer in front of the server.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConnectorSet)]
        [ValidateNotNullOrEmpty]
        public string ProxyName { get; set; }

        [Parameter(ParameterSetName = ConnectorSet)]
        [ValidateRange(1, 65535)]
        public int HttpProxyPort { get; set; } = 80;

        [Parameter(ParameterSetName = ConnectorSet)]
        [ValidateRange(1, 65535)]
        public int HttpsProxyPort { get; set; } = 443;

        /// <summary>host:port (or http://host:port) of the proxy the pass-through senders call out through.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OutboundSet)]
        [ValidateNotNullOrEmpty]
        public string OutboundProxy { get; set; }

        [Parameter(ParameterSetName = OutboundSet)]
        [ValidateNotNullOrEmpty]
        public string[] NonProxyHosts { get; set; }

        protected override void Validate()
        {
            if (ParameterSetName == ConnectorSet)
            {
                ProxyRemedy.ValidateHost(ProxyName);
                return;
            }
            var text = OutboundProxy.Contains("://") ? OutboundProxy : "http://" + OutboundProxy;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsDefaultPort && !OutboundProxy.Contains(":" + uri.Port.ToString(CultureInfo.InvariantCulture)))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{OutboundProxy}' is not host:port.");
            }
            outboundHost = uri.Host;
            outboundPort = uri.Port;
            ProxyRemedy.ValidateHost(outboundHost);
        }

        protected override Remedy CreateRemedy() =>
            ParameterSetName == ConnectorSet
                ? new Remedy(ProxyRemedy.CheckId, c => ProxyRemedy.SetConnectorProxy(c, ProxyName, HttpProxyPort, HttpsProxyPort))
                : new Remedy(ProxyRemedy.CheckId, c => ProxyRemedy.SetOutboundProxy(c, outboundHost, outboundPort, NonProxyHosts));
    }
}
