namespace CarbonOps
{
    /// <summary>A check of the catalogue, as listed by Get-CarbonCheck.</summary>
    public sealed class CheckInfo
    {
        internal CheckInfo(string id, string title, string category, CheckSeverity severity, CheckScope scope,
            bool canRemediate, string reference, string description)
        {
            Id = id;
            Title = title;
            Category = category;
            Severity = severity;
            Scope = scope;
            CanRemediate = canRemediate;
            Reference = reference;
            Description = description;
        }

        public string Id { get; }
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
        public string ReferencePage =>
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(CheckInfo).Assembly.Location) ?? "", "checks", Id + ".md");
    }
}
