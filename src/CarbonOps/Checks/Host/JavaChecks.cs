using System;
using System.IO;
using CarbonOps.Host;

namespace CarbonOps.Checks.Host
{
    /// <summary>What the Java checks share: finding the Java under test and reading it once per call.</summary>
    public abstract class JavaCheck : CarbonCheck
    {
        public override string Category => "Java";
        public override CheckScope Scope => CheckScope.Host;

        /// <summary>
        /// The Java under test, read; or null with <paramref name="unavailable"/> set to the result to return
        /// (Fail or Skipped when there is no Java, Error when the home is missing or could not be read).
        /// </summary>
        protected JavaInstallation Java(CheckContext context, bool missingFails, out CheckResult unavailable, bool needVersion = true)
        {
            unavailable = null;
            var selection = context.JavaSelection;
            if (selection.Home == null)
            {
                const string none = "No Java found: -JavaHome not given, JAVA_HOME not set, and no java on PATH.";
                unavailable = missingFails
                    ? Fail(context, "a JDK 1.6 or 1.7", "no Java", context.ComputerName, none)
                    : Skip(context, context.ComputerName, none + " (See Java.Version.)");
                return null;
            }
            var java = context.Java.Inspect(selection.Home);
            if (!java.Exists || (needVersion && java.Version == null))
            {
                unavailable = Result(context, CheckOutcome.Error, null, null, $"The Java home {selection.Display} could not be read: {java.Error}", selection.Home);
                return null;
            }
            return java;
        }

        internal static string Label(JavaInstallation java)
        {
            string vendor;
            switch (java.Vendor)
            {
                case JavaVendor.Oracle: vendor = "Oracle"; break;
                case JavaVendor.Ibm: vendor = "IBM"; break;
                case JavaVendor.OpenJdk: vendor = "OpenJDK"; break;
                case JavaVendor.Other: vendor = java.Runtime ?? "other vendor"; break;
                default: vendor = "vendor unknown"; break;
            }
            return $"{java.Version ?? "version unknown"} ({vendor}, {(java.IsJdk ? "JDK" : "JRE")})";
        }
    }

