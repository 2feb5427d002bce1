using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CarbonOps.Editing;

namespace CarbonOps.Installation
{
    /// <summary>The memory settings to give every launcher of a home; null leaves a setting as it is.</summary>
    public sealed class JvmOptionRequest
    {
        public string InitialHeap { get; set; }
        public string MaxHeap { get; set; }
        public string MaxPermSize { get; set; }
        public string MaxMetaspaceSize { get; set; }

        /// <summary>Raise a setting to the value, never lower it (the hardening remedy): a larger value is left alone.</summary>
        public bool OnlyRaise { get; set; }

        public string this[JvmSetting setting]
        {
            get
            {
                switch (setting)
                {
                    case JvmSetting.InitialHeap: return InitialHeap;
                    case JvmSetting.MaxHeap: return MaxHeap;
                    case JvmSetting.MaxPermSize: return MaxPermSize;
                    default: return MaxMetaspaceSize;
                }
            }
        }
    }

    /// <summary>The edits of one launcher, made in memory on the session's document.</summary>
    public sealed class LauncherEdit
    {
        internal LauncherEdit(string launcher, TextDocument document, IReadOnlyList<PlannedChange> changes)
        {
            Launcher = launcher;
            Document = document;
            Changes = changes;
        }

        public string Launcher { get; }
        public TextDocument Document { get; }
        public string Path => Document.Path;
        public IReadOnlyList<PlannedChange> Changes { get; }
    }

    /// <summary>
    /// Sets the heap, PermGen and Metaspace options on the java command of every launcher of a home
    /// (wso2server.sh, wso2server.bat, wrapper.conf) by splicing the option words only. A missing
    /// option is added beside the other memory options (or right after the java executable; as a new
    /// wrapper.java.additional.N key in wrapper.conf). Every launcher is parsed and the result checked
    /// before any is edited, so an unrecognised script or an initial heap above the maximum edits nothing.
    /// </summary>
    public static class JvmOptionEditor
    {
        private struct Splice
        {
            public int Offset;
            public int Length;
            public string Text;
            public int Order;
        }

        public static IReadOnlyList<LauncherEdit> Apply(CarbonHome home, EditSession session, JvmOptionRequest request)
        {
            var commands = CarbonPaths.StartupScripts.Where(home.Exists)
                .Select(rel => LauncherParser.Parse(rel, session.Open(home.FilePath(rel))))
                .ToList();
            var plans = commands.Select(c => new { Command = c, Targets = Targets(c, request) }).ToList();
            foreach (var plan in plans)
            {
                Validate(plan.Command, plan.Targets);
            }
            return plans.Select(p => Edit(p.Command, p.Targets)).ToList();
        }

        /// <summary>The value each requested setting will have in this launcher.</summary>
        private static Dictionary<JvmSetting, string> Targets(LauncherCommand command, JvmOptionRequest request)
        {
            var current = JvmValues.From(OwnWords(command));
            var targets = new Dictionary<JvmSetting, string>();
            foreach (var setting in JvmOptionNames.All)
            {
                var wanted = request[setting];
                if (wanted == null)
                {
                    continue;
                }
                var now = current[setting];
                if (request.OnlyRaise)
                {
                    if (now == null && setting == JvmSetting.MaxPermSize && current[JvmSetting.MaxMetaspaceSize] != null)
                    {
                        continue; // a launcher for Java 8 or later: PermGen does not exist there
                    }
                    if (JvmSize.TryParseBytes(now, out var have) && JvmSize.TryParseBytes(wanted, out var want) && have >= want)
                    {
                        wanted = now;
                    }
                }
                targets[setting] = wanted;
            }
            return targets;
        }

