using System;
using System.Collections.Generic;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>A cmdlet that plans edits to one product home at a time and commits them through one edit session.</summary>
    public abstract class HomeChangeCmdlet : CarbonCmdlet
    {
        /// <param name="plan">Edits the session's documents, records each setting, and returns whole files to write after them.</param>
        internal void RunChange(string path, string checkId, Func<CarbonHome, EditSession, RemediationContext, List<string>, IReadOnlyList<PendingFile>> plan)
        {
            var home = OpenHome(path);
            if (home == null)
            {
                return;
            }
            using (var session = new EditSession(home.Path))
            {
                var changes = new RemediationContext(home, session, new RemediationOptions());
                var warnings = new List<string>();
                IReadOnlyList<PendingFile> files;
                try
                {
                    files = plan(home, session, changes, warnings);
                }
                catch (CarbonOpsException ex)
                {
                    session.RevertPending();
                    WriteCarbonError(ex, home.Path);
                    return;
                }
                foreach (var warning in warnings)
                {
                    WriteWarning(warning);
                }
                var results = ChangeRun.Complete(checkId, home.Path, session, changes.Changes, files, ComputerName, ShouldProcess);
                foreach (var result in results)
                {
                    if (result.Status == ChangeStatus.Failed)
                    {
                        WriteCarbonError(new CarbonOpsException(ErrorIds.RemediationFailed, result.Message, result.Path), result.Path);
                        break;
                    }
                }
                WriteObject(results, true);
            }
        }
    }
}
