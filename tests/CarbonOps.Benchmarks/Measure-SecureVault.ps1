<#
.SYNOPSIS
    Times Protect-CarbonSecret protecting every password of a product home.
.DESCRIPTION
    Imports the built module (run ./build.ps1 first). Prepares one home: a copy of the sample home
    with its own 2048-bit key (New-CarbonKeystore, Set-CarbonKeystore), every password still in
    plain text. Then, -Iterations times, copies that home (not timed) and times:
      - Protect:  Protect-CarbonSecret on the copy: inventory, encryption of every alias, the edits
                  of carbon.xml, user-mgt.xml, master-datasources.xml, axis2.xml and the three
                  security .properties files, backup set, atomic writes;
      - Again:    the second Protect-CarbonSecret on the same copy (decrypts every alias, writes nothing).
    For comparison it times `java -version`, the least a JVM start of WSO2's ciphertool costs.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./tests/CarbonOps.Benchmarks/Measure-SecureVault.ps1 -Iterations 50
#>
[CmdletBinding()]
param(
    [int] $Iterations = 30,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1'),
    [string] $SampleHome = (Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1')
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

function Get-Summary([string] $Name, [double[]] $Milliseconds) {
    $sorted = $Milliseconds | Sort-Object
    [pscustomobject]@{
        Measure  = $Name
        Runs     = $sorted.Count
        MedianMs = [math]::Round($sorted[[int][math]::Floor($sorted.Count / 2)], 1)
        P95Ms    = [math]::Round($sorted[[int][math]::Floor($sorted.Count * 0.95)], 1)
        MinMs    = [math]::Round($sorted[0], 1)
    }
}

$work = Join-Path ([IO.Path]::GetTempPath()) ('carbonops-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
try {
    $base = Join-Path $work 'base'
    Copy-Item -Path $SampleHome -Destination $base -Recurse
    $password = ConvertTo-SecureString ('bench-' + [guid]::NewGuid().ToString('N')) -AsPlainText -Force
    New-Item -ItemType Directory -Path (Join-Path $base 'repository/resources/security') -Force | Out-Null
    New-CarbonKeystore -Path (Join-Path $base 'repository/resources/security/client-truststore.jks') -Alias placeholder -Subject 'CN=placeholder' -StorePassword (ConvertTo-SecureString 'wso2carbon' -AsPlainText -Force) | Out-Null
    New-CarbonKeystore -Path (Join-Path $base 'repository/resources/security/carbon.jks') -Alias carbon -Subject 'CN=bench.example.com, O=Example' -StorePassword $password |
        Set-CarbonKeystore -ProductHome $base -StorePassword $password -Confirm:$false | Out-Null
    Remove-Item (Join-Path $base '.carbonops') -Recurse -Force

    $clock = [System.Diagnostics.Stopwatch]::new()
    $protect = [System.Collections.Generic.List[double]]::new()
    $again = [System.Collections.Generic.List[double]]::new()
    $protectCpu = [System.Collections.Generic.List[double]]::new()
    $self = [System.Diagnostics.Process]::GetCurrentProcess()
    $aliases = 0
    foreach ($i in 0..$Iterations) {
        $copy = Join-Path $work "run$i"
        Copy-Item -Path $base -Destination $copy -Recurse
        $cpu = $self.TotalProcessorTime
        $clock.Restart()
        $changes = Protect-CarbonSecret -ProductHome $copy -Confirm:$false
        $first = $clock.Elapsed.TotalMilliseconds
        $self.Refresh()
        $firstCpu = ($self.TotalProcessorTime - $cpu).TotalMilliseconds
        $clock.Restart()
        $null = Protect-CarbonSecret -ProductHome $copy -KeystorePassword $password -Confirm:$false
        $second = $clock.Elapsed.TotalMilliseconds
        if ($i -eq 0) {
            # The first run in the process pays for JIT and loading BouncyCastle.
            "First run in this process (cold): $([math]::Round($first, 1)) ms"
            $aliases = @($changes | Where-Object { $_.Path -like '*cipher-text.properties' }).Count
            continue
        }
        $protect.Add($first)
        $protectCpu.Add($firstCpu)
        $again.Add($second)
        Remove-Item $copy -Recurse -Force
    }
    "Aliases protected per run: $aliases"
    $results = @(Get-Summary 'Protect-CarbonSecret (every password)' $protect
        Get-Summary 'Protect-CarbonSecret, CPU time of this process' $protectCpu
        Get-Summary 'Protect-CarbonSecret again (no change)' $again)
    if (Get-Command java -ErrorAction SilentlyContinue) {
        $jvm = foreach ($i in 1..5) { $clock.Restart(); & java -version 2>$null; $clock.Elapsed.TotalMilliseconds }
        $results += Get-Summary 'java -version (a JVM start)' $jvm
    }
    if (Get-Command keytool -ErrorAction SilentlyContinue) {
        # What WSO2's ciphertool and keytool cost before any work: a JVM that opens a keystore (the JDK's own cacerts).
        $keytool = foreach ($i in 1..5) { $clock.Restart(); & keytool -list -cacerts -storepass changeit *> $null; $clock.Elapsed.TotalMilliseconds }
        $results += Get-Summary 'keytool -list -cacerts (a JVM start that opens a keystore)' $keytool
    }
    $results | Format-Table -AutoSize | Out-String -Width 120
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
