using System.Collections.Generic;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks
{
    /// <summary>What a check evaluates against: the host, and for product checks one product home.</summary>
    public sealed class CheckContext
    {
        public CheckContext(IHostProbe host, CarbonHome home, CheckOptions options, JavaProbe java = null)
            : this(host, home, options, new CallFacts(java))
        {
        }

        /// <param name="facts">The facts of this call, shared by the contexts of every home of the call.</param>
        public CheckContext(IHostProbe host, CarbonHome home, CheckOptions options, CallFacts facts)
        {
            Host = host;
            Home = home;
            Options = options;
            Facts = facts;
        }

        public IHostProbe Host { get; }
        /// <summary>Null for host checks.</summary>
        public CarbonHome Home { get; }
        public CheckOptions Options { get; }
        /// <summary>The Java inspections of this call; share one between the contexts of a call so each java runs once.</summary>
        public JavaProbe Java => Facts.Java;
        /// <summary>What the checks of one call read once and share: Java probes, the process list, the socket table.</summary>
        public CallFacts Facts { get; }
        /// <summary>Asked of the host once per context: every result names it.</summary>
        public string ComputerName => computerName ?? (computerName = Host.ComputerName);
        private string computerName;

        /// <summary>The Java under test, read once per call.</summary>
        public JavaSelection JavaSelection => Java.Select(Host, Options.JavaHome);
    }

    /// <summary>
    /// The facts of one audit call that several checks (and homes) need, read once: the Java
    /// inspections, the process list, and whatever a check family keeps with <see cref="Shared{T}"/>
    /// (the network checks keep the homes' ports and one reading of the socket table).
    /// </summary>
    public sealed class CallFacts
    {
        private readonly Dictionary<string, object> shared = new Dictionary<string, object>(System.StringComparer.Ordinal);
        private IReadOnlyList<ProcessCommandLines.Entry> processes;

        public CallFacts(JavaProbe java = null)
        {
            Java = java ?? new JavaProbe();
        }

        public JavaProbe Java { get; }

        /// <summary>The command lines of the processes running when first asked.</summary>
        public IReadOnlyList<ProcessCommandLines.Entry> Processes
        {
            get
            {
                lock (shared)
                {
                    return processes ?? (processes = new List<ProcessCommandLines.Entry>(ProcessCommandLines.All()));
                }
            }
        }

        /// <summary>Every listening socket of the host with its owner, read when first asked (Host.ListeningServices).</summary>
        public SocketTable AllSockets(IHostProbe host) => Shared(nameof(AllSockets), () => host.ListeningSockets());

        /// <summary>
        /// The sockets on these ports: taken from the whole table when a check of this call has read it, otherwise
        /// read for these ports alone, which looks for their owners only (the cheaper reading when no service check runs).
        /// </summary>
        public SocketTable SocketsOn(IHostProbe host, ICollection<int> ports)
        {
            object all;
            lock (shared)
            {
                shared.TryGetValue(nameof(AllSockets), out all);
            }
            return all is SocketTable table ? table.Only(ports) : host.ListeningSockets(ports);
        }

        /// <summary>
        /// The ports of a home, read once per call (the firewall and network checks of every home need them); a home whose
        /// files cannot be read throws the same failure each time it is asked, as <see cref="CarbonHome"/> does.
        /// </summary>
        public HomePorts PortsOf(CarbonHome home)
        {
            var read = Shared("HomePorts:" + home.Path, () =>
            {
                try
                {
                    return new PortsRead { Ports = HomePorts.Read(home) };
                }
                catch (CarbonOpsException ex)
                {
                    return new PortsRead { Failure = ex };
                }
            });
            if (read.Failure is CarbonOpsException failure)
            {
                throw failure.Again();
            }
            return read.Ports;
        }

        private sealed class PortsRead
        {
            public HomePorts Ports;
            public CarbonOpsException Failure;
        }

        /// <summary>The filesystem that holds a path and its free space, read once per call (Host.Disk and each home's Host.ConfigValidation).</summary>
        public FileSystemSpace FileSystemOf(IHostProbe host, string path) => Shared("FileSystemOf:" + path, () => host.FileSystemOf(path));

        /// <summary>A fact made once per call under <paramref name="key"/>.</summary>
        public T Shared<T>(string key, System.Func<T> make) where T : class
        {
            lock (shared)
            {
                if (!shared.TryGetValue(key, out var value))
                {
                    value = make();
                    shared[key] = value;
                }
                return (T)value;
            }
        }
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
