using System;
using System.Linq;
using CarbonOps.Checks;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class CheckCatalogTests
    {
        /// <summary>The catalogue is a list kept by hand (no reflection at first use): it must hold every check class, once.</summary>
        [Fact]
        public void TheListedChecksAreExactlyTheCheckClassesOfTheAssembly()
        {
            var defined = typeof(CarbonCheck).Assembly.GetTypes()
                .Where(t => typeof(CarbonCheck).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var listed = CheckCatalog.All.Select(c => c.GetType().FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.True(defined.Count > 40, "the assembly defines " + defined.Count + " checks");
            Assert.Equal(defined.Except(listed), Enumerable.Empty<string>());
            Assert.Equal(listed.Except(defined), Enumerable.Empty<string>());
            Assert.Equal(listed.Count, listed.Distinct().Count());
            Assert.Equal(CheckCatalog.All.Count, CheckCatalog.All.Select(c => c.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        [Fact]
        public void TheCatalogueIsOrderedByScopeThenId()
        {
            var expected = CheckCatalog.All.OrderBy(c => c.Scope).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id);
            Assert.Equal(expected, CheckCatalog.All.Select(c => c.Id));
        }
    }
}
