using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>
    /// Every cmdlet (every CmdletCases row) runs on a home whose passwords are distinctive values,
    /// with -Verbose and -Debug, under Start-Transcript, every stream captured, its output shown as
    /// text and exported as JSON, CSV, HTML, XML and CliXml. None of the values may appear in any of
    /// it. Secrets passed as parameters (a row binding CaseHome.Secret) are searched for the same way.
    /// What the run leaves in the state folder is owner-only, and so is any new file holding a secret.
    /// </summary>
    public class SecretTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

        private const string Harness = @"param($Name, $Arguments, $Transcript, $Clixml)
$InformationPreference = 'Continue'
$WarningPreference = 'Continue'
$Error.Clear()
Start-Transcript -Path $Transcript -IncludeInvocationHeader | Out-Null
try {
    $all = @(& $Name @Arguments *>&1)
    $all | Out-Host
    $all | Format-List * -Force | Out-Host
} finally {
    Stop-Transcript | Out-Null
}
$objects = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.InformationalRecord] -and $_ -isnot [System.Management.Automation.InformationRecord] })
$all | Export-Clixml -Path $Clixml -Depth 4
($all | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
($objects | ConvertTo-Csv -NoTypeInformation) -join ""`n""
($objects | ConvertTo-Html) -join ""`n""
if ($objects) { $objects | ConvertTo-Xml -As String -Depth 3 }
$all | Out-String -Width 400
$Error | ForEach-Object { $_.ToString(); $_.Exception.ToString(); $_.ScriptStackTrace; ""$($_.TargetObject)""; ""$($_.ErrorDetails)"" }
";

        private readonly ITestOutputHelper output;
        private readonly Stopwatch took = Stopwatch.StartNew();

        public SecretTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void NoSecretAppearsInAnyStreamTranscriptOrExportAndStateIsOwnerOnly()
        {
            using var temp = new TempFolder();
            using var ps = new PowerShellRunner();

            // The harness sees what a cmdlet says: a command that prints a planted password is caught.
            var control = new CaseHome(temp);
            var leak = Capture(ps, temp, "Get-Content", new Hashtable { ["Path"] = Path.Combine(control.Path, "repository/conf/carbon.xml"), ["Verbose"] = true });
            Assert.Contains(control.Secrets, s => leak.Contains(s, StringComparison.Ordinal));

            var leaks = new List<string>();
            var loose = new List<string>();
            var planted = 0;
            var passed = 0;
            foreach (var cmdlet in CmdletCases.ModuleCmdlets)
            {
                var row = CmdletCases.For(cmdlet.Name);
                var home = new CaseHome(temp);
                planted = home.Secrets.Count;
                var args = new Hashtable(row.Arguments(home)) { ["Verbose"] = true, ["Debug"] = true };
                passed += home.Secrets.Count - planted;
                var secretParameters = cmdlet.Type.GetProperties().Where(p => p.PropertyType == typeof(System.Security.SecureString) || p.PropertyType == typeof(System.Management.Automation.PSCredential)).ToList();
                Assert.True(secretParameters.Count == 0 || home.Secrets.Count > planted,
                    $"{cmdlet.Name} takes a secret ({string.Join(", ", secretParameters.Select(p => p.Name))}); its CmdletCases row must bind one from CaseHome.Secret or CaseHome.Credential.");
                if (cmdlet.Attribute.SupportsShouldProcess)
                {
                    args[row.WhatIfOnly ? "WhatIf" : "Confirm"] = row.WhatIfOnly ? (object)true : false;
                }
                var before = Directory.GetFiles(home.Path, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal);
                var said = Capture(ps, temp, cmdlet.Name, args);
                leaks.AddRange(home.Secrets.Where(s => said.Contains(s, StringComparison.Ordinal)).Select(s => $"{cmdlet.Name} showed the secret '{s}'"));
                loose.AddRange(OwnerOnlyProblems(home, before));
            }
            ReliabilityLog.Print(output, $"secrets: {CmdletCases.ModuleCmdlets.Count} cmdlets run with -Verbose -Debug under Start-Transcript, every stream captured, exported as text, JSON, CSV, HTML, XML and CliXml; "
                + $"{planted} distinctive passwords planted in each home, {passed} passed as parameters; leaks: {leaks.Count}; state or secret files not owner-only: {loose.Count}", took);
            Assert.True(leaks.Count == 0, string.Join("\n", leaks));
            Assert.True(loose.Count == 0, string.Join("\n", loose));
        }

        /// <summary>Everything the command said, on every stream, in the transcript and in every export, as one text.</summary>
        internal static string Capture(PowerShellRunner ps, TempFolder temp, string name, Hashtable args)
        {
            var transcript = Path.Combine(temp.Path, Guid.NewGuid().ToString("N") + ".transcript.txt");
            var clixml = Path.Combine(temp.Path, Guid.NewGuid().ToString("N") + ".clixml");
            var run = ps.RunScript(Harness, new Hashtable { ["Name"] = name, ["Arguments"] = args, ["Transcript"] = transcript, ["Clixml"] = clixml }, Bound);
            Assert.False(run.TimedOut, name + " did not finish");
            Assert.True(run.Terminated == null, $"{name}: {run.Terminated}");
            Assert.True(File.Exists(transcript) && File.ReadAllText(transcript).Contains("PowerShell transcript end"), "The transcript of " + name + " was not written.");
            return string.Join("\n", run.Objects.Select(o => o?.ToString())
                .Concat(run.Errors.Select(e => e + "\n" + e.Exception))
                .Concat(run.Messages)
                .Append(File.ReadAllText(transcript))
                .Append(File.Exists(clixml) ? File.ReadAllText(clixml) : ""));
        }

        private static IEnumerable<string> OwnerOnlyProblems(CaseHome home, HashSet<string> before)
        {
            if (OperatingSystem.IsWindows())
            {
                yield break;
            }
            var state = Path.Combine(home.Path, ".carbonops");
            if (Directory.Exists(state))
            {
                foreach (var dir in Directory.GetDirectories(state, "*", SearchOption.AllDirectories).Prepend(state))
                {
                    if (((int)File.GetUnixFileMode(dir) & 0x3f) != 0)
                    {
                        yield return $"folder {dir} is open to group or others ({HomeSnapshot.Mode(dir)})";
                    }
                }
                foreach (var file in Directory.GetFiles(state, "*", SearchOption.AllDirectories))
                {
                    if (((int)File.GetUnixFileMode(file) & 0x3f) != 0)
                    {
                        yield return $"file {file} is open to group or others ({HomeSnapshot.Mode(file)})";
                    }
                }
            }
            // A file the run created outside the state folder (a password file) that holds a secret.
            foreach (var file in Directory.GetFiles(home.Path, "*", SearchOption.AllDirectories).Where(f => !before.Contains(f) && !f.StartsWith(state + "/", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                if (home.Secrets.Any(s => text.Contains(s, StringComparison.Ordinal)) && ((int)File.GetUnixFileMode(file) & 0x3f) != 0)
                {
                    yield return $"new file {file} holds a secret and is open to group or others ({HomeSnapshot.Mode(file)})";
                }
            }
        }
    }
}
