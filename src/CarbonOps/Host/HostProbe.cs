using System;
using System.Runtime.InteropServices;

namespace CarbonOps.Host
{
    public static class HostProbe
    {
        private static readonly Lazy<IHostProbe> current = new Lazy<IHostProbe>(Create);

        /// <summary>The probe of this machine; its answers are read once per process and kept.</summary>
        public static IHostProbe Current => current.Value;

        private static IHostProbe Create() =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new WindowsHostProbe() : (IHostProbe)new LinuxHostProbe();
    }
}
