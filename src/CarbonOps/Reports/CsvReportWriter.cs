using System;
using System.Linq;
using System.Text;

namespace CarbonOps.Reports
{
    /// <summary>
    /// RFC 4180: a header row, every field quoted where needed, CRLF between records. A field that a spreadsheet would
    /// run as a formula (it begins with =, +, -, @, tab or carriage return) gets a leading apostrophe and is quoted,
    /// as OWASP's CSV-injection advice says: the cell shows the text, and nothing runs.
    /// </summary>
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

        private const string FormulaStarts = "=+-@\t\r";

        private static string Field(object value)
        {
            var text = value is bool flag ? (flag ? "True" : "False") : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var formula = text.Length > 0 && FormulaStarts.IndexOf(text[0]) >= 0;
            if (formula)
            {
                text = "'" + text;
            }
            return formula || text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
        }
    }
}
