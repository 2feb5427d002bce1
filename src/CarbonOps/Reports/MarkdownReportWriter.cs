using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CarbonOps.Reports
{
    /// <summary>Markdown for a ticket: a summary table per target, then each finding with expected, actual and remediation.</summary>
    public sealed class MarkdownReportWriter : ReportWriter
    {
        public override ReportFormat Format => ReportFormat.Markdown;

        public override string Render(Report report, ReportOptions options)
        {
            var b = new StringBuilder();
            b.Append("# ").Append(Inline(options.Title)).Append("\n\n");
            b.Append($"Generated {Report.Timestamp(report.Generated)} by CarbonOps {Inline(report.ToolVersion)}: ")
                .Append($"{report.Count(CheckOutcome.Fail)} failed, {report.Count(CheckOutcome.Error)} errors, {report.Count(CheckOutcome.Warning)} warnings, ")
                .Append($"{report.WaivedCount} waived, {report.Count(CheckOutcome.Pass)} passed, {report.Count(CheckOutcome.Skipped)} skipped.\n\n");
            b.Append("| Target | Host | Fail | Error | Warning | Waived | Pass | Skipped | Worst severity |\n");
            b.Append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
            foreach (var t in report.Targets)
            {
                b.Append($"| {Cell(t.Name)} | {Cell(t.Host)} | {t.Count(CheckOutcome.Fail)} | {t.Count(CheckOutcome.Error)} | {t.Count(CheckOutcome.Warning)} | ")
                    .Append($"{t.WaivedCount} | {t.Count(CheckOutcome.Pass)} | {t.Count(CheckOutcome.Skipped)} | {(t.WorstSeverity?.ToString() ?? "-")} |\n");
            }
            foreach (var t in report.Targets)
            {
                b.Append("\n## ").Append(Inline(t.Name));
                if (t.ProductHome != null)
                {
                    b.Append(" on ").Append(Inline(t.Host));
                }
                b.Append("\n\n");
                foreach (var e in t.Ordered.Where(e => e.IsFinding))
                {
                    b.Append($"### {Report.Status(e)} ({e.Severity}): {Inline(e.CheckId)}\n\n");
                    b.Append(Inline(e.Title)).Append("\n\n");
                    Item(b, "Message", e.Message);
                    Item(b, "Expected", e.Expected);
                    Item(b, "Actual", e.Actual);
                    Item(b, "Remediation", e.Remediation);
                    Item(b, "Waiver", e.WaiverReason);
                    Item(b, "File", e.Target);
                    Item(b, "Guide", e.Reference);
                    b.Append('\n');
                }
                var rest = t.Ordered.Where(e => !e.IsFinding).ToList();
                if (rest.Count > 0)
                {
                    b.Append("| Outcome | Check | Detail |\n|---|---|---|\n");
                    foreach (var e in rest)
                    {
                        b.Append($"| {Report.Status(e)} | {Cell(e.CheckId)} | {Cell(e.Outcome == CheckOutcome.Pass ? e.Actual : e.Message)} |\n");
                    }
                }
            }
            return b.ToString();
        }

        private static void Item(StringBuilder b, string label, string value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                b.Append("- **").Append(label).Append(":** ").Append(Inline(value)).Append('\n');
            }
        }

        /// <summary>Text on one line with markdown's own characters escaped, so values from files cannot add links or markup.</summary>
        private static string Inline(string text) =>
            Regex.Replace((text ?? "").Replace("\r", " ").Replace("\n", " "), @"([\\`*_\[\]<>|~])", @"\$1");

        private static string Cell(string text) => Inline(text);
    }
}
