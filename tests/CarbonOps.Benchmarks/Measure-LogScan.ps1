<#
.SYNOPSIS
    Benchmark: Get-CarbonServer's look for the last start in a large wso2carbon.log, against a full
    Select-String scan of the same file.
.DESCRIPTION
    Generates a log of -SizeGB gigabytes in a temporary copy of the sample home (deleted at the end):
    INFO entries one millisecond apart, an ERROR with a stack trace every 5000 entries, and the last
    "WSO2 Carbon started in n sec" line half-way through. Then it times:
      1. Get-CarbonServer on the stopped home: the backward read stops at its budget (16 MB) and says so;
      2. the search a running JVM gets: a binary search of the entry times for its start time;
      3. Get-CarbonServer after a start line is appended at the end (the usual case after a restart);
      4. Select-String over the whole file for the same line.
    Build first: dotnet pwsh -File ./build.ps1
.EXAMPLE
    dotnet pwsh -NoProfile -File ./tests/CarbonOps.Benchmarks/Measure-LogScan.ps1 -SizeGB 2
#>
[CmdletBinding()]
param(
    [double] $SizeGB = 2,
    [string] $Module = (Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $Module -Force

Add-Type -TypeDefinition @'
using System;
using System.Globalization;
using System.IO;
using System.Text;

public static class CarbonLogGenerator
{
    const string Finalizer = "org.wso2.carbon.core.internal.StartupFinalizerServiceComponent";

    static string Line(DateTime t, string level, string logger, string message)
    {
        return "TID: [0] [] [" + t.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture) + "] " + level.PadLeft(5) +
            " {" + logger + "} -  " + message + " {" + logger + "}\n";
    }

    /// <summary>Writes about `bytes` of log; returns the time of the start line written at `startAt` (a fraction of the size).</summary>
    public static DateTime Write(string path, long bytes, DateTime t0, double startAt)
    {
        var started = DateTime.MinValue;
        var utf8 = new UTF8Encoding(false);
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            long written = 0;
            for (long i = 0; written < bytes; i++)
            {
                var t = t0.AddMilliseconds(i);
                string text;
                if (started == DateTime.MinValue && written >= bytes * startAt)
                {
                    started = t;
                    text = Line(t, "INFO", Finalizer, "WSO2 Carbon started in 42 sec");
                }
                else if (i % 5000 == 4999)
                {
                    text = Line(t, "ERROR", "org.apache.synapse.core.axis2.ProxyService", "Error building service from WSDL") +
                        "org.apache.axis2.AxisFault: WSDL not found\n\tat org.apache.synapse.core.axis2.ProxyService.buildAxisService(ProxyService.java:395)\n";
                }
                else
                {
                    text = Line(t, "INFO", "org.apache.synapse.mediators.builtin.LogMediator", "To: /services/StockQuoteProxy, MessageID: urn:uuid:" + i.ToString("x12", CultureInfo.InvariantCulture) + ", Direction: request");
                }
                var data = utf8.GetBytes(text);
                stream.Write(data, 0, data.Length);
                written += data.Length;
            }
        }
        return started;
    }
}
'@

function Measure-Ms([scriptblock] $Block) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $result = & $Block
    $watch.Stop()
    [pscustomobject]@{ Ms = [math]::Round($watch.Elapsed.TotalMilliseconds, 1); Result = $result }
}

$root = Join-Path ([IO.Path]::GetTempPath()) ('carbonops-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$home_ = Join-Path $root 'wso2esb-4.8.1'
try {
    Copy-Item -Path (Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1') -Destination $home_ -Recurse
    $logs = New-Item -ItemType Directory -Path (Join-Path $home_ 'repository/logs')
    $log = Join-Path $logs 'wso2carbon.log'
    $t0 = [datetime]::new(2014, 3, 4, 0, 0, 0, [DateTimeKind]::Local)
    $bytes = [long]($SizeGB * 1GB)
    $gen = Measure-Ms { [CarbonLogGenerator]::Write($log, $bytes, $t0, 0.5) }
    $startedAt = $gen.Result
    $size = (Get-Item $log).Length
    Write-Host ("Generated {0:N0} bytes in {1:N0} ms; start line at {2:HH:mm:ss,fff}" -f $size, $gen.Ms, $startedAt)

    Get-CarbonServer $home_ | Out-Null   # load the code once
    $stopped = Measure-Ms { Get-CarbonServer $home_ }
    Write-Host ("1. Get-CarbonServer, start line half-way (stopped):  {0,10:N1} ms  State={1} LastStartupSeconds={2} ({3})" -f
        $stopped.Ms, $stopped.Result.State, $stopped.Result.LastStartupSeconds, $stopped.Result.StateReason)

    $files = [CarbonOps.Installation.CarbonLogFiles]::All($log, $true)
    $running = Measure-Ms { [CarbonOps.Installation.CarbonLogScanner]::FindLastStart($files, $startedAt.AddSeconds(-30), 16MB, 32MB) }
    Write-Host ("2. Running JVM started 30 s before that line (bisect): {0,10:N1} ms  {1} at {2:HH:mm:ss,fff}, {3} sec" -f
        $running.Ms, $running.Result.Outcome, $running.Result.StartedAt, $running.Result.Seconds)

    $last = $t0.AddMilliseconds(($size / 170) + 60000)
    $line = "TID: [0] [] [{0:yyyy-MM-dd HH:mm:ss,fff}]  INFO {{org.wso2.carbon.core.internal.StartupFinalizerServiceComponent}} -  WSO2 Carbon started in 37 sec {{org.wso2.carbon.core.internal.StartupFinalizerServiceComponent}}`n" -f $last
    [IO.File]::AppendAllText($log, $line)
    $recent = Measure-Ms { Get-CarbonServer $home_ }
    Write-Host ("3. Get-CarbonServer, start line at the end (stopped):  {0,10:N1} ms  LastStartupSeconds={1} ErrorsSinceStart={2}" -f
        $recent.Ms, $recent.Result.LastStartupSeconds, $recent.Result.ErrorsSinceStart)

    $scan = Measure-Ms { Select-String -Path $log -Pattern 'WSO2 Carbon started in' -SimpleMatch | Select-Object -Last 1 }
    Write-Host ("4. Select-String over the whole file:                  {0,10:N1} ms  line {1}" -f $scan.Ms, $scan.Result.LineNumber)
}
finally {
    Remove-Item -Recurse -Force $root -ErrorAction SilentlyContinue
}
