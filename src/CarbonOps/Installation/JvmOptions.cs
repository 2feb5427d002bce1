using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace CarbonOps.Installation
{
    /// <summary>The JVM memory settings CarbonOps reads and writes.</summary>
    public enum JvmSetting { InitialHeap, MaxHeap, MaxPermSize, MaxMetaspaceSize }

    public static class JvmOptionNames
    {
        public static readonly JvmSetting[] All = { JvmSetting.InitialHeap, JvmSetting.MaxHeap, JvmSetting.MaxPermSize, JvmSetting.MaxMetaspaceSize };

        /// <summary>The option's text before its value: -Xms, -Xmx, -XX:MaxPermSize=, -XX:MaxMetaspaceSize=.</summary>
        public static string Prefix(JvmSetting setting)
        {
            switch (setting)
            {
                case JvmSetting.InitialHeap: return "-Xms";
                case JvmSetting.MaxHeap: return "-Xmx";
                case JvmSetting.MaxPermSize: return "-XX:MaxPermSize=";
                default: return "-XX:MaxMetaspaceSize=";
            }
        }

        /// <summary>Whether a word sets one of the memory options, and its value as written.</summary>
        public static bool TryMatch(string word, out JvmSetting setting, out string value)
        {
            foreach (var candidate in All)
            {
                var prefix = Prefix(candidate);
                if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length > prefix.Length)
                {
                    setting = candidate;
                    value = word.Substring(prefix.Length);
                    return true;
                }
            }
            setting = default(JvmSetting);
            value = null;
            return false;
        }
    }

    /// <summary>Memory settings and other -X/-XX options of a java command line; the last occurrence of an option wins, as in the JVM.</summary>
    public sealed class JvmValues
    {
        private readonly Dictionary<JvmSetting, string> values = new Dictionary<JvmSetting, string>();

        public List<string> OtherOptions { get; } = new List<string>();

        public string this[JvmSetting setting] => values.TryGetValue(setting, out var v) ? v : null;

        /// <summary>Reads option words up to the main class (the first word that is neither an option nor an option's argument).</summary>
        public static JvmValues From(IEnumerable<string> words)
        {
            var result = new JvmValues();
            var skipNext = false;
            foreach (var word in words)
            {
                if (skipNext)
                {
                    skipNext = false;
                    continue;
                }
                if (word == "-classpath" || word == "-cp" || word == "--class-path" || word == "-jar")
                {
                    skipNext = true;
                    continue;
                }
                if (!word.StartsWith("-", StringComparison.Ordinal))
                {
                    if (IsMainClass(word))
                    {
                        break;
                    }
                    continue;
                }
                result.Apply(word);
            }
            return result;
        }

        public void Apply(string word)
        {
            if (JvmOptionNames.TryMatch(word, out var setting, out var value))
            {
                values[setting] = value;
            }
            else if (word.StartsWith("-X", StringComparison.Ordinal))
            {
                OtherOptions.Add(word);
            }
        }

        private static bool IsMainClass(string word) => Regex.IsMatch(word, @"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$", RegexOptions.CultureInvariant);
    }

    /// <summary>JVM sizes: 512m, 2g, 1048576k, 1073741824.</summary>
    public static class JvmSize
    {
        /// <summary>The form of a size, for schemas; <see cref="IsValid"/> also refuses a number too large for a long.</summary>
        public const string Pattern = @"^\d+[kKmMgGtT]?$";

        private static readonly Regex Size = new Regex(@"^(?<n>\d+)(?<unit>[kKmMgGtT]?)$", RegexOptions.CultureInvariant);

        public static bool IsValid(string size) => TryParseBytes(size, out _);

        public static bool TryParseBytes(string size, out long bytes)
        {
            bytes = 0;
            var match = Size.Match(size ?? "");
            if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }
            long factor;
            switch (match.Groups["unit"].Value.ToLowerInvariant())
            {
                case "": factor = 1; break;
                case "k": factor = 1024; break;
                case "m": factor = 1024 * 1024; break;
                case "g": factor = 1024L * 1024 * 1024; break;
                default: factor = 1024L * 1024 * 1024 * 1024; break;
            }
            if (n > long.MaxValue / factor)
            {
                return false;
            }
            bytes = n * factor;
            return true;
        }

        /// <summary>Whether two sizes are the same number of bytes (2g and 2048m are).</summary>
        public static bool SameSize(string a, string b) =>
            string.Equals(a, b, StringComparison.Ordinal) || (TryParseBytes(a, out var x) && TryParseBytes(b, out var y) && x == y);

        public static long? Megabytes(string size) => TryParseBytes(size, out var bytes) ? bytes / (1024 * 1024) : (long?)null;
    }
}
