using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace CarbonOps.Reports
{
    /// <summary>
    /// One check result as a report sees it: read by property name, so a local CheckResult and a
    /// Deserialized.CarbonOps.CheckResult from remoting (with its PSComputerName) read the same.
    /// </summary>
    public sealed class ReportEntry
    {
        public string CheckId { get; private set; }
        public string Title { get; private set; }
        public string Category { get; private set; }
        public CheckSeverity Severity { get; private set; }
        public CheckOutcome Outcome { get; private set; }
        public bool Waived { get; private set; }
        public string WaiverReason { get; private set; }
        public string Expected { get; private set; }
        public string Actual { get; private set; }
        public string Message { get; private set; }
        public string Remediation { get; private set; }
        public bool CanRemediate { get; private set; }
        public string Target { get; private set; }
        public string ProductHome { get; private set; }
        public string ComputerName { get; private set; }
        /// <summary>The name a remoting session used for the host, where the result came through one.</summary>
        public string PSComputerName { get; private set; }
        public string Reference { get; private set; }
        /// <summary>The line of Target the result is about, or 0.</summary>
        public int Line { get; private set; }

        /// <summary>A Fail or Error that no waiver accepts.</summary>
        public bool IsFailure => !Waived && (Outcome == CheckOutcome.Fail || Outcome == CheckOutcome.Error);

        /// <summary>Anything that is not a pass or a skip: what a reader must look at.</summary>
        public bool IsFinding => Outcome == CheckOutcome.Fail || Outcome == CheckOutcome.Error || Outcome == CheckOutcome.Warning;

        /// <summary>The host a result belongs to: the remoting name where there is one.</summary>
        public string Host => string.IsNullOrEmpty(PSComputerName) ? ComputerName : PSComputerName;

        /// <summary>Reads a piped object, or returns null when it is not a check result (it has no CheckId or Outcome).</summary>
        public static ReportEntry From(object input)
        {
            var item = input as PSObject ?? PSObject.AsPSObject(input);
            var checkId = Text(item, "CheckId");
            var outcomeText = Text(item, "Outcome");
            if (string.IsNullOrEmpty(checkId) || !TryEnum<CheckOutcome>(outcomeText, out var outcome))
            {
                return null;
            }
            TryEnum<CheckSeverity>(Text(item, "Severity"), out var severity);
            return new ReportEntry
            {
                CheckId = checkId,
                Title = Text(item, "Title") ?? checkId,
                Category = Text(item, "Category"),
                Severity = severity,
                Outcome = outcome,
                Waived = Flag(item, "Waived"),
                WaiverReason = Text(item, "WaiverReason"),
                Expected = Text(item, "Expected"),
                Actual = Text(item, "Actual"),
                Message = Text(item, "Message"),
                Remediation = Text(item, "Remediation"),
                CanRemediate = Flag(item, "CanRemediate"),
                Target = Text(item, "Target"),
                ProductHome = Text(item, "ProductHome"),
                ComputerName = Text(item, "ComputerName"),
                PSComputerName = Text(item, "PSComputerName"),
                Reference = Text(item, "Reference"),
                Line = int.TryParse(Text(item, "Line"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var line) && line > 0 ? line : 0,
            };
        }

        private static string Text(PSObject item, string name)
        {
            var value = item.Properties[name]?.Value;
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            return value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        private static bool Flag(PSObject item, string name) =>
            bool.TryParse(Text(item, name), out var value) && value;

        private static bool TryEnum<T>(string text, out T value) where T : struct =>
            Enum.TryParse(text, true, out value) && Enum.IsDefined(typeof(T), value);
    }

    /// <summary>The results of one host or one product home, with their counts.</summary>
    public sealed class ReportTarget
    {
        internal ReportTarget(string host, string productHome, IReadOnlyList<ReportEntry> entries)
        {
            Host = host;
            ProductHome = productHome;
            Entries = entries;
        }

        public string Host { get; }
        /// <summary>Null for the host's own checks.</summary>
        public string ProductHome { get; }
        public IReadOnlyList<ReportEntry> Entries { get; }

        public string Name => ProductHome ?? "Host " + Host;

        public int Count(CheckOutcome outcome) => Entries.Count(e => e.Outcome == outcome && !e.Waived);
        public int WaivedCount => Entries.Count(e => e.Waived);

        /// <summary>The highest severity of an unwaived Fail, Error or Warning, or null when there is none.</summary>
        public CheckSeverity? WorstSeverity =>
            Entries.Where(e => e.IsFinding && !e.Waived).Select(e => (CheckSeverity?)e.Severity).DefaultIfEmpty(null).Max();

        /// <summary>Findings first (worst outcome, then highest severity), then waived, skipped and passed results.</summary>
        public IEnumerable<ReportEntry> Ordered => Entries.OrderBy(Report.Rank).ThenByDescending(e => e.Severity).ThenBy(e => e.CheckId, StringComparer.Ordinal);
    }

    /// <summary>What every report format renders: the entries, grouped by host and product home, worst first.</summary>
    public sealed class Report
    {
        public Report(IEnumerable<ReportEntry> entries, DateTime generated, string toolVersion)
        {
            Entries = entries.ToList();
            Generated = generated;
            ToolVersion = toolVersion;
            Targets = Entries
                .GroupBy(e => (e.Host ?? "", e.ProductHome ?? ""))
                .Select(g => new ReportTarget(g.Key.Item1, g.Key.Item2 == "" ? null : g.Key.Item2, g.ToList()))
                .OrderByDescending(t => t.WorstSeverity.HasValue ? (int)t.WorstSeverity.Value : -1)
                .ThenByDescending(t => t.Count(CheckOutcome.Fail) + t.Count(CheckOutcome.Error))
                .ThenBy(t => t.Host, StringComparer.OrdinalIgnoreCase)
                .ThenBy(t => t.ProductHome != null)
                .ThenBy(t => t.ProductHome, StringComparer.Ordinal)
                .ToList();
        }

        public IReadOnlyList<ReportEntry> Entries { get; }
        public IReadOnlyList<ReportTarget> Targets { get; }
        public DateTime Generated { get; }
        public string ToolVersion { get; }

        public int Count(CheckOutcome outcome) => Entries.Count(e => e.Outcome == outcome && !e.Waived);
        public int WaivedCount => Entries.Count(e => e.Waived);

        /// <summary>The order findings are shown in: failures, errors, warnings, then waived, skipped and passed.</summary>
        public static int Rank(ReportEntry e)
        {
            if (e.Waived)
            {
                return 3;
            }
            switch (e.Outcome)
            {
                case CheckOutcome.Fail: return 0;
                case CheckOutcome.Error: return 1;
                case CheckOutcome.Warning: return 2;
                case CheckOutcome.Skipped: return 4;
                default: return 5;
            }
        }

        /// <summary>Outcome as a reader sees it: "Waived" for a waived result.</summary>
        public static string Status(ReportEntry e) => e.Waived ? "Waived" : e.Outcome.ToString();

        internal static string Timestamp(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
