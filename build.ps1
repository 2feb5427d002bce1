<#
.SYNOPSIS
    Builds, tests and runs CarbonOps.
.DESCRIPTION
    Build  lays out out/CarbonOps/, ready for Import-Module.
    Test   builds, runs the xunit tests and, beside them, the Pester tests (in a child pwsh that imports
           the built module), prints each one's time and its own, and prints last a line
           "Tests: N passed, N failed, N skipped". It exits non-zero when a test failed or none ran.
           With -Filter it runs only the tests that match (the quick loop while developing).
    Run    builds, then audits the bundled sample product home and previews its hardening with -WhatIf.
    Package builds, then writes out/package/CarbonOps.<version>.nupkg in the PowerShell Gallery layout
           (PSResourceGet's Compress-PSResource), ready for a NuGet feed or a local folder repository.
    Bench  builds, runs the in-process benchmarks (tests/CarbonOps.Benchmarks, BenchmarkDotNet), the
           whole-process figures (Measure-ColdStart.ps1) and the per-cmdlet scripts beside them (host
           checks, ports of 200 homes, Secure Vault, server status from a generated 2 GB log, one audit of
           200 homes), the per-check costs and the edits against a JVM start, and prints the machine and
           every table.
           Not part of Test; docs/performance.md keeps the latest figures.
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Test -Filter JvmOption
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Run', 'Package', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # The product home the Run task audits.
    [string] $ProductHome = (Join-Path $PSScriptRoot 'samples/wso2esb-4.8.1'),

    # Test only what matches: xunit runs the tests whose full name contains it (a VSTest filter expression,
    # one with '~', '=' or '!', is passed as it is); Pester runs the test files whose name contains it,
    # or, when none does, the tests whose full name (Describe, Context, It) contains it.
    [string] $Filter
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
if ($env:CI -or $env:NO_COLOR) { $PSStyle.OutputRendering = 'PlainText' }

$root = $PSScriptRoot
$outRoot = Join-Path $root 'out'
$moduleOut = Join-Path $outRoot 'CarbonOps'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' exited with $LASTEXITCODE." }
}

function Get-PwshPath {
    $name = if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }
    $candidate = Join-Path $PSHOME $name
    if (Test-Path $candidate) { return $candidate }
    return $name
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $root 'module/CarbonOps.psd1')).ModuleVersion
}

function Invoke-Build {
    $version = Get-ModuleVersion
    Write-Host "Building CarbonOps $version ($Configuration)"
    Invoke-Native dotnet @('build', (Join-Path $root 'CarbonOps.sln'), '-c', $Configuration, "-p:Version=$version", '--nologo', '-v', 'q', '-clp:ErrorsOnly')
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    New-Item -ItemType Directory -Path $moduleOut | Out-Null
    # CarbonOps.dll and its dependencies (BouncyCastle); PowerShell's own reference assemblies stay behind.
    $binaries = Join-Path $root "src/CarbonOps/bin/$Configuration/netstandard2.0"
    Get-ChildItem -Path $binaries -Filter *.dll |
        Where-Object { $_.Name -ne 'System.Management.Automation.dll' -and $_.Name -notlike 'PowerShellStandard*' } |
        Copy-Item -Destination $moduleOut
    # CarbonOps.Online.dll (net8.0) and its clients, loaded only by Test-CarbonHost -Online. System.* stays behind:
    # pwsh ships System.DirectoryServices.Protocols itself (the package's own copy is a stub off Windows).
    $online = Join-Path $root "src/CarbonOps.Online/bin/$Configuration/net8.0"
    Get-ChildItem -Path $online -Filter *.dll |
        Where-Object { $_.Name -notlike 'System.*' -and -not (Test-Path (Join-Path $moduleOut $_.Name)) } |
        Copy-Item -Destination $moduleOut
    Copy-Item (Join-Path $root 'module/*') $moduleOut -Recurse
    # Each check's reference page; Get-CarbonCheck's ReferencePage points here.
    Copy-Item (Join-Path $root 'docs/checks') (Join-Path $moduleOut 'checks') -Recurse
    # The DSC resource manifest carries the module's version, stamped here from the one place it lives.
    $dscManifest = Join-Path $moduleOut 'CarbonOps.dsc.resource.json'
    (Get-Content -Raw $dscManifest) -replace '"version": "0\.0\.0"', "`"version`": `"$version`"" | Set-Content -NoNewline $dscManifest
    Invoke-Native (Get-PwshPath) @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tools/Build-Help.ps1'),
        '-ModulePath', (Join-Path $moduleOut 'CarbonOps.psd1'), '-SourcePath', (Join-Path $root 'docs/help'), '-OutputPath', (Join-Path $moduleOut 'en-US'))
    # The DSC instance schema's values come from the remedy inputs' declarations and the writers' parameters, with their help (so after it).
    Invoke-Native (Get-PwshPath) @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tools/Build-DscSchema.ps1'),
        '-ModulePath', (Join-Path $moduleOut 'CarbonOps.psd1'), '-ManifestPath', $dscManifest)
    Write-Host "Module laid out in $moduleOut"
}

