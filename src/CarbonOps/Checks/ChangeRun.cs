using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Editing;

namespace CarbonOps.Checks
{
    /// <summary>A whole file (a keystore, a password file) that a run writes after its text edits.</summary>
    public sealed class PendingFile
    {
        public PendingFile(string path, byte[] bytes, uint unixMode)
        {
            Path = path;
            Bytes = bytes;
            UnixMode = unixMode;
        }

        public string Path { get; }
        public byte[] Bytes { get; }
        public uint UnixMode { get; }
    }

    /// <summary>
    /// Ends a run that planned its edits in an edit session (as <see cref="HardeningEngine"/> does for a
    /// remedy): nothing pending means AlreadyCompliant with nothing written; otherwise one question to
    /// <c>shouldProcess</c>, then the text edits are committed and the whole files written, each after
    /// its backup, and every setting is reported.
    /// </summary>
    public static class ChangeRun
    {
        public static IReadOnlyList<ChangeResult> Complete(string checkId, string productHome, EditSession session, IReadOnlyList<SettingChange> changes,
            IReadOnlyList<PendingFile> files, string computerName, Func<string, string, bool> shouldProcess)
        {
            files = files ?? new PendingFile[0];
            var pending = session.PendingDocuments;
            if (pending.Count == 0 && files.Count == 0)
            {
                return changes.Select(c => Result(checkId, productHome, c, ChangeStatus.AlreadyCompliant, "Already so; nothing written.", null, computerName)).ToList();
            }
            var targets = string.Join(", ", pending.Select(d => d.Path).Concat(files.Select(f => f.Path)).Distinct());
            var action = string.Join("; ", changes.Where(c => !c.AlreadyCompliant).Select(c => $"{c.Setting}: '{c.OldValue}' -> '{c.NewValue}'"));
            if (!shouldProcess(targets, $"{checkId}: {action}"))
            {
                session.RevertPending();
                return changes.Select(c => c.AlreadyCompliant
                    ? Result(checkId, productHome, c, ChangeStatus.AlreadyCompliant, "Already so.", null, computerName)
                    : Result(checkId, productHome, c, ChangeStatus.WhatIf, "Would change; nothing written.", null, computerName)).ToList();
            }
            try
            {
                session.CommitPending();
                foreach (var file in files)
                {
                    session.WriteNewFile(file.Path, file.Bytes, file.UnixMode);
                }
            }
            catch (CarbonOpsException ex)
            {
                session.RevertPending();
                return changes.Select(c => c.AlreadyCompliant
                    ? Result(checkId, productHome, c, ChangeStatus.AlreadyCompliant, "Already so.", session.BackupPath, computerName)
                    : Result(checkId, productHome, c, ChangeStatus.Failed, ex.Message, session.BackupPath, computerName)).ToList();
            }
            return changes.Select(c => c.AlreadyCompliant
                ? Result(checkId, productHome, c, ChangeStatus.AlreadyCompliant, "Already so.", session.BackupPath, computerName)
                : Result(checkId, productHome, c, ChangeStatus.Changed, "Changed.", session.BackupPath, computerName)).ToList();
        }

        private static ChangeResult Result(string checkId, string productHome, SettingChange c, ChangeStatus status, string message, string backupPath, string computerName) =>
            new ChangeResult(checkId, productHome, c.Path, c.Setting, c.OldValue, c.NewValue, status, message, backupPath, computerName);
    }
}
