using System;
using System.Collections.Generic;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>
    /// A cmdlet that changes files of product homes. It plans its remedies for each home and hands them
    /// to the one change pipeline (plan → ShouldProcess → one commit per home → ChangeResult), with one
    /// edit session (lock and backup set) per home for the whole call. Every ChangeResult is written to
    /// the pipeline, always; -PassThru is accepted and changes nothing, for scripts written before.
    /// </summary>
    public abstract class HomeChangeCmdlet : HomeCmdlet, IDisposable
    {
        private ChangeWriter writer;

        /// <summary>Accepted for scripts written when the results came only with it; they always come now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Checks the parameters once; a CarbonOpsException here ends the command (bad parameters).</summary>
        protected virtual void Validate()
        {
        }

        /// <summary>The changes to plan for one home, in order; by default the one of <see cref="CreateRemedy"/>.</summary>
        protected virtual IEnumerable<Remedy> CreateRemedies(CarbonHome home) => new[] { CreateRemedy() };

        protected virtual Remedy CreateRemedy() => throw new NotImplementedException();

        /// <summary>Called after a home was changed (or would have been), with its results.</summary>
        protected virtual void AfterHome(CarbonHome home, IReadOnlyList<ChangeResult> results)
        {
        }

        protected override void BeginProcessing()
        {
            try
            {
                ValidateInputs();
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
                if (home != null)
                {
                    Change(home, CreateRemedies(home));
                }
            }
        }

        /// <summary>Runs remedies against one home through the pipeline and writes their results.</summary>
        protected IReadOnlyList<ChangeResult> Change(CarbonHome home, IEnumerable<Remedy> remedies)
        {
            writer = writer ?? new ChangeWriter(this);
            var results = writer.Run(home, remedies, null, force: false, ex => WriteCarbonError(ex, home.Path));
            AfterHome(home, results);
            return results;
        }

        protected override void EndProcessing() => Dispose();

        protected override void StopProcessing() => Dispose();

        public void Dispose()
        {
            writer?.Dispose();
            writer = null;
        }
    }
}
