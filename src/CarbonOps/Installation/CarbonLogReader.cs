using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CarbonOps.Installation
{
    /// <summary>Which entries a log read returns.</summary>
    public sealed class LogFilter
    {
        public ISet<string> Levels { get; set; }
        /// <summary>Entries at or after this time (compared in local time).</summary>
        public DateTime? Since { get; set; }
        /// <summary>Matched against the logger, the message and the stack trace lines.</summary>
        public Regex Pattern { get; set; }

        public bool Matches(LogHeader header, IList<string> detail)
        {
            if (Levels != null && Levels.Count > 0 && !Levels.Contains(header.Level))
            {
                return false;
            }
            if (Since.HasValue && header.Time < Since.Value)
            {
                return false;
            }
            return Pattern == null || Pattern.IsMatch(header.Message) || Pattern.IsMatch(header.Logger) || detail.Any(Pattern.IsMatch);
        }
    }

    /// <summary>Streams the entries of wso2carbon.log files, forwards (lazily) or the last n (reading from the end).</summary>
    public sealed class CarbonLogReader
    {
        private readonly string productHome;
        private readonly string computerName;

        public CarbonLogReader(string productHome, string computerName)
        {
            this.productHome = productHome;
            this.computerName = computerName;
        }

        /// <summary>
        /// The entries of one file in order, one at a time, so a consumer that stops early stops the
        /// reading. Lines before the first entry that are not an entry are reported once, with their
        /// line number, through <paramref name="unrecognised"/>.
        /// </summary>
        public IEnumerable<LogEntry> Read(string path, LogFilter filter, Action<CarbonOpsException> unrecognised)
        {
            using (var reader = new StreamReader(OpenOrThrow(path), new UTF8Encoding(false, false), false, LogBlocks.BlockSize))
            {
                LogHeader header = null;
                var detail = new List<string>();
                var lineNumber = 0;
                var reported = false;
                string line;
                while ((line = ReadLine(reader, path)) != null)
                {
                    lineNumber++;
                    var next = LogHeader.Parse(line);
                    if (next == null)
                    {
                        if (header != null)
                        {
                            detail.Add(line);
                        }
                        else if (!reported && line.Trim().Length > 0)
                        {
                            reported = true;
                            unrecognised?.Invoke(NotRecognised(path, lineNumber, line));
                        }
                        continue;
                    }
                    if (header != null && filter.Matches(header, detail))
                    {
                        yield return ToEntry(header, detail, path);
                    }
                    header = next;
                    detail = new List<string>();
                }
                if (header != null && filter.Matches(header, detail))
                {
                    yield return ToEntry(header, detail, path);
                }
            }
        }

        /// <summary>
        /// The last <paramref name="count"/> matching entries of the files (given oldest first), in order,
        /// read from the end: the cost follows what is returned, not the size of the files.
        /// </summary>
        public IReadOnlyList<LogEntry> Tail(IReadOnlyList<string> files, int count, LogFilter filter)
        {
            var found = new List<LogEntry>();
            for (var f = files.Count - 1; f >= 0 && found.Count < count; f--)
            {
                if (files.Count > 1 && !File.Exists(files[f]))
                {
                    continue;
                }
                using (var stream = OpenOrThrow(files[f]))
                {
                    var detail = new List<string>();
                    foreach (var chunk in Guard(() => LogBlocks.Backward(stream, long.MaxValue), files[f]))
                    {
                        foreach (var line in chunk.Lines().Reverse())
                        {
                            var header = LogHeader.Parse(line);
                            if (header == null)
                            {
                                detail.Insert(0, line);
                                continue;
                            }
                            if (filter.Since.HasValue && header.Time < filter.Since.Value)
                            {
                                return Ordered(found);
                            }
                            if (filter.Matches(header, detail))
                            {
                                found.Add(ToEntry(header, detail, files[f]));
                                if (found.Count == count)
                                {
                                    return Ordered(found);
                                }
                            }
                            detail = new List<string>();
                        }
                    }
                }
            }
            return Ordered(found);
        }

        private static IReadOnlyList<LogEntry> Ordered(List<LogEntry> newestFirst)
        {
            newestFirst.Reverse();
            return newestFirst;
        }

        private LogEntry ToEntry(LogHeader header, List<string> detail, string path) =>
            new LogEntry(header.Time, header.Level, header.Tenant, header.Logger, header.Message, detail.ToArray(), path, productHome, computerName);

        public static FileStream OpenOrThrow(string path)
        {
            try
            {
                return LogBlocks.Open(path);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new CarbonOpsException(ErrorIds.LogFileNotFound,
                    $"The log '{path}' does not exist (the server has not run yet, or the log is being rotated).", path, 0, ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Unreadable(path, ex);
            }
        }

        public static CarbonOpsException Unreadable(string path, Exception ex) =>
            new CarbonOpsException(ErrorIds.LogFileUnreadable, $"The log '{path}' cannot be read: {ex.Message}", path, 0, ex);

        public static CarbonOpsException NotRecognised(string path, int lineNumber, string line)
        {
            var shown = line.Length > 120 ? line.Substring(0, 120) + "..." : line;
            return new CarbonOpsException(ErrorIds.LogFormatNotRecognised,
                $"'{path}' line {lineNumber} is not a Carbon log entry (expected 'TID: [n] [..] [yyyy-MM-dd HH:mm:ss,SSS] LEVEL {{logger}} - message'): {shown}",
                path, lineNumber);
        }

        private static string ReadLine(StreamReader reader, string path)
        {
            try
            {
                return reader.ReadLine();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Unreadable(path, ex);
            }
        }

        private static IEnumerable<LineChunk> Guard(Func<IEnumerable<LineChunk>> chunks, string path)
        {
            using (var e = chunks().GetEnumerator())
            {
                while (true)
                {
                    LineChunk current;
                    try
                    {
                        if (!e.MoveNext())
                        {
                            yield break;
                        }
                        current = e.Current;
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        throw Unreadable(path, ex);
                    }
                    yield return current;
                }
            }
        }

        internal static IEnumerable<LineChunk> Guarded(Func<IEnumerable<LineChunk>> chunks, string path) => Guard(chunks, path);
    }
}
