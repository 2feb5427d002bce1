using CarbonOps.Host;

namespace CarbonOps.Checks.Host
{
    /// <summary>What the application checks share: a tool found or not, its version against a minimum.</summary>
    public abstract class AppCheck : CarbonCheck
    {
        public override string Category => "Apps";
        public override CheckScope Scope => CheckScope.Host;

        protected CheckResult Judge(CheckContext context, ToolInstallation tool, string minimum, string expected, CheckOutcome whenMissing, string missingMessage)
        {
            if (!tool.Found)
            {
                return Result(context, whenMissing, expected, "not installed", missingMessage, context.ComputerName);
            }
            var actual = $"{tool.Version ?? "version unknown"} at {tool.Location}";
            if (tool.Version == null)
            {
                return Warn(context, expected, actual, tool.Location, $"{tool.Name} is installed but its version could not be read: {tool.Error}");
            }
            return minimum == null || tool.AtLeast(minimum)
                ? Pass(context, expected, actual, tool.Location)
                : Fail(context, expected, actual, tool.Location, $"{tool.Name} {tool.Version} is older than {minimum}.");
        }
    }

    /// <summary>The guide: Apache Ant 1.7.0 or later, to build and run the product samples.</summary>
    public sealed class AntCheck : AppCheck
    {
        public override string Id => CheckIds.AppsAnt;
        public override string Title => "Apache Ant 1.7.0 or later for the samples";
        public override CheckSeverity Severity => CheckSeverity.Low;
        public override string Reference => "Installation Prerequisites: Required applications (Apache Ant)";
        public override string RemediationText => "Install Apache Ant 1.7.0 or later and put its bin folder on PATH (or set ANT_HOME).";

        public override CheckResult Evaluate(CheckContext context) =>
            Judge(context, BuildTools.FindAnt(context.Host), "1.7.0", "Apache Ant 1.7.0 or later", CheckOutcome.Warning,
                "Apache Ant is not installed (not on PATH, no ANT_HOME); the product samples need it, the server does not.");
    }

    /// <summary>The guide: Apache Maven 3 to build the products from source.</summary>
    public sealed class MavenCheck : AppCheck
    {
        public override string Id => CheckIds.AppsMaven;
        public override string Title => "Apache Maven 3 to build from source";
        public override CheckSeverity Severity => CheckSeverity.Low;
        public override string Reference => "Installation Prerequisites: Required applications (Apache Maven)";
        public override string RemediationText => "Install Apache Maven 3 and put its bin folder on PATH (or set M2_HOME).";

        public override CheckResult Evaluate(CheckContext context)
        {
            if (!context.Options.BuildFromSource)
            {
                return Skip(context, context.ComputerName, "Only needed to build the products from source (-BuildFromSource).");
            }
            return Judge(context, BuildTools.FindMaven(context.Host), "3.0.0", "Apache Maven 3.0.0 or later", CheckOutcome.Fail,
                "Apache Maven is not installed (not on PATH, no M2_HOME or MAVEN_HOME); building from source needs it.");
        }
    }

    /// <summary>The guide: a Subversion client to check the sources out.</summary>
    public sealed class SvnCheck : AppCheck
    {
        public override string Id => CheckIds.AppsSvn;
        public override string Title => "A Subversion client to build from source";
        public override CheckSeverity Severity => CheckSeverity.Low;
        public override string Reference => "Installation Prerequisites: Required applications (SVN client)";
        public override string RemediationText => "Install a Subversion command-line client (svn) and put it on PATH.";

        public override CheckResult Evaluate(CheckContext context)
        {
            if (!context.Options.BuildFromSource)
            {
                return Skip(context, context.ComputerName, "Only needed to build the products from source (-BuildFromSource).");
            }
            return Judge(context, BuildTools.FindSvn(context.Host), null, "a Subversion client (svn) on PATH", CheckOutcome.Fail,
                "No svn on PATH; building from source checks the code out of Subversion.");
        }
    }
}
