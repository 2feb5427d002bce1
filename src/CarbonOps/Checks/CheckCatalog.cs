using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Checks.Host;
using CarbonOps.Checks.Online;
using CarbonOps.Checks.Product;
using CarbonOps.Checks.Security;

namespace CarbonOps.Checks
{
    /// <summary>Every check of the module, ordered by scope, then id.</summary>
    public static class CheckCatalog
    {
        // Listed by hand, not found by reflection over the assembly: the first command of a session then loads and
        // compiles only the checks. A test holds this list to the check classes the assembly defines.
        private static readonly Lazy<IReadOnlyList<CarbonCheck>> all = new Lazy<IReadOnlyList<CarbonCheck>>(() =>
            new CarbonCheck[]
            {
                new ActiveMqClientCheck(),
                new AdminServiceWsdlsCheck(),
                new AntCheck(),
                new AuditLogRotationCheck(),
                new CarbonLogRotationCheck(),
                new CertificateExpiryCheck(),
                new ClusterEnabledCheck(),
                new ConfigValidationCheck(),
                new ConsoleAccessCheck(),
                new CpuCheck(),
                new DatabaseReachableCheck(),
                new DefaultAdminPasswordCheck(),
                new DefaultCertTrustedCheck(),
                new DefaultKeystoreCheck(),
                new DiskCheck(),
                new EmbeddedH2Check(),
                new EmbeddedUserStoreCheck(),
                new ExposedPortsCheck(),
                new FilePermissionsCheck(),
                new FirewallCheck(),
                new HostNameCheck(),
                new HostnameResolvesCheck(),
                new HttpAdminServicesCheck(),
                new JavaHomeCheck(),
                new JavaJcePolicyCheck(),
                new JavaOnPathCheck(),
                new JavaSnappyCheck(),
                new JavaVendorCheck(),
                new JavaVersionCheck(),
                new JmxCheck(),
                new JvmHeapCheck(),
                new KeyStrengthCheck(),
                new ListeningServicesCheck(),
                new MavenCheck(),
                new MemoryCheck(),
                new OsDistributionCheck(),
                new PasswordFileCheck(),
                new PlaintextPasswordCheck(),
                new PortConflictCheck(),
                new PrivilegedPortCheck(),
                new ProxyCheck(),
                new RunAsRootCheck(),
                new SecureVaultBrokenCheck(),
                new SecurityUpdatesCheck(),
                new ServerHeaderCheck(),
                new SvnCheck(),
                new TlsProtocolsCheck(),
                new UserStoreReachableCheck(),
            }
                .OrderBy(c => c.Scope)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToList());

        public static IReadOnlyList<CarbonCheck> All => all.Value;

        public static CarbonCheck Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));

        /// <summary>Checks whose id matches any of the wildcard patterns (all when none) and whose category is one of those given (any when none).</summary>
        public static IEnumerable<CarbonCheck> Select(IEnumerable<string> idPatterns, IEnumerable<string> categories)
        {
            var patterns = (idPatterns ?? Enumerable.Empty<string>())
                .Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
            var categoryList = (categories ?? Enumerable.Empty<string>()).ToList();
            return All.Where(c =>
                (patterns.Count == 0 || patterns.Any(p => p.IsMatch(c.Id))) &&
                (categoryList.Count == 0 || categoryList.Any(k => string.Equals(k, c.Category, StringComparison.OrdinalIgnoreCase))));
        }

        public static IEnumerable<string> Categories => All.Select(c => c.Category).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal);
    }
}
