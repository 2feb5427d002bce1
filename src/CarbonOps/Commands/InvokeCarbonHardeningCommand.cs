using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>
    /// Applies the remedies of failed checks. Piped results are gathered first; then, home by home, every
    /// remedy runs in catalogue order against the same open files, each is confirmed on its own, and the
    /// approved edits are written in one pass with one backup set per home.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "CarbonHardening", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed partial class InvokeCarbonHardeningCommand : CarbonCmdlet, IDisposable
    {
        private readonly List<CarbonHome> homes = new List<CarbonHome>();
        private readonly Dictionary<string, List<CarbonCheck>> requested = new Dictionary<string, List<CarbonCheck>>(StringComparer.Ordinal);
        private ChangeWriter writer;

        /// <summary>
        /// Not the shared form of <see cref="OptionalHomeCmdlet"/>: piped objects bind by their ProductHome property only,
        /// never by value, and null is allowed, so a host check's result (no ProductHome) still binds and no piped
        /// object is ever taken for a home by its text.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome")]
        [ArgumentCompleter(typeof(ProductHomeCompleter))]
        [AllowNull]
        public string[] ProductHome { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[] CheckId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(CategoryCompleter))]
        public string[] Category { get; set; }

        /// <summary>Bound from piped check results: only Fail and Warning results are remedied.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public CheckOutcome? Outcome { get; set; }

        /// <summary>Bound from piped check results: a waived result is left alone.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public SwitchParameter Waived { get; set; }

        /// <summary>Makes high-impact changes without the extra confirmation they ask for at the default $ConfirmPreference.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var checks = CheckCatalog.Select(CheckId, Category).ToList();
            if (checks.Count == 0)
            {
                WriteCarbonError(new CarbonOpsException(ErrorIds.CheckNotFound, $"No check matches '{string.Join(", ", CheckId ?? new string[0])}'. Get-CarbonCheck lists them."), CheckId);
                return;
            }
            var homePaths = (ProductHome ?? new string[0]).Where(p => !string.IsNullOrEmpty(p)).ToList();
            if (Waived || (Outcome.HasValue && Outcome != CheckOutcome.Fail && Outcome != CheckOutcome.Warning))
            {
                // A piped result that did not fail, or is waived, needs no remedy; say so without reading any file.
                var message = Waived ? "The check result is waived; it is left as it is."
                    : Outcome == CheckOutcome.Pass ? "The check passes; nothing to change." : $"The check result is {Outcome}; there is nothing to remedy.";
                var status = Outcome == CheckOutcome.Pass && !Waived ? ChangeStatus.AlreadyCompliant : ChangeStatus.Skipped;
                foreach (var check in checks)
                {
                    WriteObject(NoChange(check, homePaths.FirstOrDefault(), status, message));
                }
                return;
            }
            foreach (var hostCheck in checks.Where(c => c.Scope == CheckScope.Host && CheckId != null))
            {
                WriteObject(NoChange(hostCheck, null, ChangeStatus.Skipped, hostCheck.NotRemediableReason));
            }
            foreach (var path in homePaths)
            {
                var home = OpenHome(path);
                if (home == null)
                {
                    continue;
                }
                if (!requested.TryGetValue(home.Path, out var list))
                {
                    homes.Add(home);
                    list = requested[home.Path] = new List<CarbonCheck>();
                }
                list.AddRange(checks.Where(c => c.Scope == CheckScope.Product && !list.Contains(c)));
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                var options = BuildOptions();
                var progress = new ProgressRecord(2, "Invoke-CarbonHardening", "Hardening product homes");
                foreach (var home in homes)
                {
                    if (homes.Count > 1)
                    {
                        progress.StatusDescription = home.Path;
                        progress.PercentComplete = homes.IndexOf(home) * 100 / homes.Count;
                        WriteProgress(progress);
                    }
                    var remedies = CheckCatalog.All.Where(requested[home.Path].Contains).Select(c => c.ToRemedy());
                    writer = writer ?? new ChangeWriter(this);
                    writer.Run(home, remedies, options, Force, ex =>
                    {
                        if (!ChangePipeline.IsNotApplicable(ex.ErrorId))
                        {
                            WriteCarbonError(ex, home.Path);
                        }
                    });
                }
                if (homes.Count > 1)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                }
            }
            finally
            {
                Dispose();
            }
        }

        private ChangeResult NoChange(CarbonCheck check, string productHome, ChangeStatus status, string message) =>
            new ChangeResult(check.Id, productHome, productHome ?? ComputerName, "(none)", null, null, status, message, null, ComputerName);

        protected override void StopProcessing() => Dispose();

        public void Dispose()
        {
            writer?.Dispose();
            writer = null;
        }
    }
}
