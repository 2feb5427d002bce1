using System.Collections.Generic;

namespace CarbonOps.Host
{
    /// <summary>The processors of a host as the OS reports them.</summary>
    public sealed class CpuFacts
    {
        public CpuFacts(int logicalProcessors, int? cores, double? mhz, string model)
        {
            LogicalProcessors = logicalProcessors;
            Cores = cores;
            Mhz = mhz;
            Model = model;
        }

        /// <summary>Processors the OS schedules on (hardware threads, or a VM's vCPUs).</summary>
        public int LogicalProcessors { get; }

        /// <summary>Physical cores where the OS tells them apart from hardware threads; null where it does not.</summary>
        public int? Cores { get; }

        /// <summary>The rated clock of one core in MHz; null where it cannot be read.</summary>
        public double? Mhz { get; }

        public string Model { get; }

        /// <summary>Cores where known, else logical processors.</summary>
        public int CoreCount => Cores ?? LogicalProcessors;
    }

    /// <summary>The machine as DMI / SMBIOS names it (Linux /sys/class/dmi/id, Windows the BIOS registry key).</summary>
    public sealed class MachineFacts
    {
        private static readonly System.Text.RegularExpressions.Regex InstanceTypeName =
            new System.Text.RegularExpressions.Regex(@"^[a-z][a-z0-9-]*\.[a-z0-9]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        public MachineFacts(string vendor, string product, string biosVersion)
        {
            Vendor = vendor;
            Product = product;
            BiosVersion = biosVersion;
        }

        /// <summary>sys_vendor ("Amazon EC2", "Dell Inc.").</summary>
        public string Vendor { get; }
        /// <summary>product_name: on EC2's Nitro instances the instance type ("c5.large"); on its Xen ones "HVM domU".</summary>
        public string Product { get; }
        /// <summary>bios_version ("4.2.amazon" on EC2's Xen instances).</summary>
        public string BiosVersion { get; }

        /// <summary>An Amazon EC2 instance, by its vendor (Nitro) or its BIOS version (Xen).</summary>
        public bool IsEc2 =>
            string.Equals(Vendor, "Amazon EC2", System.StringComparison.Ordinal) ||
            (BiosVersion ?? "").IndexOf("amazon", System.StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>The EC2 instance type where DMI carries it (Nitro instances), else null.</summary>
        public string Ec2InstanceType => IsEc2 && InstanceTypeName.IsMatch(Product ?? "") ? Product : null;
    }

    public enum HostPlatform { Linux, Windows, MacOS, Solaris, Other }

    /// <summary>The operating system: /etc/os-release on Linux, the registry's CurrentVersion key on Windows.</summary>
    public sealed class OsFacts
    {
        public OsFacts(HostPlatform platform, string id, string idLike, string name, string version, string versionId, string prettyName)
        {
            Platform = platform;
            Id = id;
            IdLike = idLike;
            Name = name;
            Version = version;
            VersionId = versionId;
            PrettyName = prettyName;
        }

        public HostPlatform Platform { get; }
        /// <summary>os-release ID (rhel, ubuntu, debian, sles...); on Windows the EditionID.</summary>
        public string Id { get; }
        public string IdLike { get; }
        public string Name { get; }
        /// <summary>os-release VERSION ("14.04.6 LTS, Trusty Tahr"); on Windows the build.</summary>
        public string Version { get; }
        public string VersionId { get; }
        /// <summary>What a person reads: PRETTY_NAME, or Windows' ProductName.</summary>
        public string PrettyName { get; }

        public string Display => PrettyName ?? Name ?? Platform.ToString();

        /// <summary>Parses the KEY=value lines of os-release (quotes and backslash escapes as the format defines).</summary>
        public static Dictionary<string, string> ParseOsRelease(string text)
        {
            var values = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var raw in (text ?? "").Split('\n'))
            {
                var line = raw.Trim();
                var eq = line.IndexOf('=');
                if (line.Length == 0 || line[0] == '#' || eq <= 0)
                {
                    continue;
                }
                var value = line.Substring(eq + 1).Trim();
                if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
                {
                    value = value.Substring(1, value.Length - 2).Replace("\\\"", "\"").Replace("\\$", "$").Replace("\\`", "`").Replace("\\\\", "\\");
                }
                values[line.Substring(0, eq)] = value;
            }
            return values;
        }

        public static OsFacts FromOsRelease(string text, HostPlatform platform = HostPlatform.Linux)
        {
            var v = ParseOsRelease(text);
            string Get(string key) => v.TryGetValue(key, out var s) && s.Length > 0 ? s : null;
            return new OsFacts(platform, Get("ID"), Get("ID_LIKE"), Get("NAME"), Get("VERSION"), Get("VERSION_ID"), Get("PRETTY_NAME"));
        }
    }

    /// <summary>Space on the filesystem that holds a path.</summary>
    public sealed class FileSystemSpace
    {
        public FileSystemSpace(string mountPoint, long availableBytes, long totalBytes)
        {
            MountPoint = mountPoint;
            AvailableBytes = availableBytes;
            TotalBytes = totalBytes;
        }

        /// <summary>Where the filesystem is mounted (/, /opt, C:\); paths with the same mount point share the space.</summary>
        public string MountPoint { get; }
        /// <summary>Free space an unprivileged user can use (df's Avail).</summary>
        public long AvailableBytes { get; }
        public long TotalBytes { get; }
    }

    /// <summary>The addresses a name resolved to, or why it did not resolve.</summary>
    public sealed class NameResolution
    {
        public NameResolution(IReadOnlyList<string> addresses, string error = null)
        {
            Addresses = addresses ?? new string[0];
            Error = error;
        }

        public IReadOnlyList<string> Addresses { get; }
        public string Error { get; }
    }
}
