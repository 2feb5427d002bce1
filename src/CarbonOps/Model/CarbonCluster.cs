namespace CarbonOps
{
    /// <summary>
    /// One home's part in a cluster: the clustering section of axis2.xml, how the node is started, its
    /// deployment synchronizer, and what it shares (registry mounts, user store). Plain facts, no secrets.
    /// </summary>
    public sealed class CarbonCluster
    {
        internal CarbonCluster(
            string productHome, string computerName, bool enabled, string membershipScheme, string domain,
            string localMemberHost, int localMemberPort, string subDomain, string[] members, bool workerNode, string workerNodeSource,
            bool deploymentSynchronizerEnabled, bool autoCommit, bool autoCheckout, string repositoryUrl,
            string[] registryMounts, string configRegistryUrl, string governanceRegistryUrl, string userStoreType, string userStoreUrl)
        {
            ProductHome = productHome;
            ComputerName = computerName;
            Enabled = enabled;
            MembershipScheme = membershipScheme;
            Domain = domain;
            LocalMemberHost = localMemberHost;
            LocalMemberPort = localMemberPort;
            SubDomain = subDomain;
            Members = members ?? new string[0];
            WorkerNode = workerNode;
            WorkerNodeSource = workerNodeSource;
            DeploymentSynchronizerEnabled = deploymentSynchronizerEnabled;
            AutoCommit = autoCommit;
            AutoCheckout = autoCheckout;
            RepositoryUrl = repositoryUrl;
            RegistryMounts = registryMounts ?? new string[0];
            ConfigRegistryUrl = configRegistryUrl;
            GovernanceRegistryUrl = governanceRegistryUrl;
            UserStoreType = userStoreType;
            UserStoreUrl = userStoreUrl;
        }

        public string ProductHome { get; }
        public string ComputerName { get; }
        /// <summary>The enable attribute of axis2.xml's &lt;clustering&gt;.</summary>
        public bool Enabled { get; }
        /// <summary>wka or multicast, as the file writes it.</summary>
        public string MembershipScheme { get; }
        public string Domain { get; }
        /// <summary>The address this member advertises to the others.</summary>
        public string LocalMemberHost { get; }
        /// <summary>As written: Carbon does not add the port offset to the cluster port.</summary>
        public int LocalMemberPort { get; }
        /// <summary>worker or mgt (the subDomain member property); null when not set.</summary>
        public string SubDomain { get; }
        /// <summary>The well-known members, host:port.</summary>
        public string[] Members { get; }
        /// <summary>Started with -DworkerNode=true.</summary>
        public bool WorkerNode { get; }
        /// <summary>Where -DworkerNode=true was found (launcher, site wrapper, service unit); null when nowhere.</summary>
        public string WorkerNodeSource { get; }
        public bool DeploymentSynchronizerEnabled { get; }
        public bool AutoCommit { get; }
        public bool AutoCheckout { get; }
        /// <summary>The deployment synchronizer's repository (SvnUrl); null when none.</summary>
        public string RepositoryUrl { get; }
        /// <summary>registry.xml mounts: "path -> instance (datasource, database URL)".</summary>
        public string[] RegistryMounts { get; }
        /// <summary>The database URL /_system/config is mounted from; null when not mounted.</summary>
        public string ConfigRegistryUrl { get; }
        public string GovernanceRegistryUrl { get; }
        /// <summary>The UserStoreManager class of user-mgt.xml.</summary>
        public string UserStoreType { get; }
        /// <summary>The LDAP ConnectionURL or the JDBC URL of the user store (credentials removed).</summary>
        public string UserStoreUrl { get; }
    }
}
