using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace CarbonOps.Reports
{
    /// <summary>
    /// JUnit XML for CI systems: a testsuite per product home (and one per host), a testcase per check.
    /// Fail is a failure and Error an error, both with the message; Skipped and waived results are skipped
    /// (a waiver with its reason); a Warning passes and says so in system-out.
    /// </summary>
    public sealed class JUnitReportWriter : ReportWriter
    {
        public override ReportFormat Format => ReportFormat.JUnit;

        public override string Render(Report report, ReportOptions options)
        {
            var text = new Utf8StringWriter();
            using (var x = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, NewLineChars = "\n" }))
            {
                x.WriteStartDocument();
                x.WriteStartElement("testsuites");
                x.WriteAttributeString("name", options.Title);
                WriteCounts(x, report.Entries.Count, report.Count(CheckOutcome.Fail), report.Count(CheckOutcome.Error),
                    report.Count(CheckOutcome.Skipped) + report.WaivedCount);
                foreach (var t in report.Targets)
                {
                    x.WriteStartElement("testsuite");
                    x.WriteAttributeString("name", t.Name);
                    x.WriteAttributeString("hostname", t.Host ?? "");
                    x.WriteAttributeString("timestamp", Report.Timestamp(report.Generated));
                    WriteCounts(x, t.Entries.Count, t.Count(CheckOutcome.Fail), t.Count(CheckOutcome.Error), t.Count(CheckOutcome.Skipped) + t.WaivedCount);
                    foreach (var e in t.Entries)
                    {
                        WriteCase(x, e);
                    }
                    x.WriteEndElement();
                }
                x.WriteEndElement();
            }
            return text + "\n";
        }

        private static void WriteCounts(XmlWriter x, int tests, int failures, int errors, int skipped)
        {
            x.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        }

        private static void WriteCase(XmlWriter x, ReportEntry e)
        {
            x.WriteStartElement("testcase");
            x.WriteAttributeString("classname", "CarbonOps." + (e.Category ?? "Check"));
            x.WriteAttributeString("name", $"{e.CheckId}: {e.Title}");
            x.WriteAttributeString("time", "0");
            var detail = string.Join("\n", new[]
            {
                Line("Severity", e.Severity.ToString()), Line("Expected", e.Expected), Line("Actual", e.Actual),
                Line("Remediation", e.Remediation), Line("File", e.Target), Line("Guide", e.Reference),
            }.Where(l => l != null));
            if (e.Waived)
            {
                Child(x, "skipped", "Waived: " + e.WaiverReason, null);
            }
            else if (e.Outcome == CheckOutcome.Fail)
            {
                Child(x, "failure", e.Message, detail, e.Severity.ToString());
            }
            else if (e.Outcome == CheckOutcome.Error)
            {
                Child(x, "error", e.Message, detail, "CheckError");
            }
            else if (e.Outcome == CheckOutcome.Skipped)
            {
                Child(x, "skipped", e.Message, null);
            }
            else if (e.Outcome == CheckOutcome.Warning)
            {
                x.WriteElementString("system-out", "Warning: " + e.Message + "\n" + detail);
            }
            x.WriteEndElement();
        }

        private static void Child(XmlWriter x, string name, string message, string body, string type = null)
        {
            x.WriteStartElement(name);
            x.WriteAttributeString("message", message ?? "");
            if (type != null)
            {
                x.WriteAttributeString("type", type);
            }
            if (!string.IsNullOrEmpty(body))
            {
                x.WriteString(body);
            }
            x.WriteEndElement();
        }

        private static string Line(string label, string value) => string.IsNullOrEmpty(value) ? null : label + ": " + value;

        private sealed class Utf8StringWriter : StringWriter
        {
            public Utf8StringWriter()
                : base(CultureInfo.InvariantCulture)
            {
            }

            public override Encoding Encoding => new UTF8Encoding(false);
        }
    }
}
