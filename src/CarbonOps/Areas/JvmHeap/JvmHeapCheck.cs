using System.Collections.Generic;
using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// The guide's production JVM memory: -Xms512m -Xmx2048m -XX:MaxPermSize=1024m in every launcher,
    /// and the -Xmx of every instance plus 2 GB for the OS within the host's RAM
    /// (PermGen comes out of the OS's share, as in the guide's own 4 GB example). The remedy
    /// raises smaller values in every launcher through the Set-CarbonJvmOption engine; it never lowers one.
    /// </summary>
    public sealed class JvmHeapCheck : CarbonCheck
    {
        public const string GuideInitialHeap = RemediationOptions.GuideInitialHeap;
        public const string GuideMaxHeap = RemediationOptions.GuideMaxHeap;
        public const string GuideMaxPermSize = RemediationOptions.GuideMaxPermSize;

        public override string Id => CheckIds.JvmHeap;
        public override string Title => "JVM heap and PermGen sizes meet the guide's production values and fit the host's memory";
        public override string Category => "JVM";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: JVM settings (heap and PermGen memory)";
        public override string RemediationText =>
            "Give every launcher -Xms512m -Xmx2048m -XX:MaxPermSize=1024m (Set-CarbonJvmOption, or Invoke-CarbonHardening -CheckId Jvm.Heap), and keep the heaps (-Xmx) of all instances plus 2 GB for the OS within the host's RAM (the guide: -Xmx2048m wants about 4 GB; three instances 8 GB).";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            var home = context.Home;
            var launchers = CarbonPaths.StartupScripts.Where(home.Exists).ToList();
            var expected = $"-Xms{GuideInitialHeap} -Xmx{GuideMaxHeap} -XX:MaxPermSize={GuideMaxPermSize} (or more) in every launcher";
            if (launchers.Count == 0)
            {
                return Skip(context, home.Path, "The home has no launcher (bin/wso2server.sh, bin/wso2server.bat, bin/yajsw/wrapper.conf).");
            }
            var actual = new List<string>();
            var low = new List<string>();
            long largestMb = 0;
            foreach (var launcher in launchers)
            {
                var command = home.Launcher(launcher);
                var values = JvmValues.From(command.Tokens.Where(t => !t.IsJavaOpts).Select(t => t.Word));
                var metaspace = values[JvmSetting.MaxMetaspaceSize] != null && values[JvmSetting.MaxPermSize] == null;
                actual.Add($"{launcher}: {Describe(values, metaspace)}");
                if (Below(values[JvmSetting.InitialHeap], GuideInitialHeap) || Below(values[JvmSetting.MaxHeap], GuideMaxHeap)
                    || (!metaspace && Below(values[JvmSetting.MaxPermSize], GuideMaxPermSize)))
                {
                    low.Add(launcher);
                }
                largestMb = System.Math.Max(largestMb, JvmSize.Megabytes(values[JvmSetting.MaxHeap]) ?? 0);
            }
            var text = string.Join("; ", actual);
            if (low.Count > 0)
            {
                return Fail(context, expected, text, home.FilePath(low[0]),
                    $"These launchers start the JVM with less memory than the guide's production values: {string.Join(", ", low)}.");
            }
            var instances = System.Math.Max(1, context.Options.InstanceCount);
            var ram = JvmMemoryBudget.Check(Enumerable.Repeat(largestMb, instances).ToList(), context.Host.MemoryTotalBytes);
            return ram != null ? Warn(context, expected, text, home.Path, ram) : Pass(context, expected, text, home.Path);
        }

        public override void Remediate(RemediationContext context)
        {
            var request = new JvmOptionRequest
            {
                InitialHeap = context.Options.InitialHeap,
                MaxHeap = context.Options.MaxHeap,
                MaxPermSize = context.Options.MaxPermSize,
                OnlyRaise = true,
            };
            Remedies.JvmOptionRemedy.Memory(context, request);
        }

        private static bool Below(string value, string guide) =>
            !JvmSize.TryParseBytes(value, out var have) || (JvmSize.TryParseBytes(guide, out var want) && have < want);

        private static string Describe(JvmValues values, bool metaspace)
        {
            string Show(string prefix, JvmSetting setting) => prefix + (values[setting] ?? "(JVM default)");
            var perm = metaspace ? Show("-XX:MaxMetaspaceSize=", JvmSetting.MaxMetaspaceSize) : Show("-XX:MaxPermSize=", JvmSetting.MaxPermSize);
            return $"{Show("-Xms", JvmSetting.InitialHeap)} {Show("-Xmx", JvmSetting.MaxHeap)} {perm}";
        }
    }
}
