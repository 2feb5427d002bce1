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
    }
}
