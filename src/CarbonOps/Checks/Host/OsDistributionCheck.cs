using System;
using CarbonOps.Host;

namespace CarbonOps.Checks.Host
{
    /// <summary>The guide recommends Red Hat Enterprise Linux or Ubuntu Server LTS; on Windows it reports the edition.</summary>
    public sealed class OsDistributionCheck : CarbonCheck
    {
        public override string Id => CheckIds.OsDistribution;
        public override string Title => "Operating system the guide recommends";
        public override string Category => "Os";
        public override CheckSeverity Severity => CheckSeverity.Low;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Installation Prerequisites: Operating systems";
        public override string RemediationText => "Run production Carbon instances on Red Hat Enterprise Linux or an Ubuntu Server LTS release.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var os = context.Host.OperatingSystem;
            if (os == null)
            {
                return Skip(context, context.ComputerName, "The operating system could not be read.");
            }
            const string expected = "Red Hat Enterprise Linux or Ubuntu Server LTS";
            var actual = os.Display;
            var id = (os.Id ?? "").ToLowerInvariant();
            switch (os.Platform)
            {
                case HostPlatform.Windows:
                    const string windows = "a Windows Server edition";
                    return actual.IndexOf("Server", StringComparison.OrdinalIgnoreCase) >= 0
                        ? Pass(context, windows, actual, context.ComputerName, "A Windows Server edition.")
                        : Warn(context, windows, actual, context.ComputerName, $"{actual} is not a server edition of Windows.");
                case HostPlatform.Linux:
                    if (id == "rhel")
                    {
                        return Pass(context, expected, actual, context.ComputerName);
                    }
                    if (id == "ubuntu")
                    {
                        return (os.Version ?? "").IndexOf("LTS", StringComparison.Ordinal) >= 0
                            ? Pass(context, expected, actual, context.ComputerName)
                            : Warn(context, expected, actual, context.ComputerName, $"{actual} is not a long-term support release of Ubuntu.");
                    }
                    var like = (os.IdLike ?? "").IndexOf("rhel", StringComparison.OrdinalIgnoreCase) >= 0 ? " It is RHEL-compatible, not RHEL." : "";
                    return Warn(context, expected, actual, context.ComputerName, $"{actual} is not a distribution the guide recommends.{like}");
                default:
                    return Warn(context, expected, actual, context.ComputerName, $"{actual} is not an operating system the guide recommends for production.");
            }
        }
    }
}
