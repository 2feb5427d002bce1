namespace CarbonOps
{
    /// <summary>
    /// One setting a change plans: in which file, its value before and after (secrets masked). Old equal
    /// to new means it was already so. The bytes themselves are planned in the edit session: a splice in
    /// an open document, or a whole new file.
    /// </summary>
    public sealed class PlannedChange
    {
        public const string NoSetting = "(none)";

        public PlannedChange(string path, string setting, string oldValue, string newValue, bool alreadyCompliant)
        {
            Path = path;
            Setting = setting;
            OldValue = oldValue;
            NewValue = newValue;
            AlreadyCompliant = alreadyCompliant;
        }

        public PlannedChange(string path, string setting, string oldValue, string newValue)
            : this(path, setting, oldValue, newValue, oldValue == newValue)
        {
        }

        public string Path { get; }
        /// <summary>The setting: an element path, a property key, an option as written before its value (-Xmx), -Dname.</summary>
        public string Setting { get; }
        public string OldValue { get; }
        public string NewValue { get; }
        public bool AlreadyCompliant { get; }

        public PlannedChange AtPath(string path) => new PlannedChange(path, Setting, OldValue, NewValue, AlreadyCompliant);

        public override string ToString() => $"{Setting}: '{OldValue}' -> '{NewValue}'";
    }
}
