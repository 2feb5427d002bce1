using CarbonOps.Checks;
using CarbonOps.Checks.Host;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class MemoryCheckTests
    {
        private const long GiB = 1024L * 1024 * 1024;

        private static CheckResult Evaluate(long? bytes, int instances) =>
            CheckRunner.Run(new MemoryCheck(), new CheckContext(new RecordedHost { MemoryTotalBytes = bytes }, null, new CheckOptions { InstanceCount = instances }));

        [Theory]
        [InlineData(4 * GiB, 1, CheckOutcome.Pass)]
        [InlineData(3 * GiB, 1, CheckOutcome.Fail)]
        [InlineData(8 * GiB, 3, CheckOutcome.Pass)]
        [InlineData(6 * GiB, 3, CheckOutcome.Fail)]
        [InlineData(3993 * 1024L * 1024, 1, CheckOutcome.Pass)] // MemTotal of a 4 GB machine, less the kernel's share
        public void TwoGbForTheOsPlusTwoPerInstance(long bytes, int instances, CheckOutcome expected)
        {
            var result = Evaluate(bytes, instances);
            Assert.Equal(expected, result.Outcome);
            Assert.Contains($"{2 + 2 * instances} GB", result.Expected);
            Assert.False(result.CanRemediate);
        }

        [Fact]
        public void UnreadableMemoryIsSkipped()
        {
            Assert.Equal(CheckOutcome.Skipped, Evaluate(null, 1).Outcome);
        }
    }
}
