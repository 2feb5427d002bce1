using System.Globalization;

namespace CarbonOps.Checks.Host
{
    /// <summary>The guide: 2 GB of RAM for the OS plus 2 GB for each Carbon instance on the host.</summary>
    public sealed class MemoryCheck : CarbonCheck
    {
        private const long GiB = 1024L * 1024 * 1024;

        // MemTotal is the RAM less what the kernel keeps for itself, a few percent below what is installed.
        private const double KernelReserveAllowance = 0.95;

        public override string Id => "Host.Memory";
        public override string Title => "Physical memory for the OS and each Carbon instance";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Installation Prerequisites: Hardware (memory)";
        public override string RemediationText => "Add memory to the host, or run fewer Carbon instances on it.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var instances = context.Options.InstanceCount < 1 ? 1 : context.Options.InstanceCount;
            var requiredGb = 2 + 2 * instances;
            var expected = $"{requiredGb} GB (2 GB for the OS + 2 GB x {instances} instance{(instances == 1 ? "" : "s")})";
            var total = context.Host.MemoryTotalBytes;
            if (!total.HasValue)
            {
                return Skip(context, context.ComputerName, "The physical memory of this host could not be read.");
            }
            var actual = FormatGb(total.Value);
            return total.Value >= requiredGb * GiB * KernelReserveAllowance
                ? Pass(context, expected, actual, context.ComputerName)
                : Fail(context, expected, actual, context.ComputerName, $"The host has {actual} of memory; {instances} Carbon instance(s) need {requiredGb} GB.");
        }

        internal static string FormatGb(long bytes) => (bytes / (double)GiB).ToString("0.0", CultureInfo.InvariantCulture) + " GB";
    }
}
