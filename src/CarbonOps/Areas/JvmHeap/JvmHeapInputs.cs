using CarbonOps.Installation;

namespace CarbonOps.Changes
{
    /// <summary>Jvm.Heap's values (see RemedyInputAttribute for what is made from them); checked by JvmSize, with the same error either way.</summary>
    public sealed partial class RemediationOptions
    {
        public const string GuideInitialHeap = "512m";
        public const string GuideMaxHeap = "2048m";
        public const string GuideMaxPermSize = "1024m";

        [RemedyInput(CheckIds.JvmHeap,
            "The -Xms of the launchers, a number with k, m or g (512m, 2g). Invoke-CarbonHardening raises launchers below it to it (default: the guide's 512m); Set-CarbonJvmOption sets it.",
            Cmdlets = new[] { "Set-CarbonJvmOption" }, Pattern = JvmSize.Pattern)]
        public string InitialHeap { get; set; } = GuideInitialHeap;

        [RemedyInput(CheckIds.JvmHeap,
            "The -Xmx of the launchers, a number with k, m or g. Invoke-CarbonHardening raises launchers below it to it (default: the guide's 2048m); Set-CarbonJvmOption sets it.",
            Cmdlets = new[] { "Set-CarbonJvmOption" }, Pattern = JvmSize.Pattern)]
        public string MaxHeap { get; set; } = GuideMaxHeap;

        [RemedyInput(CheckIds.JvmHeap,
            "The -XX:MaxPermSize of the launchers, a number with k, m or g (JDK 1.7 and older). Invoke-CarbonHardening raises launchers below it to it (default: the guide's 1024m); Set-CarbonJvmOption sets it.",
            Cmdlets = new[] { "Set-CarbonJvmOption" }, Pattern = JvmSize.Pattern)]
        public string MaxPermSize { get; set; } = GuideMaxPermSize;
    }
}
