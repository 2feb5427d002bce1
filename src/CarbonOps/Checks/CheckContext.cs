using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks
{
    /// <summary>What a check evaluates against: the host, and for product checks one product home.</summary>
    public sealed class CheckContext
    {
        public CheckContext(IHostProbe host, CarbonHome home, CheckOptions options)
        {
            Host = host;
            Home = home;
            Options = options;
        }

        public IHostProbe Host { get; }
        /// <summary>Null for host checks.</summary>
        public CarbonHome Home { get; }
        public CheckOptions Options { get; }
        public string ComputerName => Host.ComputerName;
    }

    /// <summary>The knobs of a Test-CarbonHost call that checks read.</summary>
    public sealed class CheckOptions
    {
        /// <summary>How many Carbon instances share this host (at least 1).</summary>
        public int InstanceCount { get; set; } = 1;

        /// <summary>The primary keystore's password where Secure Vault protects it in the files (keystore and vault checks).</summary>
        public System.Security.SecureString KeystorePassword { get; set; }

        /// <summary>A certificate that expires within this many days is a warning (Security.CertificateExpiry).</summary>
        public int CertificateExpiryDays { get; set; } = 30;
    }
}
