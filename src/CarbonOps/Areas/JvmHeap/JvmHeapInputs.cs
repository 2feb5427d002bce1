using CarbonOps.Installation;

namespace CarbonOps.Changes
{
    /// <summary>Jvm.Heap's values (see RemedyInputAttribute for what is made from them).</summary>
    public sealed partial class RemediationOptions
    {
        public const string GuideInitialHeap = "512m";
        public const string GuideMaxHeap = "2048m";
        public const string GuideMaxPermSize = "1024m";

        [RemedyInput(CheckIds.JvmHeap,
            "The -Xms of the launchers, a number with k, m or g (512m, 2g). Invoke-CarbonHardening raises launchers below it to it (default: the guide's 512m); Set-CarbonJvmOption sets it.",
            Cmdlets = new[] { "Set-CarbonJvmOption" }, Pattern = JvmSize.Pattern, Validator = nameof(ValidateJvmSize))]
        public string InitialHeap { get; set; } = GuideInitialHeap;

        [RemedyInput(CheckIds.JvmHeap,
            "The -Xmx of the launchers, a number with k, m or g. Invoke-CarbonHardening raises launchers below it to it (default: the guide's 2048m); Set-CarbonJvmOption sets it.",
            Cmdlets = new[] { "Set-CarbonJvmOption" }, Pattern = JvmSize.Pattern, Validator = nameof(ValidateJvmSize))]
        public string MaxHeap { get; set; } = GuideMaxHeap;

        [RemedyInput(CheckIds.JvmHeap,
            "The -XX:MaxPermSize of the launchers, a number with k, m or g (JDK 1.7 and older). Invoke-CarbonHardening raises launchers below it to it (default: the guide's 1024m); Set-CarbonJvmOption sets it.",
            Cmdlets = new[] { "Set-CarbonJvmOption" }, Pattern = JvmSize.Pattern, Validator = nameof(ValidateJvmSize))]
        public string MaxPermSize { get; set; } = GuideMaxPermSize;

        public static void ValidateJvmSize(string parameterName, string size)
        {
            if (!JvmSize.IsValid(size))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"-{parameterName} '{size}' is not a JVM size: write a number with k, m or g (512m, 2g).");
            }
        }
    }
}
