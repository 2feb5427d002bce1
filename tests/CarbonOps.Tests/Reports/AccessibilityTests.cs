using System;
using System.IO;
using System.Linq;
using CarbonOps.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reports
{
    /// <summary>axe-core, run by puppeteer-core in the machine's chromium, on the HTML report of the sample home at a phone's and a desktop's width.</summary>
    public class AccessibilityTests
    {
        /// <summary>What the report must never break, whatever axe rates it: contrast, landmarks, table headers, language.</summary>
        private static readonly string[] Required = { "color-contrast", "landmark-one-main", "region", "th-has-data-cells", "td-has-header", "html-has-lang", "html-lang-valid" };

        private readonly ITestOutputHelper output;

        public AccessibilityTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [AxeFact]
        public void TheSampleReportHasNoSeriousOrCriticalViolationOnAPhoneOrADesktop()
        {
            var took = System.Diagnostics.Stopwatch.StartNew();
            using var temp = new TempFolder();
            var html = HtmlRenderingTests.WriteReport(temp);
            foreach (var (width, height) in new[] { (390, 844), (1280, 900) })
            {
                var violations = Axe(html, width, height);
                foreach (var v in violations)
                {
                    output.WriteLine($"{width} px: {v["impact"]} {v["id"]} ({v["help"]}): {string.Join(", ", v["nodes"].Take(5))}");
                }
                ReliabilityLog.Print(output, $"axe-core at {width} px: {violations.Count} violations, {violations.Count(Serious)} serious or critical", took);
                Assert.DoesNotContain(violations, Serious);
                Assert.DoesNotContain(violations, v => Required.Contains((string)v["id"]));
            }
        }

        /// <summary>The negative control: a page without a language, with faint text and a table without headers is caught.</summary>
        [AxeFact]
        public void AxeCatchesAPageWithoutLanguageContrastOrHeaders()
        {
            using var temp = new TempFolder();
            var html = temp.Write("bad.html", "<!DOCTYPE html><html><head><title>t</title></head><body><main><p style=\"color:#bbb;background:#fff\">faint text</p>" +
                "<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table><img src=\"x.png\"></main></body></html>");
            var ids = Axe(html, 390, 844).Where(Serious).Select(v => (string)v["id"]).ToList();
            Assert.Contains("html-has-lang", ids);
            Assert.Contains("color-contrast", ids);
            Assert.Contains("image-alt", ids);
        }

        private static bool Serious(JToken violation) => (string)violation["impact"] == "serious" || (string)violation["impact"] == "critical";

        private static System.Collections.Generic.List<JToken> Axe(string html, int width, int height)
        {
            var script = Path.Combine(TestPaths.RepoRoot, "tests", "tools", "axe-report.js");
            var result = html + $".axe-{width}.json";
            var args = new[] { script, NodeTools.Modules, ExternalTool.Chromium, html, width.ToString(), height.ToString(), result };
            var (code, text) = ExternalTool.Run(NodeTools.Node, args, TimeSpan.FromMinutes(2));
            Assert.True(code == 0 && File.Exists(result), $"axe-report.js exited with {code}: {text}");
            return JObject.Parse(File.ReadAllText(result))["violations"].ToList();
        }
    }
}
