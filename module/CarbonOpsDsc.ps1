<#
.SYNOPSIS
    The DSC v3 command resource CarbonOps/Hardening (see CarbonOps.dsc.resource.json): get, test, set
    and what-if for one product home, with the instance JSON on stdin and JSON Lines on stdout.
.DESCRIPTION
    Desired state: every selected check that a file edit can fix passes. Get and Test report the
    failing ones; Set fixes them with Invoke-CarbonHardening (WhatIf: with -WhatIf) and returns the
    state after it and the names of the properties that changed. Errors go to stderr as JSON lines;
    the exit code is 0 on success, 1 when the work failed and 2 when the input is not valid.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Get', 'Test', 'Set', 'WhatIf')] [string] $Operation,
    [Parameter(ValueFromPipeline)] [string] $InputLine
)
begin { $lines = [System.Collections.Generic.List[string]]::new() }
process { if ($InputLine) { $lines.Add($InputLine) } }
end {
    $ErrorActionPreference = 'Stop'
    function Stop-Resource([int] $Code, [string] $Message) {
        [Console]::Error.WriteLine((@{ error = $Message } | ConvertTo-Json -Compress))
        exit $Code
    }

    try { $desired = ($lines -join "`n") | ConvertFrom-Json -AsHashtable }
    catch { Stop-Resource 2 "The input is not JSON: $($_.Exception.Message)" }
    if ($desired -isnot [hashtable]) { Stop-Resource 2 'The input must be a JSON object with productHome.' }
    $known = 'productHome', 'checkId', 'logMaxFileSize', 'logMaxBackupIndex', 'failingChecks', 'unfixableChecks', 'changes', '_inDesiredState', '_metadata'
    foreach ($key in $desired.Keys) { if ($key -notin $known) { Stop-Resource 2 "Unknown property '$key'." } }
    if ($desired.productHome -isnot [string] -or -not $desired.productHome) { Stop-Resource 2 'productHome (a string) is required.' }

    Import-Module (Join-Path $PSScriptRoot 'CarbonOps.psd1')
    $select = @{}
    if ($desired.checkId) { $select.CheckId = [string[]]$desired.checkId }
    $remedy = @{}
    if ($desired.logMaxFileSize) { $remedy.LogMaxFileSize = $desired.logMaxFileSize }
    if ($desired.logMaxBackupIndex) { $remedy.LogMaxBackupIndex = [int]$desired.logMaxBackupIndex }

    function Get-State {
        $errors = @()
        $results = @(Test-CarbonHost -ProductHome $desired.productHome @select -ErrorAction SilentlyContinue -ErrorVariable errors |
                Where-Object { $_.ProductHome })
        if ($errors) { Stop-Resource 1 "$($errors[0].FullyQualifiedErrorId): $($errors[0].Exception.Message)" }
        $failing = @($results | Where-Object { $_.Outcome -in 'Fail', 'Warning' -and -not $_.Waived })
        $state = [ordered]@{ productHome = (Get-Item -LiteralPath $desired.productHome).FullName }
        foreach ($key in 'checkId', 'logMaxFileSize', 'logMaxBackupIndex') { if ($desired.Contains($key)) { $state[$key] = $desired[$key] } }
        $state.failingChecks = @($failing | Where-Object CanRemediate | ForEach-Object CheckId | Sort-Object -Unique)
        $state.unfixableChecks = @($failing | Where-Object { -not $_.CanRemediate } | ForEach-Object CheckId | Sort-Object -Unique)
        $state
    }

    function Write-Line($Value) { [Console]::Out.WriteLine((ConvertTo-Json -InputObject $Value -Compress -Depth 5)) }

    $state = Get-State
    switch ($Operation) {
        'Get' { Write-Line $state }
        'Test' {
            $state._inDesiredState = $state.failingChecks.Count -eq 0
            Write-Line $state
        }
        default {
            $whatIf = $Operation -eq 'WhatIf'
            $failingBefore = @($state.failingChecks)
            $changes = @()
            if ($state.failingChecks.Count -gt 0) {
                # A runspace of its own, with no host: -WhatIf messages must not reach stdout, which carries JSON only.
                $ps = [powershell]::Create()
                try {
                    [void]$ps.AddCommand('Import-Module').AddParameter('Name', (Join-Path $PSScriptRoot 'CarbonOps.psd1')).AddStatement()
                    [void]$ps.AddCommand('Invoke-CarbonHardening').AddParameters(@{ ProductHome = $state.productHome; CheckId = [string[]]$state.failingChecks; Confirm = $false; WhatIf = $whatIf } + $remedy)
                    $changes = @($ps.Invoke())
                    $errors = @($ps.Streams.Error)
                }
                finally { $ps.Dispose() }
                $failed = @($changes | Where-Object Status -eq 'Failed')
                if ($errors -or $failed) {
                    $why = if ($errors) { "$($errors[0].FullyQualifiedErrorId): $($errors[0].Exception.Message)" } else { "$($failed[0].CheckId): $($failed[0].Message)" }
                    Stop-Resource 1 $why
                }
            }
            $after = if ($whatIf) {
                $fixed = @($changes | Where-Object Status -eq 'WhatIf' | ForEach-Object CheckId | Sort-Object -Unique)
                $state.failingChecks = @($state.failingChecks | Where-Object { $_ -notin $fixed })
                $state
            }
            else { Get-State }
            $after.changes = @($changes | Where-Object Status -in 'Changed', 'WhatIf' | ForEach-Object {
                    [ordered]@{ checkId = $_.CheckId; path = $_.Path; setting = $_.Setting; status = "$($_.Status)" } })
            $diff = @(if ("$($after.failingChecks)" -ne "$failingBefore") { 'failingChecks' })
            Write-Line $after
            Write-Line $diff
        }
    }
}
