using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>The guide: never run Carbon as root. Looks at the running JVMs of this home (Linux /proc) and the owner of the home.</summary>
    public sealed class RunAsRootCheck : CarbonCheck
    {
        public override string Id => CheckIds.SecurityRunAsRoot;
        public override string Title => "Carbon does not run as root, and root does not own the product home";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Security guidelines for production deployment: run as a dedicated unprivileged user";
        public override string RemediationText =>
            "Create a dedicated user (e.g. wso2carbon), give it the product home (chown -R), and start the server as that user from a service unit.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var owner = PosixFile.Stat(context.Home.Path);
            if (!owner.HasValue)
            {
                return Skip(context, context.Home.Path, "File ownership and process users are read on Linux only.");
            }
            var problems = new List<string>();
            var processes = new List<string>();
            foreach (var p in context.Facts.Processes.Where(p => p.Arguments.Contains(InstanceDiscovery.BootstrapClass)))
            {
                var home = InstanceDiscovery.CarbonHomeArgument(p.Arguments);
                if (home == null || !SamePath(home, context.Home.Path))
                {
                    continue;
                }
                var uid = EffectiveUserId(p.ProcessId);
                processes.Add($"pid {p.ProcessId} uid {(uid.HasValue ? uid.Value.ToString(CultureInfo.InvariantCulture) : "?")}");
                if (uid == 0)
                {
                    problems.Add($"the Carbon JVM with pid {p.ProcessId} runs as root");
                }
            }
            if (owner.Value.Uid == 0)
            {
                problems.Add("root owns the product home");
            }
            var actual = $"home owner uid {owner.Value.Uid}; " + (processes.Count == 0 ? "no running JVM of this home" : "running: " + string.Join(", ", processes));
            const string expected = "an unprivileged user runs the server and owns the home";
            return problems.Count == 0
                ? Pass(context, expected, actual, context.Home.Path)
                : Fail(context, expected, actual, context.Home.Path,
                    char.ToUpperInvariant(problems[0][0]) + string.Join("; ", problems).Substring(1) + ": a flaw in any deployed artifact gets the whole machine.");
        }

        /// <summary>The effective uid of a process (the second field of Uid: in /proc/&lt;pid&gt;/status).</summary>
        internal static uint? EffectiveUserId(int pid)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                var fields = line?.Substring(4).Split(new[] { '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries);
                return fields != null && fields.Length > 1 && uint.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : (uint?)null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static bool SamePath(string a, string b)
        {
            try
            {
                return string.Equals(Path.GetFullPath(a).TrimEnd('/'), Path.GetFullPath(b).TrimEnd('/'), StringComparison.Ordinal);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
