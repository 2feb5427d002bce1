<#
.SYNOPSIS
    One Test-CarbonHost call over many copies of a home, in a warm runspace: wall and CPU time of the call.
.DESCRIPTION
    Copies the product home Count times into a temporary folder, imports the module, runs one warm-up call, then
    times Rounds calls of `Test-CarbonHost -ProductHome <every copy>` and prints the median wall time, the median
    CPU time of this process during the call (user + sys: the figure to judge on a shared machine), both per
    call and per home, and the load average before and after. The copies are deleted at the end.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $ProductHome,
    [int] $Count = 200,
    [int] $Rounds = 7
)

$ErrorActionPreference = 'Stop'
$root = Join-Path ([System.IO.Path]::GetTempPath()) "carbonops-many-$([guid]::NewGuid().ToString('N'))"
New-Item -ItemType Directory -Path $root | Out-Null
try {
    $homes = foreach ($i in 1..$Count) {
        $target = Join-Path $root "home$i"
        Copy-Item -Path $ProductHome -Destination $target -Recurse
        $target
    }
    Import-Module $Module
    $self = [System.Diagnostics.Process]::GetCurrentProcess()
    $load = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3
    $null = Test-CarbonHost -ProductHome $homes[0]
    $samples = foreach ($round in 1..$Rounds) {
        [GC]::Collect()
        $self.Refresh()
        $cpu = $self.TotalProcessorTime
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @(Test-CarbonHost -ProductHome $homes)
        $clock.Stop()
        $self.Refresh()
        [pscustomobject]@{ Wall = $clock.Elapsed.TotalMilliseconds; Cpu = ($self.TotalProcessorTime - $cpu).TotalMilliseconds; Results = $results.Count }
    }
    $loadAfter = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3
    $median = { param($values) $sorted = @($values | Sort-Object); $sorted[[int][math]::Floor($sorted.Count / 2)] }
    $wall = & $median $samples.Wall
    $cpuMs = & $median $samples.Cpu
    '{0} homes, {1} results a call, {2} rounds: wall {3:N0} ms ({4:N2} ms a home), CPU {5:N0} ms ({6:N2} ms a home); load {7} before, {8} after' -f `
        $Count, $samples[0].Results, $Rounds, $wall, ($wall / $Count), $cpuMs, ($cpuMs / $Count), ($load -join ' '), ($loadAfter -join ' ')
}
finally {
    Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue
}
