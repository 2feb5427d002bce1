namespace CarbonOps
{
    /// <summary>A WSO2 Carbon product home (CARBON_HOME) found on this computer.</summary>
    public sealed class CarbonInstance
    {
        internal CarbonInstance(
            string productHome, string productName, string productVersion, string identitySource,
            string carbonVersion, int portOffset, string[] startupScripts, string discoveredBy, string computerName)
        {
            ProductHome = productHome;
            ProductName = productName;
            ProductVersion = productVersion;
            IdentitySource = identitySource;
            CarbonVersion = carbonVersion;
            PortOffset = portOffset;
            StartupScripts = startupScripts;
            DiscoveredBy = discoveredBy;
            ComputerName = computerName;
        }

        public string ProductHome { get; }
        public string ProductName { get; }
        public string ProductVersion { get; }
        /// <summary>Where ProductName and ProductVersion came from: carbon.xml, bin/version.txt or the folder name.</summary>
        public string IdentitySource { get; }
        public string CarbonVersion { get; }
        public int PortOffset { get; }
        /// <summary>Launchers found under bin/, relative to the product home.</summary>
        public string[] StartupScripts { get; }
        /// <summary>How the home was found: Path, CARBON_HOME, RunningProcess or InstallFolder.</summary>
        public string DiscoveredBy { get; }
        public string ComputerName { get; }
    }
}
