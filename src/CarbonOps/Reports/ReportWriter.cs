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
}
