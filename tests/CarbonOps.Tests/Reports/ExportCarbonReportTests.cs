using System.Collections;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Reports
{
    public class ExportCarbonReportTests
    {
        private const string Audit = "param($h, $p, $f) Test-CarbonHost -ProductHome $h | Export-CarbonReport -Path $p -Format $f";

        [Theory]
        [InlineData("Html", "<!DOCTYPE html>")]
        [InlineData("JUnit", "<?xml")]
        [InlineData("Sarif", "{")]
        [InlineData("Json", "[")]
        [InlineData("Csv", "ComputerName,")]
        [InlineData("Markdown", "# CarbonOps audit report")]
        public void EachFormatIsWrittenFromThePipe(string format, string start)
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var path = Path.Combine(temp.Path, "report." + format.ToLowerInvariant());
            var output = ps.Run(Audit, new Hashtable { ["h"] = TestPaths.SampleHome, ["p"] = path, ["f"] = format });
            Assert.Empty(output.Errors);
            Assert.Empty(output.Objects);
            var text = File.ReadAllText(path);
            Assert.StartsWith(start, text);
            Assert.Contains("Logging.Rotation", text);
            Assert.Equal(new[] { "report." + format.ToLowerInvariant() }, Directory.GetFiles(temp.Path).Select(Path.GetFileName));
        }

        [Fact]
        public void TheFormatComesFromTheExtensionAndPassThruReturnsTheFile()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var path = Path.Combine(temp.Path, "junit.xml");
            var output = ps.Run("param($h, $p) Test-CarbonHost -ProductHome $h | Export-CarbonReport $p -PassThru", new Hashtable { ["h"] = TestPaths.SampleHome, ["p"] = path });
            Assert.Equal(path, Assert.Single(output.Of<FileInfo>()).FullName);
            Assert.Equal("testsuites", XDocument.Load(path).Root.Name.LocalName);
        }

        [Fact]
        public void AMissingFolderStopsBeforeAnythingIsRead()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var path = Path.Combine(temp.Path, "no-such-folder", "r.html");
            var output = ps.Run("param($h, $p) try { Test-CarbonHost -ProductHome $h | Export-CarbonReport -Path $p } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
                new Hashtable { ["h"] = TestPaths.SampleHome, ["p"] = path });
            Assert.Equal("ReportFolderNotFound,CarbonOps.Commands.ExportCarbonReportCommand", output.Objects[0].ToString());
            Assert.Contains("no-such-folder", output.Objects[1].ToString());
            Assert.False(Directory.Exists(Path.Combine(temp.Path, "no-such-folder")));
        }

        [Fact]
        public void AnUnknownFormatIsRefusedByName()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var output = ps.Run("param($p) try { Export-CarbonReport -Path $p -Format Pdf } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }", new Hashtable { ["p"] = Path.Combine(temp.Path, "r.pdf") });
            Assert.Equal("ParameterArgumentValidationError,CarbonOps.Commands.ExportCarbonReportCommand", output.Objects[0].ToString());
            Assert.Contains("Html,JUnit,Sarif,Json,Csv,Markdown", output.Objects[1].ToString());
            var guess = ps.Run("param($p) try { 1 | Export-CarbonReport -Path $p } catch { $_.FullyQualifiedErrorId }", new Hashtable { ["p"] = Path.Combine(temp.Path, "r.pdf") });
            Assert.Equal("ParameterValueInvalid,CarbonOps.Commands.ExportCarbonReportCommand", guess.Objects[0].ToString());
            Assert.Empty(Directory.GetFiles(temp.Path));
        }

        [Fact]
        public void AnEmptyPipeWritesNothingAndLeavesAnOldReportAlone()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var path = temp.Write("r.json", "old report");
            var output = ps.Run("param($p) @() | Export-CarbonReport -Path $p", new Hashtable { ["p"] = path });
            Assert.Equal("ReportInputEmpty,CarbonOps.Commands.ExportCarbonReportCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal("old report", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(temp.Path));
        }

        [Fact]
        public void InputThatIsNotACheckResultIsAnErrorAndTheRestIsReported()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var path = Path.Combine(temp.Path, "r.json");
            var output = ps.Run("param($h, $p) @(Get-Item $h) + @(Test-CarbonHost -ProductHome $h -CheckId Logging.Rotation) | Export-CarbonReport -Path $p",
                new Hashtable { ["h"] = TestPaths.SampleHome, ["p"] = path });
            var error = Assert.Single(output.Errors);
            Assert.Equal("ReportInputInvalid,CarbonOps.Commands.ExportCarbonReportCommand", error.FullyQualifiedErrorId);
            Assert.Contains("System.IO.DirectoryInfo", error.Exception.Message);
            Assert.Contains("\"CheckId\": \"Logging.Rotation\"", File.ReadAllText(path));
        }

        [Fact]
        public void AFolderInTheWayIsAnErrorAndNoTemporaryFileIsLeft()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var path = Path.Combine(temp.Path, "r.html");
            Directory.CreateDirectory(path);
            var output = ps.Run(Audit, new Hashtable { ["h"] = TestPaths.SampleHome, ["p"] = path, ["f"] = "Html" });
            Assert.Equal("ReportNotWritable,CarbonOps.Commands.ExportCarbonReportCommand", Assert.Single(output.Errors).FullyQualifiedErrorId);
            Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(temp.Path));
        }

        [Fact]
        public void WhatIfWritesNothing()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var path = Path.Combine(temp.Path, "r.md");
            var output = ps.Run("param($h, $p) Test-CarbonHost -ProductHome $h | Export-CarbonReport -Path $p -WhatIf", new Hashtable { ["h"] = TestPaths.SampleHome, ["p"] = path });
            Assert.Empty(output.Errors);
            Assert.Empty(output.Objects);
            Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
            // The control: the same pipe without -WhatIf writes the file, so the emptiness above is -WhatIf's doing.
            output = ps.Run("param($h, $p) Test-CarbonHost -ProductHome $h | Export-CarbonReport -Path $p", new Hashtable { ["h"] = TestPaths.SampleHome, ["p"] = path });
            Assert.Empty(output.Errors);
            Assert.True(File.Exists(path));
        }

        /// <summary>A value planted in a config file reaches the CSV through Test-CarbonHost, and a spreadsheet shows it as text.</summary>
        [Fact]
        public void AFormulaPlantedInAConfigFileIsWrittenAsText()
        {
            using var ps = new PowerShellRunner();
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome);
            const string planted = "=HYPERLINK(\"http://evil.invalid\",\"open\")";
            var catalina = Path.Combine(home, "repository", "conf", "tomcat", "catalina-server.xml");
            var original = File.ReadAllText(catalina);
            File.WriteAllText(catalina, original.Replace("server=\"WSO2 Carbon Server\"", "server=\"=HYPERLINK(&quot;http://evil.invalid&quot;,&quot;open&quot;)\""));
            Assert.NotEqual(original, File.ReadAllText(catalina));
            var path = Path.Combine(temp.Path, "r.csv");
            var output = ps.Run("param($h, $p) Test-CarbonHost -ProductHome $h -CheckId Security.ServerHeader | Export-CarbonReport -Path $p", new Hashtable { ["h"] = home, ["p"] = path });
            Assert.Empty(output.Errors);
            var lines = File.ReadAllLines(path);
            var row = Assert.Single(lines.Skip(1));
            // The Actual column: quoted, and the planted formula behind an apostrophe.
            Assert.Contains(",\"'" + planted.Replace("\"", "\"\"") + "\",", row);
            Assert.DoesNotContain("," + planted, row);
            Assert.DoesNotContain(",\"" + planted.Replace("\"", "\"\""), row);
        }
    }
}
