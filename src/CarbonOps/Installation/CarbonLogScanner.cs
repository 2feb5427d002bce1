using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace CarbonOps.Installation
{
    public enum StartSearchOutcome
    {
        /// <summary>The last start line was found.</summary>
        Found,
        /// <summary>The log shows no start line at or after the time asked for (a server still starting).</summary>
        NoneSince,
        /// <summary>The whole log was read and holds no start line.</summary>
        NotInLog,
        /// <summary>The log could not answer: missing, unreadable, or the line is further back than the search reads.</summary>
        Unknown,
    }

    public sealed class StartSearch
    {
        internal StartSearch(StartSearchOutcome outcome, DateTime? startedAt, double? seconds, int? errorsSince, string note)
        {
            Outcome = outcome;
            StartedAt = startedAt;
            Seconds = seconds;
            ErrorsSince = errorsSince;
            Note = note;
        }

        public StartSearchOutcome Outcome { get; }
        public DateTime? StartedAt { get; }
        public double? Seconds { get; }
        /// <summary>ERROR and FATAL entries after the start line; null when they were not all read.</summary>
        public int? ErrorsSince { get; }
        /// <summary>Why the search could not answer in full, or null.</summary>
        public string Note { get; }
    }

    /// <summary>
    /// Finds the last "WSO2 Carbon started in n sec" line without reading the whole log: backwards
    /// from the end up to a byte budget, and, for a running JVM whose start time is known, by a binary
    /// search of the entries' times for that moment. Neither grows with the size of the log.
    /// </summary>
    public static class CarbonLogScanner
    {
        public const long DefaultBackwardBudget = 16L * 1024 * 1024;
        public const long DefaultForwardBudget = 32L * 1024 * 1024;
        private static readonly byte[] StartBytes = Encoding.ASCII.GetBytes("WSO2 Carbon started in ");
        private static readonly byte[] PrefixBytes = Encoding.ASCII.GetBytes(LogHeader.Prefix);
        private static readonly Regex StartMessage = new Regex(@"^WSO2 Carbon started in (?<s>\d+(?:\.\d+)?) sec", RegexOptions.CultureInvariant);
        private static readonly byte[][] ErrorNeedles = { Encoding.ASCII.GetBytes("ERROR {"), Encoding.ASCII.GetBytes("FATAL {") };
        private static readonly TimeSpan StartupWindow = TimeSpan.FromMinutes(10);

        /// <param name="files">The log files, oldest first (the current log last).</param>
        /// <param name="notBefore">When known, the start of the running JVM: only a start line at or after it counts.</param>
        public static StartSearch FindLastStart(IReadOnlyList<string> files, DateTime? notBefore,
            long backwardBudget = DefaultBackwardBudget, long forwardBudget = DefaultForwardBudget)
        {
            var budget = backwardBudget;
            var errors = 0;
            var exhausted = false;
            for (var f = files.Count - 1; f >= 0 && !exhausted; f--)
            {
                // A missing file is skipped (mid-rotation); anything else at the path must open or is an answer.
                if (!File.Exists(files[f]) && !Directory.Exists(files[f]))
                {
                    continue;
                }
                try
                {
                    using (var stream = CarbonLogReader.OpenOrThrow(files[f]))
                    {
                        foreach (var chunk in LogBlocks.Backward(stream, budget, () => exhausted = true))
                        {
                            budget -= chunk.Bytes.Length;
                            var start = LastStartLine(chunk, out var startLineEnd);
                            errors += CountErrors(chunk, start == null ? 0 : startLineEnd);
                            if (start != null)
                            {
                                return notBefore.HasValue && start.Time < notBefore.Value
                                    ? new StartSearch(StartSearchOutcome.NoneSince, null, null, null, null)
                                    : new StartSearch(StartSearchOutcome.Found, start.Time, Seconds(start), errors, null);
                            }
                            var first = notBefore.HasValue ? FirstHeader(chunk.Lines()) : null;
                            if (first != null && first.Time < notBefore.Value)
                            {
                                return new StartSearch(StartSearchOutcome.NoneSince, null, null, null, null);
                            }
                        }
                    }
                }
                catch (CarbonOpsException ex)
                {
                    return new StartSearch(StartSearchOutcome.Unknown, null, null, null, ex.Message);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    return new StartSearch(StartSearchOutcome.Unknown, null, null, null, CarbonLogReader.Unreadable(files[f], ex).Message);
                }
            }
            if (!exhausted)
            {
                return CoversTime(files, notBefore)
                    ? new StartSearch(notBefore.HasValue ? StartSearchOutcome.NoneSince : StartSearchOutcome.NotInLog, null, null, null, null)
                    : new StartSearch(StartSearchOutcome.Unknown, null, null, null, "The log does not go back to the start of the running process.");
            }
            var tooFar = $"No start line in the last {Size(backwardBudget)} of the log";
            if (!notBefore.HasValue)
            {
                return new StartSearch(StartSearchOutcome.Unknown, null, null, null, tooFar + ".");
            }
            return SearchFrom(files, notBefore.Value, forwardBudget, tooFar);
        }

        /// <summary>For a running JVM: binary-search the entries' times for its start, then read forwards to the start line.</summary>
        private static StartSearch SearchFrom(IReadOnlyList<string> files, DateTime notBefore, long forwardBudget, string tooFar)
        {
            var exhausted = false;
            var budget = forwardBudget;
            try
            {
                var first = 0;
                for (var f = files.Count - 1; f >= 0; f--)
                {
                    var time = File.Exists(files[f]) ? FirstEntryTime(files[f], 0) : null;
                    if (time.HasValue && time.Value <= notBefore)
                    {
                        first = f;
                        break;
                    }
                }
                for (var f = first; f < files.Count && !exhausted; f++)
                {
                    if (!File.Exists(files[f]))
                    {
                        continue;
                    }
                    using (var stream = CarbonLogReader.OpenOrThrow(files[f]))
                    {
                        var offset = f == first ? Bisect(stream, notBefore) : 0;
                        foreach (var chunk in LogBlocks.Forward(stream, offset, budget, () => exhausted = true))
                        {
                            budget -= chunk.Bytes.Length;
                            var start = FirstStartLineAfter(chunk, notBefore);
                            if (start != null)
                            {
                                return new StartSearch(StartSearchOutcome.Found, start.Time, Seconds(start), null,
                                    tooFar + ": errors since the start were not counted.");
                            }
                        }
                    }
                }
            }
            catch (CarbonOpsException ex)
            {
                return new StartSearch(StartSearchOutcome.Unknown, null, null, null, ex.Message);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return new StartSearch(StartSearchOutcome.Unknown, null, null, null, "The log cannot be read: " + ex.Message);
            }
            return exhausted
                ? new StartSearch(StartSearchOutcome.Unknown, null, null, null, $"No start line within {Size(forwardBudget)} after the process started.")
                : new StartSearch(StartSearchOutcome.NoneSince, null, null, null, null);
        }

        /// <summary>The offset of a line at or shortly before the first entry at or after <paramref name="time"/>.</summary>
        private static long Bisect(FileStream stream, DateTime time)
        {
            long low = 0, high = stream.Length;
            while (high - low > LogBlocks.BlockSize)
            {
                var middle = low + (high - low) / 2;
                var at = FirstEntryTime(stream, middle);
                if (at == null || at.Value >= time)
                {
                    high = middle;
                }
                else
                {
                    low = middle;
                }
            }
            return low;
        }

        private static DateTime? FirstEntryTime(string path, long offset)
        {
            using (var stream = CarbonLogReader.OpenOrThrow(path))
            {
                return FirstEntryTime(stream, offset);
            }
        }

        private static DateTime? FirstEntryTime(FileStream stream, long offset)
        {
            foreach (var chunk in LogBlocks.Forward(stream, offset, 4L * LogBlocks.BlockSize))
            {
                var header = FirstHeader(chunk.Lines());
                if (header != null)
                {
                    return header.Time;
                }
            }
            return null;
        }

        /// <summary>
        /// Whether the log goes back to the start of the process: its first entry is no later than a
        /// start-up could take to write one (an empty log counts only while the process is that young).
        /// Where it does not (old files deleted), the absence of a start line says nothing.
        /// </summary>
        private static bool CoversTime(IReadOnlyList<string> files, DateTime? time)
        {
            if (!time.HasValue)
            {
                return true;
            }
            var limit = time.Value + StartupWindow;
            foreach (var file in files)
            {
                var first = File.Exists(file) ? FirstEntryTime(file, 0) : null;
                if (first.HasValue)
                {
                    return first.Value <= limit;
                }
            }
            return DateTime.Now <= limit;
        }

        private static LogHeader FirstHeader(IEnumerable<string> lines)
        {
            foreach (var line in lines)
            {
                var header = LogHeader.Parse(line);
                if (header != null)
                {
                    return header;
                }
            }
            return null;
        }

        private static LogHeader LastStartLine(LineChunk chunk, out int lineEnd)
        {
            lineEnd = 0;
            var bytes = chunk.Bytes;
            for (var at = LastIndexOf(bytes, StartBytes, bytes.Length - 1); at >= 0; at = LastIndexOf(bytes, StartBytes, at - 1))
            {
                var header = HeaderAt(bytes, at, out lineEnd);
                if (header != null && StartMessage.IsMatch(header.Message))
                {
                    return header;
                }
            }
            return null;
        }

        private static LogHeader FirstStartLineAfter(LineChunk chunk, DateTime notBefore)
        {
            var bytes = chunk.Bytes;
            for (var at = IndexOf(bytes, StartBytes, 0); at >= 0; at = IndexOf(bytes, StartBytes, at + 1))
            {
                var header = HeaderAt(bytes, at, out _);
                if (header != null && StartMessage.IsMatch(header.Message) && header.Time >= notBefore)
                {
                    return header;
                }
            }
            return null;
        }

        private static int CountErrors(LineChunk chunk, int from)
        {
            var count = 0;
            var bytes = chunk.Bytes;
            foreach (var needle in ErrorNeedles)
            {
                for (var at = IndexOf(bytes, needle, from); at >= 0;)
                {
                    var header = HeaderAt(bytes, at, out var lineEnd);
                    if (header != null && header.IsError)
                    {
                        count++;
                    }
                    at = IndexOf(bytes, needle, lineEnd);
                }
            }
            return count;
        }

        /// <summary>The header of the line holding byte <paramref name="at"/>, or null when that line is not an entry.</summary>
        private static LogHeader HeaderAt(byte[] bytes, int at, out int lineEnd)
        {
            var lineStart = at == 0 ? 0 : Array.LastIndexOf(bytes, (byte)'\n', at - 1) + 1;
            var end = Array.IndexOf(bytes, (byte)'\n', at);
            lineEnd = end < 0 ? bytes.Length : end + 1;
            if (!StartsWith(bytes, lineStart, PrefixBytes))
            {
                return null;
            }
            return LogHeader.Parse(LogBlocks.Decode(bytes, lineStart, (end < 0 ? bytes.Length : end) - lineStart));
        }

        // Byte searches: Array.IndexOf of one byte is vectorised, and the needles start with rare bytes.
        private static int IndexOf(byte[] bytes, byte[] needle, int from)
        {
            for (var at = from < bytes.Length ? Array.IndexOf(bytes, needle[0], from) : -1; at >= 0; at = at + 1 < bytes.Length ? Array.IndexOf(bytes, needle[0], at + 1) : -1)
            {
                if (StartsWith(bytes, at, needle))
                {
                    return at;
                }
            }
            return -1;
        }

        private static int LastIndexOf(byte[] bytes, byte[] needle, int from)
        {
            for (var at = from >= 0 ? Array.LastIndexOf(bytes, needle[0], from) : -1; at >= 0; at = at > 0 ? Array.LastIndexOf(bytes, needle[0], at - 1) : -1)
            {
                if (StartsWith(bytes, at, needle))
                {
                    return at;
                }
            }
            return -1;
        }

        private static bool StartsWith(byte[] bytes, int at, byte[] prefix)
        {
            if (at + prefix.Length > bytes.Length)
            {
                return false;
            }
            for (var i = 0; i < prefix.Length; i++)
            {
                if (bytes[at + i] != prefix[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";

        private static double? Seconds(LogHeader start)
        {
            var match = StartMessage.Match(start.Message);
            return double.TryParse(match.Groups["s"].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s)
                ? s : (double?)null;
        }
    }
}
