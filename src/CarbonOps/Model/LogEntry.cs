using System;

namespace CarbonOps
{
    /// <summary>One entry of a product's wso2carbon.log: its header line and the lines that follow it (a stack trace).</summary>
    public sealed class LogEntry
    {
        internal LogEntry(DateTime time, string level, string tenant, string logger, string message, string[] stackTrace,
            string path, string productHome, string computerName)
        {
            Time = time;
            Level = level;
            Tenant = tenant;
            Logger = logger;
            Message = message;
            StackTrace = stackTrace;
            Path = path;
            ProductHome = productHome;
            ComputerName = computerName;
        }

        /// <summary>The time written in the entry (the server's local time).</summary>
        public DateTime Time { get; }
        /// <summary>TRACE, DEBUG, INFO, WARN, ERROR or FATAL.</summary>
        public string Level { get; }
        /// <summary>The tenant id of the entry's TID: [n] field (0 or -1234 for the super tenant).</summary>
        public string Tenant { get; }
        public string Logger { get; }
        public string Message { get; }
        /// <summary>The lines after the header line up to the next entry: a stack trace, or the rest of a multi-line message.</summary>
        public string[] StackTrace { get; }
        /// <summary>The log file the entry was read from.</summary>
        public string Path { get; }
        public string ProductHome { get; }
        public string ComputerName { get; }
    }
}
