using System.Management.Automation;

namespace CarbonOps.Changes
{
    /// <summary>Network.PortConflict's value (see RemedyInputAttribute for what is made from it).</summary>
    public sealed partial class RemediationOptions
    {
        [RemedyInput(CheckIds.NetworkPortConflict,
            "The port offset to write into carbon.xml's Ports/Offset: 0 or more, and small enough that every shifted port stays at or below 65535. Carbon adds it to every port it opens, so that instances on one host do not clash.",
            Cmdlets = new[] { "Set-CarbonPortOffset" }, MandatoryIn = new[] { "Set-CarbonPortOffset" }, ParameterSet = "Offset", Position = 1,
            Validator = nameof(ValidatePortOffset))]
        [Alias("Offset")]
        public int? PortOffset { get; set; }

        public static void ValidatePortOffset(string parameterName, int offset)
        {
            if (offset < 0)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"-{parameterName} {offset} is negative; Carbon adds the offset to its ports, so it must be 0 or more.");
            }
        }
    }
}
