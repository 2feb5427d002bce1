using System.Management.Automation;

namespace CarbonOps.Changes
{
    /// <summary>Logging.Rotation's and Logging.AuditRotation's values (see RemedyInputAttribute for what is made from them).</summary>
    public sealed partial class RemediationOptions
    {
        [RemedyInput(CheckIds.LoggingRotation,
            "The MaxFileSize the logging remedies give a log4j appender, such as 10MB (a number followed by KB, MB or GB). The default is 10MB.")]
        [ValidatePattern(@"^\d+(KB|MB|GB)$", Options = System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
        public string LogMaxFileSize { get; set; } = "10MB";

        [RemedyInput(CheckIds.LoggingRotation, "How many rolled log files the logging remedies keep (MaxBackupIndex), from 1 to 10000. The default is 20.")]
        [ValidateRange(1, 10000)]
        public int LogMaxBackupIndex { get; set; } = 20;
    }
}
