using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// The guide: "The embedded H2 database is NOT recommended in enterprise testing and production environments ...
    /// You can use the embedded H2 database in development environments and as the local registry in a registry mount."
    /// Every H2 datasource of master-datasources.xml fails, except the local registry's when registry.xml mounts both
    /// /_system/config and /_system/governance from a non-H2 datasource and the user realm's dataSource is not H2:
    /// that is the guide's registry mount, a Pass with the reason in Actual.
    /// </summary>
    public sealed class EmbeddedH2Check : CarbonCheck
    {
        private static readonly string[] MountedPaths = { "/_system/config", "/_system/governance" };

        public override string Id => CheckIds.DatabaseEmbeddedH2;
        public override string Title => "No datasource uses the embedded H2 database, except as the local registry of a registry mount";
        public override string Category => "Database";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Common guidelines and checklist (registry and governance; user stores)";
        public override string RemediationText =>
            "Create the registry and user-store databases on Oracle, PostgreSQL, MySQL or MS SQL, put the JDBC driver in " +
            "repository/components/lib, and point each H2 datasource of master-datasources.xml at them (Set-CarbonDatasource). " +
            "H2 may stay as the local registry when registry.xml mounts /_system/config and /_system/governance from the external database.";
        public override string NotRemediableReason =>
            "Moving off H2 needs a database server, its JDBC driver and the Carbon schema created in it; a file edit alone would break the server. " + RemediationText;

        public override CheckResult Evaluate(CheckContext context)
        {
            var config = context.Home.Xml(CarbonPaths.MasterDatasourcesXml);
            const string expected = "no datasource URL starts with jdbc:h2: (the local registry of a registry mount may)";
            var sources = config.Select("datasources/datasource").Select(d => new
            {
                Element = d,
                Name = Child(d, "name")?.Value.Trim() ?? "(unnamed)",
                Jndi = Child(Child(d, "jndiConfig"), "name")?.Value.Trim(),
                Url = Child(d, "definition")?.Descendants().FirstOrDefault(e => e.Name.LocalName == "url")?.Value.Trim() ?? "",
            }).ToList();
            var h2 = sources.Where(s => s.Url.StartsWith("jdbc:h2:", StringComparison.OrdinalIgnoreCase)).ToList();
            if (h2.Count == 0)
            {
                return Pass(context, expected, "no H2 datasource", config.Path);
            }
            bool IsH2(string jndi) => jndi != null && h2.Any(s => s.Jndi == jndi);
            var mount = RegistryMount(context.Home);
            var realmJndi = context.Home.Exists(CarbonPaths.UserMgtXml) ? UserStoreInfo.Read(context.Home).DataSourceJndi : null;
            var guideMount = mount != null && !IsH2(mount.MountedJndi) && sources.Any(s => s.Jndi == mount.MountedJndi) && !IsH2(realmJndi);
            var localOnly = h2.Where(s => guideMount && s.Jndi == mount.LocalJndi).ToList();
            var others = h2.Except(localOnly).ToList();
            if (others.Count == 0)
            {
                var local = string.Join(", ", localOnly.Select(s => s.Name));
                var mounted = sources.First(s => s.Jndi == mount.MountedJndi);
                return Pass(context, expected,
                    $"H2 only as the local registry ({local}); /_system/config and /_system/governance mounted from {mounted.Name} ({mounted.Url}); user realm on {realmJndi ?? "no datasource"}",
                    context.Home.FilePath(CarbonPaths.RegistryXml),
                    "H2 holds only the local registry of a registry mount, which the guide allows.");
            }
            var names = string.Join(", ", others.Select(s => s.Name));
            var why = mount == null
                ? ""
                : IsH2(realmJndi) ? " The user realm's dataSource is on H2 too." : IsH2(mount.MountedJndi) ? " The registry mount itself points at H2." : "";
            return Fail(context, expected, "H2: " + names, config.Path,
                $"These datasources use the embedded H2 database, which is not for production (only as the local registry of a registry mount): {names}.{why}")
                .AtLine(config.LineOf(others[0].Element));
        }

        private sealed class Mount
        {
            public string LocalJndi;
            public string MountedJndi;
        }

        /// <summary>
        /// The local registry's datasource and the one that both /_system/config and /_system/governance are mounted
        /// from (through mount → remoteInstance id → dbConfig → dataSource); null when registry.xml does not mount both
        /// from one datasource.
        /// </summary>
        private static Mount RegistryMount(CarbonHome home)
        {
            if (!home.Exists(CarbonPaths.RegistryXml))
            {
                return null;
            }
            var root = home.Xml(CarbonPaths.RegistryXml).Root;
            string DbConfigSource(string dbConfigName) => root.Elements().Where(e => e.Name.LocalName == "dbConfig" && (string)e.Attribute("name") == dbConfigName)
                .Select(e => Child(e, "dataSource")?.Value.Trim()).FirstOrDefault();
            var mounted = new List<string>();
            foreach (var path in MountedPaths)
            {
                var mount = root.Elements().FirstOrDefault(e => e.Name.LocalName == "mount" && ((string)e.Attribute("path") ?? "").TrimEnd('/') == path);
                var instanceId = Child(mount, "instanceId")?.Value.Trim();
                var instance = root.Elements().FirstOrDefault(e => e.Name.LocalName == "remoteInstance" && Child(e, "id")?.Value.Trim() == instanceId);
                var dbConfig = Child(instance, "dbConfig")?.Value.Trim();
                mounted.Add(mount == null || instance == null || dbConfig == null ? null : DbConfigSource(dbConfig));
            }
            if (mounted.Any(m => m == null) || mounted.Distinct().Count() != 1)
            {
                return null;
            }
            return new Mount { LocalJndi = DbConfigSource(Child(root, "currentDBConfig")?.Value.Trim()), MountedJndi = mounted[0] };
        }

        private static XElement Child(XElement parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
    }
}
