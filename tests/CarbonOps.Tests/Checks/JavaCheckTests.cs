using System;
using System.IO;
using CarbonOps.Checks;
using CarbonOps.Checks.Host;
using CarbonOps.Checks.Product;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Host;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class JavaCheckTests
    {
        internal static RecordedHost WithJavaHome(string home, string path = null)
        {
            var host = new RecordedHost();
            if (home != null)
            {
                host.Environment["JAVA_HOME"] = home;
            }
            if (path != null)
            {
                host.Environment["PATH"] = path;
            }
            return host;
        }

        private static CheckResult Run(CarbonCheck check, RecordedHost host, CheckOptions options = null, JavaProbe java = null) =>
            CheckRunner.Run(check, new CheckContext(host, null, options ?? new CheckOptions(), java));

        [PosixTheory]
        [InlineData("oracle-jdk1.6.0_45", CheckOutcome.Pass, "1.6.0_45 (Oracle, JDK)")]
        [InlineData("oracle-jdk1.7.0_80", CheckOutcome.Pass, "1.7.0_80 (Oracle, JDK)")]
        [InlineData("ibm-java-1.7", CheckOutcome.Pass, "1.7.0 (IBM, JDK)")]
        [InlineData("openjdk-1.7.0", CheckOutcome.Pass, "1.7.0_25 (OpenJDK, JDK)")]
        [InlineData("oracle-jre1.7.0_80", CheckOutcome.Pass, "1.7.0_80 (Oracle, JRE)")]
        [InlineData("oracle-jdk1.8.0_202", CheckOutcome.Fail, "1.8.0_202 (Oracle, JDK)")]
        public void JavaVersionOfEachFixture(string fixture, CheckOutcome expected, string actual)
        {
            var result = Run(new JavaVersionCheck(), WithJavaHome(Fixtures.Jdk(fixture)));
            Assert.Equal(expected, result.Outcome);
            Assert.Equal(actual, result.Actual);
            if (expected == CheckOutcome.Fail)
            {
                Assert.Contains("not supported by Carbon 4.2.0", result.Message);
            }
        }

        [PosixTheory]
        [InlineData("1.6.0_27", CheckOutcome.Pass)]
        [InlineData("1.6.0_26", CheckOutcome.Warning)]
        [InlineData("1.6.0_24", CheckOutcome.Warning)]
        [InlineData("1.6.0_23", CheckOutcome.Fail)]
        [InlineData("1.5.0_22", CheckOutcome.Fail)]
        [InlineData("1.7.0", CheckOutcome.Pass)]
        [InlineData("1.8.0", CheckOutcome.Fail)]
        public void JavaVersionBoundaries(string version, CheckOutcome expected)
        {
            using var temp = new TempFolder();
            temp.Write("jdk/release", $"JAVA_VERSION=\"{version}\"\nBUILD_TYPE=\"commercial\"\n");
            Fixtures.Script(temp, "jdk/bin/java", "exit 1\n");
            var result = Run(new JavaVersionCheck(), WithJavaHome(Path.Combine(temp.Path, "jdk")));
            Assert.Equal(expected, result.Outcome);
        }

        [PosixTheory]
        [InlineData("oracle-jdk1.7.0_80", CheckOutcome.Pass)]
        [InlineData("ibm-java-1.7", CheckOutcome.Pass)]
        [InlineData("openjdk-1.7.0", CheckOutcome.Fail)]
        public void OpenJdkFails(string fixture, CheckOutcome expected)
        {
            var result = Run(new JavaVendorCheck(), WithJavaHome(Fixtures.Jdk(fixture)));
            Assert.Equal(expected, result.Outcome);
            if (expected == CheckOutcome.Fail)
            {
                Assert.Contains("not recommended or supported", result.Message);
            }
        }

        [PosixFact]
        public void JavaHomeMustBeAJdkUnlessAnOracleJre17OnlyRuns()
        {
            Assert.Equal(CheckOutcome.Pass, Run(new JavaHomeCheck(), WithJavaHome(Fixtures.Jdk("oracle-jdk1.6.0_45"))).Outcome);
            var jre = Run(new JavaHomeCheck(), WithJavaHome(Fixtures.Jdk("oracle-jre1.7.0_80")));
            Assert.Equal(CheckOutcome.Pass, jre.Outcome);
            Assert.Contains("not for building", jre.Message);
            Assert.StartsWith("JRE at ", jre.Actual);
            var building = Run(new JavaHomeCheck(), WithJavaHome(Fixtures.Jdk("oracle-jre1.7.0_80")), new CheckOptions { BuildFromSource = true });
            Assert.Equal(CheckOutcome.Fail, building.Outcome);
            Assert.Contains("needs javac", building.Message);
        }

        [PosixFact]
        public void AnOpenJdkJreIsNotEnough()
        {
            using var temp = new TempFolder();
            var jre = temp.CopyHome(Fixtures.Jdk("openjdk-1.7.0"));
            File.Delete(Path.Combine(jre, "bin", "javac"));
            Assert.Equal(CheckOutcome.Fail, Run(new JavaHomeCheck(), WithJavaHome(jre)).Outcome);
        }

        [Fact]
        public void UnsetJavaHomeFailsAndOnPathIsSkipped()
        {
            var host = WithJavaHome(null);
            var home = Run(new JavaHomeCheck(), host);
            Assert.Equal(CheckOutcome.Fail, home.Outcome);
            Assert.Equal("JAVA_HOME not set", home.Actual);
            Assert.Equal(CheckOutcome.Skipped, Run(new JavaOnPathCheck(), host).Outcome);
            var version = Run(new JavaVersionCheck(), host);
            Assert.Equal(CheckOutcome.Fail, version.Outcome);
            Assert.Contains("No Java found", version.Message);
            Assert.Equal(CheckOutcome.Skipped, Run(new JavaVendorCheck(), host).Outcome);
        }

        [Fact]
        public void AJavaHomeThatDoesNotExistIsAnErrorNamingIt()
        {
            using var temp = new TempFolder();
            var missing = Path.Combine(temp.Path, "jdk1.7.0_80");
            var host = WithJavaHome(missing);
            foreach (var check in new CarbonCheck[] { new JavaHomeCheck(), new JavaVersionCheck(), new JavaVendorCheck(), new JavaJcePolicyCheck() })
            {
                var result = Run(check, host);
                Assert.Equal(CheckOutcome.Error, result.Outcome);
                Assert.Contains(missing, result.Message);
                Assert.Contains("does not exist", result.Message);
            }
        }

        [PosixFact]
        public void AHangingJavaIsAnErrorAfterItsTimeLimit()
        {
            var probe = new JavaProbe { Timeout = TimeSpan.FromMilliseconds(300) };
            var host = WithJavaHome(Fixtures.Jdk("hanging-java"));
            var result = Run(new JavaVersionCheck(), host, java: probe);
            Assert.Equal(CheckOutcome.Error, result.Outcome);
            Assert.Contains("hanging-java/bin/java -version' gave no answer within 0.3 s", result.Message);
            // The other checks of the call reuse the answer: the java is not started again.
            Assert.Equal(CheckOutcome.Error, Run(new JavaVendorCheck(), host, java: probe).Outcome);
            Assert.Equal(1, probe.Inspections);
        }

        [PosixFact]
        public void GarbageFromJavaIsAnError()
        {
            var result = Run(new JavaVersionCheck(), WithJavaHome(Fixtures.Jdk("garbage-java")));
            Assert.Equal(CheckOutcome.Error, result.Outcome);
            Assert.Contains("printed no Java version", result.Message);
        }

        [PosixFact]
        public void TheJavaHomeParameterWinsOverTheEnvironment()
        {
            var host = WithJavaHome(Fixtures.Jdk("oracle-jdk1.8.0_202"));
            var result = Run(new JavaVersionCheck(), host, new CheckOptions { JavaHome = Fixtures.Jdk("oracle-jdk1.7.0_80") });
            Assert.Equal(CheckOutcome.Pass, result.Outcome);
            Assert.Equal(Fixtures.Jdk("oracle-jdk1.7.0_80"), result.Target);
        }

        [PosixFact]
        public void WithoutJavaHomeTheJavaOnPathIsChecked()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "usr-bin"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "usr-bin", "java"), Path.Combine(Fixtures.Jdk("oracle-jdk1.8.0_202"), "bin", "java"));
            var host = WithJavaHome(null, Path.Combine(temp.Path, "usr-bin"));
            var result = Run(new JavaVersionCheck(), host);
            Assert.Equal(CheckOutcome.Fail, result.Outcome);
            Assert.Equal(Fixtures.Jdk("oracle-jdk1.8.0_202"), result.Target);
        }

        [PosixFact]
        public void JavaOnPathMustBeJavaHomes()
        {
            var jdk7 = Fixtures.Jdk("oracle-jdk1.7.0_80");
            var jdk8 = Fixtures.Jdk("oracle-jdk1.8.0_202");
            var good = Run(new JavaOnPathCheck(), WithJavaHome(jdk7, $"/nonexistent:{jdk7}/bin:{jdk8}/bin"));
            Assert.Equal(CheckOutcome.Pass, good.Outcome);
            var other = Run(new JavaOnPathCheck(), WithJavaHome(jdk7, $"{jdk8}/bin:{jdk7}/bin"));
            Assert.Equal(CheckOutcome.Fail, other.Outcome);
            Assert.Equal(Path.Combine(jdk8, "bin", "java"), other.Actual);
            Assert.Equal(CheckOutcome.Fail, Run(new JavaOnPathCheck(), WithJavaHome(jdk7, "/nonexistent")).Outcome);

            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "bin"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "bin", "java"), Path.Combine(jdk7, "bin", "java"));
            var linked = Run(new JavaOnPathCheck(), WithJavaHome(jdk7, Path.Combine(temp.Path, "bin")));
            Assert.Equal(CheckOutcome.Pass, linked.Outcome);
            Assert.Contains(" -> ", linked.Actual);
        }

        [PosixFact]
        public void TheJcePolicyMattersOnJdk16Only()
        {
            using var temp = new TempFolder();
            var jdk6 = temp.CopyHome(Fixtures.Jdk("oracle-jdk1.6.0_45"));
            var missing = Run(new JavaJcePolicyCheck(), WithJavaHome(jdk6));
            Assert.Equal(CheckOutcome.Fail, missing.Outcome);
            JavaInstallationTests.WritePolicyJar(jdk6, "grant {\n    permission javax.crypto.CryptoPermission \"DES\", 64;\n};\n");
            var limited = Run(new JavaJcePolicyCheck(), WithJavaHome(jdk6));
            Assert.Equal(CheckOutcome.Fail, limited.Outcome);
            Assert.Contains("limited", limited.Actual);
            File.Delete(Path.Combine(jdk6, "jre", "lib", "security", "local_policy.jar"));
            JavaInstallationTests.WritePolicyJar(jdk6, "grant {\n    permission javax.crypto.CryptoAllPermission;\n};\n");
            Assert.Equal(CheckOutcome.Pass, Run(new JavaJcePolicyCheck(), WithJavaHome(jdk6)).Outcome);
            Assert.Equal(CheckOutcome.Skipped, Run(new JavaJcePolicyCheck(), WithJavaHome(Fixtures.Jdk("oracle-jdk1.7.0_80"))).Outcome);
        }

        [PosixTheory]
        [InlineData(HostPlatform.MacOS, "oracle-jdk1.7.0_80", false, CheckOutcome.Fail)]
        [InlineData(HostPlatform.MacOS, "oracle-jdk1.7.0_80", true, CheckOutcome.Fail)] // the jar is not the guide's step
        [InlineData(HostPlatform.Solaris, "oracle-jdk1.7.0_80", false, CheckOutcome.Fail)]
        [InlineData(HostPlatform.MacOS, "oracle-jdk1.6.0_45", false, CheckOutcome.Skipped)]
        [InlineData(HostPlatform.Linux, "oracle-jdk1.7.0_80", false, CheckOutcome.Skipped)]
        public void SnappyJavaOnMacOsAndSolarisWithJdk17(HostPlatform platform, string fixture, bool jar, CheckOutcome expected)
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            if (jar)
            {
                temp.Write(Path.Combine(Path.GetFileName(home), "repository", "components", "lib", "snappy-java-1.0.5.jar"), "jar");
            }
            var host = WithJavaHome(Fixtures.Jdk(fixture));
            host.OperatingSystem = new OsFacts(platform, null, null, null, null, null, platform.ToString());
            var result = CheckRunner.Run(new JavaSnappyCheck(), new CheckContext(host, CarbonHome.Open(home), new CheckOptions()));
            Assert.Equal(expected, result.Outcome);
        }
    }
}
