using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CarbonOps.Checks;
using CarbonOps.Reports;
using Xunit;
using Newtonsoft.Json.Linq;

namespace CarbonOps.Tests.Reports
{
    public class ReportWriterTests
    {
        private const string Hostile = "<script>alert(1)</script> \"q\", a|b\nnext [x](http://example.invalid) *b* `c`";

        private static CheckResult Result(string id, CheckOutcome outcome, CheckSeverity severity = CheckSeverity.Medium, string home = "/opt/wso2esb-4.8.1",
            string message = null, string computer = "web01") =>
            new CheckResult(id, "Title of " + id, id.Split('.')[0], severity, outcome, "expected " + id, "actual " + id, message ?? "message of " + id,
                outcome == CheckOutcome.Pass ? null : "remedy of " + id, outcome == CheckOutcome.Fail, home == null ? computer : home + "/repository/conf/x.xml",
                home, computer, "Guide section");

        /// <summary>Two homes and the host: every outcome, one waived failure, one value full of markup.</summary>
        internal static Report Sample()
        {
            var results = new List<CheckResult>
            {
                Result("Host.Memory", CheckOutcome.Pass, CheckSeverity.High, home: null),
                Result("Logging.Rotation", CheckOutcome.Fail),
                Result("Database.EmbeddedH2", CheckOutcome.Fail, CheckSeverity.High).WithWaiver(true, "Moves to MySQL (CHG-1)"),
                Result("Logging.AuditRotation", CheckOutcome.Warning, message: Hostile),
                Result("Security.Keystore", CheckOutcome.Error, CheckSeverity.High),
                Result("Ports.Offset", CheckOutcome.Skipped),
                Result("Logging.Rotation", CheckOutcome.Pass, home: "/opt/wso2is-5.0.0"),
                Result("Database.EmbeddedH2", CheckOutcome.Fail, CheckSeverity.Critical, home: "/opt/wso2is-5.0.0"),
            };
            return new Report(results.Select(r => ReportEntry.From(r)), new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), "1.2.3");
        }

        private static string Render(ReportFormat format, bool includePassed = false) =>
            ReportWriter.For(format).Render(Sample(), new ReportOptions { IncludePassed = includePassed });

        [Fact]
        public void TargetsComeWorstSeverityFirstAndWaivedResultsAreNotFailures()
        {
            var report = Sample();
            Assert.Equal(new[] { "/opt/wso2is-5.0.0", "/opt/wso2esb-4.8.1", "Host web01" }, report.Targets.Select(t => t.Name));
            var esb = report.Targets[1];
            Assert.Equal(CheckSeverity.High, esb.WorstSeverity); // the Error; the waived High failure does not count
            Assert.Equal(1, esb.Count(CheckOutcome.Fail));
            Assert.Equal(1, esb.WaivedCount);
            Assert.Equal(new[] { "Logging.Rotation", "Security.Keystore", "Logging.AuditRotation", "Database.EmbeddedH2", "Ports.Offset" },
                esb.Ordered.Select(e => e.CheckId));
        }

        [Fact]
        public void JUnitHasASuitePerTargetACasePerCheckAndFailuresWithTheirMessage()
        {
            var xml = XDocument.Parse(Render(ReportFormat.JUnit));
            var suites = xml.Root.Elements("testsuite").ToList();
            Assert.Equal(3, suites.Count);
            Assert.Equal("8", xml.Root.Attribute("tests").Value);
            var esb = suites.Single(s => s.Attribute("name").Value == "/opt/wso2esb-4.8.1");
            Assert.Equal(("5", "1", "1", "2"), (esb.Attribute("tests").Value, esb.Attribute("failures").Value, esb.Attribute("errors").Value, esb.Attribute("skipped").Value));
            var failure = esb.Elements("testcase").Single(c => c.Attribute("name").Value.StartsWith("Logging.Rotation:")).Element("failure");
            Assert.Equal("message of Logging.Rotation", failure.Attribute("message").Value);
            Assert.Contains("Expected: expected Logging.Rotation", failure.Value);
            Assert.Contains("Remediation: remedy of Logging.Rotation", failure.Value);
            var waived = esb.Elements("testcase").Single(c => c.Attribute("name").Value.StartsWith("Database.EmbeddedH2:"));
            Assert.Equal("Waived: Moves to MySQL (CHG-1)", waived.Element("skipped").Attribute("message").Value);
            Assert.Null(waived.Element("failure"));
            var warning = esb.Elements("testcase").Single(c => c.Attribute("name").Value.StartsWith("Logging.AuditRotation:"));
            Assert.Null(warning.Element("failure"));
            Assert.Contains(Hostile, warning.Element("system-out").Value);
        }

