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
