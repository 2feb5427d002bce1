using System.IO;
using System.Linq;
using CarbonOps.Checks.Host;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// The guide: "If you are using JDK 1.7 on Mac OS or Solaris ... Copy the appropriate snappy-java library file
    /// i386.jnilib (32bit) or x86_64.jnilib (64bit), which is in the &lt;SNAPPY_HOME&gt;/org/xerial/snappy/native/Mac/
    /// directory, to the &lt;PRODUCT_HOME&gt; directory." One of the two files in the home's top folder passes; the
    /// snappy-java jar alone does not (the jar is what fails on JDK 1.7).
    /// </summary>
    public sealed class JavaSnappyCheck : JavaCheck
    {
        internal static readonly string[] NativeLibraries = { "x86_64.jnilib", "i386.jnilib" };

        public override string Id => "Java.Snappy";
        public override string Title => "snappy-java native library in the product home for JDK 1.7 on macOS or Solaris";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Installation Prerequisites: Required applications (JDK 1.7 on Mac OS and Solaris)";
        public override string RemediationText =>
            "Download the snappy-java jar, extract it, and copy org/xerial/snappy/native/Mac/x86_64.jnilib (64-bit) or i386.jnilib (32-bit) into the product home's top folder.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var platform = context.Host.OperatingSystem?.Platform;
            if (platform != HostPlatform.MacOS && platform != HostPlatform.Solaris)
            {
                return Skip(context, context.Home.Path, "Applies to JDK 1.7 on macOS and Solaris only.");
            }
            var java = Java(context, false, out var unavailable);
            if (java == null)
            {
                return unavailable;
            }
            if (java.Major != 7)
            {
                return Skip(context, context.Home.Path, $"Applies to JDK 1.7; this Java is {java.Version}.");
            }
            var found = NativeLibraries.Where(n => new FileInfo(context.Home.FilePath(n)) is var f && f.Exists && f.Length > 0).ToList();
            const string expected = "x86_64.jnilib (64-bit) or i386.jnilib (32-bit) in <PRODUCT_HOME>";
            if (found.Count > 0)
            {
                return Pass(context, expected, string.Join(", ", found) + " in the product home", context.Home.FilePath(found[0]));
            }
            var lib = context.Home.FilePath(CarbonPaths.ComponentsLib);
            var jar = Directory.Exists(lib) && Directory.GetFiles(lib, "snappy-java*.jar").Length > 0 ? "; a snappy-java jar in repository/components/lib is not enough" : "";
            return Fail(context, expected, "no snappy-java native library in the product home" + jar, context.Home.Path,
                $"JDK 1.7 on {platform} needs snappy-java's native library copied into the product home, as the guide's steps say.");
        }
    }
}
