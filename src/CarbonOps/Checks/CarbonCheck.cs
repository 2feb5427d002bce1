namespace CarbonOps.Checks
{
    /// <summary>
    /// One check of the catalogue. Adding a check means adding one sealed subclass: the catalogue
    /// finds it by reflection. A check that a file edit can fix overrides <see cref="CanRemediate"/>
    /// and <see cref="Remediate"/>, which edits documents of the session and records each setting.
    /// </summary>
    public abstract class CarbonCheck
    {
        /// <summary>Stable dotted id (Host.Memory); a contract for waivers and scripts, never renamed.</summary>
        public abstract string Id { get; }
        public abstract string Title { get; }
        public abstract string Category { get; }
        public abstract CheckSeverity Severity { get; }
        public abstract CheckScope Scope { get; }
        /// <summary>The section of the deployment guide the check comes from.</summary>
        public abstract string Reference { get; }
        /// <summary>What a person does to fix a failure, in words.</summary>
        public abstract string RemediationText { get; }
        public virtual string Description => Title;

        public virtual bool CanRemediate => false;

        /// <summary>Why an edit cannot fix this check (shown when a result of it is piped to hardening).</summary>
        public virtual string NotRemediableReason => "This check is not fixed by a file edit: " + RemediationText;

        public abstract CheckResult Evaluate(CheckContext context);

        /// <summary>The results of one evaluation: one, or one per thing checked (each datasource of a home).</summary>
        public virtual System.Collections.Generic.IReadOnlyList<CheckResult> EvaluateAll(CheckContext context) => new[] { Evaluate(context) };

        /// <summary>The check opens network connections: Test-CarbonHost runs it only with -Online.</summary>
        public virtual bool RequiresOnline => false;

        public virtual void Remediate(RemediationContext context)
        {
        }

        public CheckInfo ToInfo() => new CheckInfo(Id, Title, Category, Severity, Scope, CanRemediate, Reference, Description);

        protected CheckResult Result(CheckContext context, CheckOutcome outcome, string expected, string actual, string message, string target) =>
            new CheckResult(Id, Title, Category, Severity, outcome, expected, actual, message,
                outcome == CheckOutcome.Pass ? null : RemediationText,
                CanRemediate && (outcome == CheckOutcome.Fail || outcome == CheckOutcome.Warning),
                target, context.Home?.Path, context.ComputerName, Reference);

        protected CheckResult Pass(CheckContext context, string expected, string actual, string target, string message = null) =>
            Result(context, CheckOutcome.Pass, expected, actual, message ?? "Meets the guide.", target);

        protected CheckResult Fail(CheckContext context, string expected, string actual, string target, string message) =>
            Result(context, CheckOutcome.Fail, expected, actual, message, target);

        protected CheckResult Warn(CheckContext context, string expected, string actual, string target, string message) =>
            Result(context, CheckOutcome.Warning, expected, actual, message, target);

        protected CheckResult Skip(CheckContext context, string target, string message) =>
            Result(context, CheckOutcome.Skipped, null, null, message, target);

        /// <summary>A result for a check that could not be evaluated (Error) or did not apply (Skipped).</summary>
        internal CheckResult Unevaluated(CheckContext context, CheckOutcome outcome, string target, string message) =>
            Result(context, outcome, null, null, message, target);
    }
}
