using System.Globalization;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide's processor minimum: a physical server 3 GHz dual-core or better; a virtual machine one
    /// compute unit for the OS and one for each Carbon JVM; a Cassandra data node 4 cores.
    /// </summary>
    public sealed class CpuCheck : CarbonCheck
    {
        // "cpu MHz" and rated clocks land a little either side of the round figure (2993.0 for a 3 GHz part).
        private const double ClockTolerance = 0.99;

        public override string Id => CheckIds.HostCpu;
        public override string Title => "Processor cores and clock for the host's role";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Installation Prerequisites: Hardware (processor)";
        public override string RemediationText => "Move the instances to a host with the processors the guide asks for, or give the virtual machine more vCPUs.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var cpu = context.Host.Cpu;
            if (cpu == null)
            {
                return Skip(context, context.ComputerName, "The processors of this host could not be read.");
            }
            var actual = Describe(cpu);
            var instances = context.Options.InstanceCount < 1 ? 1 : context.Options.InstanceCount;
            switch (context.Options.Profile)
            {
                case HostProfile.VirtualMachine:
                    var units = 1 + instances;
                    var expected = $"{units} compute units (1 for the OS + 1 for each of {instances} JVM{(instances == 1 ? "" : "s")})";
                    return cpu.LogicalProcessors >= units
                        ? Pass(context, expected, actual, context.ComputerName)
                        : Fail(context, expected, actual, context.ComputerName, $"The virtual machine has {cpu.LogicalProcessors} compute unit(s); the OS and {instances} Carbon JVM(s) need {units}.");
                case HostProfile.CassandraNode:
                    return cpu.CoreCount >= 4
                        ? Pass(context, "4 cores", actual, context.ComputerName)
                        : Fail(context, "4 cores", actual, context.ComputerName, $"A Cassandra data node needs 4 cores; this host has {cpu.CoreCount}.");
                default:
                    const string server = "3 GHz dual-core or better";
                    if (!cpu.Mhz.HasValue)
                    {
                        return cpu.CoreCount >= 2
                            ? Warn(context, server, actual, context.ComputerName, "The processor clock could not be read; the core count meets the guide.")
                            : Fail(context, server, actual, context.ComputerName, $"The host has {cpu.CoreCount} core; the guide asks for two at 3 GHz.");
                    }
                    var problems = new System.Collections.Generic.List<string>();
                    if (cpu.CoreCount < 2)
                    {
                        problems.Add($"{cpu.CoreCount} core (2 needed)");
                    }
                    if (cpu.Mhz.Value < 3000 * ClockTolerance)
                    {
                        problems.Add($"{Ghz(cpu.Mhz.Value)} clock (3 GHz needed)");
                    }
                    return problems.Count == 0
                        ? Pass(context, server, actual, context.ComputerName)
                        : Fail(context, server, actual, context.ComputerName, "Below the guide's physical server: " + string.Join(", ", problems) + ".");
            }
        }

        /// <summary>"2 cores @ 2.6 GHz", with the logical processors where they differ from the cores.</summary>
        internal static string Describe(CarbonOps.Host.CpuFacts cpu)
        {
            var cores = cpu.Cores.HasValue
                ? $"{cpu.Cores} core{(cpu.Cores == 1 ? "" : "s")}" + (cpu.Cores != cpu.LogicalProcessors ? $" ({cpu.LogicalProcessors} logical)" : "")
                : $"{cpu.LogicalProcessors} logical processor{(cpu.LogicalProcessors == 1 ? "" : "s")}";
            return cpu.Mhz.HasValue ? $"{cores} @ {Ghz(cpu.Mhz.Value)}" : cores + " @ unknown clock";
        }

        internal static string Ghz(double mhz) => (mhz / 1000).ToString("0.0#", CultureInfo.InvariantCulture) + " GHz";
    }
}
