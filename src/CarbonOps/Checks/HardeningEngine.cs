using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Checks
{
    /// <summary>A change to make to a home: the check id it reports under, and the edit itself (null when no edit fixes it).</summary>
    public sealed class Remedy
    {
        public Remedy(string checkId, Action<RemediationContext> apply, bool highImpact = false, string notRemediableReason = null)
        {
            CheckId = checkId;
            Apply = apply;
            HighImpact = highImpact;
            NotRemediableReason = notRemediableReason;
        }

        public string CheckId { get; }
        public Action<RemediationContext> Apply { get; }
        /// <summary>Can lock someone out: asked for at High impact.</summary>
        public bool HighImpact { get; }
        public string NotRemediableReason { get; }

        public static Remedy For(CarbonCheck check) =>
            new Remedy(check.Id, check.CanRemediate ? check.Remediate : (Action<RemediationContext>)null, check is IHighImpactRemedy, check.NotRemediableReason);
    }

    /// <summary>
    /// Runs remedies against one home inside a run's edit session, and reports each setting as a
    /// <see cref="ChangeResult"/>. Remedies edit the session's documents in memory, in order, so the ones
    /// that touch the same file build on each other; each is confirmed on its own (a declined one is
    /// undone without undoing the others), and then every approved edit is written in one pass: each file
    /// once, all of them checked before the first is written, one backup set per home and run.
    /// </summary>
    public static class HardeningEngine
    {
        /// <summary>Errors that mean a remedy does not apply to this home, rather than that it failed.</summary>
        private static readonly HashSet<string> NotApplicable = new HashSet<string>(StringComparer.Ordinal)
        {
            ErrorIds.ConfigFileNotFound,
            ErrorIds.AdminPasswordInUserStore,
        };

        /// <summary>Whether an error means the remedy does not apply to this home (Skipped) rather than that it failed.</summary>
        public static bool IsNotApplicable(string errorId) => NotApplicable.Contains(errorId);

        /// <param name="shouldProcess">(target, action) → go ahead; false means WhatIf or declined.</param>
        public static IEnumerable<ChangeResult> Remediate(CarbonCheck check, CarbonHome home, EditSession session,
            RemediationOptions options, string computerName, Func<string, string, bool> shouldProcess) =>
            RemediateHome(new[] { Remedy.For(check) }, home, session, options, computerName, (target, action, _) => shouldProcess(target, action));

        /// <param name="shouldProcess">(target, action, high impact) → go ahead.</param>
        /// <param name="onError">Told of every error a remedy or the write raised (the results say Failed or Skipped too).</param>
        public static IReadOnlyList<ChangeResult> RemediateHome(IEnumerable<Remedy> remedies, CarbonHome home, EditSession session,
            RemediationOptions options, string computerName, Func<string, string, bool, bool> shouldProcess, Action<CarbonOpsException> onError = null)
        {
            var slots = new List<Func<CarbonOpsException, ISet<string>, IEnumerable<ChangeResult>>>();
            var approvedFiles = new List<PendingFile>();
            ChangeResult Make(Remedy r, string path, string setting, string oldValue, string newValue, ChangeStatus status, string message, string backupPath) =>
                new ChangeResult(r.CheckId, home.Path, path, setting, oldValue, newValue, status, message, backupPath, computerName);
            void Fixed(params ChangeResult[] results) => slots.Add((_, __) => results);

            foreach (var remedy in remedies)
            {
                if (remedy.Apply == null)
                {
                    Fixed(Make(remedy, home.Path, "(none)", null, null, ChangeStatus.Skipped, remedy.NotRemediableReason, null));
                    continue;
                }
                var snapshot = session.TakeSnapshot();
                var context = new RemediationContext(home, session, options);
                try
                {
                    remedy.Apply(context);
                }
                catch (RemediationValueMissingException ex)
                {
                    session.RestoreSnapshot(snapshot);
                    Fixed(Make(remedy, home.Path, "(none)", null, null, ChangeStatus.Skipped, ex.Message, null));
                    continue;
                }
                catch (Exception ex) when (ex is CarbonOpsException || ex is InvalidOperationException)
                {
                    // InvalidOperationException: the file has a shape the edit cannot splice into (a self-closing parent...).
                    var error = ex as CarbonOpsException ?? new CarbonOpsException(ErrorIds.RemediationFailed, $"{remedy.CheckId}: {ex.Message} Nothing was changed.", home.Path, 0, ex);
                    session.RestoreSnapshot(snapshot);
                    onError?.Invoke(error);
                    var status = IsNotApplicable(error.ErrorId) ? ChangeStatus.Skipped : ChangeStatus.Failed;
                    Fixed(Make(remedy, error.TargetPath ?? home.Path, "(none)", null, null, status, error.Message, null));
                    continue;
                }

                var changes = context.Changes.Count > 0
                    ? context.Changes
                    : new[] { new SettingChange(home.Path, "(none)", null, null, true) };
                if (session.ChangedSince(snapshot).Count == 0 && context.NewFiles.Count == 0)
                {
                    Fixed(changes.Select(c => Make(remedy, c.Path, c.Setting, c.OldValue, c.NewValue, ChangeStatus.AlreadyCompliant,
                        "Already as the guide asks; nothing written.", null)).ToArray());
                    continue;
                }
                var action = string.Join("; ", changes.Where(c => !c.AlreadyCompliant).Select(c => $"{c.Setting}: '{c.OldValue}' -> '{c.NewValue}'"));
                var targets = string.Join(", ", session.ChangedSince(snapshot).Concat(context.NewFiles.Select(f => f.Path)));
                if (!shouldProcess(targets, $"{remedy.CheckId}: {action}", remedy.HighImpact))
                {
                    session.RestoreSnapshot(snapshot);
                    Fixed(changes.Select(c => Make(remedy, c.Path, c.Setting, c.OldValue, c.NewValue,
                        c.AlreadyCompliant ? ChangeStatus.AlreadyCompliant : ChangeStatus.WhatIf,
                        c.AlreadyCompliant ? "Already as the guide asks." : "Would change; nothing written.", null)).ToArray());
                    continue;
                }
                var approved = remedy;
                approvedFiles.AddRange(context.NewFiles);
                slots.Add((failure, unwritten) => changes.Select(c =>
                {
                    if (c.AlreadyCompliant)
                    {
                        return Make(approved, c.Path, c.Setting, c.OldValue, c.NewValue, ChangeStatus.AlreadyCompliant, "Already as the guide asks.", session.BackupPath);
                    }
                    return failure != null && unwritten.Contains(c.Path)
                        ? Make(approved, c.Path, c.Setting, c.OldValue, c.NewValue, ChangeStatus.Failed, failure.Message, session.BackupPath)
                        : Make(approved, c.Path, c.Setting, c.OldValue, c.NewValue, ChangeStatus.Changed, "Changed.", session.BackupPath);
                }).ToList());
            }

            CarbonOpsException commitFailure = null;
            var notWritten = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                session.CommitPending();
                foreach (var file in approvedFiles)
                {
                    session.WriteNewFile(file.Path, file.Bytes, file.UnixMode);
                }
            }
            catch (CarbonOpsException ex)
            {
                commitFailure = ex;
                notWritten.UnionWith(session.PendingDocuments.Select(d => d.Path));
                notWritten.UnionWith(session.PendingModes.Keys);
                notWritten.UnionWith(approvedFiles.Select(f => f.Path).Where(p => !System.IO.File.Exists(p)));
                session.RevertPending();
                onError?.Invoke(ex);
            }
            return slots.SelectMany(s => s(commitFailure, notWritten)).ToList();
        }
    }
}
