using System;

namespace CarbonOps
{
    /// <summary>A folder of original file bytes saved before a run changed them.</summary>
    public sealed class BackupSet
    {
        internal BackupSet(string backupPath, string productHome, DateTime created, string[] files, string computerName)
        {
            BackupPath = backupPath;
            ProductHome = productHome;
            Created = created;
            Files = files;
            ComputerName = computerName;
        }

        public string BackupPath { get; }
        public string ProductHome { get; }
        public DateTime Created { get; }
        /// <summary>Paths relative to the product home.</summary>
        public string[] Files { get; }
        public string ComputerName { get; }
    }
}
