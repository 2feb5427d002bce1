using System;

namespace CarbonOps
{
    /// <summary>
    /// An expected failure of the core, with a stable error id. Cmdlets turn it into an ErrorRecord;
    /// the message never holds a secret value.
    /// </summary>
    public sealed class CarbonOpsException : Exception
    {
        public CarbonOpsException(string errorId, string message, string targetPath = null, int line = 0, Exception inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            TargetPath = targetPath;
            Line = line;
        }

        public string ErrorId { get; }
        public string TargetPath { get; }
        /// <summary>1-based line in TargetPath where the problem is, or 0 when not known.</summary>
        public int Line { get; }

        /// <summary>The same failure as a new exception, for a failure kept and thrown again to each later asker (this one inside).</summary>
        public CarbonOpsException Again() => new CarbonOpsException(ErrorId, Message, TargetPath, Line, this);
    }
}
