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
        public const string TlsProtocolNotSupported = "TlsProtocolNotSupported";
        public const string JavaHomeNotFound = "JavaHomeNotFound";
        public const string SecretInSecureVault = "SecretInSecureVault";
        public const string AdminPasswordInUserStore = "AdminPasswordInUserStore";
    }
}
