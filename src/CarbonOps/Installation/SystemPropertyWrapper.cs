using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CarbonOps.Editing;

namespace CarbonOps.Installation
{
    /// <summary>
    /// The site's own launcher beside the product's: bin/wso2server-local.sh (and .bat) adds Java
    /// system properties to JAVA_OPTS and runs wso2server.sh (.bat) with the same arguments, so the
    /// product's script stays as shipped and an upgrade keeps the properties. CarbonOps writes the
    /// whole file and reads its own property lines back when it updates them.
    /// </summary>
    public static class SystemPropertyWrapper
    {
        public const string ShellWrapper = CarbonPaths.SiteWrapperSh;
        public const string BatchWrapper = CarbonPaths.SiteWrapperBat;
        private const string Marker = "Written by CarbonOps";

        private static readonly Regex ShellLine = new Regex(@"^JAVA_OPTS=""\$\{JAVA_OPTS:\+\$JAVA_OPTS \}""(?<q>'(?:[^']|'\\'')*')$", RegexOptions.CultureInvariant);
        private static readonly Regex BatchLine = new Regex(@"^set ""JAVA_OPTS=%JAVA_OPTS% (?<opt>-D[^""]*)""$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Name = new Regex(@"^[^\s=""'%!^&|<>\\`$]+$", RegexOptions.CultureInvariant);

        /// <summary>What one wrapper file would become.</summary>
        public sealed class Plan
        {
            internal Plan(string relative, string path, byte[] bytes, bool unchanged, IReadOnlyList<PlannedChange> changes, uint mode)
            {
                Relative = relative;
                Path = path;
                Bytes = bytes;
                Unchanged = unchanged;
                Changes = changes;
                Mode = mode;
            }

            public string Relative { get; }
            public string Path { get; }
            public byte[] Bytes { get; }
            public bool Unchanged { get; }
            /// <summary>One per property given: Setting is -Dname, values before and after (null: not set).</summary>
            public IReadOnlyList<PlannedChange> Changes { get; }
            public uint Mode { get; }
        }

        /// <summary>Checks a property name (the same for every platform); throws ParameterValueInvalid.</summary>
        public static void ValidateName(string name)
        {
            if (string.IsNullOrEmpty(name) || !Name.IsMatch(name))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"'{name}' is not a system property name CarbonOps writes: use letters, digits, '.', '-' and '_' (no spaces, '=', quotes or shell characters).");
            }
        }

        public static Plan PlanShell(CarbonHome home, IDictionary<string, string> properties)
        {
            var path = home.FilePath(ShellWrapper);
            foreach (var p in properties.Where(p => p.Value != null))
            {
                // wso2server.sh expands $JAVA_OPTS without quotes: whitespace would split the option, and java would take the rest for its main class.
                if (p.Value.Any(char.IsWhiteSpace) || p.Value.IndexOf('\0') >= 0)
                {
                    throw Unsafe(path, p.Key, "wso2server.sh expands $JAVA_OPTS without quotes, so whitespace would split the option and java would take the rest for its main class");
                }
            }
            var existing = ReadExisting(path, ShellLine, m => UnquoteShell(m.Groups["q"].Value));
            var merged = Merge(existing, properties, out var changes);
            var sb = new StringBuilder();
            sb.Append("#!/bin/sh\n");
            sb.Append("# wso2server-local.sh: runs wso2server.sh, with the same arguments, with this site's Java\n");
            sb.Append("# system properties added to JAVA_OPTS; wso2server.sh itself stays as the product ships it.\n");
            sb.Append("# ").Append(Marker).Append(" (Set-CarbonJvmOption -SystemProperty), which rewrites the JAVA_OPTS lines.\n");
            foreach (var p in merged)
            {
                sb.Append("JAVA_OPTS=\"${JAVA_OPTS:+$JAVA_OPTS }\"").Append(QuoteShell("-D" + p.Key + "=" + p.Value)).Append('\n');
            }
            sb.Append("export JAVA_OPTS\n");
            sb.Append("dir=$(cd \"$(dirname \"$0\")\" && pwd)\n");
            sb.Append("if [ -x \"$dir/wso2server.sh\" ]; then\n");
            sb.Append("    exec \"$dir/wso2server.sh\" \"$@\"\n");
            sb.Append("fi\n");
            sb.Append("exec sh \"$dir/wso2server.sh\" \"$@\"\n");
            return Build(ShellWrapper, path, sb.ToString(), changes, 0x1ed /* 0755 */);
        }

