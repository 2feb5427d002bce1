using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Installation;

namespace CarbonOps.Remedies
{
    /// <summary>
    /// Proxy settings, on request: the reverse proxy in front of the console (proxyName and proxyPort on the
    /// connectors of catalina-server.xml), or the outbound proxy of the pass-through senders of axis2.xml.
    /// </summary>
    public static class ProxyRemedy
    {
        public const string CheckId = CheckIds.NetworkProxy;

        private static readonly string[] PassThroughSenders =
        {
            "org.apache.synapse.transport.passthru.PassThroughHttpSender",
            "org.apache.synapse.transport.passthru.PassThroughHttpSSLSender",
        };

        public static void ValidateHost(string host)
        {
            if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{host}' is not a host name or IP address.");
            }
        }

        /// <summary>proxyName on every connector; proxyPort <paramref name="httpPort"/> on plain ones and <paramref name="httpsPort"/> on TLS ones.</summary>
        public static void SetConnectorProxy(RemediationContext context, string proxyName, int httpPort, int httpsPort)
        {
            ValidateHost(proxyName);
            var catalina = context.Xml(CarbonPaths.CatalinaServerXml);
            var count = Connectors(catalina.Root).Count();
            if (count == 0)
            {
                throw RemedyXml.Missing(catalina, "Connector");
            }
            for (var i = 0; i < count; i++)
            {
                var index = i;
                Func<XElement> connector = () => Connectors(catalina.Root).ElementAt(index);
                var port = (string)connector().Attribute("port");
                var tls = TlsProtocolRemedy.HttpsConnectors(catalina.Root).Contains(connector());
                RemedyXml.EnsureAttribute(context, catalina, connector, "proxyName", proxyName, $"Connector[port={port}]/@proxyName");
                RemedyXml.EnsureAttribute(context, catalina, connector, "proxyPort",
                    (tls ? httpsPort : httpPort).ToString(CultureInfo.InvariantCulture), $"Connector[port={port}]/@proxyPort");
            }
        }

        /// <summary>http.proxyHost, http.proxyPort (and http.nonProxyHosts when given) on the pass-through HTTP and HTTPS senders.</summary>
        public static void SetOutboundProxy(RemediationContext context, string host, int port, string[] nonProxyHosts)
        {
            ValidateHost(host);
            var axis2 = context.Xml(CarbonPaths.Axis2Xml);
            var senders = Senders(axis2.Root).Select(e => (string)e.Attribute("class")).ToList();
            if (senders.Count == 0)
            {
                throw RemedyXml.Missing(axis2, "pass-through transportSender (set -Dhttp.proxyHost and -Dhttp.proxyPort in the launcher instead)");
            }
            var values = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("http.proxyHost", host),
                new KeyValuePair<string, string>("http.proxyPort", port.ToString(CultureInfo.InvariantCulture)),
            };
            if (nonProxyHosts != null && nonProxyHosts.Length > 0)
            {
                values.Add(new KeyValuePair<string, string>("http.nonProxyHosts", string.Join("|", nonProxyHosts)));
            }
            foreach (var cls in senders)
            {
                Func<XElement> sender = () => Senders(axis2.Root).First(e => (string)e.Attribute("class") == cls);
                var name = (string)sender().Attribute("name");
                foreach (var pair in values)
                {
                    RemedyXml.EnsureChildText(context, axis2, sender, "parameter", RemedyXml.NameIs(pair.Key), pair.Value,
                        $"transportSender[{name}]/parameter[{pair.Key}]",
                        $"<parameter name=\"{pair.Key}\" locked=\"false\">{RemedyXml.Escape(pair.Value)}</parameter>");
                }
            }
        }

        public static IEnumerable<XElement> Connectors(XElement catalinaRoot) =>
            catalinaRoot.Descendants().Where(e => e.Name.LocalName == "Connector");

        private static IEnumerable<XElement> Senders(XElement axis2Root) =>
            axis2Root.Elements().Where(e => e.Name.LocalName == "transportSender" && PassThroughSenders.Contains((string)e.Attribute("class")));
    }
}
