using System.Linq;
using System.Net;
using System.Text;

namespace CarbonOps.Reports
{
    /// <summary>
    /// One self-contained HTML file: inline CSS, no script, font, image or any other external resource.
    /// A summary per host and product home (worst severity first), then each finding with expected,
    /// actual and remediation, and the passed and skipped checks in a compact table. Laid out for a
    /// phone (one column) and for print (no colours lost, no finding split across pages).
    /// </summary>
    public sealed class HtmlReportWriter : ReportWriter
    {
        public override ReportFormat Format => ReportFormat.Html;

        private const string Style = @"
:root{--fail:#b42318;--error:#6941c6;--warning:#b54708;--waived:#475467;--pass:#067647;--skipped:#667085;--line:#d0d5dd;--soft:#f2f4f7;--ink:#101828;--muted:#475467}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,""Segoe UI"",Roboto,""Helvetica Neue"",Arial,sans-serif;color:var(--ink);background:#fff}
.page{max-width:1100px;margin:0 auto;padding:8px 16px 32px}
h1{font-size:1.6rem;margin:16px 0 4px}
h2{font-size:1.25rem;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line);overflow-wrap:anywhere}
h2 .host{font-weight:400;color:var(--muted);font-size:1rem}
h3{font-size:1.05rem;margin:6px 0 4px}
.meta{color:var(--muted);margin:0 0 16px}
.totals{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:0 0 8px}
.totals li{border:1px solid var(--line);border-top:4px solid var(--line);border-radius:8px;padding:6px 14px;min-width:96px;background:#fff}
.totals strong{display:block;font-size:1.5rem;line-height:1.2}
.totals .Fail{border-top-color:var(--fail)}.totals .Error{border-top-color:var(--error)}.totals .Warning{border-top-color:var(--warning)}
.totals .Waived{border-top-color:var(--waived)}.totals .Pass{border-top-color:var(--pass)}.totals .Skipped{border-top-color:var(--skipped)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
td{overflow-wrap:anywhere}
th{background:var(--soft);font-size:.85rem;color:var(--muted)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:#98a2b3}
td a{color:inherit;overflow-wrap:anywhere}
.badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:.8rem;font-weight:600;color:#fff;background:var(--skipped);white-space:nowrap}
.badge.Fail{background:var(--fail)}.badge.Error{background:var(--error)}.badge.Warning{background:var(--warning)}
.badge.Waived{background:var(--waived)}.badge.Pass{background:var(--pass)}
.sev{display:inline-block;padding:0 8px;border:1px solid var(--line);border-radius:999px;font-size:.8rem;white-space:nowrap}
.sev.Critical,.sev.High{border-color:var(--fail);color:var(--fail);font-weight:600}
.finding{border:1px solid var(--line);border-left:6px solid var(--skipped);border-radius:8px;padding:10px 16px 12px;margin:12px 0;break-inside:avoid;page-break-inside:avoid}
.finding.Fail{border-left-color:var(--fail)}.finding.Error{border-left-color:var(--error)}
.finding.Warning{border-left-color:var(--warning)}.finding.Waived{border-left-color:var(--waived);background:var(--soft)}
.finding .id{margin-left:6px;font-weight:600}
.finding p{margin:4px 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:8px 0 0}
dt{font-weight:600;color:var(--muted)}
dd{margin:0;overflow-wrap:anywhere}
.finding p{overflow-wrap:anywhere}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,""Liberation Mono"",monospace;font-size:.9em}
.none{color:var(--muted);font-style:italic}
footer{margin-top:32px;color:var(--muted);font-size:.85rem}
@media (max-width:640px){
body{font-size:14px}.page{padding:4px 10px 24px}h1{font-size:1.3rem}
.totals li{min-width:0;flex:1 1 28%;padding:4px 8px}.totals strong{font-size:1.2rem}
.opt{display:none}
th,td{padding:4px 5px}.summary{font-size:.9rem}.summary td:first-child{min-width:7em}
dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:6px}
}
@media print{
body{font-size:10.5pt}.page{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}.scroll{overflow:visible}
h2{break-after:avoid;page-break-after:avoid}
}
";

        public override string Render(Report report, ReportOptions options)
        {
            var b = new StringBuilder();
            b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<title>").Append(E(options.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main class=\"page\">\n");
            var hosts = report.Targets.Select(t => t.Host).Distinct().Count();
            var homes = report.Targets.Count(t => t.ProductHome != null);
            b.Append("<h1>").Append(E(options.Title)).Append("</h1>\n");
            b.Append("<p class=\"meta\">Generated ").Append(E(Report.Timestamp(report.Generated))).Append(" by CarbonOps ").Append(E(report.ToolVersion))
                .Append($" &#183; {hosts} {Plural(hosts, "host", "hosts")}, {homes} product {Plural(homes, "home", "homes")}, {report.Entries.Count} {Plural(report.Entries.Count, "result", "results")}</p>\n");
            b.Append("<ul class=\"totals\">\n");
            Total(b, "Fail", report.Count(CheckOutcome.Fail), "failed");
            Total(b, "Error", report.Count(CheckOutcome.Error), "errors");
            Total(b, "Warning", report.Count(CheckOutcome.Warning), "warnings");
            Total(b, "Waived", report.WaivedCount, "waived");
            Total(b, "Pass", report.Count(CheckOutcome.Pass), "passed");
            Total(b, "Skipped", report.Count(CheckOutcome.Skipped), "skipped");
            b.Append("</ul>\n");

            b.Append("<h2>Summary</h2>\n<div class=\"scroll\"><table class=\"summary\">\n<thead><tr><th>Target</th><th class=\"opt\">Host</th><th>Worst</th>")
                .Append("<th class=\"n\">Fail</th><th class=\"n opt\">Error</th><th class=\"n\">Warn</th><th class=\"n\">Waived</th><th class=\"n opt\">Pass</th><th class=\"n opt\">Skip</th></tr></thead>\n<tbody>\n");
            for (var i = 0; i < report.Targets.Count; i++)
            {
                var t = report.Targets[i];
                b.Append("<tr><td><a href=\"#target-").Append(i + 1).Append("\">").Append(E(t.Name)).Append("</a></td>")
                    .Append("<td class=\"opt\">").Append(E(t.Host)).Append("</td><td>")
                    .Append(t.WorstSeverity.HasValue ? $"<span class=\"sev {t.WorstSeverity}\">{t.WorstSeverity}</span>" : "<span class=\"none\">none</span>").Append("</td>");
                Cell(b, t.Count(CheckOutcome.Fail), "");
                Cell(b, t.Count(CheckOutcome.Error), " opt");
                Cell(b, t.Count(CheckOutcome.Warning), "");
                Cell(b, t.WaivedCount, "");
                Cell(b, t.Count(CheckOutcome.Pass), " opt");
                Cell(b, t.Count(CheckOutcome.Skipped), " opt");
                b.Append("</tr>\n");
            }
            b.Append("</tbody></table></div>\n");

            for (var i = 0; i < report.Targets.Count; i++)
            {
                WriteTarget(b, report.Targets[i], i + 1);
            }
            b.Append("<footer>CheckResult objects hold no secrets; neither does this report. Waived results are shown with their reason and not counted as failures.</footer>\n");
            b.Append("</main>\n</body>\n</html>\n");
            return b.ToString();
        }

