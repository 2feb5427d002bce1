<#
.SYNOPSIS
    Benchmark: Get-CarbonPort over many product homes (copies of the sample home).
.DESCRIPTION
    Lays out -Count copies of samples/wso2esb-4.8.1 in a temporary folder, imports the built module,
    runs Get-CarbonPort over all of them once to warm up, then -Runs more times, and prints the median
    and the fastest run, twice: with every home on an offset of its own (a host set up right), and with
    half of them left at offset 0 (each of their ports clashes with 99 others: the worst case for the
    conflict report). Build first: dotnet pwsh -File ./build.ps1 -Task Build
.EXAMPLE
    dotnet pwsh -NoProfile -File ./tests/CarbonOps.Benchmarks/Measure-CarbonPort.ps1 -Count 200
#>
param(
    [int] $Count = 200,
    [int] $Runs = 5
)

$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '../..')
$module = Join-Path $root 'out/CarbonOps/CarbonOps.psd1'
if (-not (Test-Path $module)) { throw "Build the module first: dotnet pwsh -File ./build.ps1 -Task Build" }
Import-Module $module -Force

$work = Join-Path ([IO.Path]::GetTempPath()) ('carbonops-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
try {
    $sample = Join-Path $root 'samples/wso2esb-4.8.1'
    $homes = foreach ($i in 1..$Count) {
        $target = Join-Path $work ('wso2esb-4.8.1-{0:d3}' -f $i)
        Copy-Item -Path $sample -Destination $target -Recurse
        $target
    }

    function Set-Offsets([scriptblock] $OffsetOf) {
        for ($i = 0; $i -lt $homes.Count; $i++) {
            $carbonXml = Join-Path $homes[$i] 'repository/conf/carbon.xml'
            $text = [IO.File]::ReadAllText($carbonXml) -replace '<Offset>\d+</Offset>', "<Offset>$(& $OffsetOf ($i + 1))</Offset>"
            [IO.File]::WriteAllText($carbonXml, $text)
        }
    }

    function Measure-Ports([string] $Label) {
        $ports = Get-CarbonPort -ProductHome $homes
        $self = [Diagnostics.Process]::GetCurrentProcess()
        $cpu = [Collections.Generic.List[double]]::new()
        $times = foreach ($run in 1..$Runs) {
            $self.Refresh(); $before = $self.TotalProcessorTime.TotalMilliseconds
            (Measure-Command { $ports = Get-CarbonPort -ProductHome $homes }).TotalMilliseconds
            $self.Refresh(); $cpu.Add($self.TotalProcessorTime.TotalMilliseconds - $before)
        }
        $sorted = @($times | Sort-Object)
        $median = $sorted[[int][math]::Floor($sorted.Count / 2)]
        $cpuMedian = @($cpu | Sort-Object)[[int][math]::Floor($cpu.Count / 2)]
        # CPU time is the figure to compare on a busy machine, where wall time depends on the other load.
        '{0} homes ({1}), {2} ports, {3} in conflict: Get-CarbonPort median {4:n0} ms (fastest {5:n0} ms), CPU {6:n0} ms, over {7} runs' -f `
            $Count, $Label, $ports.Count, @($ports | Where-Object Conflict).Count, $median, $sorted[0], $cpuMedian, $Runs
    }

    Set-Offsets { param($n) $n }
    Measure-Ports 'each on its own offset'
    Set-Offsets { param($n) if ($n % 2) { 0 } else { $n } }
    Measure-Ports 'half at offset 0'
}
finally {
    Remove-Item -Recurse -Force $work
}
