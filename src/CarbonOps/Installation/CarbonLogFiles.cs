using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CarbonOps.Installation
{
    /// <summary>Where a home's wso2carbon.log is, and its rotated files.</summary>
    public static class CarbonLogFiles
    {
        public const string DefaultRelative = "repository/logs/wso2carbon.log";
        public const string FileKey = "log4j.appender.CARBON_LOGFILE.File";

        private static readonly string[] NotLogs = { ".gz", ".zip", ".bz2", ".xz", ".lck", ".swp", ".tmp" };

        /// <summary>
        /// The CARBON_LOGFILE appender's file from log4j.properties, with ${carbon.home} and ${instance.log}
        /// (empty unless set) filled in; repository/logs/wso2carbon.log where the file names none or
        /// uses another variable.
        /// </summary>
        public static string CurrentPath(CarbonHome home)
        {
            var fallback = home.FilePath(DefaultRelative);
            string value;
            try
            {
                value = home.Exists(CarbonPaths.Log4jProperties) ? home.Properties(CarbonPaths.Log4jProperties).Get(FileKey) : null;
            }
            catch (CarbonOpsException)
            {
                return fallback;
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }
            value = value.Trim().Replace("${carbon.home}", home.Path).Replace("${instance.log}", "");
            // A value that is no path (another variable, a NUL from a damaged file) leaves the stock log.
            if (value.Contains("${") || value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                return fallback;
            }
            try
            {
                return Path.GetFullPath(Path.IsPathRooted(value) ? value : Path.Combine(home.Path, value));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return fallback;
            }
        }

        /// <summary>
        /// The rotated files beside the current log, oldest first: the daily appender's dated names
        /// (wso2carbon.log.2014-03-04) and the size appender's numbered ones (wso2carbon.log.1 is the newest).
        /// </summary>
        public static IReadOnlyList<string> Rotated(string currentPath)
        {
            var folder = Path.GetDirectoryName(currentPath);
            var name = Path.GetFileName(currentPath);
            if (!Directory.Exists(folder))
            {
                return new string[0];
            }
            // The pattern also matches the current file itself ("name.*" takes an empty extension).
            return Directory.GetFiles(folder, name + ".*")
                .Where(f => Path.GetFileName(f).Length > name.Length + 1)
                .Where(f => !NotLogs.Any(ext => f.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
                .Select(f => new { Path = f, Suffix = Path.GetFileName(f).Substring(name.Length + 1) })
                .OrderBy(f => File.GetLastWriteTimeUtc(f.Path))
                .ThenByDescending(f => int.TryParse(f.Suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
                .ThenBy(f => f.Suffix, StringComparer.Ordinal)
                .Select(f => f.Path)
                .ToList();
        }

        /// <summary>The current log and, when asked, its rotated files: oldest first.</summary>
        public static IReadOnlyList<string> All(string currentPath, bool includeRotated)
        {
            var files = includeRotated ? Rotated(currentPath).ToList() : new List<string>();
            files.Add(currentPath);
            return files;
        }

        /// <summary>
        /// The files a read goes through, oldest first: rotated files last written before
        /// <paramref name="since"/> are left out, and a missing current log is left out when rotated
        /// files remain (mid-rotation); <paramref name="currentMissing"/> then says so.
        /// </summary>
        public static IReadOnlyList<string> ForRead(string currentPath, bool includeRotated, DateTime? since, out bool currentMissing)
        {
            var files = All(currentPath, includeRotated)
                .Where(f => f == currentPath || !since.HasValue || File.GetLastWriteTime(f) >= since.Value)
                .ToList();
            currentMissing = files.Count > 1 && !File.Exists(currentPath) && !Directory.Exists(currentPath);
            if (currentMissing)
            {
                files.Remove(currentPath);
            }
            return files;
        }
    }

    /// <summary>The header line of a wso2carbon.log entry: TID: [%T] [%S] [%d] %P%5p {%c} - %x %m {%c}.</summary>
    public sealed class LogHeader
    {
        public const string Prefix = "TID: [";
        public const string TimeFormat = "yyyy-MM-dd HH:mm:ss,fff";

        private static readonly Regex Pattern = new Regex(
            @"^TID: \[(?<tid>[^\]]*)\] \[(?<server>[^\]]*)\] \[(?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\] ?(?<ctx>.*?) *(?<level>TRACE|DEBUG|INFO|WARN|ERROR|FATAL) \{(?<logger>[^{}\s]*)\} - ?(?<msg>.*)$",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private LogHeader(DateTime time, string level, string tenant, string logger, string message)
        {
            Time = time;
            Level = level;
            Tenant = tenant;
            Logger = logger;
            Message = message;
        }

        public DateTime Time { get; }
        public string Level { get; }
        public string Tenant { get; }
        public string Logger { get; }
        public string Message { get; }

        public bool IsError => Level == "ERROR" || Level == "FATAL";

        /// <summary>The header of an entry, or null when the line is not one (a stack trace line, or another layout).</summary>
        public static LogHeader Parse(string line)
        {
            if (line == null || !line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return null;
            }
            var match = Pattern.Match(line);
            if (!match.Success || !TryParseTime(match.Groups["time"].Value, out var time))
            {
                return null;
            }
            var logger = match.Groups["logger"].Value;
            var message = match.Groups["msg"].Value;
            var suffix = " {" + logger + "}";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message.Substring(0, message.Length - suffix.Length);
            }
            return new LogHeader(time, match.Groups["level"].Value, match.Groups["tid"].Value, logger, message.Trim());
        }

        public static bool TryParseTime(string text, out DateTime time) =>
            DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out time);
    }
}
