using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CarbonOps.Checks.Host
{
    /// <summary>
    /// The guide: 10 GB of free disk per Carbon instance, on the filesystem that holds each product home
    /// (three homes on one disk: 30 GB). Without a home, the filesystem of the current folder is measured;
    /// instances beyond the homes given (-InstanceCount) count against the first home's filesystem.
    /// </summary>
    public sealed class DiskCheck : CarbonCheck
    {
        private const long GiB = 1024L * 1024 * 1024;
        private const int GbPerInstance = 10;

        public override string Id => CheckIds.HostDisk;
        public override string Title => "Free disk space for each Carbon instance";
        public override string Category => "Host";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Host;
        public override string Reference => "Installation Prerequisites: Hardware (disk)";
        public override string RemediationText => "Free space or grow the filesystem that holds the product homes, or move homes to another disk.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var homes = context.Options.Homes.Select(h => h.Path).ToList();
            var paths = homes.Count > 0 ? homes : new List<string> { context.Options.CurrentDirectory ?? Environment.CurrentDirectory };
            var unreadable = new List<string>();
            var filesystems = new List<Tuple<CarbonOps.Host.FileSystemSpace, int>>();
            foreach (var path in paths)
            {
                var fs = context.Facts.FileSystemOf(context.Host, path);
                if (fs == null)
                {
                    unreadable.Add(path);
                    continue;
                }
                var index = filesystems.FindIndex(f => f.Item1.MountPoint == fs.MountPoint);
                var count = homes.Count > 0 ? 1 : 0;
                if (index < 0)
                {
                    filesystems.Add(Tuple.Create(fs, count));
                }
                else
                {
                    filesystems[index] = Tuple.Create(filesystems[index].Item1, filesystems[index].Item2 + count);
                }
            }
            if (filesystems.Count == 0)
            {
                return Skip(context, context.ComputerName, "The free space of the filesystem under " + string.Join(", ", unreadable) + " could not be read.");
            }
            var instances = context.Options.InstanceCount < 1 ? 1 : context.Options.InstanceCount;
            var extra = instances - homes.Count;
            if (extra > 0)
            {
                filesystems[0] = Tuple.Create(filesystems[0].Item1, filesystems[0].Item2 + extra);
            }
            var expected = new List<string>();
            var actual = new List<string>();
            var short_ = new List<string>();
            foreach (var f in filesystems)
            {
                var required = (long)GbPerInstance * f.Item2;
                expected.Add($"{required} GB free on {f.Item1.MountPoint} ({GbPerInstance} GB x {f.Item2} instance{(f.Item2 == 1 ? "" : "s")})");
                actual.Add($"{Gb(f.Item1.AvailableBytes)} free on {f.Item1.MountPoint}");
                if (f.Item1.AvailableBytes < required * GiB)
                {
                    short_.Add($"{f.Item1.MountPoint} has {Gb(f.Item1.AvailableBytes)} free; {f.Item2} instance(s) need {required} GB");
                }
            }
            var target = string.Join(", ", filesystems.Select(f => f.Item1.MountPoint));
            var note = unreadable.Count > 0 ? $" The filesystem under {string.Join(", ", unreadable)} could not be read." : "";
            return short_.Count == 0
                ? Pass(context, string.Join("; ", expected), string.Join("; ", actual), target, "Meets the guide." + note)
                : Fail(context, string.Join("; ", expected), string.Join("; ", actual), target, string.Join("; ", short_) + "." + note);
        }

        private static string Gb(long bytes) => (bytes / (double)GiB).ToString("0.0", CultureInfo.InvariantCulture) + " GB";
    }
}
