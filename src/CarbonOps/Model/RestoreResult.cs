namespace CarbonOps
{
    /// <summary>One file put back from a backup set.</summary>
    public sealed class RestoreResult
    {
        internal RestoreResult(string productHome, string path, string backupPath, RestoreStatus status, string message, string computerName, string undoBackupPath = null)
        {
            UndoBackupPath = undoBackupPath;
            ProductHome = productHome;
            Path = path;
            BackupPath = backupPath;
            Status = status;
            Message = message;
            ComputerName = computerName;
        }

        public string ProductHome { get; }
        public string Path { get; }
        public string BackupPath { get; }
        public RestoreStatus Status { get; }
        public string Message { get; }
        public string ComputerName { get; }

        /// <summary>The backup set this restore saved the replaced bytes into (restore it to undo the restore), or null when it changed nothing.</summary>
        public string UndoBackupPath { get; }
    }
}
