namespace CarbonOps
{
    /// <summary>One setting that a remediation changed, would change, or left alone.</summary>
    public sealed class ChangeResult
    {
        internal ChangeResult(
            string checkId, string productHome, string path, string setting, string oldValue, string newValue,
            ChangeStatus status, string message, string backupPath, string computerName)
        {
            CheckId = checkId;
            ProductHome = productHome;
            Path = path;
            Setting = setting;
            OldValue = oldValue;
            NewValue = newValue;
            Status = status;
            Message = message;
            BackupPath = backupPath;
            ComputerName = computerName;
        }

        public string CheckId { get; }
        public string ProductHome { get; }
        /// <summary>The file that was (or would be) changed.</summary>
        public string Path { get; }
        public string Setting { get; }
        /// <summary>The value before; secrets are masked.</summary>
        public string OldValue { get; }
        /// <summary>The value after; secrets are masked.</summary>
        public string NewValue { get; }
        public ChangeStatus Status { get; }
        public string Message { get; }
        /// <summary>The backup set that holds the file's bytes from before the run.</summary>
        public string BackupPath { get; }
        public string ComputerName { get; }
    }
}
