<#
.SYNOPSIS
    The DSC v3 command resource CarbonOps/Hardening (see CarbonOps.dsc.resource.json): get, test, set
    and what-if for one product home, with the instance JSON on stdin and JSON Lines on stdout.
.DESCRIPTION
    Desired state: every selected check that a file edit can fix passes, and each writer property
    (userStore, cluster, datasource...) is in place: its cmdlet, run with -WhatIf, would change nothing.
    Get and Test report the failing checks and pending writers; Set runs the pending writers (in the
    schema's order), then fixes the failing checks with Invoke-CarbonHardening (WhatIf: all with
    -WhatIf) and returns the state after it and the names of the properties that changed. Errors go to stderr as JSON lines;
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
    # The instance schema (its values generated at build time from the module's remedy inputs and writers).
    $schema = (Get-Content -Raw (Join-Path $PSScriptRoot 'CarbonOps.dsc.resource.json') | ConvertFrom-Json -AsHashtable).schema.embedded
    $outputs = @($schema.properties.Keys | Where-Object { $schema.properties[$_].readOnly })
    # A writer property is an object titled with its cmdlet's name; its members are the cmdlet's parameters.
    $writers = @($schema.properties.Keys | Where-Object { $schema.properties[$_].title -match '^[A-Z][a-z]+-Carbon\w+$' })
    $remedyValues = @($schema.properties.Keys | Where-Object { $_ -notin 'productHome', 'checkId' -and $_ -notin $outputs -and $_ -notin $writers })
    # DSC passes a secure value as {"secureString": ...} or {"secureObject": ...}; the cmdlets take what is inside.
    function Expand-SecureValue([hashtable] $Table) {
        foreach ($key in @($Table.Keys)) {
            $value = $Table[$key]
            if ($value -is [hashtable] -and $value.Count -eq 1 -and ($value.Contains('secureObject') -or $value.Contains('secureString'))) { $Table[$key] = @($value.Values)[0] }
        }
    }
    Expand-SecureValue $desired
    foreach ($key in $writers) { if ($desired[$key] -is [hashtable]) { Expand-SecureValue $desired[$key] } }
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
    # Each value goes to the parameter of the same name (hostName to -HostName); secrets are never returned.
    function ConvertTo-Parameter($Value, [hashtable] $Property) {
        if (-not $Property.writeOnly) { return $Value }
        if ($Property.type -eq 'object') { return [pscredential]::new([string]$Value.username, (ConvertTo-SecureString -String ([string]$Value.password) -AsPlainText -Force)) }
        ConvertTo-SecureString -String ([string]$Value) -AsPlainText -Force
    }
    function ConvertTo-ParameterName([string] $Key) { $Key.Substring(0, 1).ToUpperInvariant() + $Key.Substring(1) }
    $remedy = @{}
    $secret = @($remedyValues | Where-Object { $schema.properties[$_].writeOnly })
    foreach ($key in $remedyValues | Where-Object { $desired.Contains($_) }) {
        $remedy[(ConvertTo-ParameterName $key)] = ConvertTo-Parameter $desired[$key] $schema.properties[$key]
    }
    # The writers to run, in the schema's order, each with its parameters.
    $writerRuns = foreach ($key in $writers | Where-Object { $desired.Contains($_) }) {
        $members = $schema.properties[$key].properties
        $parameters = @{}
        foreach ($member in $desired[$key].Keys) { $parameters[(ConvertTo-ParameterName $member)] = ConvertTo-Parameter $desired[$key][$member] $members[$member] }
        [pscustomobject]@{ Key = $key; Command = $schema.properties[$key].title; Parameters = $parameters; Secret = @($members.Keys | Where-Object { $members[$_].writeOnly }) }
    }

    # Runs a cmdlet of the module in a runspace of its own, with no host: -WhatIf messages must not reach stdout,
    # which carries JSON only. Any error ends the resource with it.
    function Invoke-Module([string] $Command, [hashtable] $Parameters) {
        $ps = [powershell]::Create()
        try {
            [void]$ps.AddCommand('Import-Module').AddParameter('Name', (Join-Path $PSScriptRoot 'CarbonOps.psd1')).AddStatement()
            [void]$ps.AddCommand($Command).AddParameters($Parameters)
            $results = @($ps.Invoke())
            $errors = @($ps.Streams.Error)
        }
        catch { Stop-Resource 1 "${Command}: $($_.Exception.Message)" }
        finally { $ps.Dispose() }
        $failed = @($results | Where-Object { $_.PSObject.Properties['Status'] -and "$($_.Status)" -eq 'Failed' })
        if ($errors -or $failed) {
            $why = if ($errors) { "$($errors[0].FullyQualifiedErrorId): $($errors[0].Exception.Message)" } else { "$($failed[0].CheckId): $($failed[0].Message)" }
            Stop-Resource 1 $why
        }
        $results
    }

    function Invoke-Writer($Run, [bool] $WhatIf) {
        Invoke-Module $Run.Command (@{ ProductHome = $desired.productHome; Confirm = $false; WhatIf = $WhatIf } + $Run.Parameters)
    }

    function Get-State {
        $errors = @()
        $results = @(Test-CarbonHost -ProductHome $desired.productHome @select -ErrorAction SilentlyContinue -ErrorVariable errors |
                Where-Object { $_.ProductHome })
        if ($errors) { Stop-Resource 1 "$($errors[0].FullyQualifiedErrorId): $($errors[0].Exception.Message)" }
        $failing = @($results | Where-Object { $_.Outcome -in 'Fail', 'Warning' -and -not $_.Waived })
        $state = [ordered]@{ productHome = (Get-Item -LiteralPath $desired.productHome).FullName }
        foreach ($key in @('checkId') + $remedyValues) { if ($desired.Contains($key) -and $key -notin $secret) { $state[$key] = $desired[$key] } }
        foreach ($run in $writerRuns) {
            $shown = [ordered]@{}
            foreach ($member in $desired[$run.Key].Keys | Where-Object { $_ -notin $run.Secret }) { $shown[$member] = $desired[$run.Key][$member] }
            $state[$run.Key] = $shown
        }
        # A writer is pending when its -WhatIf run would change something.
        $state.pendingWriters = @($writerRuns | Where-Object { @(Invoke-Writer $_ $true | Where-Object { "$($_.Status)" -eq 'WhatIf' }).Count -gt 0 } | ForEach-Object Key)
        $state.failingChecks = @($failing | Where-Object CanRemediate | ForEach-Object CheckId | Sort-Object -Unique)
        $state.unfixableChecks = @($failing | Where-Object { -not $_.CanRemediate } | ForEach-Object CheckId | Sort-Object -Unique)
        $state
    }

    function Write-Line($Value) { [Console]::Out.WriteLine((ConvertTo-Json -InputObject $Value -Compress -Depth 5)) }

    $state = Get-State
    switch ($Operation) {
        'Get' { Write-Line $state }
        'Test' {
            $state._inDesiredState = $state.failingChecks.Count -eq 0 -and $state.pendingWriters.Count -eq 0
            Write-Line $state
        }
        default {
            $whatIf = $Operation -eq 'WhatIf'
            $failingBefore = @($state.failingChecks)
            $pendingBefore = @($state.pendingWriters)
            $changes = @(foreach ($run in $writerRuns | Where-Object Key -in $pendingBefore) { Invoke-Writer $run $whatIf })
            if ($pendingBefore -and -not $whatIf) { $state = Get-State }
            if ($state.failingChecks.Count -gt 0) {
                $changes += @(Invoke-Module 'Invoke-CarbonHardening' (@{ ProductHome = $state.productHome; CheckId = [string[]]$state.failingChecks; Confirm = $false; WhatIf = $whatIf } + $remedy))
            }
            $after = if ($whatIf) {
                $fixed = @($changes | Where-Object Status -eq 'WhatIf' | ForEach-Object CheckId | Sort-Object -Unique)
                $state.failingChecks = @($state.failingChecks | Where-Object { $_ -notin $fixed })
                $state.pendingWriters = @()
                $state
            }
            else { Get-State }
            $after.changes = @($changes | Where-Object Status -in 'Changed', 'WhatIf' | ForEach-Object {
                    [ordered]@{ checkId = $_.CheckId; path = $_.Path; setting = $_.Setting; status = "$($_.Status)" } })
            $diff = @(if ("$($after.failingChecks)" -ne "$failingBefore") { 'failingChecks' }; if ("$($after.pendingWriters)" -ne "$pendingBefore") { 'pendingWriters' })
            Write-Line $after
            Write-Line $diff
        }
    }
}
