using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace CarbonOps.Checks
{
    /// <summary>Every check of the module, ordered by scope, then id.</summary>
    public static partial class CheckCatalog
    {
        // Create() is written at build time (CarbonOps.Generators.CheckCatalogGenerator) with every concrete check class:
        // the first command of a session then loads and compiles only the checks, with no reflection over the assembly.
        private static readonly Lazy<IReadOnlyList<CarbonCheck>> all = new Lazy<IReadOnlyList<CarbonCheck>>(() =>
            Create()
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
