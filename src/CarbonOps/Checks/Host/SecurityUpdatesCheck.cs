using System.Linq;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide: "We recommend you apply all the critical security patches from the respective OS vendor."
    /// Counts the security updates the package manager's local metadata lists as pending; it goes to no network.
    /// </summary>
    public sealed class SecurityUpdatesCheck : CarbonCheck
    {
        private const int Named = 10;

        public override string Id => CheckIds.HostSecurityUpdates;
        public override string Title => "No security update from the OS vendor is pending";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Running recommendations for security: Host machine security hardening (security patches)";
        public override string RemediationText =>
            "Refresh the package lists and install the security updates (apt-get update && apt-get upgrade; dnf upgrade --security), then restart what they replaced.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var target = context.ComputerName;
            var updates = context.Host.SecurityUpdates();
            if (updates?.Packages == null)
            {
                return Skip(context, target, updates?.Reason ?? "Pending security updates are not read on this platform.");
            }
            var asOf = updates.MetadataTime.HasValue ? $" (package lists of {updates.MetadataTime.Value:yyyy-MM-dd HH:mm} UTC)" : "";
            const string expected = "0 pending security updates";
            if (updates.Packages.Count == 0)
            {
                return Pass(context, expected, $"{updates.Source}: 0 pending security updates{asOf}", target,
                    "No security update is pending by the local package lists; refresh them (apt-get update, dnf makecache) for news since then.");
            }
            var names = string.Join(", ", updates.Packages.Take(Named)) + (updates.Packages.Count > Named ? $" and {updates.Packages.Count - Named} more" : "");
            return Warn(context, expected, $"{updates.Source}: {updates.Packages.Count} pending security update(s){asOf}: {names}", target,
                $"{updates.Packages.Count} package(s) have a security update that is not installed.");
        }
    }
}
