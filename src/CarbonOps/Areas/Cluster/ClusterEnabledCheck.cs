using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// The guide: "For high availability, WSO2 products must run on a cluster." A Warning when several
    /// instances are planned (-InstanceCount) or a cluster domain of the site's own is configured, while
    /// axis2.xml's clustering is off.
    /// </summary>
    public sealed class ClusterEnabledCheck : CarbonCheck
    {
        public const string GuideSentence = "For high availability, WSO2 products must run on a cluster. This enables the WSO2 products to still work in the case of failover.";
        /// <summary>The domain every stock axis2.xml ships with: a domain other than this one is the site's own.</summary>
        public const string StockDomain = "wso2.carbon.domain";

        public override string Id => CheckIds.ClusterEnabled;
        public override string Title => "Clustering is on where the product runs as several instances";
        public override string Category => "Cluster";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => Cluster.ClusterRules.Reference;
        public override string RemediationText => "Set-CarbonCluster -ProductHome <home> -Domain <domain> -MembershipScheme Wka -Member host:port,... turns clustering on; Test-CarbonCluster checks the nodes together.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var target = context.Home.FilePath(CarbonPaths.Axis2Xml);
            var cluster = ClusterReader.Switch(context.Home);
            const string expected = "clustering on when more than one instance runs or a cluster domain is configured";
            var actual = $"clustering {(cluster.Enabled ? "on" : "off")}, domain '{cluster.Domain}', instances {context.Options.InstanceCount}";
            if (cluster.Enabled)
            {
                return Pass(context, expected, actual, target);
            }
            if (context.Options.InstanceCount > 1)
            {
                return Warn(context, expected, actual, target,
                    $"{context.Options.InstanceCount} instances are planned but clustering is off in axis2.xml. The guide: \"{GuideSentence}\"");
            }
            if (cluster.Domain != null && cluster.Domain != StockDomain)
            {
                return Warn(context, expected, actual, target,
                    $"The cluster domain '{cluster.Domain}' is configured but clustering is off in axis2.xml. The guide: \"{GuideSentence}\"");
            }
            return Pass(context, expected, actual, target, "One instance and no cluster domain of its own: nothing asks for a cluster.");
        }
    }
}
