using System;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Installation;

namespace CarbonOps.Remedies
{
    /// <summary>
    /// Sets carbon.xml's HostName and MgtHostName (a commented-out element is uncommented, not duplicated)
    /// and, when asked, the WSDLEPRPrefix of the pass-through or NIO HTTP and HTTPS listeners of axis2.xml.
    /// </summary>
    public static class HostNameRemedy
    {
        public const string CheckId = CheckIds.CarbonHostName;

        public static void Validate(string hostName, string mgtHostName, string wsdlEprPrefix)
        {
            foreach (var name in new[] { hostName, mgtHostName }.Where(n => n != null))
            {
                if (Uri.CheckHostName(name) == UriHostNameType.Unknown)
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{name}' is not a host name or IP address.");
                }
            }
            if (wsdlEprPrefix != null && !(Uri.TryCreate(wsdlEprPrefix, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{wsdlEprPrefix}' is not an http:// or https:// URL.");
            }
        }

        public static void Apply(RemediationContext context, string hostName, string mgtHostName, string wsdlEprPrefix)
        {
            if (string.IsNullOrEmpty(hostName))
            {
                throw new RemediationValueMissingException("HostName");
            }
            mgtHostName = mgtHostName ?? hostName;
            Validate(hostName, mgtHostName, wsdlEprPrefix);
            var carbon = context.Xml(CarbonPaths.CarbonXml);
            RemedyXml.EnsureChildText(context, carbon, () => carbon.Root, "HostName", null, hostName, "HostName",
                $"<HostName>{RemedyXml.Escape(hostName)}</HostName>", () => carbon.SelectSingle("Version") ?? carbon.SelectSingle("Name"));
            RemedyXml.EnsureChildText(context, carbon, () => carbon.Root, "MgtHostName", null, mgtHostName, "MgtHostName",
                $"<MgtHostName>{RemedyXml.Escape(mgtHostName)}</MgtHostName>", () => carbon.SelectSingle("HostName"));
            if (wsdlEprPrefix == null)
            {
                return;
            }
            var axis2 = context.Xml(CarbonPaths.Axis2Xml);
            var listeners = Listeners(axis2.Root).Select(e => (string)e.Attribute("name")).ToList();
            if (listeners.Count == 0)
            {
                throw RemedyXml.Missing(axis2, "pass-through or NIO http/https transportReceiver (WSDLEPRPrefix applies to those only)");
            }
            foreach (var name in listeners)
            {
                RemedyXml.EnsureChildText(context, axis2, () => Listeners(axis2.Root).First(e => (string)e.Attribute("name") == name),
                    "parameter", RemedyXml.NameIs("WSDLEPRPrefix"), wsdlEprPrefix, $"transportReceiver[{name}]/parameter[WSDLEPRPrefix]",
                    $"<parameter name=\"WSDLEPRPrefix\" locked=\"false\">{RemedyXml.Escape(wsdlEprPrefix)}</parameter>");
            }
        }

        /// <summary>The active http and https transport receivers of Synapse (pass-through or NIO), which honour WSDLEPRPrefix.</summary>
        public static System.Collections.Generic.IEnumerable<XElement> Listeners(XElement axis2Root) =>
            axis2Root.Elements().Where(e => e.Name.LocalName == "transportReceiver"
                && ((string)e.Attribute("name") == "http" || (string)e.Attribute("name") == "https")
                && ((string)e.Attribute("class") ?? "").StartsWith("org.apache.synapse.transport.", StringComparison.Ordinal));
    }
}
