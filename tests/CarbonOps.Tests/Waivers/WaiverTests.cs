using System;
using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Tests.Support;
using CarbonOps.Waivers;
using Xunit;

namespace CarbonOps.Tests.Waivers
{
    public class WaiverTests
    {
        private static readonly DateTime Today = new DateTime(2030, 6, 15);

        private static CheckResult Result(string id, string home, CheckOutcome outcome = CheckOutcome.Fail) =>
            new CheckResult(id, id, "Logging", CheckSeverity.Medium, outcome, "e", "a", "m", "r", true, home ?? "web01", home, "web01", "ref");

        [Fact]
        public void AJsonWaiverMarksMatchingResultsAndLeavesTheOutcome()
        {
            using var temp = new TempFolder();
            var path = temp.Write("w.json", "{ \"Waivers\": [\n  { \"CheckId\": \"Logging.*\", \"ProductHome\": \"/opt/wso2esb-*\", \"Reason\": \"Ticket 7\", \"Expires\": \"2030-06-15\" }\n] }");
            var set = WaiverSet.Load(path, Today);
            Assert.Empty(set.Warnings);
            var waived = set.Apply(Result("Logging.Rotation", "/opt/wso2esb-4.8.1"));
            Assert.True(waived.Waived);
            Assert.Equal("Ticket 7", waived.WaiverReason);
            Assert.Equal(CheckOutcome.Fail, waived.Outcome);
            Assert.False(waived.IsUnwaivedFailure);
            Assert.False(set.Apply(Result("Logging.Rotation", "/opt/wso2is-5.0.0")).Waived);
            Assert.False(set.Apply(Result("Database.EmbeddedH2", "/opt/wso2esb-4.8.1")).Waived);
            Assert.False(set.Apply(Result("Logging.Rotation", null)).Waived); // a home pattern does not cover host results
        }

        [Fact]
        public void APsd1WaiverWithoutHomeCoversTheHostAndEveryHome()
        {
            using var temp = new TempFolder();
            var path = temp.Write("w.psd1", "@{\n    Waivers = @(\n        @{ CheckId = 'Host.Memory'; Reason = 'Lab box' }\n    )\n}\n");
            var set = WaiverSet.Load(path, Today);
            Assert.True(set.Apply(Result("Host.Memory", null)).Waived);
            Assert.True(set.Apply(Result("host.memory", "/opt/x")).Waived);
            Assert.Null(Assert.Single(set.Waivers).Expires);
        }

        [Fact]
        public void ARelativeHomeIsRelativeToTheWaiverFile()
        {
            using var temp = new TempFolder();
            var path = temp.Write("conf/w.json", "[ { \"CheckId\": \"Logging.Rotation\", \"ProductHome\": \"../homes/esb\", \"Reason\": \"r\" } ]");
            var set = WaiverSet.Load(path, Today);
            Assert.True(set.Apply(Result("Logging.Rotation", Path.Combine(temp.Path, "homes", "esb"))).Waived);
        }

        [Fact]
        public void AnExpiredWaiverStopsApplyingAndSaysSo()
        {
            using var temp = new TempFolder();
            var path = temp.Write("w.json", "[ { \"CheckId\": \"Logging.Rotation\", \"Reason\": \"Old\", \"Expires\": \"2030-06-14\" } ]");
            var set = WaiverSet.Load(path, Today);
            var result = set.Apply(Result("Logging.Rotation", "/opt/x"));
            Assert.False(result.Waived);
            Assert.Equal("Expired on 2030-06-14: Old", result.WaiverReason);
            Assert.True(result.IsUnwaivedFailure);
            Assert.Contains(set.Warnings, w => w.Contains("expired on 2030-06-14") && w.Contains("Logging.Rotation"));
        }

        [Fact]
        public void AnUnknownCheckIdIsAWarningNamingIt()
        {
            using var temp = new TempFolder();
            var path = temp.Write("w.json", "[ { \"CheckId\": \"Logging.Rotaton\", \"Reason\": \"typo\" } ]");
            var warning = Assert.Single(WaiverSet.Load(path, Today).Warnings);
            Assert.Contains("'Logging.Rotaton'", warning);
            Assert.Contains("(line 1)", warning);
        }

