using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CarbonOps.Installation
{
    /// <summary>One mount of registry.xml followed to its database: mount → remoteInstance → dbConfig → datasource → URL.</summary>
    public sealed class RegistryMount
    {
        internal RegistryMount(string path, string instanceId, string targetPath, string dbConfig, string dataSource, string url)
        {
            Path = path;
            InstanceId = instanceId;
            TargetPath = targetPath;
            DbConfig = dbConfig;
            DataSource = dataSource;
            Url = url;
        }

        public string Path { get; }
        public string InstanceId { get; }
        public string TargetPath { get; }
        public string DbConfig { get; }
        /// <summary>The JNDI name of the dbConfig's dataSource.</summary>
        public string DataSource { get; }
        /// <summary>The datasource's JDBC URL (secrets masked); null when it cannot be followed.</summary>
        public string Url { get; }

        public override string ToString() => $"{Path} -> {InstanceId} ({DataSource ?? "no dbConfig"}, {Url ?? "no datasource"})";
    }

    public static class RegistryMounts
    {
        public const string RegistryXml = "repository/conf/registry.xml";
        public const string ConfigPath = "/_system/config";
        public const string GovernancePath = "/_system/governance";

        /// <summary>The mounts of the home's registry.xml; none when it has no registry.xml.</summary>
        public static IReadOnlyList<RegistryMount> Read(CarbonHome home)
        {
            if (!home.Exists(RegistryXml))
            {
                return new RegistryMount[0];
            }
            var root = home.Xml(RegistryXml).Root;
            var mounts = new List<RegistryMount>();
            foreach (var mount in Elements(root, "mount"))
            {
                var instanceId = Text(mount, "instanceId");
                var instance = Elements(root, "remoteInstance").FirstOrDefault(r => Text(r, "id") == instanceId);
                var dbConfig = Text(instance, "dbConfig");
                var dataSource = Text(Elements(root, "dbConfig").FirstOrDefault(d => (string)d.Attribute("name") == dbConfig), "dataSource");
                var url = dataSource == null ? null : Datasources.Find(home, dataSource)?.Url;
                mounts.Add(new RegistryMount((string)mount.Attribute("path"), instanceId, Text(mount, "targetPath"), dbConfig, dataSource, Datasources.WithoutSecrets(url)));
            }
            return mounts;
        }

        private static IEnumerable<XElement> Elements(XElement parent, string name) => parent.Elements().Where(e => e.Name.LocalName == name);

        private static string Text(XElement parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
    }
}
