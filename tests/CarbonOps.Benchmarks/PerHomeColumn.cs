using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CarbonOps.Benchmarks
{
    /// <summary>Median divided by the Homes parameter: the cost of one home when many are audited in one call.</summary>
    public sealed class PerHomeColumn : IColumn
    {
        public string Id => nameof(PerHomeColumn);
        public string ColumnName => "Median/home";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Statistics;
        public int PriorityInCategory => 10;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Time;
        public string Legend => "Median time divided by the number of homes audited";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var stats = summary[benchmarkCase]?.ResultStatistics;
            var homes = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Homes")?.Value as int?;
            return stats == null || homes == null ? "-" : (stats.Median / homes.Value / 1000.0).ToString("0.000", CultureInfo.InvariantCulture) + " us";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
