using System.Linq;
using Newtonsoft.Json.Linq;

namespace CarbonOps.Reports
{
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
                var row = new JObject();
                var values = FlatRecord.Values(e);
                for (var i = 0; i < FlatRecord.Fields.Length; i++)
                {
                    row.Add(FlatRecord.Fields[i], JsonText.Value(values[i]));
                }
                return row;
            });
            return JsonText.Write(new JArray(rows)) + "\n";
        }
    }
}
