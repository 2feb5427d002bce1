using System;
using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Reports;
using CarbonOps.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reports
{
    /// <summary>
    /// The SARIF report of the sample home, checked by Microsoft's own validator (sarif-multitool validate) and against
    /// what GitHub code scanning reads from an uploaded file.
    /// </summary>
    public class SarifValidatorTests
    {
        private readonly ITestOutputHelper output;

        public SarifValidatorTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [SarifValidatorFact]
        public void MicrosoftsValidatorFindsNoErrorWithOrWithoutPassedResults()
        {
            var took = System.Diagnostics.Stopwatch.StartNew();
            using var temp = new TempFolder();
            foreach (var includePassed in new[] { false, true })
            {
                var report = WriteSampleReport(temp, includePassed);
                var (errors, warnings) = Validate(temp, report);
                var name = includePassed ? "-IncludePassed" : "problems only";
                var byRule = string.Join(", ", warnings.GroupBy(w => w.Rule).Select(g => $"{g.Key} x{g.Count()}"));
                ReliabilityLog.Print(output, $"sarif ({name}): {errors.Length} errors, {warnings.Length} warnings{(byRule.Length > 0 ? " (" + byRule + ")" : "")}", took);
                Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Rule}: {e.Text}")));
            }
        }

        /// <summary>The negative control: the same report with a repeated rule tag (the defect the validator first found) is an error.</summary>
        [SarifValidatorFact]
        public void MicrosoftsValidatorReportsARepeatedRuleTag()
        {
            using var temp = new TempFolder();
            var report = WriteSampleReport(temp, includePassed: false);
            var sarif = JObject.Parse(File.ReadAllText(report));
            var tags = (JArray)sarif["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["tags"];
            tags.Add(tags[0].DeepClone());
            File.WriteAllText(report, sarif.ToString());
            var (errors, _) = Validate(temp, report);
            Assert.Contains(errors, e => e.Rule == "JSON1020");
        }

        [Fact]
        public void ResultsWhoseLineTheCheckKnowsHaveARegionThere()
        {
            using var temp = new TempFolder();
            var results = JObject.Parse(File.ReadAllText(WriteSampleReport(temp, includePassed: true)))["runs"][0]["results"];
            int StartLine(string ruleId) => (int)results.Single(r => (string)r["ruleId"] == ruleId)["locations"][0]["physicalLocation"]["region"]["startLine"];
            // The lines, found here by reading the files as text.
            Assert.Equal(LineOf("repository/conf/log4j.properties", "log4j.appender.CARBON_LOGFILE="), StartLine("Logging.Rotation"));
            Assert.Equal(LineOf("repository/conf/log4j.properties", "log4j.appender.AUDIT_LOGFILE="), StartLine("Logging.AuditRotation"));
            Assert.Equal(LineOf("repository/conf/datasources/master-datasources.xml", "<datasource>"), StartLine("Database.EmbeddedH2"));
            Assert.Equal(LineOf("repository/conf/tomcat/catalina-server.xml", "<Connector"), StartLine("Security.ServerHeader"));
            Assert.Equal(LineOf("repository/conf/tomcat/carbon/META-INF/context.xml", "<Context"), StartLine("Security.ConsoleAccess"));
            // A host result names no file, so it has no region.
            Assert.Null(results.First(r => ((string)r["ruleId"]).StartsWith("Host.Memory", StringComparison.Ordinal))["locations"][0]["physicalLocation"]);
        }

        [Fact]
        public void TheReportHasWhatGitHubCodeScanningReads()
        {
            using var temp = new TempFolder();
            var first = JObject.Parse(File.ReadAllText(WriteSampleReport(temp, includePassed: true)));
            var run = first["runs"][0];
            var driver = run["tool"]["driver"];
            Assert.Equal("CarbonOps", (string)driver["name"]);
            Assert.True(Uri.TryCreate((string)driver["informationUri"], UriKind.Absolute, out _));
            var rules = driver["rules"].ToList();
            Assert.Equal(rules.Count, rules.Select(r => (string)r["id"]).Distinct().Count());
            Assert.All(rules, r =>
            {
                Assert.Contains((string)r["defaultConfiguration"]["level"], new[] { "error", "warning", "note" });
                Assert.False(string.IsNullOrWhiteSpace((string)r["shortDescription"]["text"]));
                var tags = r["properties"]["tags"].Select(t => (string)t).ToList();
                Assert.Equal(tags.Count, tags.Distinct().Count());
            });
            var results = run["results"].ToList();
            Assert.NotEmpty(results);
            Assert.All(results, r =>
            {
                Assert.Equal((string)r["ruleId"], (string)rules[(int)r["ruleIndex"]]["id"]);
                Assert.Contains((string)r["level"], new[] { "error", "warning", "note", "none" });
                Assert.False(string.IsNullOrWhiteSpace((string)r["message"]["text"]));
                Assert.Matches("^[0-9a-f]{32}$", (string)r["partialFingerprints"][SarifReportWriter.FingerprintName]);
                var uri = (string)r["locations"][0]["physicalLocation"]?["artifactLocation"]["uri"];
                Assert.True(uri == null || Uri.IsWellFormedUriString(uri, UriKind.Absolute) && !uri.Contains("%20("), uri);
            });
            // One fingerprint per finding, the same on the next run.
            var fingerprints = results.Select(r => (string)r["partialFingerprints"][SarifReportWriter.FingerprintName]).ToList();
            Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
            var second = JObject.Parse(File.ReadAllText(WriteSampleReport(temp, includePassed: true)));
            Assert.Equal(fingerprints, second["runs"][0]["results"].Select(r => (string)r["partialFingerprints"][SarifReportWriter.FingerprintName]));
            // A target that names a part of a file points at the file, and names the part as a logical location.
            var admin = results.Single(r => (string)r["ruleId"] == "Security.DefaultAdminPassword")["locations"][0];
            Assert.EndsWith("/repository/conf/user-mgt.xml", (string)admin["physicalLocation"]["artifactLocation"]["uri"]);
            Assert.Equal("Realm/Configuration/AdminUser", (string)admin["logicalLocations"][0]["fullyQualifiedName"]);
        }

        private static int LineOf(string relative, string start) =>
            Array.FindIndex(File.ReadAllLines(Path.Combine(TestPaths.SampleHome, relative)), l => l.TrimStart().StartsWith(start, StringComparison.Ordinal)) + 1;

        private static string WriteSampleReport(TempFolder temp, bool includePassed)
        {
            using var ps = new PowerShellRunner();
            var path = Path.Combine(temp.Path, includePassed ? "all.sarif" : "problems.sarif");
            var run = ps.Run("param($h, $p, $all) Test-CarbonHost -ProductHome $h | Export-CarbonReport -Path $p -Format Sarif -IncludePassed:$all",
                new Hashtable { ["h"] = TestPaths.SampleHome, ["p"] = path, ["all"] = includePassed });
            Assert.Empty(run.Errors);
            return path;
        }

        private static ((string Rule, string Text)[] Errors, (string Rule, string Text)[] Warnings) Validate(TempFolder temp, string report)
        {
            var log = Path.Combine(temp.Path, "validation.sarif");
            var (code, text) = ExternalTool.Run(NodeTools.SarifMultitool, new[] { "validate", report, "--output", log, "--log", "ForceOverwrite" }, TimeSpan.FromMinutes(3));
            Assert.True(code == 0 && File.Exists(log), $"sarif-multitool exited with {code}: {text}");
            var findings = JObject.Parse(File.ReadAllText(log))["runs"][0]["results"]
                .Select(r => (Level: (string)r["level"] ?? "warning", Rule: (string)r["ruleId"], Text: r["message"].ToString(Newtonsoft.Json.Formatting.None)))
                .ToList();
            return (findings.Where(f => f.Level == "error").Select(f => (f.Rule, f.Text)).ToArray(),
                findings.Where(f => f.Level == "warning").Select(f => (f.Rule, f.Text)).ToArray());
        }
    }
}
