using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Changes
{
    /// <summary>A change to plan for a home: the check id it reports under, and how to plan it (null when no edit fixes it).</summary>
    public sealed class Remedy
    {
        public Remedy(string checkId, Action<RemediationContext> plan, bool highImpact = false, string notRemediableReason = null)
        {
            CheckId = checkId;
            Plan = plan;
            HighImpact = highImpact;
            NotRemediableReason = notRemediableReason;
        }

        public string CheckId { get; }
        public Action<RemediationContext> Plan { get; }
        /// <summary>Can lock someone out: asked for at High impact.</summary>
        public bool HighImpact { get; }
        public string NotRemediableReason { get; }
    }

    /// <summary>Asked once per planned remedy: (files, what changes, high impact) → go ahead. False means -WhatIf or declined.</summary>
    public delegate bool ConfirmChange(string target, string action, bool highImpact);

    /// <summary>
    /// The one way a home changes: plan → confirm → commit → <see cref="ChangeResult"/>. Remedies plan in
    /// the session's documents, in order, so those that touch the same file build on each other; each is
    /// confirmed on its own (a declined one is undone without undoing the others); then every approved
    /// edit and new file of the home is written in one all-or-nothing commit (lock, backup set, atomic
    /// replaces, new files), and every planned setting is reported.
    /// </summary>
    public static class ChangePipeline
    {
        public const string AlreadySoMessage = "Already as asked; nothing written.";
        public const string WhatIfMessage = "Would change; nothing written.";
        public const string ChangedMessage = "Changed.";

        /// <summary>Errors that mean a remedy does not apply to this home, rather than that it failed.</summary>
        private static readonly HashSet<string> NotApplicable = new HashSet<string>(StringComparer.Ordinal)
        {
            ErrorIds.ConfigFileNotFound,
            ErrorIds.AdminPasswordInUserStore,
        };

        /// <summary>Whether an error means the remedy does not apply to this home (Skipped) rather than that it failed.</summary>
        public static bool IsNotApplicable(string errorId) => NotApplicable.Contains(errorId);

        /// <param name="onError">Told of every error a remedy or the commit raised (the results say Failed or Skipped too).</param>
        /// <param name="onWarning">Told of each remedy's warnings, once it was planned.</param>
        public static IReadOnlyList<ChangeResult> Run(IEnumerable<Remedy> remedies, CarbonHome home, EditSession session,
            RemediationOptions options, string computerName, ConfirmChange confirm, Action<CarbonOpsException> onError = null, Action<string> onWarning = null)
        {
            var slots = new List<Func<CarbonOpsException, IEnumerable<ChangeResult>>>();
            ChangeResult Make(Remedy r, PlannedChange c, ChangeStatus status, string message, string backupPath) =>
                new ChangeResult(r.CheckId, home.Path, c.Path, c.Setting, c.OldValue, c.NewValue, status, message, backupPath, computerName);
            ChangeResult Nothing(Remedy r, string path, ChangeStatus status, string message) =>
                Make(r, new PlannedChange(path, PlannedChange.NoSetting, null, null), status, message, null);
            void Fixed(params ChangeResult[] results) => slots.Add(_ => results);

            foreach (var remedy in remedies)
            {
                if (remedy.Plan == null)
                {
                    Fixed(Nothing(remedy, home.Path, ChangeStatus.Skipped, remedy.NotRemediableReason));
                    continue;
                }
                var snapshot = session.TakeSnapshot();
                var context = new RemediationContext(home, session, options);
                try
                {
                    remedy.Plan(context);
                }
                catch (RemediationValueMissingException ex)
                {
                    session.RestoreSnapshot(snapshot);
                    Fixed(Nothing(remedy, home.Path, ChangeStatus.Skipped, ex.Message));
                    continue;
                }
                catch (Exception ex) when (ex is CarbonOpsException || ex is InvalidOperationException)
                {
                    // InvalidOperationException: the file has a shape the edit cannot splice into (a self-closing parent...).
                    var error = ex as CarbonOpsException ?? new CarbonOpsException(ErrorIds.RemediationFailed, $"{remedy.CheckId}: {ex.Message} Nothing was changed.", home.Path, 0, ex);
                    session.RestoreSnapshot(snapshot);
                    onError?.Invoke(error);
                    Fixed(Nothing(remedy, error.TargetPath ?? home.Path, IsNotApplicable(error.ErrorId) ? ChangeStatus.Skipped : ChangeStatus.Failed, error.Message));
                    continue;
                }
                foreach (var warning in context.Warnings)
                {
                    onWarning?.Invoke(warning);
                }

                var changes = context.Changes.Count > 0
                    ? context.Changes
                    : new[] { new PlannedChange(home.Path, PlannedChange.NoSetting, null, null) };
                var changedFiles = session.ChangedSince(snapshot);
                if (changedFiles.Count == 0)
                {
                    Fixed(changes.Select(c => Make(remedy, c, ChangeStatus.AlreadyCompliant, AlreadySoMessage, null)).ToArray());
                    continue;
                }
                var action = string.Join("; ", changes.Where(c => !c.AlreadyCompliant));
                if (!confirm(string.Join(", ", changedFiles), $"{remedy.CheckId}: {action}", remedy.HighImpact))
                {
                    session.RestoreSnapshot(snapshot);
                    Fixed(changes.Select(c => c.AlreadyCompliant
                        ? Make(remedy, c, ChangeStatus.AlreadyCompliant, AlreadySoMessage, null)
                        : Make(remedy, c, ChangeStatus.WhatIf, WhatIfMessage, null)).ToArray());
                    continue;
                }
                var approved = remedy;
                // The commit is all or nothing: a failure means no approved change was written.
                slots.Add(failure => changes.Select(c => c.AlreadyCompliant
                    ? Make(approved, c, ChangeStatus.AlreadyCompliant, AlreadySoMessage, null)
                    : failure != null
                        ? Make(approved, c, ChangeStatus.Failed, failure.Message, null)
                        : Make(approved, c, ChangeStatus.Changed, ChangedMessage, session.BackupPath)).ToList());
            }

            CarbonOpsException commitFailure = null;
            try
            {
                session.CommitPending();
            }
            catch (CarbonOpsException ex)
            {
                commitFailure = ex;
                session.RevertPending();
                onError?.Invoke(ex);
            }
            return slots.SelectMany(s => s(commitFailure)).ToList();
        }
    }
}