        private static void WriteTarget(StringBuilder b, ReportTarget t, int number)
        {
            b.Append("<section id=\"target-").Append(number).Append("\">\n<h2>").Append(E(t.Name));
            if (t.ProductHome != null)
            {
                b.Append(" <span class=\"host\">on ").Append(E(t.Host)).Append("</span>");
            }
            b.Append("</h2>\n");
            var findings = t.Ordered.Where(e => e.IsFinding).ToList();
            if (findings.Count == 0)
            {
                b.Append("<p class=\"none\">No findings.</p>\n");
            }
            foreach (var e in findings)
            {
                var status = Report.Status(e);
                b.Append("<article class=\"finding ").Append(status).Append("\">\n<div><span class=\"badge ").Append(status).Append("\">").Append(status).Append("</span> ")
                    .Append("<span class=\"sev ").Append(e.Severity).Append("\">").Append(e.Severity).Append("</span>")
                    .Append("<code class=\"id\">").Append(E(e.CheckId)).Append("</code></div>\n");
                b.Append("<h3>").Append(E(e.Title)).Append("</h3>\n");
                if (!string.IsNullOrEmpty(e.Message))
                {
                    b.Append("<p>").Append(E(e.Message)).Append("</p>\n");
                }
                b.Append("<dl>\n");
                Item(b, "Waiver", e.WaiverReason, false);
                Item(b, "Expected", e.Expected, true);
                Item(b, "Actual", e.Actual, true);
                Item(b, "Remediation", e.Remediation, false);
                Item(b, "Fix", e.CanRemediate ? "Invoke-CarbonHardening can fix this with a file edit." : null, false);
                Item(b, "File", e.Target != t.ProductHome ? e.Target : null, true);
                Item(b, "Guide", e.Reference, false);
                b.Append("</dl>\n</article>\n");
            }
            var rest = t.Ordered.Where(e => !e.IsFinding).ToList();
            if (rest.Count > 0)
            {
                b.Append("<div class=\"scroll\"><table>\n<thead><tr><th>Outcome</th><th>Check</th><th>Detail</th></tr></thead>\n<tbody>\n");
                foreach (var e in rest)
                {
                    var status = Report.Status(e);
                    var detail = e.Waived ? e.WaiverReason : e.Outcome == CheckOutcome.Pass ? e.Actual : e.Message;
                    b.Append("<tr><td><span class=\"badge ").Append(status).Append("\">").Append(status).Append("</span></td><td><code>").Append(E(e.CheckId))
                        .Append("</code><br>").Append(E(e.Title)).Append("</td><td>").Append(E(detail)).Append("</td></tr>\n");
                }
                b.Append("</tbody></table></div>\n");
            }
            b.Append("</section>\n");
        }

        private static void Total(StringBuilder b, string status, int count, string label) =>
            b.Append("<li class=\"").Append(status).Append("\"><strong>").Append(count).Append("</strong>").Append(label).Append("</li>\n");

        private static void Cell(StringBuilder b, int count, string extra) =>
            b.Append("<td class=\"n").Append(count == 0 ? " zero" : "").Append(extra).Append("\">").Append(count).Append("</td>");

        private static void Item(StringBuilder b, string label, string value, bool mono)
        {
            if (!string.IsNullOrEmpty(value))
            {
                b.Append("<dt>").Append(label).Append("</dt><dd").Append(mono ? " class=\"mono\"" : "").Append('>').Append(E(value)).Append("</dd>\n");
            }
        }

        private static string Plural(int n, string one, string many) => n == 1 ? one : many;

        private static string E(string text) => WebUtility.HtmlEncode(text ?? "");
    }
}
