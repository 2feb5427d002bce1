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

        // Running the server, its log and its service unit.
        public const string StartupScriptNotFound = "StartupScriptNotFound";
        public const string StartupScriptNotExecutable = "StartupScriptNotExecutable";
        public const string StartupScriptFailed = "StartupScriptFailed";
        public const string ServerStartAsRootRefused = "ServerStartAsRootRefused";
        public const string ServerStartFailed = "ServerStartFailed";
        public const string ServerStartTimeout = "ServerStartTimeout";
        public const string ServerStopTimeout = "ServerStopTimeout";
        public const string ServerControlNotSupported = "ServerControlNotSupported";
        public const string LogFileNotFound = "LogFileNotFound";
        public const string LogFileUnreadable = "LogFileUnreadable";
        public const string LogFormatNotRecognised = "LogFormatNotRecognised";
        public const string UserNotFound = "UserNotFound";
        public const string GroupNotFound = "GroupNotFound";
        public const string WaiverFileNotFound = "WaiverFileNotFound";
        public const string WaiverFileMalformed = "WaiverFileMalformed";
        public const string ReportFolderNotFound = "ReportFolderNotFound";
        public const string ReportNotWritable = "ReportNotWritable";
        public const string ReportInputEmpty = "ReportInputEmpty";
        public const string ReportInputInvalid = "ReportInputInvalid";
        public const string KeystoreNotFound = "KeystoreNotFound";
        public const string KeystoreCorrupt = "KeystoreCorrupt";
        public const string KeystorePasswordIncorrect = "KeystorePasswordIncorrect";
        public const string KeystorePasswordRequired = "KeystorePasswordRequired";
        public const string KeystoreTypeMismatch = "KeystoreTypeMismatch";
        public const string KeystoreKeyNotFound = "KeystoreKeyNotFound";
        public const string KeystoreFileExists = "KeystoreFileExists";
        public const string CertificateInvalid = "CertificateInvalid";
        public const string SecretAliasNotFound = "SecretAliasNotFound";
        public const string SecureVaultBroken = "SecureVaultBroken";
        public const string SecureVaultConfigured = "SecureVaultConfigured";
    }
}
