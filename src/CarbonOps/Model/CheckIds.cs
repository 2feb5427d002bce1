namespace CarbonOps
{
    /// <summary>
    /// Every check id, defined once. Ids are a contract (waivers, reports, scripts, DSC): never rename one.
    /// Jvm.SystemProperty is the id the changes of Set-CarbonJvmOption -SystemProperty report under; no check has it.
    /// </summary>
    public static class CheckIds
    {
        public const string AppsActiveMqClient = "Apps.ActiveMqClient";
        public const string AppsAnt = "Apps.Ant";
        public const string AppsMaven = "Apps.Maven";
        public const string AppsSvn = "Apps.Svn";
        public const string CarbonHostName = "Carbon.HostName";
        public const string ClusterEnabled = "Cluster.Enabled";
        public const string DatabaseEmbeddedH2 = "Database.EmbeddedH2";
        public const string DatabaseReachable = "Database.Reachable";
        public const string HostConfigValidation = "Host.ConfigValidation";
        public const string HostCpu = "Host.Cpu";
        public const string HostDisk = "Host.Disk";
        public const string HostFirewall = "Host.Firewall";
        public const string HostHostnameResolves = "Host.HostnameResolves";
        public const string HostListeningServices = "Host.ListeningServices";
        public const string HostMemory = "Host.Memory";
        public const string HostSecurityUpdates = "Host.SecurityUpdates";
        public const string JavaHome = "Java.Home";
        public const string JavaJcePolicy = "Java.JcePolicy";
        public const string JavaOnPath = "Java.OnPath";
        public const string JavaSnappy = "Java.Snappy";
        public const string JavaVendor = "Java.Vendor";
        public const string JavaVersion = "Java.Version";
        public const string JvmHeap = "Jvm.Heap";
        public const string JvmSystemProperty = "Jvm.SystemProperty";
        public const string LoggingAuditRotation = "Logging.AuditRotation";
        public const string LoggingRotation = "Logging.Rotation";
        public const string NetworkExposedPorts = "Network.ExposedPorts";
        public const string NetworkPortConflict = "Network.PortConflict";
        public const string NetworkProxy = "Network.Proxy";
        public const string OsDistribution = "Os.Distribution";
        public const string SecurityAdminServiceWsdls = "Security.AdminServiceWsdls";
        public const string SecurityCertificateExpiry = "Security.CertificateExpiry";
        public const string SecurityConsoleAccess = "Security.ConsoleAccess";
        public const string SecurityDefaultAdminPassword = "Security.DefaultAdminPassword";
        public const string SecurityDefaultCertTrusted = "Security.DefaultCertTrusted";
        public const string SecurityDefaultKeystore = "Security.DefaultKeystore";
        public const string SecurityFilePermissions = "Security.FilePermissions";
        public const string SecurityHttpAdminServices = "Security.HttpAdminServices";
        public const string SecurityJmx = "Security.Jmx";
        public const string SecurityKeyStrength = "Security.KeyStrength";
        public const string SecurityPasswordFile = "Security.PasswordFile";
        public const string SecurityPlaintextPassword = "Security.PlaintextPassword";
        public const string SecurityPrivilegedPort = "Security.PrivilegedPort";
        public const string SecurityRunAsRoot = "Security.RunAsRoot";
        public const string SecuritySecureVaultBroken = "Security.SecureVaultBroken";
        public const string SecurityServerHeader = "Security.ServerHeader";
        public const string SecurityTlsProtocols = "Security.TlsProtocols";
        public const string UserStoreEmbedded = "UserStore.Embedded";
        public const string UserStoreReachable = "UserStore.Reachable";

        // Rules of Test-CarbonCluster, which judge a set of homes; not in the per-home catalogue
        // (Get-CarbonCheck does not list them, Test-CarbonHost does not run them).
        public const string ClusterNodesEnabled = "Cluster.NodesEnabled";
        public const string ClusterDomain = "Cluster.Domain";
        public const string ClusterMembershipScheme = "Cluster.MembershipScheme";
        public const string ClusterWkaMembers = "Cluster.WkaMembers";
        public const string ClusterLoopbackAddress = "Cluster.LoopbackAddress";
        public const string ClusterUniqueMember = "Cluster.UniqueMember";
        public const string ClusterWorkerManager = "Cluster.WorkerManager";
        public const string ClusterDeploymentSynchronizer = "Cluster.DeploymentSynchronizer";
        public const string ClusterSharedRegistry = "Cluster.SharedRegistry";
        public const string ClusterSharedUserStore = "Cluster.SharedUserStore";
        public const string ClusterSharedDatabaseH2 = "Cluster.SharedDatabaseH2";
    }
}
