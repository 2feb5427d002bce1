using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Host;

namespace CarbonOps.Installation
{
    /// <summary>Reads the JVM settings of every launcher of a home, and of the home's running JVMs.</summary>
    public static class JvmOptionReader
    {
        public const string RunningProcess = "RunningProcess";

        /// <summary>One entry per launcher; a launcher that runs no java command throws StartupScriptNotRecognised.</summary>
        public static CarbonJvmOption FromLauncher(CarbonHome home, string relative, string javaOpts, string computerName)
        {
            var command = home.Launcher(relative);
            var own = JvmValues.From(command.Tokens.Where(t => !t.IsJavaOpts).Select(t => t.Word));
            var reads = command.ReadsJavaOpts;
            var effective = JvmValues.From(command.Tokens.SelectMany(t => t.IsJavaOpts ? Split(javaOpts) : new[] { t.Word }));
            return Create(home.Path, relative, command.Document.Path, 0, own, reads ? javaOpts ?? "" : null, effective, computerName);
        }

        /// <summary>JVMs running Carbon's bootstrap class with -Dcarbon.home at this home (Linux /proc).</summary>
        public static IEnumerable<CarbonJvmOption> FromProcesses(CarbonHome home, IEnumerable<ProcessCommandLines.Entry> processes, string computerName)
        {
            foreach (var process in processes)
            {
                if (!process.Arguments.Contains(InstanceDiscovery.BootstrapClass))
                {
                    continue;
                }
                var carbonHome = InstanceDiscovery.CarbonHomeArgument(process.Arguments);
                if (carbonHome == null || !InstanceDiscovery.PathComparer.Equals(NormalisePath(carbonHome), home.Path))
                {
                    continue;
                }
                var values = JvmValues.From(process.Arguments.Skip(1));
                yield return Create(home.Path, RunningProcess, "/proc/" + process.ProcessId + "/cmdline", process.ProcessId, values, null, values, computerName);
            }
        }

        private static CarbonJvmOption Create(string home, string launcher, string path, int pid, JvmValues own, string javaOpts, JvmValues effective, string computerName) =>
            new CarbonJvmOption(home, launcher, path, pid,
                own[JvmSetting.InitialHeap], own[JvmSetting.MaxHeap], own[JvmSetting.MaxPermSize], own[JvmSetting.MaxMetaspaceSize],
                own.OtherOptions.ToArray(), javaOpts,
                effective[JvmSetting.InitialHeap], effective[JvmSetting.MaxHeap], effective[JvmSetting.MaxPermSize], effective[JvmSetting.MaxMetaspaceSize],
                computerName);

        private static string[] Split(string javaOpts) =>
            (javaOpts ?? "").Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);

        private static string NormalisePath(string path)
        {
            try
            {
                return System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is System.IO.PathTooLongException)
            {
                return path;
            }
        }
    }
}