function Invoke-Package {
    $packageOut = Join-Path $outRoot 'package'
    if (Test-Path $packageOut) { Remove-Item $packageOut -Recurse -Force }
    New-Item -ItemType Directory -Path $packageOut | Out-Null
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    Compress-PSResource -Path $moduleOut -DestinationPath $packageOut
    $package = Get-ChildItem $packageOut -Filter '*.nupkg'
    if (-not $package) { throw "Compress-PSResource wrote no package to $packageOut." }
    Write-Host "Package written: $($package.FullName)"
    $env:CARBONOPS_PACKAGE_DIR = $packageOut
}

# The outside validators some tests run (tests/tools/package.json: Microsoft's SARIF validator, axe-core,
# puppeteer-core) go into out/tools with npm, which Start-NodeTools starts beside the build and Complete-NodeTools
# waits for. Where npm is absent those tests skip, saying why.
function Start-NodeTools {
    $npm = Get-Command npm -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if (-not $npm) {
        Write-Host 'npm is not installed: the SARIF validator and axe-core tests will skip.'
        return $null
    }
    $tools = Join-Path $outRoot 'tools'
    New-Item -ItemType Directory -Force -Path $tools | Out-Null
    Copy-Item (Join-Path $root 'tests/tools/package.json') $tools
    $log = Join-Path $outRoot 'npm.log'
    $process = Start-Process -FilePath $npm.Source -ArgumentList @('install', '--prefix', $tools, '--no-audit', '--no-fund', '--loglevel=error') `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err" -NoNewWindow -PassThru
    [pscustomobject]@{ Process = $process; Log = $log; Tools = $tools }
}

function Complete-NodeTools($Run) {
    if (-not $Run) { return }
    $Run.Process.WaitForExit()
    Get-Content $Run.Log, "$($Run.Log).err" -ErrorAction SilentlyContinue | Out-Host
    if ($Run.Process.ExitCode -ne 0) {
        Write-Host "npm install exited with $($Run.Process.ExitCode): the SARIF validator and axe-core tests will skip."
        return
    }
    # npm may hold back the package's own install script, which makes the validator executable.
    $multitool = Join-Path $Run.Tools 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool'
    if (-not $IsWindows -and (Test-Path $multitool)) { & chmod u+x $multitool }
}

function Invoke-XunitTests {
    $results = Join-Path $outRoot 'TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $project = Join-Path $root 'tests/CarbonOps.Tests/CarbonOps.Tests.csproj'
    # The reliability suites start child pwsh processes: this one.
    $env:CARBONOPS_PWSH = Get-PwshPath
    $arguments = @('test', $project, '-c', $Configuration, '--no-build', '--nologo', '--logger', 'trx;LogFileName=xunit.trx', '--results-directory', $results)
    if ($Filter) { $arguments += '--filter', $(if ($Filter -match '[~=!]') { $Filter } else { "FullyQualifiedName~$Filter" }) }
    & dotnet @arguments | Out-Host
    $trx = Join-Path $results 'xunit.trx'
    if (-not (Test-Path $trx)) { throw 'xunit wrote no results; the test run did not start.' }
    $trxXml = [xml](Get-Content -Raw $trx)
    # The figures the reliability suites print (crash trials, mutants...), passing or not.
    $trxXml.GetElementsByTagName('StdOut') | ForEach-Object { $_.InnerText -split "`r?`n" } |
        Where-Object { $_ -match '^\s*\[reliability\] ' } | ForEach-Object { Write-Host $_.Trim() }
    $counters = $trxXml.TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int]$counters.passed
        Failed  = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        # xunit skips are neither executed nor counted as notExecuted in the trx.
        Skipped = [int]$counters.total - [int]$counters.executed
    }
}

# Starts the Pester run in a child pwsh whose output goes to a log; Complete-PesterTests waits for it.
function Start-PesterTests {
    $packageRoot = (& dotnet msbuild (Join-Path $root 'tests/CarbonOps.Tests/CarbonOps.Tests.csproj') -getProperty:NuGetPackageRoot).Trim()
    $pester = Join-Path $packageRoot 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $pester)) { throw "Pester is not in the NuGet cache ($pester); 'dotnet restore' brings it." }
    $summary = Join-Path $outRoot 'pester-summary.json'
    $script = @'
param($Pester, $TestPath, $Summary, $Filter)
$ErrorActionPreference = 'Stop'
Import-Module $Pester
$config = New-PesterConfiguration
$config.Run.Path = $TestPath
if ($Filter) {
    $files = @(Get-ChildItem $TestPath -Filter '*.Tests.ps1' | Where-Object Name -like "*$Filter*" | ForEach-Object FullName)
    if ($files) { $config.Run.Path = $files } else { $config.Filter.FullName = "*$Filter*" }
}
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
# The output goes to a log, shown after xunit's: no colour codes in it.
$config.Output.RenderMode = 'Plaintext'
$result = Invoke-Pester -Configuration $config
@{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount; Skipped = $result.SkippedCount; Seconds = $result.Duration.TotalSeconds } |
    ConvertTo-Json | Set-Content -Path $Summary
'@
    $scriptPath = Join-Path $outRoot 'run-pester.ps1'
    Set-Content -Path $scriptPath -Value $script
    if (Test-Path $summary) { Remove-Item $summary }
    $env:CARBONOPS_MODULE = Join-Path $moduleOut 'CarbonOps.psd1'
    $log = Join-Path $outRoot 'pester.log'
    $arguments = @('-NoProfile', '-NonInteractive', '-File', $scriptPath, '-Pester', $pester, '-TestPath', (Join-Path $root 'tests/pester'), '-Summary', $summary)
    if ($Filter) { $arguments += '-Filter', $Filter }
    $process = Start-Process -FilePath (Get-PwshPath) -ArgumentList $arguments -RedirectStandardOutput $log -RedirectStandardError "$log.err" -NoNewWindow -PassThru
    [pscustomobject]@{ Process = $process; Log = $log; Summary = $summary }
}

function Complete-PesterTests($Run) {
    $Run.Process.WaitForExit()
    Get-Content $Run.Log, "$($Run.Log).err" -ErrorAction SilentlyContinue | Out-Host
    $summary = $Run.Summary
    if (-not (Test-Path $summary)) { throw 'Pester wrote no summary; the run did not finish.' }
    $counts = Get-Content -Raw $summary | ConvertFrom-Json
    # Pester's own time, as it measured it: it usually ends before xunit, which is waited for first.
    [pscustomobject]@{ Passed = [int]$counts.Passed; Failed = [int]$counts.Failed; Skipped = [int]$counts.Skipped; Took = [timespan]::FromSeconds([double]$counts.Seconds) }
}

function Format-Seconds($Clock) { '{0:F1} s' -f $(if ($Clock -is [timespan]) { $Clock.TotalSeconds } else { $Clock.Elapsed.TotalSeconds }) }

function Invoke-Test {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    New-Item -ItemType Directory -Force -Path $outRoot | Out-Null
    $nodeTools = Start-NodeTools
    Invoke-Build
    Invoke-Package
    Complete-NodeTools $nodeTools
    Write-Host "Build, package and npm install: $(Format-Seconds $clock)"
    # Pester runs in its own process beside xunit (each test works in folders of its own), its output shown after xunit's.
    $pesterRun = Start-PesterTests
    $xunitClock = [Diagnostics.Stopwatch]::StartNew()
    $xunit = Invoke-XunitTests
    $xunitClock.Stop()
    $pester = Complete-PesterTests $pesterRun
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped ($(Format-Seconds $xunitClock))"
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped ($(Format-Seconds $pester.Took))"
    Write-Host "Test task: $(Format-Seconds $clock), build and package included"
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host "Tests: $passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Run {
    Invoke-Build
    $script = @'
param($Module, $ProductHome)
$ErrorActionPreference = 'Stop'
if ($env:CI -or $env:NO_COLOR) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module $Module
"`n> Get-CarbonInstance $ProductHome"
Get-CarbonInstance $ProductHome | Format-List | Out-String -Width 200
"> Get-CarbonInstance $ProductHome | Test-CarbonHost"
Get-CarbonInstance $ProductHome | Test-CarbonHost | Format-Table -Wrap | Out-String -Width 200
"> ... | Where-Object Outcome -eq Fail | Invoke-CarbonHardening -WhatIf"
Get-CarbonInstance $ProductHome | Test-CarbonHost | Where-Object Outcome -eq Fail | Invoke-CarbonHardening -WhatIf | Format-Table -Wrap | Out-String -Width 200
'@
    $scriptPath = Join-Path $outRoot 'run-main.ps1'
    Set-Content -Path $scriptPath -Value $script
    & (Get-PwshPath) -NoProfile -NonInteractive -File $scriptPath -Module (Join-Path $moduleOut 'CarbonOps.psd1') -ProductHome $ProductHome
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Get-MachineSummary {
    $cpu = $memory = $os = 'unknown'
    if (Test-Path /proc/cpuinfo) { $cpu = ((Get-Content /proc/cpuinfo | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -split ':\s*', 2)[1] }
    if (Test-Path /proc/meminfo) { $memory = '{0:N1} GiB' -f ([double]((Get-Content /proc/meminfo | Where-Object { $_ -like 'MemTotal:*' }) -replace '\D', '') / 1MB) }
    if (Test-Path /etc/os-release) { $os = ((Get-Content /etc/os-release | Where-Object { $_ -like 'PRETTY_NAME=*' }) -split '=', 2)[1].Trim('"') }
    "Machine: $([Environment]::ProcessorCount) logical cores ($cpu), $memory memory, $os, .NET $([Environment]::Version), pwsh $($PSVersionTable.PSVersion)"
}

function Invoke-Bench {
    Invoke-Build
    $artifacts = Join-Path $outRoot 'bench'
    if (Test-Path $artifacts) { Remove-Item $artifacts -Recurse -Force }
    $project = Join-Path $root 'tests/CarbonOps.Benchmarks/CarbonOps.Benchmarks.csproj'
    Invoke-Native dotnet @('run', '-c', $Configuration, '--no-build', '--project', $project, '--', '--filter', 'CarbonOps.Benchmarks.*', '--artifacts', $artifacts)
    Write-Host "`nWhole process: a new pwsh -NoProfile -Command per run"
    $cold = & (Join-Path $root 'tests/CarbonOps.Benchmarks/Measure-ColdStart.ps1') -Module (Join-Path $moduleOut 'CarbonOps.psd1') -ProductHome $ProductHome -Pwsh (Get-PwshPath)
    # The same on a ReadyToRun copy of this pwsh, as Microsoft's packages ship it (the tool's pwsh is IL only).
    $readyPwsh = & (Join-Path $root 'tests/CarbonOps.Benchmarks/New-ReadyToRunPwsh.ps1') -Pwsh (Get-PwshPath) -Destination (Join-Path $outRoot 'ready-to-run-pwsh')
    $readyCold = & (Join-Path $root 'tests/CarbonOps.Benchmarks/Measure-ColdStart.ps1') -Module (Join-Path $moduleOut 'CarbonOps.psd1') -ProductHome $ProductHome -Pwsh $readyPwsh
    Write-Host "`n$(Get-MachineSummary)`n"
    Get-ChildItem (Join-Path $artifacts 'results') -Filter '*-report-github.md' | ForEach-Object { Get-Content $_.FullName | Out-Host }
    $cold | Format-Table -AutoSize | Out-String -Width 250 | Out-Host
    Write-Host 'The same on a ReadyToRun copy of this pwsh (New-ReadyToRunPwsh.ps1)'
    $readyCold | Format-Table -AutoSize | Out-String -Width 250 | Out-Host
    # Whole-cmdlet figures, each script in a pwsh of its own so one's loaded state does not help another.
    foreach ($script in 'Measure-HostChecks.ps1', 'Measure-CarbonPort.ps1', 'Measure-SecureVault.ps1', 'Measure-LogScan.ps1') {
        Write-Host "`n$script"
        & (Get-PwshPath) -NoProfile -NonInteractive -File (Join-Path $root "tests/CarbonOps.Benchmarks/$script") | Out-Host
    }
    Write-Host "`nMeasure-ManyHomes.ps1"
    & (Get-PwshPath) -NoProfile -NonInteractive -File (Join-Path $root 'tests/CarbonOps.Benchmarks/Measure-ManyHomes.ps1') -Module (Join-Path $moduleOut 'CarbonOps.psd1') -ProductHome $ProductHome | Out-Host
    # Per-check cost in process (host and product checks, first and second home of a call) and the edits against a JVM start.
    foreach ($mode in '--per-check', '--edits') {
        Invoke-Native dotnet @('run', '-c', $Configuration, '--no-build', '--project', $project, '--', $mode)
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Run' { Invoke-Run }
    'Package' { Invoke-Build; Invoke-Package }
    'Bench' { Invoke-Bench }
}
