<#
.SYNOPSIS
    What the CarbonOps playbook runs on a host: audit or harden one product home, and print one JSON
    object that Ansible reads (changed, failed, and the result objects).
.DESCRIPTION
    Audit   Test-CarbonHost; never changes anything.
    Harden  Test-CarbonHost, then the failures into Invoke-CarbonHardening. With -Mode WhatIf (Ansible's
            check mode) nothing is written and "changed" counts what would change.
    The JSON is the last line of the output (-WhatIf prints its messages before it).
    Exits 1 when a check or change failed, or CarbonOps wrote an error; the JSON still says why.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Audit', 'Harden')] [string] $Action,
    [Parameter(Mandatory)] [string] $ProductHome,
    [string] $Module = 'CarbonOps',
    [ValidateSet('Apply', 'WhatIf')] [string] $Mode = 'Apply',
    # Comma-separated check ids (wildcards allowed); empty for all.
    [string] $CheckId = '',
    [string] $WaiverPath = ''
)

$ErrorActionPreference = 'Stop'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module $Module

$select = @{}
if ($CheckId) { $select.CheckId = $CheckId -split ',' | ForEach-Object Trim }
$audit = @{ ProductHome = $ProductHome } + $select
if ($WaiverPath) { $audit.WaiverPath = $WaiverPath }
$errors = @()
$results = @(Test-CarbonHost @audit -ErrorAction SilentlyContinue -ErrorVariable +errors)
$output = [ordered]@{
    action   = $Action
    home     = $ProductHome
    failures = @($results | Where-Object { -not $_.Waived -and $_.Outcome -in 'Fail', 'Error' }).Count
}
if ($Action -eq 'Audit') {
    $output.changed = 0
    $output.results = $results | Select-Object CheckId, Outcome, Severity, Waived, Message, Remediation
}
else {
    $fixable = $results | Where-Object { $_.CanRemediate -and -not $_.Waived }
    $changes = @($fixable | Invoke-CarbonHardening -Confirm:$false -WhatIf:($Mode -eq 'WhatIf') -ErrorAction SilentlyContinue -ErrorVariable +errors)
    $output.changed = @($changes | Where-Object Status -in 'Changed', 'WhatIf').Count
    $output.failed = @($changes | Where-Object Status -eq 'Failed').Count
    $output.changes = $changes | Select-Object CheckId, Setting, OldValue, NewValue, Status, Path, BackupPath
}
$output.errors = @($errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" })
[pscustomobject]$output | ConvertTo-Json -Depth 4 -Compress -EnumsAsStrings
if ($output.errors -or $output['failed']) { exit 1 }
