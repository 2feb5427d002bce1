using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CarbonOps.Installation
{
    /// <summary>Reads a home's cluster facts: axis2.xml's &lt;clustering&gt;, -DworkerNode, carbon.xml's DeploymentSynchronizer, registry mounts, user store.</summary>
    public static class ClusterReader
    {
        public const string DefaultUnitFolder = "/etc/systemd/system";
        private static readonly Regex WorkerNodeOption = new Regex(@"-DworkerNode=true\b", RegexOptions.CultureInvariant);

        public static CarbonCluster Read(CarbonHome home, string computerName, string unitFolder = DefaultUnitFolder)
        {
            var axis2 = home.Xml(CarbonPaths.Axis2Xml);
            var clustering = Clustering(axis2.Root);
            var worker = WorkerNodeSource(home, unitFolder);
            var sync = home.Xml(CarbonPaths.CarbonXml).SelectSingle("DeploymentSynchronizer");
            var mounts = RegistryMounts.Read(home);
            var store = UserStoreInfo.Read(home);
            // The cluster port is taken as written: Carbon 4.2.0 adds Ports/Offset to its own ports, but HazelcastClusteringAgent
            // passes localMemberPort to Hazelcast unchanged (NetworkConfig.setPort), so the offset does not move it.
            int.TryParse(Parameter(clustering, "localMemberPort"), NumberStyles.None, CultureInfo.InvariantCulture, out var port);
            return new CarbonCluster(
                home.Path, computerName,
                IsTrue((string)clustering?.Attribute("enable")),
                Parameter(clustering, "membershipScheme"),
                Parameter(clustering, "domain"),
                Parameter(clustering, "localMemberHost"),
                port,
                SubDomain(clustering),
                Members(clustering).ToArray(),
                worker != null, worker,
                IsTrue(Text(sync, "Enabled")), IsTrue(Text(sync, "AutoCommit")), IsTrue(Text(sync, "AutoCheckout")), Text(sync, "SvnUrl"),
                mounts.Select(m => m.ToString()).ToArray(),
                mounts.FirstOrDefault(m => m.Path == RegistryMounts.ConfigPath)?.Url,
                mounts.FirstOrDefault(m => m.Path == RegistryMounts.GovernancePath)?.Url,
                store.Type,
                Datasources.WithoutSecrets(store.ConnectionUrl));
        }

        /// <summary>Only axis2.xml's clustering switch and domain (what the per-home check needs).</summary>
        public static (bool Enabled, string Domain) Switch(CarbonHome home)
        {
            var clustering = Clustering(home.Xml(CarbonPaths.Axis2Xml).Root);
            return (IsTrue((string)clustering?.Attribute("enable")), Parameter(clustering, "domain"));
        }

        public static XElement Clustering(XElement axis2Root) => axis2Root.Elements().FirstOrDefault(e => e.Name.LocalName == "clustering");

        public static XElement ParameterElement(XElement clustering, string name) =>
            clustering?.Elements().FirstOrDefault(e => e.Name.LocalName == "parameter" && (string)e.Attribute("name") == name);

        public static XElement SubDomainProperty(XElement clustering) =>
            ParameterElement(clustering, "properties")?.Elements().FirstOrDefault(e => e.Name.LocalName == "property" && (string)e.Attribute("name") == "subDomain");

        /// <summary>host:port of each &lt;member&gt; of &lt;members&gt;.</summary>
        public static IEnumerable<string> Members(XElement clustering) =>
            (clustering?.Elements().FirstOrDefault(e => e.Name.LocalName == "members")?.Elements() ?? Enumerable.Empty<XElement>())
                .Where(e => e.Name.LocalName == "member")
                .Select(m => Text(m, "hostName") + ":" + Text(m, "port"));

        private static string Parameter(XElement clustering, string name) => ParameterElement(clustering, name)?.Value.Trim();

        private static string SubDomain(XElement clustering) => (string)SubDomainProperty(clustering)?.Attribute("value");

        /// <summary>Where -DworkerNode=true is set on a line that is not a comment: this platform's launcher or site wrapper, or a systemd unit of this home.</summary>
        private static string WorkerNodeSource(CarbonHome home, string unitFolder)
        {
            var scripts = Launcher.IsWindows ? new[] { CarbonPaths.SiteWrapperBat, CarbonPaths.StartupScriptBat } : new[] { CarbonPaths.SiteWrapperSh, CarbonPaths.StartupScriptSh };
            foreach (var relative in scripts)
            {
                if (home.Exists(relative) && SetsWorkerNode(File.ReadAllLines(home.FilePath(relative))))
                {
                    return relative;
                }
            }
            if (unitFolder == null || !Directory.Exists(unitFolder))
            {
                return null;
            }
            foreach (var unit in Directory.GetFiles(unitFolder, "*.service").OrderBy(f => f, StringComparer.Ordinal))
            {
                string[] lines;
                try
                {
                    lines = File.ReadAllLines(unit);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    continue;
                }
                if (lines.Any(l => l.Contains("CARBON_HOME=" + home.Path + "\"") || l.EndsWith("CARBON_HOME=" + home.Path, StringComparison.Ordinal)) && SetsWorkerNode(lines))
                {
                    return unit;
                }
            }
            return null;
        }

        private static bool SetsWorkerNode(IEnumerable<string> lines) =>
            lines.Any(l => !l.TrimStart().StartsWith("#", StringComparison.Ordinal) && !l.TrimStart().StartsWith("rem ", StringComparison.OrdinalIgnoreCase) && WorkerNodeOption.IsMatch(l));

        private static bool IsTrue(string value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static string Text(XElement parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
    }
}