        private static void Validate(LauncherCommand command, Dictionary<JvmSetting, string> targets)
        {
            var current = JvmValues.From(OwnWords(command));
            var initial = targets.TryGetValue(JvmSetting.InitialHeap, out var i) ? i : current[JvmSetting.InitialHeap];
            var max = targets.TryGetValue(JvmSetting.MaxHeap, out var m) ? m : current[JvmSetting.MaxHeap];
            if (JvmSize.TryParseBytes(initial, out var initialBytes) && JvmSize.TryParseBytes(max, out var maxBytes) && initialBytes > maxBytes)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"'{command.Document.Path}': the initial heap (-Xms{initial}) would be larger than the maximum heap (-Xmx{max}), and the JVM would not start. Nothing was written.",
                    command.Document.Path, command.Line);
            }
        }

        private static LauncherEdit Edit(LauncherCommand command, Dictionary<JvmSetting, string> targets)
        {
            var doc = command.Document;
            var own = command.Tokens.Where(t => !t.IsJavaOpts).ToList();
            var splices = new List<Splice>();
            var changes = new List<PlannedChange>();
            var missing = new List<string>();
            foreach (var setting in JvmOptionNames.All.Where(targets.ContainsKey))
            {
                var prefix = JvmOptionNames.Prefix(setting);
                var value = targets[setting];
                var matches = own.Where(t => JvmOptionNames.TryMatch(t.Word, out var s, out _) && s == setting).ToList();
                if (matches.Count == 0)
                {
                    missing.Add(prefix + value);
                    changes.Add(new PlannedChange(doc.Path, prefix, null, value, false));
                    continue;
                }
                JvmOptionNames.TryMatch(matches[matches.Count - 1].Word, out _, out var old);
                foreach (var token in matches)
                {
                    JvmOptionNames.TryMatch(token.Word, out _, out var tokenValue);
                    if (JvmSize.SameSize(tokenValue, value))
                    {
                        continue;
                    }
                    splices.Add(token.ContentStart >= 0
                        ? new Splice { Offset = token.ContentStart + prefix.Length, Length = token.ContentEnd - token.ContentStart - prefix.Length, Text = value }
                        : new Splice { Offset = token.Start, Length = token.End - token.Start, Text = prefix + value });
                }
                changes.Add(new PlannedChange(doc.Path, prefix, old, JvmSize.SameSize(old, value) ? old : value, JvmSize.SameSize(old, value)));
            }
            if (missing.Count > 0)
            {
                splices.Add(command.Kind == LauncherKind.WrapperConf ? WrapperInsertion(doc, missing) : CommandInsertion(command, own, missing));
            }
            foreach (var splice in splices.OrderByDescending(s => s.Offset).ThenByDescending(s => s.Order))
            {
                doc.Replace(splice.Offset, splice.Length, splice.Text);
            }
            return new LauncherEdit(command.Launcher, doc, changes);
        }

        /// <summary>After the last memory option of the command, else right after the java executable.</summary>
        private static Splice CommandInsertion(LauncherCommand command, List<LauncherToken> own, List<string> options)
        {
            var anchor = own.LastOrDefault(t => JvmOptionNames.TryMatch(t.Word, out _, out _));
            var offset = anchor != null ? anchor.End : command.CommandEnd;
            return new Splice { Offset = offset, Length = 0, Text = " " + string.Join(" ", options), Order = 1 };
        }

        /// <summary>New wrapper.java.additional.N keys after the last one, written like it.</summary>
        private static Splice WrapperInsertion(TextDocument doc, List<string> options)
        {
            var entries = LauncherParser.WrapperAdditionalEntries(doc);
            var next = entries.Count == 0 ? 1 : entries.Max(e => LauncherParser.WrapperKeyNumber(e.Key)) + 1;
            var separator = "=";
            var sb = new StringBuilder();
            int offset;
            if (entries.Count > 0)
            {
                var last = entries.OrderBy(e => e.LineStart).Last();
                var head = doc.Text.Substring(last.LineStart, last.ValueStart - last.LineStart);
                var keyAt = head.IndexOf(last.Key, StringComparison.Ordinal);
                separator = keyAt >= 0 ? head.Substring(keyAt + last.Key.Length) : "=";
                offset = last.LineEnd;
                foreach (var option in options)
                {
                    sb.Append(doc.NewLine).Append("wrapper.java.additional.").Append(next++).Append(separator).Append(option);
                }
            }
            else
            {
                offset = doc.Text.Length;
                var needsBreak = offset > 0 && doc.Text[offset - 1] != '\n' && doc.Text[offset - 1] != '\r';
                if (needsBreak)
                {
                    sb.Append(doc.NewLine);
                }
                foreach (var option in options)
                {
                    sb.Append("wrapper.java.additional.").Append(next++).Append(separator).Append(option).Append(doc.NewLine);
                }
            }
            return new Splice { Offset = offset, Length = 0, Text = sb.ToString(), Order = 1 };
        }

        private static IEnumerable<string> OwnWords(LauncherCommand command) => command.Tokens.Where(t => !t.IsJavaOpts).Select(t => t.Word);
    }
}
