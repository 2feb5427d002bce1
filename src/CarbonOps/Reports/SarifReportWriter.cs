using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CarbonOps.Checks;
using Newtonsoft.Json.Linq;

namespace CarbonOps.Reports
{
    /// <summary>
    /// SARIF 2.1.0: rules from the check catalogue; results for the problems only (Fail and Warning, waived ones
    /// suppressed with their reason) unless IncludePassed adds passes and skips. A check that could not be
    /// evaluated (Error) is a tool execution notification, not a finding. Meets what GitHub code scanning reads:
    /// rule ids, a level on each rule and result, message text, and a partial fingerprint per result.
    /// </summary>
    public sealed class SarifReportWriter : ReportWriter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        /// <summary>The page of the WSO2 Carbon 4.2.0 deployment guide whose advice the checks implement.</summary>
        public const string InformationUri = "https://docs.wso2.com/display/CLUSTER420/Production+Deployment+Guidelines";

        /// <summary>The partial fingerprint's name: the same finding on the same target keeps it from one run to the next.</summary>
        public const string FingerprintName = "carbonOpsFinding/v1";

        public override ReportFormat Format => ReportFormat.Sarif;

        public override string Render(Report report, ReportOptions options)
        {
            var rules = BuildRules(report);
            var index = rules.Select((r, i) => ((string)r["id"], i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
            var results = new JArray();
            var notifications = new JArray();
            foreach (var e in report.Entries)
            {
                if (e.Outcome == CheckOutcome.Error)
                {
                    notifications.Add(new JObject
                    {
                        ["level"] = "error",
                        ["message"] = Text(e.Message),
                        ["descriptor"] = new JObject { ["id"] = e.CheckId },
                        ["locations"] = Locations(e),
                    });
                    continue;
                }
                var problem = e.Outcome == CheckOutcome.Fail || e.Outcome == CheckOutcome.Warning;
                if (!problem && !options.IncludePassed)
                {
                    continue;
                }
                var result = new JObject
                {
                    ["ruleId"] = e.CheckId,
                    ["ruleIndex"] = index[e.CheckId],
                    ["kind"] = problem ? "fail" : e.Outcome == CheckOutcome.Pass ? "pass" : "notApplicable",
                    ["level"] = problem ? Level(e) : "none",
                    ["message"] = Text(MessageOf(e)),
                    ["locations"] = Locations(e),
                    ["partialFingerprints"] = new JObject { [FingerprintName] = Fingerprint(e) },
                };
                if (e.Waived)
                {
                    result.Add("suppressions", new JArray(new JObject { ["kind"] = "external", ["status"] = "accepted", ["justification"] = e.WaiverReason ?? "" }));
                }
                result.Add("properties", new JObject
                {
                    ["outcome"] = JsonText.Value(e.Outcome), ["severity"] = JsonText.Value(e.Severity), ["expected"] = e.Expected, ["actual"] = e.Actual,
                    ["productHome"] = e.ProductHome, ["computerName"] = e.ComputerName, ["psComputerName"] = e.PSComputerName,
                });
                results.Add(result);
            }
            var driver = new JObject
            {
                ["name"] = "CarbonOps",
                ["version"] = report.ToolVersion,
                ["informationUri"] = InformationUri,
                ["rules"] = new JArray(rules),
            };
            var sarif = new JObject
            {
                ["$schema"] = SchemaUri,
                ["version"] = "2.1.0",
                ["runs"] = new JArray(new JObject
                {
                    ["tool"] = new JObject { ["driver"] = driver },
                    ["invocations"] = new JArray(new JObject { ["executionSuccessful"] = true, ["endTimeUtc"] = Report.Timestamp(report.Generated), ["toolExecutionNotifications"] = notifications }),
                    ["results"] = results,
                }),
            };
            return JsonText.Write(sarif) + "\n";
        }

        private static List<JObject> BuildRules(Report report)
        {
            var rules = new List<JObject>();
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

        private static JObject Rule(string id, string title, string description, string remediation, string category, CheckSeverity severity, string reference) =>
            new JObject
            {
                ["id"] = id,
                ["name"] = id.Replace(".", ""),
                ["shortDescription"] = Text(title),
                ["fullDescription"] = Text(description ?? title),
                ["help"] = Text(remediation ?? title),
                ["defaultConfiguration"] = new JObject { ["level"] = LevelOf(severity) },
                ["properties"] = new JObject
                {
                    ["category"] = category, ["severity"] = JsonText.Value(severity), ["reference"] = reference,
                    // SARIF wants the tags unique: the Carbon category would repeat "carbon".
                    ["tags"] = new JArray(new[] { "carbon", (category ?? "").ToLowerInvariant() }.Where(t => t.Length > 0).Distinct()),
                },
            };

        private static string Level(ReportEntry e) => e.Outcome == CheckOutcome.Warning && e.Severity >= CheckSeverity.High ? "warning" : LevelOf(e.Severity);

        private static string LevelOf(CheckSeverity severity) =>
            severity >= CheckSeverity.High ? "error" : severity == CheckSeverity.Medium ? "warning" : "note";

        private static string MessageOf(ReportEntry e)
        {
            var text = e.Message ?? e.Title;
            return string.IsNullOrEmpty(e.Remediation) || e.Outcome == CheckOutcome.Pass ? text : text + " Remediation: " + e.Remediation;
        }

        private static JObject Text(string text) => new JObject { ["text"] = text ?? "" };

        /// <summary>The check, the host, the home and the target: not the line, which moves when the file is edited.</summary>
        private static string Fingerprint(ReportEntry e)
        {
            using (var sha = SHA256.Create())
            {
                var key = string.Join("\n", e.CheckId, e.Host ?? "", e.ProductHome ?? "", e.Target ?? "");
                return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(key)).Take(16).Select(b => b.ToString("x2")));
            }
        }

        /// <summary>A file target ("/home/conf/user-mgt.xml", or "/home/conf/user-mgt.xml (Realm/AdminUser)" naming a part of it) is a physical location; a host or a name is a logical one.</summary>
        private static JArray Locations(ReportEntry e)
        {
            var target = e.Target ?? "";
            var part = System.Text.RegularExpressions.Regex.Match(target, @"^(?<file>.+?) \((?<part>[^()]+)\)$");
            var file = part.Success ? part.Groups["file"].Value : target;
            if (file.Length > 0 && Path.IsPathRooted(file) && Uri.TryCreate(file, UriKind.Absolute, out var uri))
            {
                var physical = new JObject { ["artifactLocation"] = new JObject { ["uri"] = uri.AbsoluteUri } };
                if (e.Line > 0)
                {
                    physical.Add("region", new JObject { ["startLine"] = e.Line });
                }
                var location = new JObject { ["physicalLocation"] = physical };
                if (part.Success)
                {
                    location.Add("logicalLocations", new JArray(new JObject { ["fullyQualifiedName"] = part.Groups["part"].Value, ["kind"] = "element" }));
                }
                return new JArray(location);
            }
            return new JArray(new JObject { ["logicalLocations"] = new JArray(new JObject { ["name"] = e.Target ?? e.Host ?? "", ["kind"] = "module" }) });
        }
    }
}