        [Theory]
        [InlineData("w.json", "[\n  { \"CheckId\": \"A.B\", \"Reason\": \"x\" },\n  { \"CheckId\": \"A.B\" \"Reason\": \"y\" }\n]", 3, "unexpected character was encountered")]
        [InlineData("w.json", "[\n  { \"CheckId\": \"A.B\" }\n]", 2, "Reason")]
        [InlineData("w.json", "[\n  { \"CheckId\": \"A.B\", \"Reason\": \"r\", \"Expires\": \"next year\" }\n]", 2, "not a date")]
        [InlineData("w.json", "[ { \"CheckID\": \"A.B\", \"Reason\": \"r\", \"Host\": \"x\" } ]", 1, "unknown key 'Host'")]
        [InlineData("w.json", "\"just text\"", 1, "array of waivers")]
        [InlineData("w.json", "[\n  { \"CheckId\": \"A.B\",\n    \"CheckId\": \"C.D\", \"Reason\": \"r\" }\n]", 3, "already exists")]
        [InlineData("w.json", "[ { \"CheckId\": \"A.B\", \"Reason\": \"r\" } ]\n]", 2, "Additional text")]
        [InlineData("w.psd1", "@{\n  Waivers = @(\n    @{ CheckId = 'A.B'; Reason = 'r' \n  )\n}", 3, "")]
        [InlineData("w.psd1", "@{ Waivers = @( @{ CheckId = (Get-Date); Reason = 'r' } ) }", 1, "constant")]
        public void AMalformedFileNamesPathAndLine(string name, string text, int line, string why)
        {
            using var temp = new TempFolder();
            var path = temp.Write(name, text);
            var ex = Assert.Throws<CarbonOpsException>(() => WaiverSet.Load(path, Today));
            Assert.Equal(ErrorIds.WaiverFileMalformed, ex.ErrorId);
            Assert.Equal(line, ex.Line);
            Assert.Contains(path, ex.Message);
            Assert.Contains($"line {line}", ex.Message);
            Assert.Contains(why, ex.Message);
        }

        [Fact]
        public void TestCarbonHostWaivesAndQuietStopsCountingTheWaivedFailure()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var waivers = temp.Write("w.psd1", "@{ Waivers = @( @{ CheckId = 'Database.EmbeddedH2'; ProductHome = '*'; Reason = 'Moving to MySQL' }, @{ CheckId = 'No.Such.Check'; Reason = 'x' } ) }");
            var args = new Hashtable { ["h"] = TestPaths.SampleHome, ["w"] = waivers };
            var output = ps.Run("param($h, $w) Test-CarbonHost -ProductHome $h -CheckId Database.EmbeddedH2 -WaiverPath $w", args);
            var result = Assert.Single(output.Of<CheckResult>());
            Assert.Equal((CheckOutcome.Fail, true, "Moving to MySQL"), (result.Outcome, result.Waived, result.WaiverReason));
            Assert.Contains(output.Warnings, w => w.Contains("'No.Such.Check'"));
            Assert.Equal(true, Assert.Single(ps.Run("param($h, $w) Test-CarbonHost -ProductHome $h -CheckId Database.EmbeddedH2 -WaiverPath $w -Quiet", args).Objects).BaseObject);
            Assert.Equal(false, Assert.Single(ps.Run("param($h) Test-CarbonHost -ProductHome $h -CheckId Database.EmbeddedH2 -Quiet", args).Objects).BaseObject);
            var table = ps.Run("param($h, $w) Test-CarbonHost -ProductHome $h -CheckId Database.EmbeddedH2 -WaiverPath $w | Out-String -Width 200", args);
            Assert.Contains("Waived ", table.Objects.Single().ToString());
        }

        [Fact]
        public void AWaivedResultIsNotHardened()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var before = TempFolder.TreeHash(home);
            var waivers = temp.Write("w.json", "[ { \"CheckId\": \"Logging.Rotation\", \"Reason\": \"Kept daily for the SIEM\" } ]");
            var output = ps.Run("param($h, $w) Test-CarbonHost -ProductHome $h -CheckId Logging.Rotation -WaiverPath $w | Invoke-CarbonHardening -Confirm:$false",
                new Hashtable { ["h"] = home, ["w"] = waivers });
            var change = Assert.Single(output.Of<ChangeResult>());
            Assert.Equal(ChangeStatus.Skipped, change.Status);
            Assert.Contains("waived", change.Message);
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        [Fact]
        public void ABadWaiverFileStopsTheCommandWithItsErrorId()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var missing = ps.Run("param($w) try { Test-CarbonHost -WaiverPath $w } catch { $_.FullyQualifiedErrorId }", new Hashtable { ["w"] = Path.Combine(temp.Path, "none.json") });
            Assert.Equal("WaiverFileNotFound,CarbonOps.Commands.TestCarbonHostCommand", missing.Objects.Single().ToString());
            var bad = temp.Write("bad.json", "[ {");
            var malformed = ps.Run("param($w) try { Test-CarbonHost -WaiverPath $w } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }", new Hashtable { ["w"] = bad });
            Assert.Equal("WaiverFileMalformed,CarbonOps.Commands.TestCarbonHostCommand", malformed.Objects[0].ToString());
            Assert.Contains("line 1", malformed.Objects[1].ToString());
            Assert.Empty(malformed.Of<CheckResult>());
        }
    }
}
