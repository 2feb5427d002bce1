using System;
using CarbonOps.Changes;

namespace CarbonOps.Commands
{
    /// <summary>
    /// The values remedies need are parameters made at build time from the [RemedyInput] declarations of each area
    /// (see RemedyInputAttribute); a remedy whose value is missing is Skipped, naming the parameter.
    /// </summary>
    public sealed partial class InvokeCarbonHardeningCommand
    {
        protected override void BeginProcessing()
        {
            try
            {
                ValidateInputs();
            }
            catch (CarbonOpsException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, null));
            }
        }

        private RemediationOptions BuildOptions()
        {
            var options = BindInputs();
            options.LogMaxFileSize = options.LogMaxFileSize.ToUpperInvariant();
            var javaHome = JavaHome ?? Environment.GetEnvironmentVariable("JAVA_HOME");
            options.JavaHome = string.IsNullOrEmpty(javaHome) ? null : ResolvePath(javaHome);
            return options;
        }
    }
}
