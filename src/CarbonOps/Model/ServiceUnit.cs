namespace CarbonOps
{
    /// <summary>A systemd unit that runs a product home as an unprivileged user.</summary>
    public sealed class ServiceUnit
    {
        internal ServiceUnit(string name, string path, string productHome, string user, string group, ChangeStatus status,
            string message, string content, string backupPath, string computerName)
        {
            Name = name;
            Path = path;
            ProductHome = productHome;
            User = user;
            Group = group;
            Status = status;
            Message = message;
            Content = content;
            BackupPath = backupPath;
            ComputerName = computerName;
        }

        /// <summary>The unit's name, e.g. wso2esb-4.8.1.service.</summary>
        public string Name { get; }
        public string Path { get; }
        public string ProductHome { get; }
        public string User { get; }
        public string Group { get; }
        /// <summary>Changed, AlreadyCompliant (the file already holds this unit) or WhatIf.</summary>
        public ChangeStatus Status { get; }
        public string Message { get; }
        /// <summary>The unit file's text.</summary>
        public string Content { get; }
        /// <summary>The backup set holding the file as it was before (or the record that it did not exist).</summary>
        public string BackupPath { get; }
        public string ComputerName { get; }
    }
}
