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
    /// What the Set-Carbon* cmdlets share: product homes by pipeline, one edit session (lock and backup set)
    /// per home, the change made through the same remedy Invoke-CarbonHardening uses, -PassThru, and
    /// errors with stable ids.
    /// </summary>
    public abstract class CarbonSetCmdlet : CarbonCmdlet, IDisposable
    {
        private readonly Dictionary<string, EditSession> sessions = new Dictionary<string, EditSession>(StringComparer.Ordinal);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CarbonHome", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] ProductHome { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Checks the parameters once; a CarbonOpsException here ends the command (bad parameters).</summary>
        protected virtual void Validate()
        {
        }

        protected abstract Remedy CreateRemedy();

        /// <summary>Called after a home was changed (or would have been), with its results.</summary>
        protected virtual void AfterHome(CarbonHome home, IReadOnlyList<ChangeResult> results)
        {
        }

        protected override void BeginProcessing()
        {
            try
            {
                Validate();
            }
            catch (CarbonOpsException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, null));
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
                if (!sessions.TryGetValue(home.Path, out var session))
                {
                    session = new EditSession(home.Path);
                    sessions[home.Path] = session;
                }
                var results = HardeningEngine.RemediateHome(new[] { CreateRemedy() }, home, session, new RemediationOptions(), ComputerName,
                    (target, action, _) => ShouldProcess(target, action), ex => WriteCarbonError(ex, home.Path));
                foreach (var result in results)
                {
                    WriteVerbose($"{result.CheckId} {result.Status}: {result.Setting} in '{result.Path}' ('{result.OldValue}' -> '{result.NewValue}').");
                    if (PassThru)
                    {
                        WriteObject(result);
                    }
                }
                AfterHome(home, results);
            }
        }

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
    }
}
