using System.Collections.Generic;
using System.Globalization;
using CarbonOps.Host;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide's processors. A physical server: "3 GHz Dual-core Xeon/Opteron (or latest)" for one instance and "a 4 GHz
    /// CPU" for three, read as capacity (cores x clock): 6 GHz for one and 1 GHz more for each further instance (8 GHz for
    /// three, a 4 GHz dual-core), with at least two cores and a per-core floor of 2 GHz, so a modern many-core part at
    /// 2.6 GHz meets it and a slow one does not. A virtual machine: "2 compute units minimum (each unit having 1.0-1.2 GHz
    /// Opteron/Xeon processor) ... One CPU unit for the operating system and one for JVM", four for three instances: one
    /// vCPU for the OS plus one per instance, each at least 1.0 GHz. On EC2 (DMI says so) the same count, reported against
    /// the guide's c3.large per instance and c3.xlarge or c3.2xlarge for several. A Cassandra data node: 4 cores.
    /// </summary>
    public sealed class CpuCheck : CarbonCheck
    {
        // "cpu MHz" and rated clocks land a little either side of the round figure (2993.0 for a 3 GHz part).
        private const double ClockTolerance = 0.99;
        internal const double BaseCapacityGhz = 6.0;
        internal const double CapacityPerFurtherInstanceGhz = 1.0;
        internal const double PerCoreFloorMhz = 2000;
        internal const double ComputeUnitFloorMhz = 1000;

        public override string Id => "Host.Cpu";
        public override string Title => "Processor capacity for the host's role and instance count";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Installation Prerequisites: Hardware requirements (per WSO2 product instance); Virtual Machine";
        public override string RemediationText => "Move the instances to a host with the processor capacity the guide asks for, run fewer instances on it, or give the virtual machine more (or faster) vCPUs.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var cpu = context.Host.Cpu;
            if (cpu == null)
            {
                return Skip(context, context.ComputerName, "The processors of this host could not be read.");
            }
            var actual = Describe(cpu);
            var instances = context.Options.InstanceCount < 1 ? 1 : context.Options.InstanceCount;
            var machine = context.Host.Machine;
            if (context.Options.Profile == HostProfile.CassandraNode)
            {
                return cpu.CoreCount >= 4
                    ? Pass(context, "4 cores", actual, context.ComputerName)
                    : Fail(context, "4 cores", actual, context.ComputerName, $"A Cassandra data node needs 4 cores; this host has {cpu.CoreCount}.");
            }
            if (machine != null && machine.IsEc2)
            {
                var type = machine.Ec2InstanceType ?? "instance type not in DMI";
                return ComputeUnits(context, cpu, instances, $"EC2 {type}, {actual}",
                    $" (the guide: c3.large, 2 vCPUs, per instance; c3.xlarge or c3.2xlarge for several)");
            }
            if (context.Options.Profile == HostProfile.VirtualMachine)
            {
                return ComputeUnits(context, cpu, instances, actual, "");
            }
            return PhysicalServer(context, cpu, instances, actual);
        }

        private CheckResult PhysicalServer(CheckContext context, CpuFacts cpu, int instances, string actual)
        {
            var requiredGhz = BaseCapacityGhz + CapacityPerFurtherInstanceGhz * (instances - 1);
            var expected = string.Format(CultureInfo.InvariantCulture,
                "{0:0.#} GHz of capacity (cores x clock; the guide: 3 GHz dual-core for one instance, 4 GHz dual-core for three), 2+ cores of {1:0.#} GHz or more",
                requiredGhz, PerCoreFloorMhz / 1000);
            if (!cpu.Mhz.HasValue)
            {
                return cpu.CoreCount >= 2
                    ? Warn(context, expected, actual, context.ComputerName, "The processor clock could not be read; the core count meets the guide.")
                    : Fail(context, expected, actual, context.ComputerName, $"The host has {cpu.CoreCount} core; the guide asks for two at 3 GHz.");
            }
            var capacityGhz = cpu.CoreCount * cpu.Mhz.Value / 1000;
            actual += string.Format(CultureInfo.InvariantCulture, " = {0:0.#} GHz", capacityGhz);
            var problems = new List<string>();
            if (cpu.CoreCount < 2)
            {
                problems.Add($"{cpu.CoreCount} core (2 needed)");
            }
            if (cpu.Mhz.Value < PerCoreFloorMhz * ClockTolerance)
            {
                problems.Add($"{Ghz(cpu.Mhz.Value)} per core (below the {Ghz(PerCoreFloorMhz)} floor)");
            }
            if (capacityGhz < requiredGhz * ClockTolerance)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "{0:0.#} GHz of capacity ({1:0.#} GHz needed for {2} instance{3})",
                    capacityGhz, requiredGhz, instances, instances == 1 ? "" : "s"));
            }
            return problems.Count == 0
                ? Pass(context, expected, actual, context.ComputerName)
                : Fail(context, expected, actual, context.ComputerName, "Below the guide's physical server: " + string.Join(", ", problems) + ".");
        }

        private CheckResult ComputeUnits(CheckContext context, CpuFacts cpu, int instances, string actual, string guideNote)
        {
            var units = 1 + instances;
            var expected = $"{units} compute units of {Ghz(ComputeUnitFloorMhz)} or more (1 for the OS + 1 for each of {instances} JVM{(instances == 1 ? "" : "s")}){guideNote}";
            var problems = new List<string>();
            if (cpu.LogicalProcessors < units)
            {
                problems.Add($"{cpu.LogicalProcessors} vCPU(s) where the OS and {instances} Carbon JVM(s) need {units}");
            }
            if (cpu.Mhz.HasValue && cpu.Mhz.Value < ComputeUnitFloorMhz * ClockTolerance)
            {
                problems.Add($"{Ghz(cpu.Mhz.Value)} per vCPU, below the guide's 1.0-1.2 GHz compute unit");
            }
            return problems.Count == 0
                ? Pass(context, expected, actual, context.ComputerName)
                : Fail(context, expected, actual, context.ComputerName, "Below the guide's virtual machine: " + string.Join("; ", problems) + ".");
        }

        /// <summary>"2 cores @ 2.6 GHz", with the logical processors where they differ from the cores.</summary>
        internal static string Describe(CpuFacts cpu)
        {
            var cores = cpu.Cores.HasValue
                ? $"{cpu.Cores} core{(cpu.Cores == 1 ? "" : "s")}" + (cpu.Cores != cpu.LogicalProcessors ? $" ({cpu.LogicalProcessors} logical)" : "")
                : $"{cpu.LogicalProcessors} logical processor{(cpu.LogicalProcessors == 1 ? "" : "s")}";
            return cpu.Mhz.HasValue ? $"{cores} @ {Ghz(cpu.Mhz.Value)}" : cores + " @ unknown clock";
        }

        internal static string Ghz(double mhz) => (mhz / 1000).ToString("0.0#", CultureInfo.InvariantCulture) + " GHz";
    }
}
