<#
.SYNOPSIS
    Times every host check of Test-CarbonHost in one call, without a java process start.
.DESCRIPTION
    Imports the built module (run ./build.ps1 first) and times, over -Iterations calls:
      - Cmdlet: `Test-CarbonHost -JavaHome <jdk>` restricted to the host checks, as a user runs it;
      - Core:   the same checks run through CheckRunner with a fresh CheckContext per call.
    The Java home defaults to a fixture JDK whose release file names version and vendor, so no
    java process starts; facts that do not change (CPU, memory, OS) are read once per process, as
    in a PowerShell session, and the first (cold) call is reported on its own.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./tests/CarbonOps.Benchmarks/Measure-HostChecks.ps1 -Iterations 500
#>
[CmdletBinding()]
param(
    [int] $Iterations = 200,
    [string] $JavaHome = (Join-Path $PSScriptRoot '../../tests/CarbonOps.Tests/fixtures/jdks/oracle-jdk1.8.0_202'),
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1')
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$JavaHome = (Resolve-Path $JavaHome).ProviderPath
$hostIds = (Get-CarbonCheck | Where-Object Scope -eq Host).Id

function Get-Summary([string] $Name, [double[]] $Milliseconds) {
    $sorted = $Milliseconds | Sort-Object
    [pscustomobject]@{
        Measure    = $Name
        Calls      = $sorted.Count
        MedianMs   = [math]::Round($sorted[[int][math]::Floor($sorted.Count / 2)], 3)
        P95Ms      = [math]::Round($sorted[[int][math]::Floor($sorted.Count * 0.95)], 3)
        MinMs      = [math]::Round($sorted[0], 3)
    }
}

$clock = [System.Diagnostics.Stopwatch]::new()
$clock.Restart()
$first = Test-CarbonHost -JavaHome $JavaHome -CheckId $hostIds
$cold = $clock.Elapsed.TotalMilliseconds

$cmdlet = foreach ($i in 1..$Iterations) {
    $clock.Restart()
    $null = Test-CarbonHost -JavaHome $JavaHome -CheckId $hostIds
    $clock.Elapsed.TotalMilliseconds
}

$checks = [CarbonOps.Checks.CheckCatalog]::All | Where-Object Scope -eq Host
$probe = [CarbonOps.Host.HostProbe]::Current
$options = [CarbonOps.Checks.CheckOptions]::new()
$options.JavaHome = $JavaHome
$options.CurrentDirectory = (Get-Location).ProviderPath
$core = foreach ($i in 1..$Iterations) {
    $clock.Restart()
    $context = [CarbonOps.Checks.CheckContext]::new($probe, $null, $options, [CarbonOps.Host.JavaProbe]::new())
    foreach ($check in $checks) { $null = [CarbonOps.Checks.CheckRunner]::Run($check, $context) }
    $clock.Elapsed.TotalMilliseconds
}

"Host checks: $($hostIds.Count) ($($hostIds -join ', '))"
"First call in this process (cold: JIT, /proc reads): $([math]::Round($cold, 1)) ms, $($first.Count) results"
@(Get-Summary 'Cmdlet (Test-CarbonHost)' $cmdlet; Get-Summary 'Core (CheckRunner)' $core) | Format-Table -AutoSize | Out-String -Width 120
