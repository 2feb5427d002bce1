<#
.SYNOPSIS
    Whole-process figures: a new pwsh per run, bare against importing CarbonOps and auditing a home.
.DESCRIPTION
    Runs each command Runs times in a fresh `pwsh -NoProfile -Command`, interleaved so that the
    machine's load falls on every variant alike, and reports the median wall time with its spread
    (quartiles, min, max) and the median peak working set (VmHWM, read by the process at its end
    in separate runs, so the reading costs the timed runs nothing). The module's cost is the
    median of the per-round differences against bare pwsh.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $ProductHome,
    [string] $Pwsh = (Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')),
    [int] $Runs = 21
)

$ErrorActionPreference = 'Stop'
$variants = [ordered]@{
    'bare pwsh'      = 'Out-Null'
    'Import-Module'  = "Import-Module '$Module'"
    'import + audit' = "Import-Module '$Module'; Test-CarbonHost -ProductHome '$ProductHome' | Out-Null"
}

function Invoke-Pwsh([string] $Command) {
    $info = [System.Diagnostics.ProcessStartInfo]::new($Pwsh)
    foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $Command) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($info)
    $out = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $clock.Stop()
    if ($process.ExitCode -ne 0) { throw "pwsh -Command `"$Command`" exited with $($process.ExitCode): $out" }
    [pscustomobject]@{ Ms = $clock.Elapsed.TotalMilliseconds; Out = $out }
}

function Get-Quantile([double[]] $Values, [double] $Q) {
    $sorted = $Values | Sort-Object
    $position = ($sorted.Count - 1) * $Q
    $low = [math]::Floor($position)
    $high = [math]::Ceiling($position)
    $sorted[$low] + ($sorted[$high] - $sorted[$low]) * ($position - $low)
}

# One of each first, so the disk cache is warm for all alike.
foreach ($command in $variants.Values) { $null = Invoke-Pwsh $command }

$times = @{}
foreach ($name in $variants.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
$names = @($variants.Keys)
for ($round = 0; $round -lt $Runs; $round++) {
    # Rotate the order each round.
    for ($i = 0; $i -lt $names.Count; $i++) {
        $name = $names[($i + $round) % $names.Count]
        $times[$name].Add((Invoke-Pwsh $variants[$name]).Ms)
    }
}

$peakRuns = [math]::Max(5, [math]::Floor($Runs / 3))
$peaks = @{}
foreach ($name in $names) {
    $peaks[$name] = @(1..$peakRuns | ForEach-Object {
        [double](Invoke-Pwsh ($variants[$name] + '; [Console]::Out.Write([System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64)')).Out / 1MB
    })
}

$bare = $times['bare pwsh']
foreach ($name in $names) {
    $t = $times[$name].ToArray()
    $extra = for ($i = 0; $i -lt $t.Count; $i++) { $t[$i] - $bare[$i] }
    [pscustomobject]@{
        Variant      = $name
        'Median ms'  = [math]::Round((Get-Quantile $t 0.5), 1)
        'Q1 ms'      = [math]::Round((Get-Quantile $t 0.25), 1)
        'Q3 ms'      = [math]::Round((Get-Quantile $t 0.75), 1)
        'Min ms'     = [math]::Round(($t | Measure-Object -Minimum).Minimum, 1)
        'Max ms'     = [math]::Round(($t | Measure-Object -Maximum).Maximum, 1)
        'Over bare ms (median of rounds)' = [math]::Round((Get-Quantile $extra 0.5), 1)
        'Peak WS MB' = [math]::Round((Get-Quantile $peaks[$name] 0.5), 1)
        Runs         = $t.Count
    }
}
