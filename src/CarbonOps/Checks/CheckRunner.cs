using System;
using System.Collections.Generic;
using System.IO;

namespace CarbonOps.Checks
{
    /// <summary>Runs one check, turning a file that is missing or malformed, or a bug, into an Error or Skipped result.</summary>
    public static class CheckRunner
    {
        public static CheckResult Run(CarbonCheck check, CheckContext context) => RunAll(check, context)[0];

        /// <summary>Every result of the check (one per datasource for some), or the one Error or Skipped result that stands for them.</summary>
        public static IReadOnlyList<CheckResult> RunAll(CarbonCheck check, CheckContext context)
        {
            var target = context.Home?.Path ?? context.ComputerName;
            try
            {
                return check.EvaluateAll(context);
            }
            catch (CarbonOpsException ex) when (ex.ErrorId == ErrorIds.ConfigFileNotFound)
            {
                return One(check.Unevaluated(context, CheckOutcome.Skipped, ex.TargetPath ?? target, ex.Message));
            }
            catch (CarbonOpsException ex)
            {
                return One(check.Unevaluated(context, CheckOutcome.Error, ex.TargetPath ?? target, ex.Message));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return One(check.Unevaluated(context, CheckOutcome.Error, target, ex.Message));
            }
            catch (Exception ex)
            {
                // A bug in a check must not end the run for every other check and home.
                return One(check.Unevaluated(context, CheckOutcome.Error, target, $"The check failed unexpectedly ({ex.GetType().Name}): {ex.Message}"));
            }
        }

        private static IReadOnlyList<CheckResult> One(CheckResult result) => new[] { result };
    }
}
