using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>A fact for Linux and other Unix systems; skipped on Windows, or for any user but root when AsRoot is set.</summary>
    public sealed class PosixFactAttribute : FactAttribute
    {
        public PosixFactAttribute()
        {
            if (OperatingSystem.IsWindows())
            {
                Skip = Reason;
            }
        }

        public const string Reason = "Needs a Unix host: Unix file modes, owners and accounts, or fixture programs that are shell scripts.";

        public bool AsRoot
        {
            get => false;
            set
            {
                if (value && Skip == null && CarbonOps.Editing.PosixFile.EffectiveUserId() != 0)
                {
                    Skip = "This test changes file owners; it runs only as root.";
                }
            }
        }
    }

    /// <summary>A fact that needs a program on PATH; skipped, naming it, where it is absent.</summary>
    public sealed class ProgramFactAttribute : FactAttribute
    {
        public ProgramFactAttribute(string tool)
        {
            var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Where(d => d.Length > 0).Any(d => File.Exists(Path.Combine(d, tool)));
            if (!found)
            {
                Skip = $"{tool} is not on this machine.";
            }
        }
    }
}
