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
    # The instance schema (its remedy values generated at build time from Invoke-CarbonHardening's parameters).
    $schema = (Get-Content -Raw (Join-Path $PSScriptRoot 'CarbonOps.dsc.resource.json') | ConvertFrom-Json -AsHashtable).schema.embedded
    $outputs = @($schema.properties.Keys | Where-Object { $schema.properties[$_].readOnly })
    $remedyValues = @($schema.properties.Keys | Where-Object { $_ -notin 'productHome', 'checkId' -and $_ -notin $outputs })
    # DSC passes a secure value as {"secureString": ...} or {"secureObject": ...}; the remedy takes what is inside.
    foreach ($key in @($desired.Keys)) {
        $value = $desired[$key]
        if ($value -is [hashtable] -and $value.Count -eq 1 -and ($value.Contains('secureObject') -or $value.Contains('secureString'))) { $desired[$key] = @($value.Values)[0] }
    }
    foreach ($key in $desired.Keys) { if ($key -notin $schema.properties.Keys -and $key -ne '_metadata') { Stop-Resource 2 "Unknown property '$key'." } }
    if ($desired.productHome -isnot [string] -or -not $desired.productHome) { Stop-Resource 2 'productHome (a string) is required.' }
    $inputOnly = [ordered]@{}
    foreach ($key in $desired.Keys) { if ($key -notin $outputs -and $key -ne '_metadata') { $inputOnly[$key] = $desired[$key] } }
    if (-not (Test-Json -Json ($inputOnly | ConvertTo-Json -Depth 5 -Compress) -Schema ($schema | ConvertTo-Json -Depth 20) -ErrorAction SilentlyContinue)) {
        Stop-Resource 2 'The instance does not match the resource schema (a value has the wrong type or form).'
    }

    Import-Module (Join-Path $PSScriptRoot 'CarbonOps.psd1')
    $select = @{}
    if ($desired.checkId) { $select.CheckId = [string[]]$desired.checkId }
    # Each remedy value goes to the Invoke-CarbonHardening parameter of the same name; credentials are never returned.
    $remedy = @{}
    $secret = @($remedyValues | Where-Object { $schema.properties[$_].writeOnly })
    foreach ($key in $remedyValues | Where-Object { $desired.Contains($_) }) {
        $parameter = $key.Substring(0, 1).ToUpperInvariant() + $key.Substring(1)
        $value = $desired[$key]
        $remedy[$parameter] = if ($key -in $secret) {
            [pscredential]::new([string]$value.username, (ConvertTo-SecureString -String ([string]$value.password) -AsPlainText -Force))
        }
        else { $value }
    }

    function Get-State {
        $errors = @()
        $results = @(Test-CarbonHost -ProductHome $desired.productHome @select -ErrorAction SilentlyContinue -ErrorVariable errors |
                Where-Object { $_.ProductHome })
        if ($errors) { Stop-Resource 1 "$($errors[0].FullyQualifiedErrorId): $($errors[0].Exception.Message)" }
        $failing = @($results | Where-Object { $_.Outcome -in 'Fail', 'Warning' -and -not $_.Waived })
        $state = [ordered]@{ productHome = (Get-Item -LiteralPath $desired.productHome).FullName }
        foreach ($key in @('checkId') + $remedyValues) { if ($desired.Contains($key) -and $key -notin $secret) { $state[$key] = $desired[$key] } }
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
