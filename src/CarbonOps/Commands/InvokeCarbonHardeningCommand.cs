using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Checks;
using CarbonOps.Editing;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsLifecycle.Invoke, "CarbonHardening", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class InvokeCarbonHardeningCommand : CarbonCmdlet, IDisposable
    {
        private readonly Dictionary<string, EditSession> sessions = new Dictionary<string, EditSession>(StringComparer.Ordinal);

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

        [Parameter]
        [ValidatePattern(@"^\d+(KB|MB|GB)$", Options = System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
        public string LogMaxFileSize { get; set; } = "10MB";

        [Parameter]
        [ValidateRange(1, 10000)]
        public int LogMaxBackupIndex { get; set; } = 20;

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
            var options = new RemediationOptions { LogMaxFileSize = LogMaxFileSize.ToUpperInvariant(), LogMaxBackupIndex = LogMaxBackupIndex };
            var progress = new ProgressRecord(2, "Invoke-CarbonHardening", "Hardening product homes");
            foreach (var path in homePaths)
            {
                if (homePaths.Count > 1)
                {
                    progress.StatusDescription = path;
                    progress.PercentComplete = homePaths.IndexOf(path) * 100 / homePaths.Count;
                    WriteProgress(progress);
                }
                var home = OpenHome(path);
                if (home == null)
                {
                    continue;
                }
                var session = SessionFor(home.Path);
                foreach (var check in checks.Where(c => c.Scope == CheckScope.Product))
                {
                    foreach (var change in HardeningEngine.Remediate(check, home, session, options, ComputerName, ShouldProcess))
                    {
                        WriteObject(change);
                    }
                }
            }
            if (homePaths.Count > 1)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        private ChangeResult NoChange(CarbonCheck check, string productHome, ChangeStatus status, string message) =>
            new ChangeResult(check.Id, productHome, productHome ?? ComputerName, "(none)", null, null, status, message, null, ComputerName);

        protected override void EndProcessing() => Dispose();

        protected override void StopProcessing() => Dispose();

        public void Dispose()
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
            sessions.Clear();
        }

        private EditSession SessionFor(string home)
        {
            if (!sessions.TryGetValue(home, out var session))
            {
                session = new EditSession(home);
                sessions[home] = session;
            }
            return session;
        }
    }
}
