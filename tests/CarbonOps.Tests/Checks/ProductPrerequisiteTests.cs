using System.IO;
using CarbonOps.Checks;
using CarbonOps.Checks.Product;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class ProductPrerequisiteTests
    {
        private const long Mb = 1024L * 1024;

        /// <summary>A host exactly at the sample config-validation.xml's minimums (800 MHz, 2048 MB RAM and swap, 1024 MB disk, 4096 files).</summary>
        private static RecordedHost AtMinimums(string homePath)
        {
            var host = new RecordedHost
            {
                Cpu = new CpuFacts(2, 2, 400, null),
                MemoryTotalBytes = 2048 * Mb,
                SwapTotalBytes = 2048 * Mb,
                OpenFilesLimit = 4096,
                OperatingSystem = RecordedHost.Linux("ID=rhel"),
            };
            host.FileSystems[homePath] = new FileSystemSpace(homePath, 1024 * Mb, 100000 * Mb);
            return host;
        }

        private static CheckResult Run(CarbonCheck check, RecordedHost host, string home) =>
            CheckRunner.Run(check, new CheckContext(host, CarbonHome.Open(home), new CheckOptions()));

        [Fact]
        public void AHostAtEveryMinimumPasses()
        {
            var result = Run(new ConfigValidationCheck(), AtMinimums(TestPaths.SampleHome), TestPaths.SampleHome);
            Assert.Equal(CheckOutcome.Pass, result.Outcome);
            Assert.Equal("CPU >= 800 MHz, RAM >= 2048 MB, swap >= 2048 MB, free disk >= 1024 MB, ulimit -n >= 4096, -Xms >= 256 MB, -Xmx >= 512 MB, -XX:MaxPermSize >= 256 MB", result.Expected);
            Assert.Equal($"CPU 800 MHz (2 x 400), RAM 2048 MB, swap 2048 MB, free disk 1024 MB on {TestPaths.SampleHome}, ulimit -n 4096, -Xms 256 MB, -Xmx 1024 MB, -XX:MaxPermSize 256 MB", result.Actual);
            Assert.EndsWith(Path.Combine("etc", "config-validation.xml"), result.Target);
        }

        [Theory]
        [InlineData("cpu", "CPU 798 MHz < 800 MHz")]
        [InlineData("ram", "RAM 2047 MB < 2048 MB")]
        [InlineData("swap", "swap 2047 MB < 2048 MB")]
        [InlineData("disk", "free disk 1023 MB < 1024 MB")]
        [InlineData("ulimit", "ulimit -n 4095 < 4096")]
        public void OneBelowAMinimumIsTheWarningCarbonWouldLog(string what, string message)
        {
            var host = AtMinimums(TestPaths.SampleHome);
            switch (what)
            {
                case "cpu": host.Cpu = new CpuFacts(2, 2, 399, null); break;
                case "ram": host.MemoryTotalBytes = 2047 * Mb; break;
                case "swap": host.SwapTotalBytes = 2047 * Mb; break;
                case "disk": host.FileSystems[TestPaths.SampleHome] = new FileSystemSpace(TestPaths.SampleHome, 1023 * Mb, 100000 * Mb); break;
                case "ulimit": host.OpenFilesLimit = 4095; break;
            }
            var result = Run(new ConfigValidationCheck(), host, TestPaths.SampleHome);
            Assert.Equal(CheckOutcome.Warning, result.Outcome);
            Assert.Equal($"Carbon will warn at start-up: {message}.", result.Message);
        }

        [Fact]
        public void TheLaunchersHeapIsComparedWithTheJvmMinimums()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var script = Path.Combine(home, CarbonPaths.StartupScriptSh);
            File.WriteAllText(script, File.ReadAllText(script).Replace("-Xmx1024m", "-Xmx511m").Replace("-XX:MaxPermSize=256m", "-XX:MaxPermSize=128m"));
            var result = Run(new ConfigValidationCheck(), AtMinimums(home), home);
            Assert.Equal(CheckOutcome.Warning, result.Outcome);
            Assert.Equal("Carbon will warn at start-up: -Xmx 511 MB < 512 MB; -XX:MaxPermSize 128 MB < 256 MB.", result.Message);
        }

        [Fact]
        public void ThresholdsAreReadFromTheFileAndWindowsHasNoUlimit()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            temp.Write(Path.Combine(Path.GetFileName(home), CarbonPaths.ConfigValidationXml),
                "<Configuration enabled=\"true\">\n<Validator class=\"org.wso2.carbon.core.bootup.validator.SystemValidator\">\n" +
                "<Parameter id=\"RAM\">4096</Parameter><Parameter id=\"ulimit\">100000</Parameter></Validator>\n</Configuration>\n");
            var host = AtMinimums(home);
            var result = Run(new ConfigValidationCheck(), host, home);
            Assert.Equal("RAM >= 4096 MB, ulimit -n >= 100000", result.Expected);
            Assert.Equal("Carbon will warn at start-up: RAM 2048 MB < 4096 MB; ulimit -n 4096 < 100000.", result.Message);
            host.OperatingSystem = new OsFacts(HostPlatform.Windows, null, null, null, null, null, "Windows Server 2012 R2");
            Assert.Equal("RAM >= 4096 MB", Run(new ConfigValidationCheck(), host, home).Expected);
        }

        [Fact]
        public void ADisabledFileIsSkipped()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var file = Path.Combine(home, CarbonPaths.ConfigValidationXml);
            File.WriteAllText(file, File.ReadAllText(file).Replace("<Configuration enabled=\"true\">", "<Configuration enabled=\"false\">"));
            var result = Run(new ConfigValidationCheck(), AtMinimums(home), home);
            Assert.Equal(CheckOutcome.Skipped, result.Outcome);
            Assert.Contains("disabled", result.Message);
        }

        [Theory]
        [InlineData("<Configuration>\n<Validator class=\"x.SystemValidator\">\n<Parameter id=\"RAM\">2048</Parameter>\n</Configuration>\n", "line 4")]
        [InlineData("<Configuration>\n<Validator class=\"x.SystemValidator\">\n<Parameter id=\"RAM\">2 GB</Parameter>\n</Validator>\n</Configuration>\n", "line 3: Parameter 'RAM' is '2 GB', not a whole number")]
        public void AnUnreadableFileIsAnErrorWithPathAndLine(string text, string reason)
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            temp.Write(Path.Combine(Path.GetFileName(home), CarbonPaths.ConfigValidationXml), text);
            var result = Run(new ConfigValidationCheck(), AtMinimums(home), home);
            Assert.Equal(CheckOutcome.Error, result.Outcome);
            Assert.Contains("config-validation.xml", result.Message);
            Assert.Contains(reason, result.Message);
        }

        [Fact]
        public void AMissingFileIsSkipped()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            File.Delete(Path.Combine(home, CarbonPaths.ConfigValidationXml));
            Assert.Equal(CheckOutcome.Skipped, Run(new ConfigValidationCheck(), AtMinimums(home), home).Outcome);
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void CorpusHomesAreValidatedAndHaveNoJmsEnabled(string relative)
        {
            var home = TestPaths.CorpusPath(relative);
            var host = AtMinimums(home);
            var result = Run(new ConfigValidationCheck(), host, home);
            Assert.Equal(CheckOutcome.Pass, result.Outcome);
            Assert.Contains("-Xmx", result.Actual);
            Assert.Equal(CheckOutcome.Skipped, Run(new ActiveMqClientCheck(), host, home).Outcome);
        }

        private static string JmsHome(TempFolder temp, string factory, params string[] jars)
        {
            var home = temp.CopyHome(TestPaths.SampleHome);
            var axis2 = Path.Combine(home, CarbonPaths.Axis2Xml);
            var text = File.ReadAllText(axis2)
                .Replace("<!-- JMS listener, off as shipped; enable it after setting up a broker\n", "<!-- JMS listener -->\n")
                .Replace("</transportReceiver>-->", "</transportReceiver>")
                .Replace("org.apache.activemq.jndi.ActiveMQInitialContextFactory", factory);
            File.WriteAllText(axis2, text);
            foreach (var jar in jars)
            {
                temp.Write(Path.Combine(Path.GetFileName(home), "repository", "components", "lib", jar), "jar");
            }
            return home;
        }

        [Theory]
        [InlineData(CheckOutcome.Fail)]
        [InlineData(CheckOutcome.Fail, "activemq-core-5.4.3.jar", "geronimo-j2ee-management_1.1_spec-1.0.1.jar")]
        [InlineData(CheckOutcome.Pass, "activemq-core-5.5.0.jar", "geronimo-j2ee-management_1.1_spec-1.0.1.jar")]
        [InlineData(CheckOutcome.Pass, "activemq-client-5.8.0.jar", "activemq-broker-5.8.0.jar")]
        [InlineData(CheckOutcome.Pass, "activemq-core-5.4.3.jar", "activemq-all-5.10.0.jar")]
        public void AnEnabledActiveMqTransportNeedsTheClientJars(CheckOutcome expected, params string[] jars)
        {
            using var temp = new TempFolder();
            var home = JmsHome(temp, "org.apache.activemq.jndi.ActiveMQInitialContextFactory", jars);
            var result = Run(new ActiveMqClientCheck(), new RecordedHost(), home);
            Assert.Equal(expected, result.Outcome);
        }

        [Fact]
        public void AnotherBrokerOrNoJmsIsSkipped()
        {
            using var temp = new TempFolder();
            var qpid = JmsHome(temp, "org.apache.qpid.jndi.PropertiesFileInitialContextFactory");
            var result = Run(new ActiveMqClientCheck(), new RecordedHost(), qpid);
            Assert.Equal(CheckOutcome.Skipped, result.Outcome);
            Assert.Contains("qpid", result.Message);
            Assert.Equal(CheckOutcome.Skipped, Run(new ActiveMqClientCheck(), new RecordedHost(), TestPaths.SampleHome).Outcome);
        }
    }
}