        [Fact]
        public void SarifListsOnlyProblemsWithLevelsFromSeverityAndSuppressesWaivedOnes()
        {
            var sarif = JObject.Parse(Render(ReportFormat.Sarif));
            Assert.Equal("2.1.0", (string)sarif["version"]);
            var run = sarif["runs"][0];
            var ruleIds = run["tool"]["driver"]["rules"].Select(r => (string)r["id"]).ToList();
            Assert.All(CheckCatalog.All, c => Assert.Contains(c.Id, ruleIds));
            Assert.Contains("Security.Keystore", ruleIds); // not in this build's catalogue, but in the results
            var results = run["results"].Cast<JObject>().ToList();
            Assert.Equal(4, results.Count); // 3 failures (one waived) and the warning
            Assert.All(results, r => Assert.Equal(ruleIds[(int)r["ruleIndex"]], (string)r["ruleId"]));
            var critical = results.Single(r => (string)r["ruleId"] == "Database.EmbeddedH2" && r["suppressions"] == null);
            Assert.Equal("error", (string)critical["level"]);
            Assert.Equal("warning", (string)results.Single(r => (string)r["ruleId"] == "Logging.Rotation")["level"]);
            var suppressed = results.Single(r => r["suppressions"] != null);
            Assert.Equal("Moves to MySQL (CHG-1)", (string)suppressed["suppressions"][0]["justification"]);
            Assert.Equal("file:///opt/wso2is-5.0.0/repository/conf/x.xml", (string)critical["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
            var notifications = run["invocations"][0]["toolExecutionNotifications"];
            Assert.Equal("Security.Keystore", (string)Assert.Single(notifications)["descriptor"]["id"]);
        }

        [Fact]
        public void SarifIncludePassedAddsPassesAndSkips()
        {
            var run = JObject.Parse(Render(ReportFormat.Sarif, includePassed: true))["runs"][0];
            var kinds = run["results"].Select(r => (string)r["kind"]).ToList();
            Assert.Equal(2, kinds.Count(k => k == "pass"));
            Assert.Equal(1, kinds.Count(k => k == "notApplicable"));
            Assert.Equal(4, kinds.Count(k => k == "fail"));
        }

        [Fact]
        public void JsonIsAFlatArrayWithTheSameFieldsInTheSameOrder()
        {
            var text = Render(ReportFormat.Json);
            var rows = JArray.Parse(text).Cast<JObject>().ToList();
            Assert.Equal(8, rows.Count);
            Assert.All(rows, r => Assert.Equal(FlatRecord.Fields, r.Properties().Select(p => p.Name).ToArray()));
            Assert.All(rows, r => Assert.All(r.Properties(), p => Assert.IsType<JValue>(p.Value)));
            var warning = rows.Single(r => (string)r["CheckId"] == "Logging.AuditRotation");
            Assert.Equal(Hostile, (string)warning["Message"]);
            Assert.Equal("Warning", (string)warning["Outcome"]);
            Assert.True((bool)rows.Single(r => (string)r["CheckId"] == "Database.EmbeddedH2" && (string)r["ProductHome"] == "/opt/wso2esb-4.8.1")["Waived"]);
            Assert.DoesNotContain("<script>", text); // escaped, so the file is safe to paste into a page
            Assert.Contains("\\u003cscript\\u003e", text);
        }

        [Fact]
        public void CsvHasAStableHeaderAndQuotesWhatNeedsIt()
        {
            var text = Render(ReportFormat.Csv);
            var records = ParseCsv(text);
            Assert.Equal(FlatRecord.Fields, records[0]);
            Assert.Equal(9, records.Count);
            Assert.All(records, r => Assert.Equal(FlatRecord.Fields.Length, r.Length));
            var warning = records.Single(r => r[3] == "Logging.AuditRotation");
            Assert.Equal(Hostile, warning[Array.IndexOf(FlatRecord.Fields, "Message")]);
            Assert.EndsWith("\r\n", text);
        }

        [Theory]
        [InlineData("=HYPERLINK(\"http://evil.invalid\",\"x\")")]
        [InlineData("+1+cmd|' /C calc'!A0")]
        [InlineData("-2+3")]
        [InlineData("@SUM(1+1)")]
        [InlineData("\t=1+1")]
        [InlineData("\r=1+1")]
        public void ACsvCellThatWouldRunAsAFormulaStartsWithAnApostrophe(string planted)
        {
            var report = new Report(new[] { ReportEntry.From(Result("Logging.Rotation", CheckOutcome.Fail, message: planted)) }, DateTime.UtcNow, "1.2.3");
            var text = ReportWriter.For(ReportFormat.Csv).Render(report, new ReportOptions());
            var message = ParseCsv(text)[1][Array.IndexOf(FlatRecord.Fields, "Message")];
            Assert.Equal("'" + planted, message);
            // The text itself is kept, after the apostrophe; a value that only contains such a character is left alone.
            var plain = new Report(new[] { ReportEntry.From(Result("Logging.Rotation", CheckOutcome.Fail, message: "a=b+c-d@e")) }, DateTime.UtcNow, "1.2.3");
            Assert.Equal("a=b+c-d@e", ParseCsv(ReportWriter.For(ReportFormat.Csv).Render(plain, new ReportOptions()))[1][Array.IndexOf(FlatRecord.Fields, "Message")]);
        }

        [Fact]
        public void MarkdownShowsEachFindingAndCannotBeInjected()
        {
            var text = Render(ReportFormat.Markdown);
            Assert.Contains("| /opt/wso2is-5.0.0 | web01 | 1 | 0 | 0 | 0 | 1 | 0 | Critical |", text);
            Assert.Contains("### Fail (Medium): Logging.Rotation", text);
            Assert.Contains("- **Remediation:** remedy of Logging.Rotation", text);
            Assert.Contains("### Waived (High): Database.EmbeddedH2", text);
            Assert.Contains("- **Waiver:** Moves to MySQL (CHG-1)", text);
            Assert.DoesNotContain("<script>", text);
            Assert.DoesNotContain("[x](", text);
            var line = text.Split('\n').Single(l => l.StartsWith("- **Message:** \\<script"));
            Assert.Contains("a\\|b next", line);
        }

        [Fact]
        public void HtmlIsSelfContainedEscapedAndHasEveryFinding()
        {
            var html = Render(ReportFormat.Html);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.DoesNotMatch(new Regex(@"<script|<link|<img|<iframe|\bsrc=|@import|url\(|href=""(?!#)", RegexOptions.IgnoreCase), html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.Contains("<meta name=\"viewport\"", html);
            Assert.Contains("@media print", html);
            foreach (var id in new[] { "Logging.Rotation", "Database.EmbeddedH2", "Logging.AuditRotation", "Security.Keystore" })
            {
                Assert.Contains($"<code class=\"id\">{id}</code>", html);
            }
            Assert.Contains("<dt>Expected</dt><dd class=\"mono\">expected Logging.Rotation</dd>", html);
            Assert.Contains("<dt>Remediation</dt><dd>remedy of Logging.Rotation</dd>", html);
            Assert.Contains("<dt>Waiver</dt><dd>Moves to MySQL (CHG-1)</dd>", html);
            // The summary lists the worst target first.
            Assert.True(html.IndexOf(">/opt/wso2is-5.0.0</a>", StringComparison.Ordinal) < html.IndexOf(">/opt/wso2esb-4.8.1</a>", StringComparison.Ordinal));
            Assert.True(XDocument.Parse(Regex.Replace(html, "<!DOCTYPE html>|<meta[^>]*>|<br>", "")) != null, "the markup is well formed");
        }

        [Fact]
        public void ADeserializedResultFromRemotingReadsTheSameAndKeepsPSComputerName()
        {
            var local = Result("Logging.Rotation", CheckOutcome.Fail).WithWaiver(true, "why");
            var remote = PSSerializer.Deserialize(PSSerializer.Serialize(local)) as PSObject;
            remote.Properties.Add(new PSNoteProperty("PSComputerName", "10.0.0.5"));
            Assert.Equal("Deserialized.CarbonOps.CheckResult", remote.TypeNames[0]);
            var entry = ReportEntry.From(remote);
            Assert.Equal(("Logging.Rotation", CheckOutcome.Fail, CheckSeverity.Medium, true, "why"), (entry.CheckId, entry.Outcome, entry.Severity, entry.Waived, entry.WaiverReason));
            Assert.Equal("10.0.0.5", entry.Host);
            Assert.Equal("web01", entry.ComputerName);
            Assert.Null(ReportEntry.From(new PSObject("just a string")));
        }

        [Theory]
        [InlineData("r.html", ReportFormat.Html)]
        [InlineData("R.HTM", ReportFormat.Html)]
        [InlineData("junit.xml", ReportFormat.JUnit)]
        [InlineData("scan.sarif", ReportFormat.Sarif)]
        [InlineData("scan.sarif.json", ReportFormat.Sarif)]
        [InlineData("r.json", ReportFormat.Json)]
        [InlineData("r.csv", ReportFormat.Csv)]
        [InlineData("r.md", ReportFormat.Markdown)]
        [InlineData("r.pdf", null)]
        public void TheFormatFollowsTheExtension(string path, ReportFormat? expected) => Assert.Equal(expected, ReportWriter.FromPath(path));

        private static List<string[]> ParseCsv(string text)
        {
            var records = new List<string[]>();
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') { quoted = false; }
                    else { field.Append(c); }
                }
                else if (c == '"') { quoted = true; }
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(fields.ToArray());
                    fields.Clear();
                    i++;
                }
                else { field.Append(c); }
            }
            return records;
        }
    }
}
