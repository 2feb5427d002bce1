namespace CarbonOps
{
    /// <summary>
    /// Every error id the module raises: Noun + Reason. These are a contract (scripts match on
    /// FullyQualifiedErrorId); never rename one.
    /// </summary>
    public static class ErrorIds
    {
        public const string ProductHomeNotFound = "ProductHomeNotFound";
        public const string ProductHomeLocked = "ProductHomeLocked";
        public const string ConfigFileNotFound = "ConfigFileNotFound";
        public const string ConfigFileMalformed = "ConfigFileMalformed";
        public const string ConfigFileNotWritable = "ConfigFileNotWritable";
        public const string ConfigElementNotFound = "ConfigElementNotFound";
        public const string StartupScriptNotRecognised = "StartupScriptNotRecognised";
        public const string CheckNotFound = "CheckNotFound";
        public const string CheckFailed = "CheckFailed";
        public const string RemediationFailed = "RemediationFailed";
        public const string ParameterValueInvalid = "ParameterValueInvalid";
        public const string BackupSetNotFound = "BackupSetNotFound";
        public const string BackupSetCorrupt = "BackupSetCorrupt";
        public const string RestoreFailed = "RestoreFailed";
        public const string WaiverFileNotFound = "WaiverFileNotFound";
        public const string WaiverFileMalformed = "WaiverFileMalformed";
        public const string ReportFolderNotFound = "ReportFolderNotFound";
        public const string ReportNotWritable = "ReportNotWritable";
        public const string ReportInputEmpty = "ReportInputEmpty";
        public const string ReportInputInvalid = "ReportInputInvalid";
    }
}
