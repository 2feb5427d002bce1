using CarbonOps.Changes;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// The guide: "Ensure that you have a relevant log rotation scheme to manage logs." A log4j appender that rolls
    /// by date has no size bound and no retention, and a plain FileAppender never rolls at all: either fills the
    /// disk of a busy server and fails. A RollingFileAppender (by size, MaxBackupIndex files kept) passes; another
    /// kind of appender (syslog, a custom one) is not a file this check can judge and passes as reported. The remedy
    /// makes the appender a RollingFileAppender with MaxFileSize and MaxBackupIndex.
    /// </summary>
    public abstract class LogRotationCheck : CarbonCheck
    {
        public const string SizeRollingAppender = "org.apache.log4j.RollingFileAppender";

        protected abstract string Appender { get; }

        public override string Category => "Logging";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Common guidelines and checklist (logging)";
        public override string RemediationText =>
            $"Make log4j.appender.{Appender} in repository/conf/log4j.properties a {SizeRollingAppender} with MaxFileSize and MaxBackupIndex.";
        public override bool CanRemediate => true;

        private string Key => "log4j.appender." + Appender;

        public override CheckResult Evaluate(CheckContext context)
        {
            var config = context.Home.Properties(CarbonPaths.Log4jProperties);
            var appender = config.Get(Key);
            var expected = $"{Key} rolls by size (MaxFileSize, MaxBackupIndex)";
            if (appender == null)
            {
                return Skip(context, config.Path, $"{config.Path} has no {Key}.");
            }
            if (RollsByDate(appender))
            {
                return Fail(context, expected, appender, config.Path,
                    $"{Key} is {ShortName(appender)}, which rolls by date with no size bound and keeps every file.").AtLine(config.LineOf(Key));
            }
            if (NeverRolls(appender))
            {
                return Fail(context, expected, appender, config.Path,
                    $"{Key} is a plain {ShortName(appender)}, which never rotates: the log grows until the disk is full.");
            }
            var size = config.Get(Key + ".MaxFileSize") ?? "10MB (log4j default)";
            var backups = config.Get(Key + ".MaxBackupIndex") ?? "1 (log4j default)";
            return Pass(context, expected, $"{ShortName(appender)}, MaxFileSize {size}, MaxBackupIndex {backups}", config.Path).AtLine(config.LineOf(Key));
        }

        public override void Remediate(RemediationContext context)
        {
            var config = context.Properties(CarbonPaths.Log4jProperties);
            var appender = config.Get(Key);
            if (appender == null)
            {
                throw new CarbonOpsException(ErrorIds.ConfigElementNotFound, $"{config.Path} has no {Key}; there is no appender to change.", config.Path);
            }
            if (!RollsByDate(appender) && !NeverRolls(appender) && appender != SizeRollingAppender)
            {
                // Some other appender (syslog, a custom one): not ours to replace.
                context.Record(config.Path, Key, appender, appender);
                return;
            }
            var size = context.Options.LogMaxFileSize;
            var backups = context.Options.LogMaxBackupIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var oldSize = config.Get(Key + ".MaxFileSize");
            var oldBackups = config.Get(Key + ".MaxBackupIndex");
            context.Record(config.Path, Key, appender, SizeRollingAppender);
            context.Record(config.Path, Key + ".MaxFileSize", oldSize, size);
            context.Record(config.Path, Key + ".MaxBackupIndex", oldBackups, backups);
            config.Set(Key, SizeRollingAppender);
            var last = config.LastWithPrefix(Key + ".")?.Key ?? Key;
            config.Set(Key + ".MaxFileSize", size, last);
            config.Set(Key + ".MaxBackupIndex", backups, Key + ".MaxFileSize");
        }

        private static bool RollsByDate(string appender) => ShortName(appender).EndsWith("DailyRollingFileAppender", System.StringComparison.Ordinal);

        private static bool NeverRolls(string appender) => appender.Trim() == "org.apache.log4j.FileAppender";

        private static string ShortName(string className) => className.Substring(className.LastIndexOf('.') + 1);
    }

    public sealed class CarbonLogRotationCheck : LogRotationCheck
    {
        public override string Id => CheckIds.LoggingRotation;
        public override string Title => "The Carbon log (CARBON_LOGFILE) rolls by size and keeps a bounded number of files";
        protected override string Appender => "CARBON_LOGFILE";
    }

    public sealed class AuditLogRotationCheck : LogRotationCheck
    {
        public override string Id => CheckIds.LoggingAuditRotation;
        public override string Title => "The audit log (AUDIT_LOGFILE) rolls by size and keeps a bounded number of files";
        protected override string Appender => "AUDIT_LOGFILE";
    }
}
