using System;
using System.IO;
using System.Linq;
using CarbonOps.Tests.Support;
using Xunit;
using static CarbonOps.Tests.Online.OnlineHomes;

namespace CarbonOps.Tests.Online
{
    /// <summary>The built module (out/CarbonOps) in a real pwsh: its clients load only for -Online, from the module folder, beside pwsh's own assemblies without a clash.</summary>
    public sealed partial class OnlineCheckTests
    {
        private const string AssemblyScript = @"param($Module, $DataHome, $LdapHome)
$ErrorActionPreference = 'Continue'
Import-Module $Module
$clients = 'CarbonOps.Online', 'Npgsql', 'MySqlConnector', 'System.DirectoryServices.Protocols', 'Microsoft.Extensions.Logging.Abstractions'
$null = Test-CarbonHost -ProductHome $DataHome, $LdapHome -Category Database, UserStore
'OFFLINE|' + ((([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name) | Where-Object { $_ -in $clients }) -join ',')
Test-CarbonHost -ProductHome $DataHome, $LdapHome -Online -CheckId Database.Reachable, UserStore.Reachable | ForEach-Object { 'RESULT|' + $_.CheckId + '|' + $_.Outcome + '|' + $_.Actual + '|' + $_.Message }
[AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { 'ASM|' + $_.GetName().Name + '|' + $_.GetName().Version + '|' + $_.Location }
'PSHOME|' + $PSHOME
'ERRORS|' + $Error.Count + '|' + (($Error | ForEach-Object { $_.Exception.GetType().Name + ': ' + $_ }) -join ' / ')
";

        private static string BuiltModule => Path.Combine(TestPaths.RepoRoot, "out", "CarbonOps", "CarbonOps.psd1");

        private static string[] RunChild(TempFolder temp, string module, string dataHome, string ldapHome)
        {
            var script = temp.Write("online-assemblies.ps1", AssemblyScript);
            using var process = ChildPwsh.Start(script, "-Module", module, "-DataHome", dataHome, "-LdapHome", ldapHome);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(180_000), "pwsh did not finish");
            Assert.True(process.ExitCode == 0, stderr.Result);
            return stdout.Result.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        }

        [LiveServerFact("postgresql", "mariadb", "slapd")]
        public void TheBuiltModuleLoadsItsClientsOnlyOnlineAndBesidePwshsOwnAssemblies()
        {
            Assert.True(File.Exists(BuiltModule), $"{BuiltModule} is not built: run build.ps1 -Task Build (the Test task does).");
            using var temp = new TempFolder();
            var (pg, maria, ldap) = (servers.Postgres, servers.MariaDb, servers.Ldap);
            var dataHome = WithDatasources(temp,
                new Datasource { Name = "PG", Url = Postgres(pg.Port), Password = pg.Password },
                new Datasource { Name = "MARIA", Url = MariaDb(maria.Port), Password = maria.Password });
            var ldapHome = WithLdapUserStore(temp, $"ldap://127.0.0.1:{ldap.Port}", LiveServers.BindDn, ldap.Password);
            var lines = RunChild(temp, BuiltModule, dataHome, ldapHome);
            foreach (var line in lines.Where(l => l.StartsWith("ASM|", StringComparison.Ordinal) || l.StartsWith("RESULT|", StringComparison.Ordinal)))
            {
                output.WriteLine(line);
            }

            Assert.Equal("OFFLINE|", lines.Single(l => l.StartsWith("OFFLINE|", StringComparison.Ordinal)));
            Assert.Equal("ERRORS|0|", lines.Single(l => l.StartsWith("ERRORS|", StringComparison.Ordinal)));
            var results = lines.Where(l => l.StartsWith("RESULT|", StringComparison.Ordinal)).Select(l => l.Split('|')).ToList();
            Assert.Equal(2, results.Count(r => r[1] == "Database.Reachable" && r[2] == "Pass"));
            Assert.Contains(results, r => r[1] == "UserStore.Reachable" && r[2] == "Pass");

            var assemblies = lines.Where(l => l.StartsWith("ASM|", StringComparison.Ordinal)).Select(l => l.Split('|')).ToList();
            var moduleFolder = Path.GetDirectoryName(BuiltModule);
            var psHome = lines.Single(l => l.StartsWith("PSHOME|", StringComparison.Ordinal)).Substring("PSHOME|".Length);
            foreach (var name in new[] { "CarbonOps.Online", "Npgsql", "MySqlConnector", "Microsoft.Extensions.Logging.Abstractions" })
            {
                Assert.Equal(moduleFolder, Path.GetDirectoryName(assemblies.Single(a => a[1] == name)[3]));
            }
            // pwsh's own System.DirectoryServices.Protocols (the module ships none), loaded once.
            Assert.StartsWith(psHome, assemblies.Single(a => a[1] == "System.DirectoryServices.Protocols")[3], StringComparison.Ordinal);
            var twice = assemblies.Where(a => a[3].Length > 0).GroupBy(a => a[1]).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, "Loaded twice: " + string.Join(", ", twice));
        }

        [LinuxFact]
        public void WithoutItsClientsTheModuleSaysSoAndStillChecksTcp()
        {
            Assert.True(File.Exists(BuiltModule), $"{BuiltModule} is not built: run build.ps1 -Task Build (the Test task does).");
            using var temp = new TempFolder();
            var module = Path.Combine(temp.Path, "CarbonOps");
            TempFolder.CopyTree(Path.GetDirectoryName(BuiltModule), module);
            File.Delete(Path.Combine(module, "CarbonOps.Online.dll"));
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
                var dataHome = WithDatasources(temp,
                    new Datasource { Name = "PG_OPEN", Url = Postgres(port), Password = "x" },
                    new Datasource { Name = "PG_CLOSED", Url = Postgres(LiveServers.FreePort()), Password = "x" });
                var lines = RunChild(temp, Path.Combine(module, "CarbonOps.psd1"), dataHome, dataHome);
                var results = lines.Where(l => l.StartsWith("RESULT|Database.Reachable|", StringComparison.Ordinal)).Select(l => l.Split('|')).ToList();
                Assert.Equal(2, results.Count);
                Assert.Contains(results, r => r[2] == "Skipped" && r[4].Contains("answers on TCP") && r[4].Contains("CarbonOps.Online.dll is missing"));
                Assert.Contains(results, r => r[2] == "Fail" && r[3] == "port closed");
                Assert.Equal("ERRORS|0|", lines.Single(l => l.StartsWith("ERRORS|", StringComparison.Ordinal)));
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}
