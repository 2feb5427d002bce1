using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Host
{
    /// <summary>
    /// When Test-CarbonHost starts a JVM: only when a selected check needs what the Java home's release file does not
    /// say. The java here is a script that leaves a mark each time it runs and prints Oracle 1.7.0_80's banner.
    /// </summary>
    public sealed class JavaStartTests : System.IDisposable
    {
        private static (string Home, string Mark) TattletaleJdk(TempFolder temp, string release)
        {
            var home = Path.Combine(temp.Path, "jdk");
            var mark = Path.Combine(temp.Path, "java-ran");
            temp.Write("jdk/release", release);
            Fixtures.Script(temp, "jdk/bin/javac", "exit 0\n");
            Fixtures.Script(temp, "jdk/bin/java", $"echo ran >> '{mark}'\n" +
                "printf 'java version \"1.7.0_80\"\\nJava(TM) SE Runtime Environment (build 1.7.0_80-b15)\\nJava HotSpot(TM) 64-Bit Server VM (build 24.80-b11, mixed mode)\\n' >&2\n");
            return (home, mark);
        }

        private readonly PowerShellRunner ps = new PowerShellRunner();

        public void Dispose() => ps.Dispose();

        private PowerShellRunner.Output Audit(string javaHome, params string[] checks) =>
            ps.Run("param($j, $c) Test-CarbonHost -JavaHome $j -CheckId $c", new Hashtable { ["j"] = javaHome, ["c"] = checks });

        private static string Outcome(PowerShellRunner.Output run, string id) =>
            run.Of<CheckResult>().Single(r => r.CheckId == id).Outcome.ToString();

        [PosixFact]
        public void AReleaseFileWithTheVersionButNotTheVendorStartsJavaOnlyForTheVendor()
        {
            using var temp = new TempFolder();
            // Oracle's 7u80 release file: the version, no vendor.
            var (jdk, mark) = TattletaleJdk(temp, "JAVA_VERSION=\"1.7.0_80\"\nOS_NAME=\"Linux\"\nOS_VERSION=\"2.6\"\nOS_ARCH=\"amd64\"\nSOURCE=\"\"\n");

            var noJava = Audit(jdk, "Host.Memory", "Os.Distribution");
            Assert.Empty(noJava.Errors);
            Assert.Equal(2, noJava.Objects.Count);
            Assert.False(File.Exists(mark), "java ran although no Java check was selected");

            var home = Audit(jdk, "Java.Home");
            Assert.Equal("Pass", Outcome(home, "Java.Home"));
            Assert.False(File.Exists(mark), "java ran for Java.Home, which the release file and bin/javac answer");

            // The control: the vendor is not in the release file, so Java.Vendor runs java -version, once.
            var vendor = Audit(jdk, "Java.Vendor", "Java.Version");
            Assert.Equal("Pass", Outcome(vendor, "Java.Vendor"));
            Assert.Equal("1.7.0_80 (Oracle, JDK)", vendor.Of<CheckResult>().Single(r => r.CheckId == "Java.Version").Actual);
            Assert.Single(File.ReadAllLines(mark));
        }

        [PosixFact]
        public void AReleaseFileThatNamesTheVendorStartsNoJava()
        {
            using var temp = new TempFolder();
            var (jdk, mark) = TattletaleJdk(temp, "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"1.7.0_80\"\n");
            var run = Audit(jdk, "Java.*");
            Assert.Empty(run.Errors);
            Assert.Equal("Fail", Outcome(run, "Java.Vendor"));   // OpenJDK, from the release file: not supported by the guide
            Assert.False(File.Exists(mark), "java ran although the release file gave the version and the vendor");
        }
    }
}
