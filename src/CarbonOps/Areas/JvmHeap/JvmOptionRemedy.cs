using System.Collections.Generic;
using CarbonOps.Changes;
using CarbonOps.Installation;

namespace CarbonOps.Remedies
{
    /// <summary>
    /// What Set-CarbonJvmOption plans for one home: memory options on every launcher (one change), and
    /// system properties in the site's wrapper scripts (one change per wrapper, so a value one platform
    /// cannot carry does not stop the other).
    /// </summary>
    public static class JvmOptionRemedy
    {
        public const string CheckId = CheckIds.JvmHeap;
        /// <summary>System properties have no check of their own; their changes report under this id.</summary>
        public const string SystemPropertyId = CheckIds.JvmSystemProperty;

        public static IEnumerable<Remedy> For(CarbonHome home, JvmOptionRequest request, IDictionary<string, string> systemProperties)
        {
            if (request != null)
            {
                yield return new Remedy(CheckId, c => Memory(c, request));
            }
            if (systemProperties == null || systemProperties.Count == 0)
            {
                yield break;
            }
            if (!home.Exists(CarbonPaths.StartupScriptSh) && !home.Exists(CarbonPaths.StartupScriptBat))
            {
                yield return new Remedy(SystemPropertyId, c => throw new CarbonOpsException(ErrorIds.ConfigFileNotFound,
                    $"'{home.Path}' has neither bin/wso2server.sh nor bin/wso2server.bat, so there is no launcher to write a wrapper beside. (A YAJSW service takes system properties as wrapper.java.additional.N keys in bin/yajsw/wrapper.conf.)",
                    home.FilePath(CarbonPaths.StartupScriptSh)));
            }
            if (home.Exists(CarbonPaths.StartupScriptSh))
            {
                yield return new Remedy(SystemPropertyId, c => Wrapper(c, SystemPropertyWrapper.PlanShell(c.Home, systemProperties)));
            }
            if (home.Exists(CarbonPaths.StartupScriptBat))
            {
                yield return new Remedy(SystemPropertyId, c => Wrapper(c, SystemPropertyWrapper.PlanBatch(c.Home, systemProperties)));
            }
        }

        /// <summary>Sets the memory options of every launcher of the home (the hardening remedy of Jvm.Heap raises only).</summary>
        public static void Memory(RemediationContext context, JvmOptionRequest request)
        {
            foreach (var edit in JvmOptionEditor.Apply(context.Home, context.Session, request))
            {
                foreach (var change in edit.Changes)
                {
                    context.Record(change);
                }
            }
        }

        private static void Wrapper(RemediationContext context, SystemPropertyWrapper.Plan plan)
        {
            context.Record(plan.Path, plan.Changes);
            context.WriteFile(plan.Path, plan.Bytes, plan.Mode);
        }
    }
}
