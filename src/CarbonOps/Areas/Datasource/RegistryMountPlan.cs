using System;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Remedies
{
    /// <summary>
    /// Mounts registry paths from a shared database, in the layout of registry.xml's commented examples: a
    /// &lt;dbConfig&gt; for the datasource after the local one, then a &lt;remoteInstance&gt; and one &lt;mount&gt; per
    /// path after the examples. Elements that exist (by dbConfig name, instance id, mount path) are set in place.
    /// </summary>
    public static class RegistryMountPlan
    {
        public const string CheckId = CheckIds.ClusterSharedRegistry;
        public const string DefaultInstanceId = "sharedregistry";
        public static readonly string[] DefaultPaths = { RegistryMounts.ConfigPath, RegistryMounts.GovernancePath };

        public static void Validate(string instanceId, string[] paths)
        {
            if (string.IsNullOrWhiteSpace(instanceId) || instanceId.Any(char.IsWhiteSpace))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{instanceId}' is not an instance id (no white space).");
            }
            foreach (var path in paths)
            {
                if (!path.StartsWith("/", StringComparison.Ordinal) || path.Any(char.IsWhiteSpace))
                {
                    throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{path}' is not a registry path (it starts with '/' and has no white space).");
                }
            }
        }

        public static void Apply(RemediationContext context, string dataSource, string[] paths, string instanceId, bool readOnly)
        {
            Validate(instanceId, paths);
            var registry = context.Xml(RegistryMounts.RegistryXml);
            var ds = Datasources.Find(context.Home, dataSource)
                ?? throw new CarbonOpsException(ErrorIds.ConfigElementNotFound,
                    $"No datasource of '{context.Home.Path}' has the JNDI name '{dataSource}'; add it to {CarbonPaths.MasterDatasourcesXml} first.", context.Home.FilePath(CarbonPaths.MasterDatasourcesXml));
            Func<XElement> root = () => registry.Root;
            Func<XElement> dbConfig = () => Last(root(), "dbConfig", e => (string)e.Attribute("name") == instanceId);
            Func<XElement> instance = () => Last(root(), "remoteInstance", e => Text(e, "id") == instanceId);

            if (dbConfig() == null)
            {
                context.Record(registry.Path, $"dbConfig[{instanceId}]/dataSource", null, dataSource);
                registry.InsertAfter(Last(root(), "dbConfig") ?? throw RemedyXml.Missing(registry, "<dbConfig> (the local registry's)"),
                    $"<dbConfig name=\"{RemedyXml.EscapeAttribute(instanceId)}\">\n{Unit(registry)}<dataSource>{RemedyXml.Escape(dataSource)}</dataSource>\n</dbConfig>");
            }
            else
            {
                RemedyXml.EnsureChildText(context, registry, dbConfig, "dataSource", null, dataSource, $"dbConfig[{instanceId}]/dataSource", null);
            }

            var cacheId = $"{ds.UserName}@{Datasources.WithoutSecrets(ds.Url)}";
            var readOnlyText = readOnly ? "true" : "false";
            if (instance() == null)
            {
                context.Record(registry.Path, $"remoteInstance[{instanceId}]", null, $"dbConfig {instanceId}, readOnly {readOnlyText}");
                var unit = Unit(registry);
                Insert(registry, Last(root(), "remoteInstance") ?? (XObject)LastExample(root()) ?? dbConfig(), string.Join("\n",
                    "<remoteInstance url=\"https://localhost:9443/registry\">",
                    $"{unit}<id>{RemedyXml.Escape(instanceId)}</id>",
                    $"{unit}<cacheId>{RemedyXml.Escape(cacheId)}</cacheId>",
                    $"{unit}<dbConfig>{RemedyXml.Escape(instanceId)}</dbConfig>",
                    $"{unit}<readOnly>{readOnlyText}</readOnly>",
                    $"{unit}<enableCache>true</enableCache>",
                    $"{unit}<registryRoot>/</registryRoot>",
                    "</remoteInstance>"));
            }
            else
            {
                RemedyXml.EnsureChildText(context, registry, instance, "dbConfig", null, instanceId, $"remoteInstance[{instanceId}]/dbConfig", null);
                RemedyXml.EnsureChildText(context, registry, instance, "cacheId", null, cacheId, $"remoteInstance[{instanceId}]/cacheId",
                    $"<cacheId>{RemedyXml.Escape(cacheId)}</cacheId>", () => RemedyXml.Child(instance(), "id"));
                RemedyXml.EnsureChildText(context, registry, instance, "readOnly", null, readOnlyText, $"remoteInstance[{instanceId}]/readOnly",
                    $"<readOnly>{readOnlyText}</readOnly>", () => RemedyXml.Child(instance(), "dbConfig"));
            }

            foreach (var path in paths)
            {
                Func<XElement> mount = () => Last(root(), "mount", e => (string)e.Attribute("path") == path);
                if (mount() == null)
                {
                    context.Record(registry.Path, $"mount[{path}]", null, $"{instanceId}:{path}");
                    var unit = Unit(registry);
                    Insert(registry, (XObject)Last(root(), "mount") ?? instance(), string.Join("\n",
                        $"<mount path=\"{RemedyXml.EscapeAttribute(path)}\" overwrite=\"true\">",
                        $"{unit}<instanceId>{RemedyXml.Escape(instanceId)}</instanceId>",
                        $"{unit}<targetPath>{RemedyXml.Escape(path)}</targetPath>",
                        "</mount>"));
                    continue;
                }
                RemedyXml.EnsureAttribute(context, registry, mount, "overwrite", "true", $"mount[{path}]/@overwrite");
                RemedyXml.EnsureChildText(context, registry, mount, "instanceId", null, instanceId, $"mount[{path}]/instanceId", null);
                RemedyXml.EnsureChildText(context, registry, mount, "targetPath", null, path, $"mount[{path}]/targetPath", null);
            }
        }

        private static void Insert(XmlConfig config, XObject after, string fragment)
        {
            if (after is XComment comment)
            {
                config.InsertAfter(comment, fragment);
            }
            else
            {
                config.InsertAfter((XElement)after, fragment);
            }
        }

        private static string Unit(XmlConfig registry) => registry.IndentUnit(registry.Root);

        /// <summary>The last commented-out remoteInstance or mount example of the stock file.</summary>
        private static XComment LastExample(XElement root) =>
            root.Nodes().OfType<XComment>().LastOrDefault(c => c.Value.TrimStart().StartsWith("remoteInstance", StringComparison.Ordinal)
                || c.Value.TrimStart().StartsWith("mount", StringComparison.Ordinal) || c.Value.TrimStart().StartsWith("<remoteInstance", StringComparison.Ordinal)
                || c.Value.TrimStart().StartsWith("<mount", StringComparison.Ordinal));

        private static XElement Last(XElement parent, string name, Func<XElement, bool> match = null) =>
            parent.Elements().LastOrDefault(e => e.Name.LocalName == name && (match == null || match(e)));

        private static string Text(XElement parent, string name) => RemedyXml.Child(parent, name)?.Value.Trim();
    }
}
