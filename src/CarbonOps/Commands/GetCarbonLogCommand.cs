using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Get, "CarbonLog")]
    [OutputType(typeof(LogEntry))]
    public sealed class GetCarbonLogCommand : HomeCmdlet
    {
        private LogFilter filter;


        /// <summary>Only the last N matching entries, read from the end of the log.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Tail { get; set; }

        [Parameter]
        [ValidateSet("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", IgnoreCase = true)]
        public string[] Level { get; set; }

        [Parameter]
        public DateTime Since { get; set; }

        /// <summary>A regular expression matched against the logger, the message and the stack trace lines.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Pattern { get; set; }

        [Parameter]
        public SwitchParameter IncludeRotated { get; set; }

        protected override void BeginProcessing()
        {
            filter = new LogFilter
            {
                Levels = Level == null ? null : new HashSet<string>(Level.Select(l => l.ToUpperInvariant()), StringComparer.Ordinal),
                Since = MyInvocation.BoundParameters.ContainsKey(nameof(Since)) ? Since.Kind == DateTimeKind.Utc ? Since.ToLocalTime() : Since : (DateTime?)null,
            };
            if (Pattern != null)
            {
                try
                {
                    filter.Pattern = new Regex(Pattern, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException ex)
                {
                    ThrowParameterError($"-Pattern '{Pattern}' is not a regular expression: {ex.Message}", Pattern);
                }
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var path in ProductHome)
            {
                var home = OpenHome(path);
                if (home == null)
                {
                    continue;
                }
                var current = CarbonLogFiles.CurrentPath(home);
                var files = CarbonLogFiles.ForRead(current, IncludeRotated, filter.Since, out var currentMissing);
                if (currentMissing)
                {
                    WriteCarbonError(new CarbonOpsException(ErrorIds.LogFileNotFound,
                        $"The log '{current}' does not exist (it may be being rotated); the rotated files are read.", current), current);
                }
                var reader = new CarbonLogReader(home.Path, ComputerName);
                if (MyInvocation.BoundParameters.ContainsKey(nameof(Tail)))
                {
                    Run(() => WriteObject(reader.Tail(files, Tail, filter), true), current);
                    continue;
                }
                // Streamed: each entry goes down the pipeline as it is read, so a consumer that stops early stops the reading.
                foreach (var file in files)
                {
                    Run(() =>
                    {
                        foreach (var entry in reader.Read(file, filter, e => WriteCarbonError(e, file)))
                        {
                            WriteObject(entry);
                        }
                    }, file);
                }
            }
        }

        private void Run(Action read, string file)
        {
            try
            {
                read();
            }
            catch (CarbonOpsException ex)
            {
                WriteCarbonError(ex, file);
            }
        }
    }
}
