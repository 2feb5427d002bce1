using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Checks;
using CarbonOps.Editing;
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
        private readonly Dictionary<string, EditSession> sessions = new Dictionary<string, EditSession>(StringComparer.Ordinal);
        private readonly List<CarbonHome> homes = new List<CarbonHome>();
        private readonly Dictionary<string, List<CarbonCheck>> requested = new Dictionary<string, List<CarbonCheck>>(StringComparer.Ordinal);
        private bool yesToAll;
        private bool noToAll;

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome")]
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
            if (Outcome.HasValue && Outcome != CheckOutcome.Fail && Outcome != CheckOutcome.Warning)
            {
                // A piped result that did not fail needs no remedy; say so without reading any file.
                var message = Outcome == CheckOutcome.Pass ? "The check passes; nothing to change." : $"The check result is {Outcome}; there is nothing to remedy.";
                var status = Outcome == CheckOutcome.Pass ? ChangeStatus.AlreadyCompliant : ChangeStatus.Skipped;
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
                foreach (var home in homes)
                {
                    var remedies = CheckCatalog.All.Where(requested[home.Path].Contains).Select(Remedy.For);
                    var results = HardeningEngine.RemediateHome(remedies, home, SessionFor(home.Path), options, ComputerName, Confirm, ex =>
                    {
                        if (!HardeningEngine.IsNotApplicable(ex.ErrorId))
                        {
                            WriteCarbonError(ex, home.Path);
                        }
                    });
                    foreach (var change in results)
                    {
                        WriteVerbose($"{change.CheckId} {change.Status}: {change.Setting} in '{change.Path}' ('{change.OldValue}' -> '{change.NewValue}').");
                        WriteObject(change);
                    }
                }
            }
            finally
            {
                Dispose();
            }
        }

        /// <summary>
        /// The cmdlet is Medium impact, so ShouldProcess handles -WhatIf, -Confirm and Medium remedies. A
        /// high-impact remedy also asks when $ConfirmPreference is High (the default), unless -Confirm:$false,
        /// -Confirm or -Force was given.
        /// </summary>
        private bool Confirm(string target, string action, bool highImpact)
        {
            if (!ShouldProcess(target, action))
            {
                return false;
            }
            if (!highImpact || Force || MyInvocation.BoundParameters.ContainsKey("Confirm") || ConfirmPreference() != ConfirmImpact.High)
            {
                return true;
            }
            return ShouldContinue($"{action}{Environment.NewLine}This change can lock clients or administrators out. Make it?",
                $"High-impact change to {target}", ref yesToAll, ref noToAll);
        }

        private ConfirmImpact ConfirmPreference()
        {
            var value = GetVariableValue("ConfirmPreference");
            return value != null && Enum.TryParse(value.ToString(), true, out ConfirmImpact preference) ? preference : ConfirmImpact.High;
        }

        private ChangeResult NoChange(CarbonCheck check, string productHome, ChangeStatus status, string message) =>
            new ChangeResult(check.Id, productHome, productHome ?? ComputerName, "(none)", null, null, status, message, null, ComputerName);

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
