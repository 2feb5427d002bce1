using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Remedies
{
    /// <summary>
    /// Proxy settings, on request: the reverse proxy in front of the console (proxyName and proxyPort on the
    /// connectors of catalina-server.xml), or the outbound proxy of axis2.xml's HTTP senders: http.proxyHost and
    /// http.proxyPort on the pass-through senders, and the guide's &lt;parameter name="Proxy"&gt; form
    /// (Configuration/ProxyHost, ProxyPort) on the Axis2 CommonsHTTPTransportSender senders, which read that one.
    /// </summary>
    public static class ProxyRemedy
    {
        public const string CheckId = CheckIds.NetworkProxy;

        public const string CommonsHttpSender = "org.apache.axis2.transport.http.CommonsHTTPTransportSender";

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
            var senders = Senders(axis2.Root).Select(e => (string)e.Attribute("class")).Distinct().ToList();
            var commons = CommonsSenders(axis2.Root).Count();
            if (senders.Count == 0 && commons == 0)
            {
                throw RemedyXml.Missing(axis2, "pass-through or CommonsHTTPTransportSender transportSender (set -Dhttp.proxyHost and -Dhttp.proxyPort in the launcher instead)");
            }
            for (var i = 0; i < commons; i++)
            {
                SetProxyParameter(context, axis2, i, host, port);
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

        /// <summary>The guide's form on the index-th CommonsHTTPTransportSender: &lt;parameter name="Proxy"&gt;&lt;Configuration&gt;&lt;ProxyHost/&gt;&lt;ProxyPort/&gt;.</summary>
        private static void SetProxyParameter(RemediationContext context, XmlConfig axis2, int index, string host, int port)
        {
            Func<XElement> sender = () => CommonsSenders(axis2.Root).ElementAt(index);
            var name = (string)sender().Attribute("name");
            var portText = port.ToString(CultureInfo.InvariantCulture);
            Func<XElement> parameter = () => RemedyXml.Child(sender(), "parameter", RemedyXml.NameIs("Proxy"));
            if (parameter() == null)
            {
                context.Record(axis2.Path, $"transportSender[{name}]/parameter[Proxy]/Configuration/ProxyHost", null, host);
                context.Record(axis2.Path, $"transportSender[{name}]/parameter[Proxy]/Configuration/ProxyPort", null, portText);
                axis2.AppendChild(sender(), "<parameter name=\"Proxy\">\n    <Configuration>\n" +
                    $"        <ProxyHost>{RemedyXml.Escape(host)}</ProxyHost>\n        <ProxyPort>{portText}</ProxyPort>\n    </Configuration>\n</parameter>");
                return;
            }
            Func<XElement> configuration = () => RemedyXml.Child(parameter(), "Configuration");
            if (configuration() == null)
            {
                throw RemedyXml.Missing(axis2, $"Configuration in transportSender[{name}]/parameter[Proxy]");
            }
            RemedyXml.EnsureChildText(context, axis2, configuration, "ProxyHost", null, host,
                $"transportSender[{name}]/parameter[Proxy]/Configuration/ProxyHost", $"<ProxyHost>{RemedyXml.Escape(host)}</ProxyHost>");
            RemedyXml.EnsureChildText(context, axis2, configuration, "ProxyPort", null, portText,
                $"transportSender[{name}]/parameter[Proxy]/Configuration/ProxyPort", $"<ProxyPort>{portText}</ProxyPort>");
        }

        private static IEnumerable<XElement> CommonsSenders(XElement axis2Root) =>
            axis2Root.Elements().Where(e => e.Name.LocalName == "transportSender" && (string)e.Attribute("class") == CommonsHttpSender);

        public static IEnumerable<XElement> Connectors(XElement catalinaRoot) =>
            catalinaRoot.Descendants().Where(e => e.Name.LocalName == "Connector");

        private static IEnumerable<XElement> Senders(XElement axis2Root) =>
            axis2Root.Elements().Where(e => e.Name.LocalName == "transportSender" && PassThroughSenders.Contains((string)e.Attribute("class")));
    }
}
