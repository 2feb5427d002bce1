using System;
using System.IO;
using System.IO.Compression;
using CarbonOps.Host;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Host
{
    public class JavaInstallationTests
    {
        [PosixTheory]
        [InlineData("oracle-jdk1.6.0_45", "1.6.0_45", 6, 45, JavaVendor.Oracle, true, "java -version")]
        [InlineData("oracle-jdk1.7.0_80", "1.7.0_80", 7, 80, JavaVendor.Oracle, true, "release file and java -version")]
        [InlineData("oracle-jdk1.8.0_202", "1.8.0_202", 8, 202, JavaVendor.Oracle, true, "release file")]
        [InlineData("openjdk-1.7.0", "1.7.0_25", 7, 25, JavaVendor.OpenJdk, true, "java -version")]
        [InlineData("ibm-java-1.7", "1.7.0", 7, 0, JavaVendor.Ibm, true, "java -version")]
        [InlineData("oracle-jre1.7.0_80", "1.7.0_80", 7, 80, JavaVendor.Oracle, false, "release file and java -version")]
        public void FixtureJdksAreReadFromTheirReleaseFileOrBanner(string name, string version, int major, int update, JavaVendor vendor, bool jdk, string source)
        {
            var java = JavaInstallation.Inspect(Fixtures.Jdk(name));
            Assert.Null(java.Error);
            Assert.Equal(version, java.Version);
            Assert.Equal(major, java.Major);
            Assert.Equal(update, java.Update);
            Assert.Equal(vendor, java.Vendor);
            Assert.Equal(jdk, java.IsJdk);
            Assert.Equal(source, java.Source);
        }

        [PosixFact]
        public void AJavaThatHangsIsStoppedAndNamed()
        {
            var java = JavaInstallation.Inspect(Fixtures.Jdk("hanging-java"), TimeSpan.FromMilliseconds(300));
            Assert.Null(java.Version);
            Assert.Contains("hanging-java/bin/java -version", java.Error);
            Assert.Contains("gave no answer within 0.3 s", java.Error);
        }

        [PosixFact]
        public void GarbageFromJavaIsAnErrorQuotingIt()
        {
            var java = JavaInstallation.Inspect(Fixtures.Jdk("garbage-java"));
            Assert.Null(java.Version);
            Assert.Contains("printed no Java version (exit code 1)", java.Error);
            Assert.Contains("Error occurred during initialization of VM", java.Error);
        }

        [Fact]
        public void AMissingHomeIsAnError()
        {
            using var temp = new TempFolder();
            var java = JavaInstallation.Inspect(Path.Combine(temp.Path, "nope"));
            Assert.False(java.Exists);
            Assert.Contains("does not exist", java.Error);
        }

        [Fact]
        public void AFolderWithoutJavaIsNotAJavaHome()
        {
            using var temp = new TempFolder();
            var java = JavaInstallation.Inspect(temp.Path);
            Assert.True(java.Exists);
            Assert.False(java.HasJava);
            Assert.Contains("not a Java home", java.Error);
        }

        [Theory]
        [InlineData("1.6.0_45", 6, 45)]
        [InlineData("1.7.0", 7, 0)]
        [InlineData("1.7.0-ea", 7, 0)]
        [InlineData("1.8.0_202", 8, 202)]
        [InlineData("17.0.15", 17, 15)]
        [InlineData("21", 21, 0)]
        public void VersionsParse(string text, int major, int update)
        {
            var parsed = JavaInstallation.ParseVersion(text);
            Assert.Equal(major, parsed.Item1);
            Assert.Equal(update, parsed.Item2);
        }

        [Theory]
        [InlineData("garbage")]
        [InlineData("")]
        [InlineData("1")]
        public void NonVersionsDoNotParse(string text)
        {
            Assert.Null(JavaInstallation.ParseVersion(text));
        }

        [PosixFact]
        public void EachDistinctJavaRunsOncePerProbe()
        {
            using var temp = new TempFolder();
            var home = Path.Combine(temp.Path, "jdk");
            var log = Path.Combine(temp.Path, "runs.log");
            Fixtures.Script(temp, "jdk/bin/java", $"echo run >> '{log}'\necho 'java version \"1.7.0_80\"' >&2\necho 'Java(TM) SE Runtime Environment (build 1.7.0_80-b15)' >&2\n");
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "link"), home);
            var probe = new JavaProbe();
            var first = probe.Inspect(home);
            var again = probe.Inspect(home + "/");
            var throughLink = probe.Inspect(Path.Combine(temp.Path, "link"));
            Assert.Same(first, again);
            Assert.Same(first, throughLink);
            Assert.Equal(JavaVendor.Oracle, first.Vendor);
            Assert.Single(File.ReadAllLines(log));
            new JavaProbe().Inspect(home);
            Assert.Equal(2, File.ReadAllLines(log).Length);
        }

        [JavaFact]
        public void TheRealJavaIsReadFromItsReleaseFileAndItsBannerAlike()
        {
            var home = Fixtures.RealJavaHome();
            var banner = Fixtures.Shell($"'{home}/bin/java' -version 2>&1");
            var bannerVersion = System.Text.RegularExpressions.Regex.Match(banner, "version \"([^\"]+)\"").Groups[1].Value;
            var expectedVendor = banner.Contains("OpenJDK", StringComparison.OrdinalIgnoreCase) ? JavaVendor.OpenJdk
                : banner.Contains("IBM J9", StringComparison.Ordinal) ? JavaVendor.Ibm
                : banner.Contains("Java(TM)", StringComparison.Ordinal) ? JavaVendor.Oracle : JavaVendor.Other;

            var direct = JavaInstallation.Inspect(home);
            Assert.Equal(bannerVersion, direct.Version);
            Assert.Equal(File.Exists(Path.Combine(home, "bin", "javac")), direct.IsJdk);

            // The same java without a release file beside it: the real `java -version` is run and parsed.
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "bin"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "bin", "java"), Path.Combine(home, "bin", "java"));
            var fromBanner = JavaInstallation.Inspect(temp.Path);
            Assert.Null(fromBanner.Error);
            Assert.Equal("java -version", fromBanner.Source);
            Assert.Equal(bannerVersion, fromBanner.Version);
            Assert.Equal(expectedVendor, fromBanner.Vendor);
        }

        [PosixTheory]
        [InlineData("permission javax.crypto.CryptoAllPermission;", JcePolicyStrength.Unlimited)]
        [InlineData("permission javax.crypto.CryptoPermission \"DES\", 64;\n    // permission javax.crypto.CryptoAllPermission;", JcePolicyStrength.Limited)]
        public void TheJcePolicyIsReadFromLocalPolicyJar(string grant, JcePolicyStrength expected)
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(Fixtures.Jdk("oracle-jdk1.6.0_45"));
            WritePolicyJar(home, "grant {\n    " + grant + "\n};\n");
            var policy = JcePolicy.Read(home);
            Assert.Equal(expected, policy.Strength);
            Assert.EndsWith(Path.Combine("jre", "lib", "security", "local_policy.jar"), policy.JarPath);
        }

        [Fact]
        public void ANonZipPolicyJarIsUnreadableAndAMissingOneMissing()
        {
            using var temp = new TempFolder();
            Assert.Equal(JcePolicyStrength.Missing, JcePolicy.Read(temp.Path).Strength);
            temp.Write("jre/lib/security/local_policy.jar", "not a zip");
            var policy = JcePolicy.Read(temp.Path);
            Assert.Equal(JcePolicyStrength.Unreadable, policy.Strength);
            Assert.Contains("local_policy.jar", policy.Detail);
        }

        internal static void WritePolicyJar(string javaHome, string policyText)
        {
            var jar = Path.Combine(javaHome, "jre", "lib", "security", "local_policy.jar");
            Directory.CreateDirectory(Path.GetDirectoryName(jar));
            using var zip = ZipFile.Open(jar, ZipArchiveMode.Create);
            using (var manifest = new StreamWriter(zip.CreateEntry("META-INF/MANIFEST.MF").Open()))
            {
                manifest.Write("Manifest-Version: 1.0\r\nCrypto-Permissions: default_local.policy\r\n");
            }
            using var policy = new StreamWriter(zip.CreateEntry("default_local.policy").Open());
            policy.Write("// Country-specific policy file.\n\n" + policyText);
        }
    }
}
