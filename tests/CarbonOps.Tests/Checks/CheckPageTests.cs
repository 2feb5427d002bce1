using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CarbonOps.Checks;
using CarbonOps.Checks.Cluster;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    /// <summary>
    /// Every check of the catalogue, and every rule of Test-CarbonCluster, has its reference page,
    /// docs/checks/&lt;Id&gt;.md, with the sections a sysadmin needs.
    /// </summary>
    public class CheckPageTests
    {
        private static readonly string[] Sections = { "## Rule", "## Outcomes", "## Remedy", "## Example" };

        private static string PagesFolder => Path.Combine(TestPaths.RepoRoot, "docs", "checks");

        private static string GuidePath => Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "guide", "production-deployment-guidelines-4.2.0.txt"));

        private static IEnumerable<string> Ids => CheckCatalog.All.Select(c => c.Id).Concat(ClusterRules.Ids);

        private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();

        /// <summary>What is wrong with a page; empty when nothing. Quotes are checked against the guide's text when it is given.</summary>
        internal static List<string> Problems(string id, string page, string guide)
        {
            var problems = new List<string>();
            var lines = page.Replace("\r", "").Split('\n');
            if (lines[0] != "# " + id)
            {
                problems.Add($"the first line is not '# {id}'");
            }
            problems.AddRange(Sections.Where(s => !lines.Contains(s)).Select(s => "no " + s));
            var hasGuide = lines.Contains("## Guide");
            var hasSource = lines.Contains("## Source");
            if (!hasGuide && !hasSource)
            {
                problems.Add("neither ## Guide nor ## Source");
            }
            var quotes = lines.Where(l => l.StartsWith("> ")).Select(l => Normalize(l.Substring(2))).ToList();
            if (hasGuide && quotes.Count == 0)
            {
                problems.Add("## Guide quotes no sentence (> ...)");
            }
            if (hasSource && !Regex.IsMatch(SectionText(lines, "## Source"), @"https?://\S+"))
            {
                problems.Add("## Source has no link");
            }
            var outcomes = SectionText(lines, "## Outcomes");
            if (!outcomes.Contains("**Pass**"))
            {
                problems.Add("## Outcomes does not say what Pass means");
            }
            if (guide != null)
            {
                var text = Normalize(guide);
                problems.AddRange(quotes.Where(q => !text.Contains(q)).Select(q => $"the guide does not say: \"{q}\""));
            }
            return problems;
        }

        private static string SectionText(string[] lines, string heading) =>
            string.Join("\n", lines.SkipWhile(l => l != heading).Skip(1).TakeWhile(l => !l.StartsWith("## ")));

        [Fact]
        public void EveryCheckAndClusterRuleHasACompletePage()
        {
            var guide = File.Exists(GuidePath) ? File.ReadAllText(GuidePath) : null;
            var missing = new List<string>();
            foreach (var id in Ids)
            {
                var path = Path.Combine(PagesFolder, id + ".md");
                if (!File.Exists(path))
                {
                    missing.Add($"{id}: no page docs/checks/{id}.md");
                    continue;
                }
                missing.AddRange(Problems(id, File.ReadAllText(path), guide).Select(p => $"{id}: {p}"));
            }
            Assert.True(missing.Count == 0, string.Join("\n", missing));
        }

        [Fact]
        public void EveryPageBelongsToACheck()
        {
            var ids = new HashSet<string>(Ids);
            var orphans = Directory.GetFiles(PagesFolder, "*.md").Select(Path.GetFileNameWithoutExtension)
                .Where(n => n != "README" && !ids.Contains(n)).ToList();
            Assert.Empty(orphans);
        }

        [Fact]
        public void TheValidatorFindsWhatAPageLacks()
        {
            const string good = "# Host.Disk\n\n## Guide\n\n> 10 GB free disk space\n\n## Rule\n\nx\n\n## Outcomes\n\n- **Pass**: y\n\n## Remedy\n\nz\n\n## Example\n\nw\n";
            Assert.Empty(Problems("Host.Disk", good, "Hardware: 10 GB   free disk space."));
            Assert.Contains("no ## Remedy", Problems("Host.Disk", good.Replace("## Remedy", "## Fix"), null));
            Assert.Contains("the first line is not '# Host.Memory'", Problems("Host.Memory", good, null));
            Assert.Contains("the guide does not say: \"10 GB free disk space\"", Problems("Host.Disk", good, "20 GB free disk space"));
            Assert.Contains("## Source has no link", Problems("Host.Disk", good.Replace("## Guide", "## Source"), null));
            Assert.Contains("## Outcomes does not say what Pass means", Problems("Host.Disk", good.Replace("**Pass**", "Pass"), null));
        }

        [Fact]
        public void GetCarbonCheckNamesThePageBesideTheModule()
        {
            var info = CheckCatalog.Find("Host.Firewall").ToInfo();
            Assert.Equal(Path.Combine(Path.GetDirectoryName(typeof(CheckInfo).Assembly.Location), "checks", "Host.Firewall.md"), info.ReferencePage);
        }

        [Fact]
        public void ClusterResultsNameTheirPageAsGetCarbonCheckDoes()
        {
            var node = new CarbonCluster("/opt/esb", "vm", true, "wka", "wso2.esb.domain", "10.0.0.5", 4000, null, new[] { "10.0.0.5:4000" },
                false, null, false, false, false, null, new string[0], null, null, null, null);
            var results = ClusterRules.Evaluate(new[] { node }, "vm");
            var folder = Path.GetDirectoryName(CheckCatalog.Find("Host.Firewall").ToInfo().ReferencePage);
            Assert.Equal(ClusterRules.Ids, results.Select(r => r.CheckId).Distinct());
            Assert.All(results, r => Assert.Equal(Path.Combine(folder, r.CheckId + ".md"), r.ReferencePage));
        }
    }
}