    /// <summary>The guide: JAVA_HOME is set and points at a JDK (bin/java and bin/javac), not a JRE.</summary>
    public sealed class JavaHomeCheck : JavaCheck
    {
        public override string Id => "Java.Home";
        public override string Title => "JAVA_HOME points at a JDK";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override string Reference => "Installation Prerequisites: Environment (JAVA_HOME)";
        public override string RemediationText => "Install a JDK 1.6 or 1.7 and set JAVA_HOME to its folder (the one that holds bin/java and bin/javac) for the user that runs Carbon.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var selection = context.JavaSelection;
            const string expected = "JAVA_HOME names a JDK (bin/java and bin/javac)";
            if (selection.Source == "PATH")
            {
                return Fail(context, expected, "JAVA_HOME not set", context.ComputerName,
                    "JAVA_HOME is not set; wso2server.sh refuses to start without it." + (selection.PathJava != null ? $" PATH finds {selection.PathJava}." : ""));
            }
            var java = context.Java.Inspect(selection.Home);
            if (!java.Exists)
            {
                return Result(context, CheckOutcome.Error, expected, "missing folder", $"{selection.Source} names '{selection.Home}', which does not exist.", selection.Home);
            }
            if (!java.HasJava)
            {
                return Fail(context, expected, "no bin/java", selection.Home, $"{selection.Source} names '{selection.Home}', which has no bin/java: it is not a Java home.");
            }
            if (java.IsJdk)
            {
                return Pass(context, expected, "JDK at " + selection.Home, selection.Home);
            }
            var runOnlyJre = !context.Options.BuildFromSource && java.Major == 7 && (java.Vendor == JavaVendor.Oracle || java.Vendor == JavaVendor.Ibm);
            var actual = $"JRE at {selection.Home} (no bin/javac)";
            if (runOnlyJre)
            {
                return Pass(context, expected, actual, selection.Home,
                    $"A {(java.Vendor == JavaVendor.Ibm ? "IBM" : "Oracle")} 1.7 JRE: the guide allows it for running Carbon, not for building it.");
            }
            return Fail(context, expected, actual, selection.Home,
                $"{selection.Source} names a JRE, not a JDK{(context.Options.BuildFromSource ? "; building from source needs javac" : "")}." +
                (java.Error != null ? " " + java.Error : ""));
        }
    }

    /// <summary>The guide: $JAVA_HOME/bin is on PATH, and the java PATH finds is JAVA_HOME's.</summary>
    public sealed class JavaOnPathCheck : JavaCheck
    {
        public override string Id => "Java.OnPath";
        public override string Title => "The java on PATH is JAVA_HOME's";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override string Reference => "Installation Prerequisites: Environment (PATH)";
        public override string RemediationText => "Put $JAVA_HOME/bin first on PATH for the user that runs Carbon (e.g. export PATH=$JAVA_HOME/bin:$PATH).";

        public override CheckResult Evaluate(CheckContext context)
        {
            var selection = context.JavaSelection;
            if (selection.Source == "PATH")
            {
                return Skip(context, context.ComputerName, "JAVA_HOME is not set, so there is no JAVA_HOME to match PATH against (see Java.Home).");
            }
            var javaFile = ExecutableSearch.ProgramFile("java");
            var own = Path.Combine(selection.Home, "bin", javaFile);
            var expected = $"PATH finds {own} first";
            if (selection.PathJava == null)
            {
                return Fail(context, expected, "no java on PATH", selection.Home, $"PATH has no java; add {Path.Combine(selection.Home, "bin")} to it.");
            }
            var real = ExecutableSearch.RealPath(selection.PathJava);
            var actual = real == selection.PathJava ? selection.PathJava : $"{selection.PathJava} -> {real}";
            if (ExecutableSearch.SameFile(selection.PathJava, own) || ExecutableSearch.SameFile(selection.PathJava, Path.Combine(selection.Home, "jre", "bin", javaFile)))
            {
                return Pass(context, expected, actual, selection.Home);
            }
            return Fail(context, expected, actual, selection.Home, $"PATH finds a different java than {selection.Source} names ({selection.Home}).");
        }
    }

    /// <summary>
    /// The guide: Oracle JDK 1.6 (1.6.0_24 or later; 1.6.0_27+ in the required applications) or 1.7; Carbon 4.2.0 does not
    /// support 1.8 or later. With -BuildFromSource: "you must use JDK 1.6 instead of JDK 1.7", so 1.7 fails.
    /// </summary>
    public sealed class JavaVersionCheck : JavaCheck
    {
        internal const string Expected = "JDK 1.7, or 1.6.0_27 or later (1.6.0_24 at the least)";
        internal const string BuildExpected = "JDK 1.6 (1.6.0_27 or later) to build from source; 1.7 only runs the product";

        public override string Id => "Java.Version";
        public override string Title => "Java version supported by Carbon 4.2.0";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override string Reference => "Installation Prerequisites: Required applications (Java)";
        public override string RemediationText => "Install an Oracle JDK 1.7 (or 1.6.0_27 or later) and point JAVA_HOME at it.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var java = Java(context, true, out var unavailable);
            if (java == null)
            {
                return unavailable;
            }
            var actual = Label(java);
            var target = java.Home;
            var expected = context.Options.BuildFromSource ? BuildExpected : Expected;
            var major = java.Major.Value;
            var update = java.Update ?? 0;
            if (major == 7 && context.Options.BuildFromSource)
            {
                return Fail(context, expected, actual, target,
                    "The guide: \"To build the product from the source distribution, you must use JDK 1.6 instead of JDK 1.7.\" Point JAVA_HOME at a JDK 1.6 (1.6.0_27 or later) for the build.");
            }
            if (major == 7)
            {
                return Pass(context, expected, actual, target);
            }
            if (major == 6 && update >= 27)
            {
                return Pass(context, expected, actual, target);
            }
            if (major == 6 && update >= 24)
            {
                return Warn(context, expected, actual, target, $"{java.Version} meets the installation prerequisites (1.6.0_24+) but not the required-applications line (1.6.0_27+).");
            }
            if (major >= 8)
            {
                return Fail(context, expected, actual, target, $"Java {java.Version} is not supported by Carbon 4.2.0, which runs on JDK 1.6 and 1.7 only.");
            }
            return Fail(context, expected, actual, target, $"Java {java.Version} is older than Carbon 4.2.0 supports (1.6.0_24 at the least).");
        }
    }

    /// <summary>
    /// The guide names Oracle's JDK (and IBM's JRE 1.7): "Also OpenJDK is not recommended or supported", the same words
    /// as "JDK 1.8 is not supported yet", so OpenJDK fails as 1.8 does (a waiver records a site that accepts it).
    /// A Java of another vendor is a Warning.
    /// </summary>
    public sealed class JavaVendorCheck : JavaCheck
    {
        public override string Id => "Java.Vendor";
        public override string Title => "Java vendor the guide supports";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override string Reference => "Installation Prerequisites: Required applications (Java)";
        public override string RemediationText => "Run Carbon on Oracle's JDK (or IBM's JDK/JRE 1.7).";

        public override CheckResult Evaluate(CheckContext context)
        {
            var java = Java(context, false, out var unavailable);
            if (java == null)
            {
                return unavailable;
            }
            const string expected = "Oracle (or IBM) Java";
            var actual = Label(java);
            switch (java.Vendor)
            {
                case JavaVendor.Oracle:
                case JavaVendor.Ibm:
                    return Pass(context, expected, actual, java.Home);
                case JavaVendor.OpenJdk:
                    return Fail(context, expected, actual, java.Home, "The guide: \"OpenJDK is not recommended or supported\" for Carbon 4.2.0. " +
                        "Install Oracle's JDK, or record a waiver for Java.Vendor if the site accepts OpenJDK." +
                        (java.Runtime != null ? $" (runtime: {java.Runtime})" : ""));
                case JavaVendor.Other:
                    return Warn(context, expected, actual, java.Home, $"'{java.Runtime}' is not a Java the guide names.");
                default:
                    return Result(context, CheckOutcome.Error, expected, actual, "The vendor of this Java could not be read: " + (java.Error ?? "java -version did not say."), java.Home);
            }
        }
    }

    /// <summary>The guide: on JDK 1.6, install the unlimited-strength JCE jurisdiction policy files.</summary>
    public sealed class JavaJcePolicyCheck : JavaCheck
    {
        public override string Id => "Java.JcePolicy";
        public override string Title => "Unlimited-strength JCE policy on JDK 1.6";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override string Reference => "Installation Prerequisites: Required applications (JCE unlimited strength policy)";
        public override string RemediationText =>
            "Download Oracle's JCE Unlimited Strength Jurisdiction Policy Files 6 and copy local_policy.jar and US_export_policy.jar into $JAVA_HOME/jre/lib/security.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var java = Java(context, false, out var unavailable);
            if (java == null)
            {
                return unavailable;
            }
            if (java.Major != 6)
            {
                return Skip(context, java.Home, $"Applies to JDK 1.6; this Java is {java.Version}.");
            }
            const string expected = "unlimited strength (CryptoAllPermission)";
            var policy = JcePolicy.Read(java.Home);
            switch (policy.Strength)
            {
                case JcePolicyStrength.Unlimited:
                    return Pass(context, expected, policy.Detail, policy.JarPath);
                case JcePolicyStrength.Unreadable:
                    return Result(context, CheckOutcome.Error, expected, "unreadable", policy.Detail, policy.JarPath);
                case JcePolicyStrength.Missing:
                    return Fail(context, expected, policy.Detail, policy.JarPath, $"{policy.JarPath} is missing, so no JCE policy is installed.");
                default:
                    return Fail(context, expected, policy.Detail, policy.JarPath, "The JDK has the stock, limited-strength JCE policy.");
            }
        }
    }
}
