using System;
using CarbonOps.Changes;
using CarbonOps.Installation;

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
            // The heap sizes are checked as Set-CarbonJvmOption checks them, with the same error.
            foreach (var size in new[] { (nameof(InitialHeap), InitialHeap), (nameof(MaxHeap), MaxHeap), (nameof(MaxPermSize), MaxPermSize) })
            {
                if (size.Item2 != null && !JvmSize.IsValid(size.Item2))
                {
                    ThrowParameterError($"-{size.Item1} '{size.Item2}' is not a JVM size: write a number with k, m or g (512m, 2g).", size.Item2);
                }
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
