using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Checks
{
    /// <summary>
    /// Runs the remedy of one check against one home inside a run's edit session, and reports each
    /// setting as a <see cref="ChangeResult"/>. The remedy edits documents in memory; nothing is
    /// written unless <c>shouldProcess</c> agrees, and a write that fails leaves the file as it was.
    /// </summary>
    public static class HardeningEngine
    {
        /// <param name="shouldProcess">(target, action) → go ahead; false means WhatIf or declined.</param>
        public static IEnumerable<ChangeResult> Remediate(CarbonCheck check, CarbonHome home, EditSession session,
            RemediationOptions options, string computerName, Func<string, string, bool> shouldProcess)
        {
            if (!check.CanRemediate)
            {
                return new[] { Result(check, home, home.Path, "(none)", null, null, ChangeStatus.Skipped, check.NotRemediableReason, null, computerName) };
            }
            var context = new RemediationContext(home, session, options);
            try
            {
                check.Remediate(context);
            }
            catch (RemediationValueMissingException ex)
            {
                session.RevertPending();
                return new[] { Result(check, home, home.Path, "(none)", null, null, ChangeStatus.Skipped, ex.Message, null, computerName) };
            }
            catch (CarbonOpsException ex)
            {
                session.RevertPending();
                return new[] { Result(check, home, ex.TargetPath ?? home.Path, "(none)", null, null, ChangeStatus.Failed, ex.Message, null, computerName) };
            }

            var pending = session.PendingDocuments;
            if (pending.Count == 0)
            {
                return context.Changes.Select(c => FromSetting(check, home, c, ChangeStatus.AlreadyCompliant, "Already as the guide asks; nothing written.", null, computerName)).ToList();
            }

            var action = string.Join("; ", context.Changes.Where(c => !c.AlreadyCompliant).Select(c => $"{c.Setting}: '{c.OldValue}' -> '{c.NewValue}'"));
            var targets = string.Join(", ", pending.Select(d => d.Path));
            if (!shouldProcess(targets, $"{check.Id}: {action}"))
            {
                session.RevertPending();
                return context.Changes.Select(c => FromSetting(check, home, c, c.AlreadyCompliant ? ChangeStatus.AlreadyCompliant : ChangeStatus.WhatIf,
                    c.AlreadyCompliant ? "Already as the guide asks." : "Would change; nothing written.", null, computerName)).ToList();
            }
            try
            {
                session.CommitPending();
            }
            catch (CarbonOpsException ex)
            {
                session.RevertPending();
                return context.Changes.Select(c => FromSetting(check, home, c, c.AlreadyCompliant ? ChangeStatus.AlreadyCompliant : ChangeStatus.Failed,
                    c.AlreadyCompliant ? "Already as the guide asks." : ex.Message, session.BackupPath, computerName)).ToList();
            }
            return context.Changes.Select(c => FromSetting(check, home, c, c.AlreadyCompliant ? ChangeStatus.AlreadyCompliant : ChangeStatus.Changed,
                c.AlreadyCompliant ? "Already as the guide asks." : "Changed.", session.BackupPath, computerName)).ToList();
        }

        private static ChangeResult FromSetting(CarbonCheck check, CarbonHome home, SettingChange c, ChangeStatus status, string message, string backupPath, string computerName) =>
            Result(check, home, c.Path, c.Setting, c.OldValue, c.NewValue, status, message, backupPath, computerName);

        private static ChangeResult Result(CarbonCheck check, CarbonHome home, string path, string setting, string oldValue, string newValue,
            ChangeStatus status, string message, string backupPath, string computerName) =>
            new ChangeResult(check.Id, home.Path, path, setting, oldValue, newValue, status, message, backupPath, computerName);
    }
}
