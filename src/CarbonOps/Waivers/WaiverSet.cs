using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using CarbonOps.Checks;
using CarbonOps.Reports;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CarbonOps.Waivers
{
    /// <summary>One accepted exception: a check (wildcards allowed) on the product homes matching a pattern, for a reason, until a date.</summary>
    public sealed class Waiver
    {
        internal Waiver(string checkId, string productHome, string reason, DateTime? expires, int line)
        {
            CheckId = checkId;
            ProductHome = productHome;
            Reason = reason;
            Expires = expires;
            Line = line;
        }

        public string CheckId { get; }
        /// <summary>A wildcard pattern of the product home path; "*" also covers host checks.</summary>
        public string ProductHome { get; }
        public string Reason { get; }
        /// <summary>The last day the waiver applies, or null for no end.</summary>
        public DateTime? Expires { get; }
        /// <summary>Where the waiver is in its file (1-based; 0 when not known).</summary>
        public int Line { get; }

        public bool IsExpired(DateTime today) => Expires.HasValue && today.Date > Expires.Value.Date;

        internal string Describe() => $"{CheckId} on {ProductHome}" + (Line > 0 ? $" (line {Line})" : "");
    }

    /// <summary>The waivers of a file, applied to check results.</summary>
    public sealed class WaiverSet
    {
        private static readonly WildcardOptions PathMatching =
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? WildcardOptions.IgnoreCase : WildcardOptions.None;

        private readonly List<(Waiver Waiver, WildcardPattern Check, WildcardPattern Home)> entries;

        internal WaiverSet(string path, IReadOnlyList<Waiver> waivers, DateTime today)
        {
            Path = path;
            Waivers = waivers;
            Today = today.Date;
            entries = waivers.Select(w => (w, new WildcardPattern(w.CheckId, WildcardOptions.IgnoreCase), new WildcardPattern(w.ProductHome, PathMatching))).ToList();
            Warnings = BuildWarnings();
        }

        public string Path { get; }
        public IReadOnlyList<Waiver> Waivers { get; }
        public DateTime Today { get; }
        /// <summary>What the caller should tell the user: waivers naming no known check, and waivers past their date.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>Reads a .json or .psd1 waiver file. Throws WaiverFileNotFound or WaiverFileMalformed (with the line).</summary>
        public static WaiverSet Load(string path, DateTime today) => new WaiverSet(path, WaiverFile.Read(path), today);

        /// <summary>The result with Waived and WaiverReason set when a waiver matches; an expired match only leaves its note.</summary>
        public CheckResult Apply(CheckResult result)
        {
            Waiver expired = null;
            foreach (var (waiver, check, home) in entries)
            {
                if (!check.IsMatch(result.CheckId) || !MatchesHome(waiver, home, result.ProductHome))
                {
                    continue;
                }
                if (!waiver.IsExpired(Today))
                {
                    return result.WithWaiver(true, waiver.Reason);
                }
                expired = expired ?? waiver;
            }
            return expired == null ? result : result.WithWaiver(false, $"Expired on {Date(expired.Expires.Value)}: {expired.Reason}");
        }

        private static bool MatchesHome(Waiver waiver, WildcardPattern home, string productHome) =>
            productHome == null ? waiver.ProductHome == "*" : home.IsMatch(productHome.Replace('\\', '/')) || home.IsMatch(productHome);

        private List<string> BuildWarnings()
        {
            var warnings = new List<string>();
            foreach (var (waiver, check, _) in entries)
            {
                if (!CheckCatalog.All.Any(c => check.IsMatch(c.Id)))
                {
                    warnings.Add($"The waiver {waiver.Describe()} in '{Path}' names check id '{waiver.CheckId}', which no check has; it waives nothing. Get-CarbonCheck lists the ids.");
                }
                if (waiver.IsExpired(Today))
                {
                    warnings.Add($"The waiver {waiver.Describe()} in '{Path}' expired on {Date(waiver.Expires.Value)} and no longer applies.");
                }
            }
            return warnings;
        }

        private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses waiver files: JSON (an array, or an object with a Waivers array) or PowerShell data (@{ Waivers = @(...) }).</summary>
    internal static class WaiverFile
    {
        public static IReadOnlyList<Waiver> Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new CarbonOpsException(ErrorIds.WaiverFileNotFound, $"The waiver file '{path}' does not exist.", path);
            }
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            var records = path.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase) ? ReadPsd1(path) : ReadJson(path);
            return records.Select(r => ToWaiver(path, folder, r.Values, r.Line)).ToList();
        }

        private static IEnumerable<(IDictionary<string, object> Values, int Line)> ReadJson(string path)
        {
            JToken document;
            try
            {
                document = JsonText.Parse(File.ReadAllText(path));
            }
            catch (JsonReaderException ex)
            {
                throw Malformed(path, ex.LineNumber, ex.Message);
            }
            var list = document is JObject top && top.TryGetValue("Waivers", StringComparison.OrdinalIgnoreCase, out var inner) ? inner : document;
            var items = list is JObject single && single.TryGetValue("CheckId", StringComparison.OrdinalIgnoreCase, out _) ? new JToken[] { single } as IEnumerable<JToken>
                : list as JArray ?? throw Malformed(path, LineOf(document), "expected an array of waivers, or an object with a Waivers array");
            return items.Select(i => i is JObject o
                ? (Values(o), LineOf(o))
                : throw Malformed(path, 0, "every waiver must be an object with CheckId, ProductHome, Reason and Expires"));
        }

        private static int LineOf(JToken token) => ((IJsonLineInfo)token).HasLineInfo() ? ((IJsonLineInfo)token).LineNumber : 1;

        private static IDictionary<string, object> Values(JObject waiver)
        {
            var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in waiver.Properties())
            {
                values[property.Name] = property.Value is JValue scalar ? scalar.Value : property.Value.ToString();
            }
            return values;
        }

        private static IEnumerable<(IDictionary<string, object> Values, int Line)> ReadPsd1(string path)
        {
            var ast = System.Management.Automation.Language.Parser.ParseFile(path, out _, out var errors);
            if (errors.Length > 0)
            {
                throw Malformed(path, errors[0].Extent.StartLineNumber, errors[0].Message);
            }
            var top = ast.Find(a => a is System.Management.Automation.Language.HashtableAst, false) as System.Management.Automation.Language.HashtableAst;
            if (top == null)
            {
                throw Malformed(path, 1, "expected a hashtable: @{ Waivers = @( @{ CheckId = '...'; ProductHome = '...'; Reason = '...'; Expires = 'yyyy-MM-dd' } ) }");
            }
            object value;
            try
            {
                value = top.SafeGetValue();
            }
            catch (InvalidOperationException)
            {
                throw Malformed(path, top.Extent.StartLineNumber, "only constant values (quoted strings, numbers, @() and @{}) are allowed");
            }
            var table = (System.Collections.IDictionary)value;
            var waiverLines = new Queue<int>(top.FindAll(a => a is System.Management.Automation.Language.HashtableAst && a != top, true)
                .Select(a => a.Extent.StartLineNumber));
            var items = table.Contains("Waivers") ? table["Waivers"] : table.Contains("CheckId") ? table : null;
            var list = items is System.Collections.IDictionary one ? new object[] { one }
                : items is object[] many ? many
                : throw Malformed(path, top.Extent.StartLineNumber, "expected Waivers = @( @{ ... }, ... )");
            foreach (var item in list)
            {
                var line = table.Contains("Waivers") && waiverLines.Count > 0 ? waiverLines.Dequeue() : top.Extent.StartLineNumber;
                if (!(item is System.Collections.IDictionary entry))
                {
                    throw Malformed(path, line, "every waiver must be a hashtable with CheckId, ProductHome, Reason and Expires");
                }
                var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                foreach (System.Collections.DictionaryEntry pair in entry)
                {
                    values[Convert.ToString(pair.Key, CultureInfo.InvariantCulture)] = pair.Value;
                }
                yield return (values, line);
            }
        }

        private static Waiver ToWaiver(string path, string folder, IDictionary<string, object> values, int line)
        {
            foreach (var key in values.Keys)
            {
                if (!new[] { "CheckId", "ProductHome", "Reason", "Expires" }.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    throw Malformed(path, line, $"unknown key '{key}' (a waiver has CheckId, ProductHome, Reason and Expires)");
                }
            }
            var checkId = Text(values, "CheckId");
            var reason = Text(values, "Reason");
            if (string.IsNullOrWhiteSpace(checkId))
            {
                throw Malformed(path, line, "a waiver has no CheckId");
            }
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw Malformed(path, line, $"the waiver of {checkId} gives no Reason; say why the result is accepted");
            }
            var home = Text(values, "ProductHome");
            home = string.IsNullOrWhiteSpace(home) || home == "*" ? "*" : ResolveHome(folder, home.Trim());
            DateTime? expires = null;
            var expiresText = Text(values, "Expires");
            if (!string.IsNullOrWhiteSpace(expiresText))
            {
                if (!DateTime.TryParseExact(expiresText.Trim(), new[] { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "o" },
                    CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
                {
                    throw Malformed(path, line, $"Expires '{expiresText}' of the waiver of {checkId} is not a date (yyyy-MM-dd)");
                }
                expires = date.Date;
            }
            return new Waiver(checkId.Trim(), home, reason.Trim(), expires, line);
        }

        /// <summary>A relative pattern that does not start with a wildcard is relative to the waiver file's folder.</summary>
        private static string ResolveHome(string folder, string pattern)
        {
            if (System.IO.Path.IsPathRooted(pattern) || pattern.StartsWith("*", StringComparison.Ordinal))
            {
                return pattern.TrimEnd('/', '\\');
            }
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, pattern)).TrimEnd('/', '\\');
        }

        private static string Text(IDictionary<string, object> values, string key) =>
            values.TryGetValue(key, out var value) && value != null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

        private static CarbonOpsException Malformed(string path, int line, string why) =>
            new CarbonOpsException(ErrorIds.WaiverFileMalformed,
                line > 0 ? $"The waiver file '{path}' is malformed at line {line}: {why}." : $"The waiver file '{path}' is malformed: {why}.", path, line);
    }
}
