namespace CarbonOps
{
    /// <summary>The outcome of one check against a host or a product home.</summary>
    public sealed class CheckResult
    {
        internal CheckResult(
            string checkId, string title, string category, CheckSeverity severity, CheckOutcome outcome,
            string expected, string actual, string message, string remediation, bool canRemediate,
            string target, string productHome, string computerName, string reference)
        {
            CheckId = checkId;
            Title = title;
            Category = category;
            Severity = severity;
            Outcome = outcome;
            Expected = expected;
            Actual = actual;
            Message = message;
            Remediation = remediation;
            CanRemediate = canRemediate;
            Target = target;
            ProductHome = productHome;
            ComputerName = computerName;
            Reference = reference;
        }

        public string CheckId { get; }
        public string Title { get; }
        public string Category { get; }
        public CheckSeverity Severity { get; }
        public CheckOutcome Outcome { get; }
        public string Expected { get; }
        public string Actual { get; }
        public string Message { get; }
        public string Remediation { get; }
        public bool CanRemediate { get; }
        public string Target { get; }
        public string ProductHome { get; }
        public string ComputerName { get; }
        public string Reference { get; }

        /// <summary>The check's reference page in the module (checks/&lt;CheckId&gt;.md), as Get-CarbonCheck's ReferencePage; Test-CarbonCluster's rules have theirs too.</summary>
        public string ReferencePage => CheckInfo.PageOf(CheckId);

        /// <summary>The 1-based line of <see cref="Target"/> the result is about, where the check knows it; 0 otherwise.</summary>
        public int Line { get; private set; }

        /// <summary>True when a waiver accepts this result: it is shown, but not counted as a failure. Outcome is unchanged.</summary>
        public bool Waived { get; private set; }

        /// <summary>Why the result is waived; for a waiver past its date, "Expired on yyyy-MM-dd: reason" with Waived false.</summary>
        public string WaiverReason { get; private set; }

        /// <summary>Fail or Error, and not waived: what scripts, -Quiet and reports count as a failure.</summary>
        internal bool IsUnwaivedFailure => !Waived && (Outcome == CheckOutcome.Fail || Outcome == CheckOutcome.Error);

        internal CheckResult AtLine(int line)
        {
            var copy = (CheckResult)MemberwiseClone();
            copy.Line = line > 0 ? line : 0;
            return copy;
        }

        internal CheckResult WithWaiver(bool waived, string reason)
        {
            var copy = (CheckResult)MemberwiseClone();
            copy.Waived = waived;
            copy.WaiverReason = reason;
            return copy;
        }
    }
}
