using System.IO;
using System.Linq;
using CarbonOps.Checks.Host;
using CarbonOps.Host;

namespace CarbonOps.Checks.Product
{
    /// <summary>The guide: with JDK 1.7 on macOS or Solaris, the snappy-java native library must be in the product home.</summary>
    public sealed class JavaSnappyCheck : JavaCheck
    {
        public override string Id => CheckIds.JavaSnappy;
        public override string Title => "snappy-java in the home for JDK 1.7 on macOS or Solaris";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Installation Prerequisites: Required applications (JDK 1.7 on Mac OS and Solaris)";
        public override string RemediationText => "Download the snappy-java jar (1.0.5 or later) and copy it into repository/components/lib of the product home.";

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
            var lib = context.Home.FilePath(ActiveMqClientCheck.LibFolder);
            var jar = Directory.Exists(lib) ? Directory.GetFiles(lib, "snappy-java*.jar").Select(Path.GetFileName).OrderBy(n => n).FirstOrDefault() : null;
            const string expected = "snappy-java jar in repository/components/lib";
            return jar != null
                ? Pass(context, expected, jar, lib)
                : Fail(context, expected, "no snappy-java jar", lib, $"JDK 1.7 on {platform} needs the snappy-java native library; repository/components/lib has none.");
        }
    }
}
