using System;
using System.Linq;
using System.Runtime.InteropServices;

namespace CarbonOps.Installation
{
    /// <summary>The heap and PermGen sizes a home's launcher starts the JVM with, in megabytes.</summary>
    public sealed class JvmMemorySettings
    {
        internal JvmMemorySettings(string launcher, long? initialHeapMb, long? maxHeapMb, long? maxPermSizeMb)
        {
            Launcher = launcher;
            InitialHeapMb = initialHeapMb;
            MaxHeapMb = maxHeapMb;
            MaxPermSizeMb = maxPermSizeMb;
        }

        /// <summary>The launcher the values came from, relative to the product home.</summary>
        public string Launcher { get; }
        public long? InitialHeapMb { get; }
        public long? MaxHeapMb { get; }
        public long? MaxPermSizeMb { get; }
    }

    public static class JvmMemory
    {
        /// <summary>
        /// The memory options of the launcher this platform uses (wso2server.sh, or wso2server.bat on
        /// Windows, else the YAJSW wrapper.conf), read from its java command; null when the home has
        /// none of them. The last occurrence of an option wins, as on a java command line. A launcher
        /// with no java command throws StartupScriptNotRecognised.
        /// </summary>
        public static JvmMemorySettings Read(CarbonHome home)
        {
            var order = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? new[] { CarbonPaths.StartupScriptBat, CarbonPaths.StartupScriptSh, CarbonPaths.WrapperConf }
                : new[] { CarbonPaths.StartupScriptSh, CarbonPaths.StartupScriptBat, CarbonPaths.WrapperConf };
            var launcher = order.FirstOrDefault(home.Exists);
            if (launcher == null)
            {
                return null;
            }
            var command = home.Launcher(launcher);
            var values = JvmValues.From(command.Tokens.Where(t => !t.IsJavaOpts).Select(t => t.Word));
            return new JvmMemorySettings(launcher, ParseMegabytes(values[JvmSetting.InitialHeap]),
                ParseMegabytes(values[JvmSetting.MaxHeap]), ParseMegabytes(values[JvmSetting.MaxPermSize]));
        }

        /// <summary>A JVM size (256m, 2g, 1048576k, 512) in megabytes; null when it does not parse.</summary>
        public static long? ParseMegabytes(string size) => JvmSize.Megabytes(size);
    }
}
