using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Host;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide: "it is recommended that WSO2 products are installed on latest releases of RedHat Enterprise
    /// Linux or Ubuntu Server LTS", and its hardening section: "apply all the critical security patches from the
    /// respective OS vendor". A current RHEL or Ubuntu LTS release passes; a release past the end of its vendor's
    /// standard support gets no security patches and fails; other systems are recommended against, a Warning.
    /// </summary>
    public sealed class OsDistributionCheck : CarbonCheck
    {
        /// <summary>A release and the last month of its vendor's standard support (security patches without an extra subscription).</summary>
        internal sealed class Release
        {
            public Release(string family, string version, int endYear, int endMonth)
            {
                Family = family;
                Version = version;
                EndOfSupport = new DateTime(endYear, endMonth, 1).AddMonths(1).AddDays(-1);
            }

            public string Family { get; }
            public string Version { get; }
            /// <summary>The last day of the last supported month.</summary>
            public DateTime EndOfSupport { get; }
        }

        internal const string Rhel = "Red Hat Enterprise Linux";
        internal const string Ubuntu = "Ubuntu";
        internal const string WindowsServer = "Windows Server";

        // RHEL: end of Maintenance Support; Ubuntu LTS: end of standard security maintenance (5 years);
        // Windows Server: end of extended support.
        internal static readonly Release[] Releases =
        {
            new Release(Rhel, "5", 2017, 3), new Release(Rhel, "6", 2020, 11), new Release(Rhel, "7", 2024, 6),
            new Release(Rhel, "8", 2029, 5), new Release(Rhel, "9", 2032, 5), new Release(Rhel, "10", 2035, 5),
            new Release(Ubuntu, "10.04", 2015, 4), new Release(Ubuntu, "12.04", 2017, 4), new Release(Ubuntu, "14.04", 2019, 4),
            new Release(Ubuntu, "16.04", 2021, 4), new Release(Ubuntu, "18.04", 2023, 5), new Release(Ubuntu, "20.04", 2025, 5),
            new Release(Ubuntu, "22.04", 2027, 6), new Release(Ubuntu, "24.04", 2029, 5), new Release(Ubuntu, "26.04", 2031, 5),
            new Release(WindowsServer, "2003", 2015, 7), new Release(WindowsServer, "2008", 2020, 1), new Release(WindowsServer, "2012", 2023, 10),
            new Release(WindowsServer, "2016", 2027, 1), new Release(WindowsServer, "2019", 2029, 1), new Release(WindowsServer, "2022", 2031, 10),
            new Release(WindowsServer, "2025", 2034, 10),
        };

        private static readonly Regex LeadingVersion = new Regex(@"^\d+(\.\d+)?", RegexOptions.CultureInvariant);
        private static readonly Regex WindowsServerYear = new Regex(@"Windows Server (?<y>\d{4})", RegexOptions.CultureInvariant);

        public override string Id => "Os.Distribution";
        public override string Title => "Operating system the guide recommends, in its vendor's support";
        public override string Category => "Os";
        public override CheckSeverity Severity => CheckSeverity.Low;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Installation Prerequisites: Environment compatibility (operating systems); Host machine security hardening";
        public override string RemediationText => "Run production Carbon instances on a release of Red Hat Enterprise Linux or Ubuntu Server LTS that its vendor still patches.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var os = context.Host.OperatingSystem;
            if (os == null)
            {
                return Skip(context, context.ComputerName, "The operating system could not be read.");
            }
            const string expected = "a supported release of Red Hat Enterprise Linux or Ubuntu Server LTS";
            var id = (os.Id ?? "").ToLowerInvariant();
            var today = context.Options.Today;
            // VERSION_ID, or the number VERSION starts with ("14.04.6 LTS, Trusty Tahr") where an os-release lacks it.
            var versionId = os.VersionId ?? (LeadingVersion.Match(os.Version ?? "") is var m && m.Success ? m.Value : null);
            if (os.Platform == HostPlatform.Windows)
            {
                var year = WindowsServerYear.Match(os.Display);
                if (!year.Success)
                {
                    return Warn(context, expected, os.Display, context.ComputerName, $"{os.Display} is not a server edition of Windows, and the guide recommends RHEL or Ubuntu Server LTS.");
                }
                return Judge(context, expected, os.Display, Find(WindowsServer, year.Groups["y"].Value), today, recommended: false);
            }
            if (os.Platform == HostPlatform.Linux && id == "rhel")
            {
                var major = (versionId ?? "").Split('.')[0];
                return Judge(context, expected, $"{Rhel} {versionId ?? "(version unknown)"}", Find(Rhel, major), today, recommended: true);
            }
            if (os.Platform == HostPlatform.Linux && id == "ubuntu")
            {
                var lts = (os.Version ?? "").IndexOf("LTS", StringComparison.Ordinal) >= 0;
                var label = $"{Ubuntu} {versionId ?? os.Version}{(lts ? " LTS" : "")}";
                if (!lts)
                {
                    return Warn(context, expected, label, context.ComputerName, $"{label} is not a long-term support release of Ubuntu; the guide recommends Ubuntu Server LTS.");
                }
                return Judge(context, expected, label, Find(Ubuntu, versionId), today, recommended: true);
            }
            var like = (os.IdLike ?? "").IndexOf("rhel", StringComparison.OrdinalIgnoreCase) >= 0 ? " It is RHEL-compatible, not RHEL." : "";
            return Warn(context, expected, os.Display, context.ComputerName, $"{os.Display} is not an operating system the guide recommends (recommended, not required).{like}");
        }

        private CheckResult Judge(CheckContext context, string expected, string label, Release release, DateTime today, bool recommended)
        {
            if (release == null)
            {
                return Warn(context, expected, label, context.ComputerName, $"{label} is not in this check's table of releases, so its support dates are unknown.");
            }
            var end = release.EndOfSupport.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            if (today > release.EndOfSupport)
            {
                return Fail(context, expected, $"{label} (standard support ended {end})", context.ComputerName,
                    $"{label} has had no security patches from its vendor since {end}; the guide asks for the vendor's critical security patches. Upgrade to a supported release.");
            }
            var actual = $"{label} (standard support until {end})";
            return recommended
                ? Pass(context, expected, actual, context.ComputerName)
                : Warn(context, expected, actual, context.ComputerName, $"{label} is supported by its vendor, but the guide recommends RHEL or Ubuntu Server LTS (recommended, not required).");
        }

        internal static Release Find(string family, string version) =>
            Releases.FirstOrDefault(r => r.Family == family && r.Version == version);
    }
}
