using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Checks;

namespace CarbonOps.Reports
{
    /// <summary>
    /// SARIF 2.1.0: rules from the check catalogue; results for the problems only (Fail and Warning, waived ones
    /// suppressed with their reason) unless IncludePassed adds passes and skips. A check that could not be
    /// evaluated (Error) is a tool execution notification, not a finding.
    /// </summary>
    public sealed class SarifReportWriter : ReportWriter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        public override ReportFormat Format => ReportFormat.Sarif;

        public override string Render(Report report, ReportOptions options)
        {
            var rules = BuildRules(report);
            var index = rules.Select((r, i) => (Id: (string)r.First(p => p.Key == "id").Value, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            var results = new List<object>();
            var notifications = new List<object>();
            foreach (var e in report.Entries)
            {
                if (e.Outcome == CheckOutcome.Error)
                {
                    notifications.Add(new JsonMap
                    {
                        { "level", "error" },
                        { "message", Text(e.Message) },
                        { "descriptor", new JsonMap { { "id", e.CheckId } } },
                        { "locations", Locations(e) },
                    });
                    continue;
                }
                var problem = e.Outcome == CheckOutcome.Fail || e.Outcome == CheckOutcome.Warning;
                if (!problem && !options.IncludePassed)
                {
                    continue;
                }
                var result = new JsonMap
                {
                    { "ruleId", e.CheckId },
                    { "ruleIndex", index[e.CheckId] },
                    { "kind", problem ? "fail" : e.Outcome == CheckOutcome.Pass ? "pass" : "notApplicable" },
                    { "level", problem ? Level(e) : "none" },
                    { "message", Text(MessageOf(e)) },
                    { "locations", Locations(e) },
                };
                if (e.Waived)
                {
                    result.Add("suppressions", new[] { new JsonMap { { "kind", "external" }, { "status", "accepted" }, { "justification", e.WaiverReason ?? "" } } });
                }
                result.Add("properties", new JsonMap
                {
                    { "outcome", e.Outcome }, { "severity", e.Severity }, { "expected", e.Expected }, { "actual", e.Actual },
                    { "productHome", e.ProductHome }, { "computerName", e.ComputerName }, { "psComputerName", e.PSComputerName },
                });
                results.Add(result);
            }
            var sarif = new JsonMap
            {
                { "$schema", SchemaUri },
                { "version", "2.1.0" },
                {
                    "runs", new[]
                    {
                        new JsonMap
                        {
                            { "tool", new JsonMap { { "driver", new JsonMap { { "name", "CarbonOps" }, { "version", report.ToolVersion }, { "rules", rules } } } } },
                            { "invocations", new[] { new JsonMap { { "executionSuccessful", true }, { "endTimeUtc", Report.Timestamp(report.Generated) }, { "toolExecutionNotifications", notifications } } } },
                            { "results", results },
                        },
                    }
                },
            };
            return Json.Write(sarif) + "\n";
        }

        private static List<JsonMap> BuildRules(Report report)
        {
            var rules = new List<JsonMap>();
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var check in CheckCatalog.All)
            {
                known.Add(check.Id);
                rules.Add(Rule(check.Id, check.Title, check.Description, check.RemediationText, check.Category, check.Severity, check.Reference));
            }
            // Results from a host whose module has checks this one lacks still get a rule.
            foreach (var e in report.Entries.Where(e => known.Add(e.CheckId)))
            {
                rules.Add(Rule(e.CheckId, e.Title, e.Title, e.Remediation, e.Category, e.Severity, e.Reference));
            }
            return rules;
        }

        private static JsonMap Rule(string id, string title, string description, string remediation, string category, CheckSeverity severity, string reference) =>
            new JsonMap
            {
                { "id", id },
                { "name", id.Replace(".", "") },
                { "shortDescription", Text(title) },
                { "fullDescription", Text(description ?? title) },
                { "help", Text(remediation ?? title) },
                { "defaultConfiguration", new JsonMap { { "level", LevelOf(severity) } } },
                { "properties", new JsonMap { { "category", category }, { "severity", severity }, { "reference", reference }, { "tags", new[] { "carbon", (category ?? "").ToLowerInvariant() } } } },
            };

        private static string Level(ReportEntry e) => e.Outcome == CheckOutcome.Warning && e.Severity >= CheckSeverity.High ? "warning" : LevelOf(e.Severity);

        private static string LevelOf(CheckSeverity severity) =>
            severity >= CheckSeverity.High ? "error" : severity == CheckSeverity.Medium ? "warning" : "note";

        private static string MessageOf(ReportEntry e)
        {
            var text = e.Message ?? e.Title;
            return string.IsNullOrEmpty(e.Remediation) || e.Outcome == CheckOutcome.Pass ? text : text + " Remediation: " + e.Remediation;
        }

        private static JsonMap Text(string text) => new JsonMap { { "text", text ?? "" } };

        private static object[] Locations(ReportEntry e)
        {
            if (!string.IsNullOrEmpty(e.Target) && Path.IsPathRooted(e.Target) && Uri.TryCreate(e.Target, UriKind.Absolute, out var uri))
            {
                return new object[] { new JsonMap { { "physicalLocation", new JsonMap { { "artifactLocation", new JsonMap { { "uri", uri.AbsoluteUri } } } } } } };
            }
            return new object[] { new JsonMap { { "logicalLocations", new[] { new JsonMap { { "name", e.Target ?? e.Host ?? "" }, { "kind", "module" } } } } } };
        }
    }
}
