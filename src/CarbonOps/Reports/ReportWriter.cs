using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CarbonOps.Editing;

namespace CarbonOps.Reports
{
    public enum ReportFormat { Html, JUnit, Sarif, Json, Csv, Markdown }

    public sealed class ReportOptions
    {
        /// <summary>SARIF lists only problems unless this is set; the other formats always hold every result.</summary>
        public bool IncludePassed { get; set; }
        public string Title { get; set; } = "CarbonOps audit report";
    }

    /// <summary>Renders a report into the text of one format. Writers hold no state and touch no file.</summary>
    public abstract class ReportWriter
    {
        public abstract ReportFormat Format { get; }

        public abstract string Render(Report report, ReportOptions options);

        public static ReportWriter For(ReportFormat format)
        {
            switch (format)
            {
                case ReportFormat.Html: return new HtmlReportWriter();
                case ReportFormat.JUnit: return new JUnitReportWriter();
                case ReportFormat.Sarif: return new SarifReportWriter();
                case ReportFormat.Json: return new JsonReportWriter();
                case ReportFormat.Csv: return new CsvReportWriter();
                case ReportFormat.Markdown: return new MarkdownReportWriter();
                default: throw new ArgumentOutOfRangeException(nameof(format));
            }
        }

        private static readonly Dictionary<string, ReportFormat> Extensions = new Dictionary<string, ReportFormat>(StringComparer.OrdinalIgnoreCase)
        {
            [".html"] = ReportFormat.Html,
            [".htm"] = ReportFormat.Html,
            [".xml"] = ReportFormat.JUnit,
            [".sarif"] = ReportFormat.Sarif,
            [".json"] = ReportFormat.Json,
            [".csv"] = ReportFormat.Csv,
            [".md"] = ReportFormat.Markdown,
            [".markdown"] = ReportFormat.Markdown,
        };

        /// <summary>The format a file name implies (report.html, results.xml, scan.sarif, ...), or null.</summary>
        public static ReportFormat? FromPath(string path)
        {
            if (path.EndsWith(".sarif.json", StringComparison.OrdinalIgnoreCase))
            {
                return ReportFormat.Sarif;
            }
            return Extensions.TryGetValue(Path.GetExtension(path) ?? "", out var format) ? format : (ReportFormat?)null;
        }
    }

    /// <summary>Writes a rendered report whole or not at all: the text is complete before the file is touched, then replaced atomically.</summary>
    public static class ReportFile
    {
        public static void Write(string path, string text)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!Directory.Exists(folder))
            {
                throw new CarbonOpsException(ErrorIds.ReportFolderNotFound, $"Cannot write the report '{path}': the folder '{folder}' does not exist.", path);
            }
            if (Directory.Exists(path))
            {
                throw new CarbonOpsException(ErrorIds.ReportNotWritable, $"Cannot write the report '{path}': it is a folder.", path);
            }
            try
            {
                AtomicFile.Create(path, new UTF8Encoding(false).GetBytes(text), 0x1a4 /* 0644 */);
            }
            catch (CarbonOpsException ex)
            {
                throw new CarbonOpsException(ErrorIds.ReportNotWritable, $"Cannot write the report '{path}': {ex.InnerException?.Message ?? ex.Message} Nothing was written.", path, 0, ex);
            }
        }
    }

    /// <summary>The flat record of one result that JSON and CSV share: the same fields, in the same order, always.</summary>
    internal static class FlatRecord
    {
        public static readonly string[] Fields =
        {
            "ComputerName", "PSComputerName", "ProductHome", "CheckId", "Title", "Category", "Severity", "Outcome",
            "Waived", "WaiverReason", "Expected", "Actual", "Message", "Remediation", "CanRemediate", "Target", "Reference",
        };

        public static object[] Values(ReportEntry e) => new object[]
        {
            e.ComputerName, e.PSComputerName, e.ProductHome, e.CheckId, e.Title, e.Category, e.Severity, e.Outcome,
            e.Waived, e.WaiverReason, e.Expected, e.Actual, e.Message, e.Remediation, e.CanRemediate, e.Target, e.Reference,
        };
    }

    public sealed class JsonReportWriter : ReportWriter
    {
        public override ReportFormat Format => ReportFormat.Json;

        public override string Render(Report report, ReportOptions options)
        {
            var rows = report.Entries.Select(e =>
            {
                var map = new JsonMap();
                var values = FlatRecord.Values(e);
                for (var i = 0; i < FlatRecord.Fields.Length; i++)
                {
                    map.Add(FlatRecord.Fields[i], values[i]);
                }
                return map;
            });
            return Json.Write(rows) + "\n";
        }
    }

    /// <summary>RFC 4180: a header row, every field quoted where needed, CRLF between records.</summary>
    public sealed class CsvReportWriter : ReportWriter
    {
        public override ReportFormat Format => ReportFormat.Csv;

        public override string Render(Report report, ReportOptions options)
        {
            var builder = new StringBuilder();
            builder.Append(string.Join(",", FlatRecord.Fields)).Append("\r\n");
            foreach (var entry in report.Entries)
            {
                builder.Append(string.Join(",", FlatRecord.Values(entry).Select(Field))).Append("\r\n");
            }
            return builder.ToString();
        }

        private static string Field(object value)
        {
            var text = value is bool flag ? (flag ? "True" : "False") : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            return text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
        }
    }
}
