using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using CarbonOps.Reports;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsData.Export, "CarbonReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportCarbonReportCommand : CarbonCmdlet
    {
        private readonly List<ReportEntry> entries = new List<ReportEntry>();
        private string fullPath;
        private ReportFormat format;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(Position = 1)]
        [ValidateSet("Html", "JUnit", "Sarif", "Json", "Csv", "Markdown", IgnoreCase = true)]
        public string Format { get; set; }

        [Parameter(ValueFromPipeline = true)]
        [AllowNull]
        public PSObject[] InputObject { get; set; }

        [Parameter]
        public SwitchParameter IncludePassed { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = "CarbonOps audit report";

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            fullPath = ResolvePath(Path);
            var chosen = Format != null ? (ReportFormat)Enum.Parse(typeof(ReportFormat), Format, true) : ReportWriter.FromPath(fullPath);
            if (chosen == null)
            {
                ThrowParameterError($"Cannot tell the report format from '{Path}': give -Format Html, JUnit, Sarif, Json, Csv or Markdown.", Path);
            }
            format = chosen.Value;
            var folder = System.IO.Path.GetDirectoryName(fullPath);
            if (!Directory.Exists(folder))
            {
                // Fail before reading any input: nothing could be written anyway.
                ThrowTerminatingError(ToErrorRecord(new CarbonOpsException(ErrorIds.ReportFolderNotFound,
                    $"Cannot write the report '{Path}': the folder '{folder}' does not exist.", fullPath), Path));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject ?? new PSObject[0])
            {
                if (item == null)
                {
                    continue;
                }
                var entry = ReportEntry.From(item);
                if (entry == null)
                {
                    var typeName = item.TypeNames.Count > 0 ? item.TypeNames[0] : item.BaseObject.GetType().FullName;
                    WriteCarbonError(new CarbonOpsException(ErrorIds.ReportInputInvalid,
                        $"A {typeName} is not a check result; Export-CarbonReport takes the output of Test-CarbonHost."), item);
                    continue;
                }
                entries.Add(entry);
            }
        }

        protected override void EndProcessing()
        {
            if (entries.Count == 0)
            {
                WriteCarbonError(new CarbonOpsException(ErrorIds.ReportInputEmpty,
                    $"No check results reached Export-CarbonReport, so '{Path}' was not written. Pipe Test-CarbonHost into it."), Path);
                return;
            }
            var version = typeof(ExportCarbonReportCommand).Assembly.GetName().Version;
            var report = new Report(entries, DateTime.UtcNow, $"{version.Major}.{version.Minor}.{version.Build}");
            var text = ReportWriter.For(format).Render(report, new ReportOptions { IncludePassed = IncludePassed, Title = Title });
            if (!ShouldProcess(fullPath, $"Write a {format} report of {entries.Count} results"))
            {
                return;
            }
            try
            {
                ReportFile.Write(fullPath, text);
            }
            catch (CarbonOpsException ex)
            {
                WriteCarbonError(ex, Path);
                return;
            }
            WriteVerbose($"Wrote a {format} report of {entries.Count} results to {fullPath}.");
            if (PassThru)
            {
                WriteObject(new FileInfo(fullPath));
            }
        }
    }
}