        public static Plan PlanBatch(CarbonHome home, IDictionary<string, string> properties)
        {
            var path = home.FilePath(BatchWrapper);
            foreach (var p in properties.Where(p => p.Value != null))
            {
                // wso2server.bat puts %JAVA_OPTS% in its command line twice, once inside -Djava.opts="...":
                // a space, a quote or a cmd.exe character there breaks the command line.
                var bad = p.Value.FirstOrDefault(c => char.IsWhiteSpace(c) || c > 126 || c < 32 || "\"%!^&|<>".IndexOf(c) >= 0);
                if (bad != default(char))
                {
                    throw Unsafe(path, p.Key, $"wso2server.bat expands %JAVA_OPTS% unquoted and again inside -Djava.opts=\"...\", where '{bad}' would break its command line");
                }
            }
            var existing = ReadExisting(path, BatchLine, m => m.Groups["opt"].Value);
            var merged = Merge(existing, properties, out var changes);
            var sb = new StringBuilder();
            sb.Append("@echo off\r\n");
            sb.Append("rem wso2server-local.bat: runs wso2server.bat, with the same arguments, with this site's Java\r\n");
            sb.Append("rem system properties added to JAVA_OPTS; wso2server.bat itself stays as the product ships it.\r\n");
            sb.Append("rem ").Append(Marker).Append(" (Set-CarbonJvmOption -SystemProperty), which rewrites the JAVA_OPTS lines.\r\n");
            sb.Append("setlocal\r\n");
            foreach (var p in merged)
            {
                sb.Append("set \"JAVA_OPTS=%JAVA_OPTS% -D").Append(p.Key).Append('=').Append(p.Value).Append("\"\r\n");
            }
            sb.Append("call \"%~dp0wso2server.bat\" %*\r\n");
            sb.Append("endlocal\r\n");
            return Build(BatchWrapper, path, sb.ToString(), changes, 0x1a4 /* 0644 */);
        }

        /// <summary>Existing properties first, in their order and updated; new ones after, by name; a null value removes one.</summary>
        private static List<KeyValuePair<string, string>> Merge(List<KeyValuePair<string, string>> existing, IDictionary<string, string> wanted, out List<PlannedChange> changes)
        {
            changes = new List<PlannedChange>();
            var merged = new List<KeyValuePair<string, string>>();
            foreach (var p in existing)
            {
                if (!wanted.TryGetValue(p.Key, out var value))
                {
                    merged.Add(p);
                    continue;
                }
                changes.Add(new PlannedChange(null, "-D" + p.Key, p.Value, value));
                if (value != null)
                {
                    merged.Add(new KeyValuePair<string, string>(p.Key, value));
                }
            }
            foreach (var p in wanted.Where(w => existing.All(e => e.Key != w.Key)).OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                changes.Add(new PlannedChange(null, "-D" + p.Key, null, p.Value));
                if (p.Value != null)
                {
                    merged.Add(p);
                }
            }
            return merged;
        }

        private static List<KeyValuePair<string, string>> ReadExisting(string path, Regex line, Func<Match, string> option)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (!File.Exists(path))
            {
                return result;
            }
            var text = File.ReadAllText(path);
            if (text.IndexOf(Marker, StringComparison.Ordinal) < 0)
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileNotWritable,
                    $"'{path}' exists and was not written by CarbonOps; it was left alone. Move it away, or add the properties to it yourself.", path);
            }
            foreach (var raw in text.Split('\n'))
            {
                var match = line.Match(raw.TrimEnd('\r'));
                if (!match.Success)
                {
                    continue;
                }
                var word = option(match);
                var eq = word.IndexOf('=');
                if (word.StartsWith("-D", StringComparison.Ordinal) && eq > 2)
                {
                    result.RemoveAll(p => p.Key == word.Substring(2, eq - 2));
                    result.Add(new KeyValuePair<string, string>(word.Substring(2, eq - 2), word.Substring(eq + 1)));
                }
            }
            return result;
        }

        private static Plan Build(string relative, string path, string text, List<PlannedChange> changes, uint mode)
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            var unchanged = File.Exists(path) && File.ReadAllBytes(path).SequenceEqual(bytes);
            return new Plan(relative, path, bytes, unchanged, changes, mode);
        }

        /// <summary>One single-quoted shell word: nothing inside is expanded; a quote is written '\''.</summary>
        public static string QuoteShell(string value) => "'" + value.Replace("'", "'\\''") + "'";

        private static string UnquoteShell(string quoted) => quoted.Substring(1, quoted.Length - 2).Replace("'\\''", "'");

        private static CarbonOpsException Unsafe(string path, string name, string why) =>
            new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                $"The value of system property '{name}' cannot be passed through '{path}': {why}. That wrapper was not written.", path);
    }
}
