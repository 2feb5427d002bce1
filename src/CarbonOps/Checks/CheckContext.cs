using System.Collections.Generic;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks
{
    /// <summary>What a check evaluates against: the host, and for product checks one product home.</summary>
    public sealed class CheckContext
    {
        public CheckContext(IHostProbe host, CarbonHome home, CheckOptions options, JavaProbe java = null)
        {
            Host = host;
            Home = home;
            Options = options;
            Java = java ?? new JavaProbe();
        }

        public IHostProbe Host { get; }
        /// <summary>Null for host checks.</summary>
        public CarbonHome Home { get; }
        public CheckOptions Options { get; }
        /// <summary>The Java inspections of this call; share one between the contexts of a call so each java runs once.</summary>
        public JavaProbe Java { get; }
        public string ComputerName => Host.ComputerName;

        /// <summary>The Java under test, read once per call.</summary>
        public JavaSelection JavaSelection => Java.Select(Host, Options.JavaHome);
    }

    /// <summary>The knobs of a Test-CarbonHost call that checks read.</summary>
    public sealed class CheckOptions
    {
        /// <summary>How many Carbon instances share this host (at least 1).</summary>
        public int InstanceCount { get; set; } = 1;

        public HostProfile Profile { get; set; } = HostProfile.PhysicalServer;

        /// <summary>The Java home to check instead of $JAVA_HOME or the java on PATH.</summary>
        public string JavaHome { get; set; }

        /// <summary>The products are built from source here: Maven and Subversion are needed, and a JRE is not enough.</summary>
        public bool BuildFromSource { get; set; }

        /// <summary>Every product home under test in this call (host checks that depend on the homes read them).</summary>
        public IReadOnlyList<CarbonHome> Homes { get; set; } = new CarbonHome[0];

        /// <summary>Where disk space is measured when no product home is given (the caller's current folder).</summary>
        public string CurrentDirectory { get; set; }

        /// <summary>The primary keystore's password where Secure Vault protects it in the files (keystore and vault checks).</summary>
        public System.Security.SecureString KeystorePassword { get; set; }

        /// <summary>Where systemd units live: a unit that runs a home is read for its JVM options (Network.Proxy, Security.ConsoleAccess).</summary>
        public string ServiceUnitFolder { get; set; } = Installation.ServiceUnits.DefaultFolder;

        /// <summary>The date checks judge against (end of OS support); today in UTC unless a test sets it.</summary>
        public System.DateTime Today { get; set; } = System.DateTime.UtcNow.Date;

        /// <summary>A certificate that expires within this many days is a warning (Security.CertificateExpiry).</summary>
        public int CertificateExpiryDays { get; set; } = 30;

        /// <summary>Online checks may open connections to the databases and LDAP servers of the homes (-Online).</summary>
        public bool Online { get; set; }

        /// <summary>How long an online check waits for each connect, login or query.</summary>
        public int OnlineTimeoutSeconds { get; set; } = 5;
    }
}
