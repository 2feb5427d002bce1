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
        // `apt list --upgradable` on Debian 12 (these lines from this kind of machine) and Ubuntu 22.04: security suites, others.
        private const string AptUpgradable = @"Listing...
appstream/oldstable 0.16.1-2+b1 amd64 [upgradable from: 0.16.1-2]
apt-transport-https/oldstable-security 2.6.2 all [upgradable from: 2.6.1]
libgcrypt20/oldstable,oldstable-security 1.10.1-3+deb12u1 amd64 [upgradable from: 1.10.1-3]
linux-image-amd64/bookworm-security 6.1.158-1 amd64 [upgradable from: 6.1.153-1]
libc6/jammy-updates,jammy-security 2.35-0ubuntu3.4 amd64 [upgradable from: 2.35-0ubuntu3.1]
tzdata/jammy-updates 2025b-0ubuntu0.22.04 all [upgradable from: 2024a-0ubuntu0.22.04]
";

        private static CheckResult Evaluate(PendingSecurityUpdates updates) =>
            CheckRunner.Run(new SecurityUpdatesCheck(), new CheckContext(new RecordedHost { Updates = updates }, null, new CheckOptions()));

        [Fact]
        public void AptCountsOnlyCandidatesFromASecurityArchive()
        {
            Assert.Equal(new[] { "apt-transport-https", "libgcrypt20", "linux-image-amd64", "libc6" }, SecurityUpdateReader.ParseAptUpgradable(AptUpgradable).ToArray());
            var none = string.Join("\n", AptUpgradable.Split('\n').Where(l => !l.Contains("-security")));
            Assert.Empty(SecurityUpdateReader.ParseAptUpgradable(none));
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
            var pending = Evaluate(new PendingSecurityUpdates("apt", SecurityUpdateReader.ParseAptUpgradable(AptUpgradable), new DateTime(2026, 12, 3, 23, 4, 0, DateTimeKind.Utc)));
            Assert.Equal(CheckOutcome.Warning, pending.Outcome);
            Assert.Equal("apt: 4 pending security update(s) (package lists of 2026-12-03 23:04 UTC): apt-transport-https, libgcrypt20, linux-image-amd64, libc6", pending.Actual);
            Assert.Equal(CheckOutcome.Pass, Evaluate(new PendingSecurityUpdates("apt", new string[0], null)).Outcome);
        }

        [Fact]
        public void MetadataThatCannotAnswerIsSkippedWithTheReason()
        {
            var result = Evaluate(PendingSecurityUpdates.Unknown("apt", "apt has no package lists in /var/lib/apt/lists (apt-get update has not been run)"));
            Assert.Equal(CheckOutcome.Skipped, result.Outcome);
            Assert.Contains("apt-get update has not been run", result.Message);
        }

        [Fact]
        public void TheKeptReadingAnswersOnlyUnderItsOwnKey()
        {
            using var temp = new TempFolder();
            var cache = new SecurityUpdateCache(System.IO.Path.Combine(temp.Path, "carbonops", "security-updates.txt"));
            var lists = new DateTime(2026, 12, 3, 23, 4, 0, DateTimeKind.Utc);
            cache.Write("lists|1|2", new PendingSecurityUpdates("apt", new[] { "libc6", "openssl" }, lists));
            var kept = cache.Read("lists|1|2");
            Assert.Equal("apt", kept.Source);
            Assert.Equal(new[] { "libc6", "openssl" }, kept.Packages);
            Assert.Equal(lists, kept.MetadataTime);
            Assert.Null(cache.Read("lists|1|3")); // the lists, the installed set or the configuration changed

            cache.Write("lists|1|4", new PendingSecurityUpdates("apt", new string[0], null));
            Assert.Empty(cache.Read("lists|1|4").Packages);
            Assert.Null(cache.Read("lists|1|4").MetadataTime);

            cache.Write("lists|1|5", PendingSecurityUpdates.Unknown("apt", "apt list --upgradable failed"));
            Assert.Null(cache.Read("lists|1|5")); // a reading that could not answer is asked again
            System.IO.File.WriteAllText(cache.Path, "carbonops-security-updates 1\nlists|1|4\napt\nnot a number\n");
            Assert.Null(cache.Read("lists|1|4"));
        }

        [AptFact]
        public void TheLiveAptReadingMatchesAnIndependentCount()
        {
            var read = SecurityUpdateReader.ReadLinux();
            Assert.Equal("apt", read.Source);
            Assert.NotNull(read.Packages);
            // Counted another way: a simulated dist-upgrade's Inst lines from a security archive (they agree while no update needs a new package).
            var independent = Fixtures.Shell("apt-get -s -o Debug::NoLocking=true dist-upgrade 2>/dev/null | grep '^Inst ' | grep -c -- '-security' || true");
            Assert.Equal(int.Parse(independent), read.Packages.Count);
            Assert.Same(read, SecurityUpdateReader.ReadLinux()); // kept while the lists and dpkg status are unchanged
        }
    }

    public sealed class AptFactAttribute : FactAttribute
    {
        public AptFactAttribute()
        {
            if (!OperatingSystem.IsLinux() || ExternalTool.Find("apt") == null)
            {
                Skip = "No apt here: the live apt reading needs a Debian-family host.";
            }
            else if (!System.IO.Directory.Exists("/var/lib/apt/lists") || !System.IO.Directory.EnumerateFiles("/var/lib/apt/lists", "*Packages*").Any())
            {
                Skip = "apt has no package lists (apt-get update has not been run): nothing to count.";
            }
        }
    }
}
