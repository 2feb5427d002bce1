using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Remedies
{
    /// <summary>
    /// Limits the HTTPS connectors of catalina-server.xml (sslEnabledProtocols) and the pass-through and
    /// NIO SSL listeners and senders of axis2.xml (HttpsProtocols) to TLS protocols the home's JDK speaks.
    /// </summary>
    public static class TlsProtocolRemedy
    {
        public const string CheckId = CheckIds.SecurityTlsProtocols;
        public static readonly string[] Known = { "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3" };

        // WSO2's fix for POODLE on Carbon 4.2.0.
        private static readonly string[] Default = { "TLSv1", "TLSv1.1", "TLSv1.2" };

        private static readonly string[] SslTransportClasses =
        {
            "org.apache.synapse.transport.passthru.PassThroughHttpSSLListener",
            "org.apache.synapse.transport.passthru.PassThroughHttpSSLSender",
            "org.apache.synapse.transport.nhttp.HttpCoreNIOSSLListener",
            "org.apache.synapse.transport.nhttp.HttpCoreNIOSSLSender",
        };

        /// <summary>The protocols to enable: those asked (or WSO2's set), each one the JDK at <paramref name="javaHome"/> speaks.</summary>
        public static string[] Resolve(string[] requested, string javaHome)
        {
            foreach (var p in requested ?? new string[0])
            {
                if (!Known.Contains(p, StringComparer.Ordinal))
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{p}' is not one of {string.Join(", ", Known)}; SSLv3 and SSLv2 are never enabled.");
                }
            }
            var version = ReadJdkVersion(javaHome);
            var speaks = SupportedBy(JdkFeature(version));
            if (requested == null || requested.Length == 0)
            {
                return Default.Where(speaks.Contains).ToArray();
            }
            var missing = requested.Where(p => !speaks.Contains(p)).ToList();
            if (missing.Count > 0)
            {
                throw new CarbonOpsException(ErrorIds.TlsProtocolNotSupported,
                    $"The JDK at '{javaHome}' is Java {version}, which speaks only {string.Join(", ", speaks)}: {string.Join(", ", missing)} cannot be enabled. " +
                    "Run the server on a newer JDK first, or ask for the protocols it speaks.", javaHome);
            }
            return Known.Where(requested.Contains).ToArray();
        }

        /// <summary>
        /// The Java version of a JDK or JRE folder: JAVA_VERSION of its 'release' file, or, where there is none
        /// (older JDKs), what its bin/java -version prints. Throws JavaHomeNotFound when neither answers.
        /// </summary>
        internal static string ReadJdkVersion(string javaHome)
        {
            if (string.IsNullOrEmpty(javaHome) || !Directory.Exists(javaHome))
            {
                throw new CarbonOpsException(ErrorIds.JavaHomeNotFound, $"The Java home '{javaHome}' does not exist; give -JavaHome with the JDK the server runs on.", javaHome);
            }
            var java = JavaInstallation.Inspect(javaHome);
            if (java.Version == null)
            {
                throw new CarbonOpsException(ErrorIds.JavaHomeNotFound,
                    $"Cannot tell the Java version of '{javaHome}': {java.Error ?? "it has no 'release' file with JAVA_VERSION and no bin/java that answers -version."}", javaHome);
            }
            return java.Version;
        }

        /// <summary>The feature release of a version string: 1.6.0_45 → 6, 1.8.0_202 → 8, 17.0.15 → 17.</summary>
        internal static int JdkFeature(string version)
        {
            var parts = version.Split('.', '_', '-', '+');
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first);
            if (first == 1 && parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var second))
            {
                return second;
            }
            return first;
        }

        /// <summary>The TLS protocols a JDK's JSSE can enable: JDK 6 has TLSv1 only; 7 adds 1.1 and 1.2; 11 adds 1.3.</summary>
        internal static string[] SupportedBy(int feature) =>
            feature <= 6 ? new[] { "TLSv1" }
            : feature < 11 ? new[] { "TLSv1", "TLSv1.1", "TLSv1.2" }
            : Known;

        public static void Apply(RemediationContext context, string[] requested, string javaHome)
        {
            if (string.IsNullOrEmpty(javaHome))
            {
                throw new RemediationValueMissingException("JavaHome");
            }
            var value = string.Join(",", Resolve(requested, javaHome));
            var catalina = context.Xml(CarbonPaths.CatalinaServerXml);
            var connectors = HttpsConnectors(catalina.Root).Count();
            for (var i = 0; i < connectors; i++)
            {
                var index = i;
                Func<XElement> connector = () => HttpsConnectors(catalina.Root).ElementAt(index);
                RemedyXml.EnsureAttribute(context, catalina, connector, "sslEnabledProtocols", value,
                    $"Connector[port={(string)connector().Attribute("port")}]/@sslEnabledProtocols");
            }
            if (!context.Home.Exists(CarbonPaths.Axis2Xml))
            {
                return;
            }
            var axis2 = context.Xml(CarbonPaths.Axis2Xml);
            var transports = SslTransports(axis2.Root).Count();
            for (var i = 0; i < transports; i++)
            {
                var index = i;
                Func<XElement> transport = () => SslTransports(axis2.Root).ElementAt(index);
                var label = $"{transport().Name.LocalName}[{(string)transport().Attribute("name")}]/parameter[HttpsProtocols]";
                RemedyXml.EnsureChildText(context, axis2, transport, "parameter", RemedyXml.NameIs("HttpsProtocols"), value, label,
                    $"<parameter name=\"HttpsProtocols\">{value}</parameter>");
            }
        }

        /// <summary>The connectors that speak TLS.</summary>
        public static IEnumerable<XElement> HttpsConnectors(XElement catalinaRoot) =>
            catalinaRoot.Descendants().Where(e => e.Name.LocalName == "Connector" &&
                (string.Equals((string)e.Attribute("SSLEnabled"), "true", StringComparison.OrdinalIgnoreCase)
                 || string.Equals((string)e.Attribute("scheme"), "https", StringComparison.OrdinalIgnoreCase)));

        /// <summary>The active SSL listeners and senders of Synapse's pass-through and NIO transports.</summary>
        public static IEnumerable<XElement> SslTransports(XElement axis2Root) =>
            axis2Root.Elements().Where(e => (e.Name.LocalName == "transportReceiver" || e.Name.LocalName == "transportSender")
                && SslTransportClasses.Contains((string)e.Attribute("class")));

    }
}
