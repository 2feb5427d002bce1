<#
.SYNOPSIS
    Writes the remedy values of the DSC resource's instance schema from Invoke-CarbonHardening's parameters.
.DESCRIPTION
    Each remedy input is declared once, as a parameter of Invoke-CarbonHardening (name, type, validation)
    with its help in docs/help/Invoke-CarbonHardening.md. This step turns every such parameter into a
    camelCase property of the CarbonOps/Hardening schema (hostName for -HostName), with the same type and
    validation: strings with their pattern or set, arrays, integers with their range, switches as booleans,
    enums by name, and credentials as write-only objects {username, password} that the resource never returns.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $HelpPath,
    [Parameter(Mandatory)] [string] $ManifestPath
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$command = Get-Command Invoke-CarbonHardening
# Parameters that select what to harden or how to ask, rather than values a remedy writes.
$notRemedyValues = 'ProductHome', 'CheckId', 'Category', 'Outcome', 'Waived', 'Force', 'WhatIf', 'Confirm'
$help = Get-Content -Raw $HelpPath

function Get-HelpText([string] $Name) {
    if ($help -match "(?ms)^### -$Name\r?\n(.+?)\r?\n\r?\n") { ($Matches[1] -replace '\s*\r?\n\s*', ' ').Trim() } else { throw "docs/help has no text for -$Name" }
}

$manifest = Get-Content -Raw $ManifestPath | ConvertFrom-Json -AsHashtable
$properties = $manifest.schema.embedded.properties
foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $notRemedyValues -and $_.Name -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_.Name -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }) {
    $type = $parameter.ParameterType
    $element = if ($type.IsArray) { $type.GetElementType() } else { $type }
    $schema = [ordered]@{}
    if ($element -eq [pscredential]) {
        $schema.type = 'object'
        $schema.required = @('username', 'password')
        $schema.properties = [ordered]@{ username = @{ type = 'string'; minLength = 1 }; password = @{ type = 'string'; minLength = 1 } }
        $schema.additionalProperties = $false
        $schema.writeOnly = $true
    }
    else {
        $item = [ordered]@{}
        if ($element -eq [string]) { $item.type = 'string'; $item.minLength = 1 }
        elseif ($element -eq [int]) { $item.type = 'integer' }
        elseif ($element -eq [System.Management.Automation.SwitchParameter] -or $element -eq [bool]) { $item.type = 'boolean' }
        elseif ($element.IsEnum) { $item.type = 'string'; $item.enum = [string[]][Enum]::GetNames($element) }
        else { throw "No schema type for -$($parameter.Name) ($type)" }
        foreach ($attribute in $parameter.Attributes) {
            switch ($attribute) {
                { $_ -is [System.Management.Automation.ValidateSetAttribute] } { $item.enum = [string[]]$_.ValidValues }
                { $_ -is [System.Management.Automation.ValidatePatternAttribute] } { $item.pattern = $_.RegexPattern }
                { $_ -is [System.Management.Automation.ValidateRangeAttribute] } { $item.minimum = $_.MinRange; $item.maximum = $_.MaxRange }
            }
        }
        if ($type.IsArray) { $schema.type = 'array'; $schema.items = $item; $schema.minItems = 1 } else { foreach ($key in $item.Keys) { $schema[$key] = $item[$key] } }
    }
    $name = $parameter.Name.Substring(0, 1).ToLowerInvariant() + $parameter.Name.Substring(1)
    $properties[$name] = [ordered]@{ title = $parameter.Name; description = (Get-HelpText $parameter.Name) } + $schema
}
$manifest | ConvertTo-Json -Depth 20 | Set-Content -Path $ManifestPath
