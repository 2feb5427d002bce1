using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Installation;

namespace CarbonOps.Editing
{
    /// <summary>
    /// What Set-CarbonJvmOption does to one home: memory options on every launcher, system properties
    /// in the site's wrapper scripts. Each file is offered to <c>shouldProcess</c> with its changes;
    /// declined files are left alone (WhatIf). Failures of one file are reported through
    /// <c>onError</c> and the run goes on where it safely can.
    /// </summary>
    public static class JvmOptionEngine
    {
        public static List<ChangeResult> Set(CarbonHome home, EditSession session, JvmOptionRequest request,
            IDictionary<string, string> systemProperties, string computerName,
            Func<string, string, bool> shouldProcess, Action<CarbonOpsException> onError)
        {
            var results = new List<ChangeResult>();
            var pending = new List<KeyValuePair<LauncherEdit, bool>>();
            if (request != null)
            {
                try
                {
                    foreach (var edit in JvmOptionEditor.Apply(home, session, request))
                    {
                        var go = !edit.Document.IsChanged || shouldProcess(edit.Path, Describe(edit.Changes));
                        if (!go)
                        {
                            edit.Document.Revert();
                        }
                        pending.Add(new KeyValuePair<LauncherEdit, bool>(edit, go));
                    }
                }
                catch (CarbonOpsException ex)
                {
                    session.RevertPending();
                    onError(ex);
                    return results;
                }
                try
                {
                    session.CommitPending();
                    results.AddRange(pending.SelectMany(p => Results(home, p.Key.Path, p.Key.Changes, p.Value ? ChangeStatus.Changed : ChangeStatus.WhatIf, session.BackupPath, computerName)));
                }
                catch (CarbonOpsException ex)
                {
                    session.RevertPending();
                    onError(ex);
                    results.AddRange(pending.SelectMany(p => Results(home, p.Key.Path, p.Key.Changes, ChangeStatus.Failed, null, computerName, ex.Message)));
                    return results;
                }
            }
            if (systemProperties != null && systemProperties.Count > 0)
            {
                if (!home.Exists(CarbonPaths.StartupScriptSh) && !home.Exists(CarbonPaths.StartupScriptBat))
                {
                    onError(new CarbonOpsException(ErrorIds.ConfigFileNotFound,
                        $"'{home.Path}' has neither bin/wso2server.sh nor bin/wso2server.bat, so there is no launcher to write a wrapper beside. (A YAJSW service takes system properties as wrapper.java.additional.N keys in bin/yajsw/wrapper.conf.)",
                        home.FilePath(CarbonPaths.StartupScriptSh)));
                }
                foreach (var plan in SystemPropertyWrapper.PlanAll(home, systemProperties, onError))
                {
                    results.AddRange(WriteWrapper(home, session, plan, computerName, shouldProcess, onError));
                }
            }
            return results;
        }

        private static IEnumerable<ChangeResult> WriteWrapper(CarbonHome home, EditSession session, SystemPropertyWrapper.Plan plan,
            string computerName, Func<string, string, bool> shouldProcess, Action<CarbonOpsException> onError)
        {
            if (plan.Unchanged)
            {
                return Results(home, plan.Path, plan.Changes, ChangeStatus.Changed, null, computerName);
            }
            if (!shouldProcess(plan.Path, "Write the site launcher: " + Describe(plan.Changes)))
            {
                return Results(home, plan.Path, plan.Changes, ChangeStatus.WhatIf, null, computerName);
            }
            try
            {
                session.WriteNewFile(plan.Path, plan.Bytes, plan.Mode);
                return Results(home, plan.Path, plan.Changes, ChangeStatus.Changed, session.BackupPath, computerName);
            }
            catch (CarbonOpsException ex)
            {
                onError(ex);
                return Results(home, plan.Path, plan.Changes, ChangeStatus.Failed, null, computerName, ex.Message);
            }
        }

        /// <summary>ChangeResults for a file's changes; a change that was already so is AlreadyCompliant whatever happened to the file.</summary>
        private static IEnumerable<ChangeResult> Results(CarbonHome home, string path, IEnumerable<OptionChange> changes, ChangeStatus status,
            string backupPath, string computerName, string failure = null) =>
            changes.Select(c => c.AlreadyCompliant
                ? new ChangeResult(null, home.Path, path, c.Setting, c.OldValue, c.NewValue, ChangeStatus.AlreadyCompliant, "Already so; nothing written.", null, computerName)
                : new ChangeResult(null, home.Path, path, c.Setting, c.OldValue, c.NewValue, status, Message(status, failure), backupPath, computerName));

        private static string Message(ChangeStatus status, string failure)
        {
            switch (status)
            {
                case ChangeStatus.Changed: return "Changed.";
                case ChangeStatus.WhatIf: return "Would change; nothing written.";
                default: return failure;
            }
        }

        public static string Describe(IEnumerable<OptionChange> changes) =>
            string.Join("; ", changes.Where(c => !c.AlreadyCompliant).Select(c => $"{c.Setting}: '{c.OldValue}' -> '{c.NewValue}'"));
    }
}
