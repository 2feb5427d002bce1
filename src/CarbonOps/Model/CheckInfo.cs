namespace CarbonOps
{
    /// <summary>A check of the catalogue, as listed by Get-CarbonCheck.</summary>
    public sealed class CheckInfo
    {
        internal CheckInfo(string id, string title, string category, CheckSeverity severity, CheckScope scope,
            bool canRemediate, string reference, string description)
        {
            CheckId = id;
            Title = title;
            Category = category;
            Severity = severity;
            Scope = scope;
            CanRemediate = canRemediate;
            Reference = reference;
            Description = description;
        }

        /// <summary>The check's stable id, named as on every other object (check results, change results), so a check pipes into Test-CarbonHost.</summary>
        public string CheckId { get; }
        /// <summary>The same as <see cref="CheckId"/>, for scripts written before it was named so.</summary>
        public string Id => CheckId;
        public string Title { get; }
        public string Category { get; }
        public CheckSeverity Severity { get; }
        public CheckScope Scope { get; }
        public bool CanRemediate { get; }
        public string Reference { get; }
        public string Description { get; }
        /// <summary>
        /// The check's reference page, checks/&lt;Id&gt;.md beside CarbonOps.dll (the build copies docs/checks there):
        /// the guide's words, the exact rule, the outcomes, the remedy, an example.
        /// </summary>
        public string ReferencePage => PageOf(CheckId);

        /// <summary>The reference page of a check or a cluster rule, by its id.</summary>
        internal static string PageOf(string checkId) =>
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(CheckInfo).Assembly.Location) ?? "", "checks", checkId + ".md");
    }
}
