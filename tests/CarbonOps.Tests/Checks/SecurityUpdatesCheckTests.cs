using System;
using System.Linq;
using CarbonOps.Checks;
using CarbonOps.Checks.Host;
using CarbonOps.Host;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    public class SecurityUpdatesCheckTests
    {
        // Lines of `apt-get -s dist-upgrade` on Debian 12 and Ubuntu 22.04: security candidates, others, and removals.
        private const string AptSimulation = @"NOTE: This is only a simulation!
Reading package lists...
Inst base-files [12.4+deb12u11] (12.4+deb12u15 Debian:12.15/oldstable [amd64])
Inst libgcrypt20 [1.10.1-3] (1.10.1-3+deb12u1 Debian:12.15/oldstable, Debian-Security:12/oldstable-security [amd64])
Inst liblzma-dev [5.4.1-1] (5.4.1-1+deb12u2 Debian-Security:12/oldstable-security [amd64]) []
Inst linux-image-6.1.0-41-amd64 (6.1.158-1 Debian-Security:12/oldstable-security [amd64])
Inst libc6 [2.35-0ubuntu3.1] (2.35-0ubuntu3.4 Ubuntu:22.04/jammy-updates, Ubuntu:22.04/jammy-security [amd64])
Inst tzdata [2024a-0ubuntu0.22.04] (2025b-0ubuntu0.22.04 Ubuntu:22.04/jammy-updates [all])
Conf libgcrypt20 (1.10.1-3+deb12u1 Debian:12.15/oldstable, Debian-Security:12/oldstable-security [amd64])
Remv linux-image-6.1.0-9-amd64 [6.1.27-1]
";

        private static CheckResult Evaluate(PendingSecurityUpdates updates) =>
            CheckRunner.Run(new SecurityUpdatesCheck(), new CheckContext(new RecordedHost { Updates = updates }, null, new CheckOptions()));

        [Fact]
        public void AptCountsOnlyCandidatesFromASecurityArchive()
        {
            Assert.Equal(new[] { "libgcrypt20", "liblzma-dev", "linux-image-6.1.0-41-amd64", "libc6" }, SecurityUpdateReader.ParseAptSimulation(AptSimulation).ToArray());
            var none = string.Join("\n", AptSimulation.Split('\n').Where(l => !l.Contains("ecurity")));
            Assert.Empty(SecurityUpdateReader.ParseAptSimulation(none));
        }

        [Fact]
        public void DnfAndYumUpdateInfoListTheSecurityPackages()
        {
            const string dnf = "FEDORA-2024-1a2b3c4d5e Important/Sec.  openssl-libs-1:3.1.4-3.fc39.x86_64\nFEDORA-2024-9f8e7d6c5b bugfix        bash-5.2.26-1.fc39.x86_64\nRHSA-2024:1234        Moderate/Sec.  curl-7.76.1-29.el9_4.x86_64\n";
            Assert.Equal(new[] { "openssl-libs-1:3.1.4-3.fc39.x86_64", "curl-7.76.1-29.el9_4.x86_64" }, SecurityUpdateReader.ParseUpdateInfo(dnf).ToArray());
            const string yum = "RHSA-2019:4190 security  nss-3.44.0-7.el7_7.x86_64\nRHBA-2019:4111 bugfix    tzdata-2019c-1.el7.noarch\n";
            Assert.Equal(new[] { "nss-3.44.0-7.el7_7.x86_64" }, SecurityUpdateReader.ParseUpdateInfo(yum).ToArray());
        }

        [Fact]
        public void PendingUpdatesWarnWithTheCountAndNoneIsAPass()
        {
            var pending = Evaluate(new PendingSecurityUpdates("apt", SecurityUpdateReader.ParseAptSimulation(AptSimulation), new DateTime(2026, 12, 3, 23, 4, 0, DateTimeKind.Utc)));
            Assert.Equal(CheckOutcome.Warning, pending.Outcome);
            Assert.Equal("apt: 4 pending security update(s) (package lists of 2026-12-03 23:04 UTC): libgcrypt20, liblzma-dev, linux-image-6.1.0-41-amd64, libc6", pending.Actual);
            Assert.Equal(CheckOutcome.Pass, Evaluate(new PendingSecurityUpdates("apt", new string[0], null)).Outcome);
        }

        [Fact]
        public void MetadataThatCannotAnswerIsSkippedWithTheReason()
        {
            var result = Evaluate(PendingSecurityUpdates.Unknown("apt", "apt has no package lists in /var/lib/apt/lists (apt-get update has not been run)"));
            Assert.Equal(CheckOutcome.Skipped, result.Outcome);
            Assert.Contains("apt-get update has not been run", result.Message);
        }

        [AptFact]
        public void TheLiveAptReadingMatchesAnIndependentCount()
        {
            var read = SecurityUpdateReader.ReadLinux();
            Assert.Equal("apt", read.Source);
            Assert.NotNull(read.Packages);
            var independent = Fixtures.Shell("apt-get -s -o Debug::NoLocking=true dist-upgrade 2>/dev/null | grep '^Inst ' | grep -c -- '-security' || true");
            Assert.Equal(int.Parse(independent), read.Packages.Count);
            Assert.Same(read, SecurityUpdateReader.ReadLinux()); // kept while the lists and dpkg status are unchanged
        }
    }

    public sealed class AptFactAttribute : FactAttribute
    {
        public AptFactAttribute()
        {
            if (!OperatingSystem.IsLinux() || ExternalTool.Find("apt-get") == null)
            {
                Skip = "No apt-get here: the live apt reading needs a Debian-family host.";
            }
            else if (!System.IO.Directory.Exists("/var/lib/apt/lists") || !System.IO.Directory.EnumerateFiles("/var/lib/apt/lists", "*Packages*").Any())
            {
                Skip = "apt has no package lists (apt-get update has not been run): nothing to count.";
            }
        }
    }
}
