<#
.SYNOPSIS
    Writes the remedy values of the DSC resource's instance schema from Invoke-CarbonHardening's parameters.
.DESCRIPTION
    Each remedy input is declared once, in its area's folder (a [RemedyInput] property of RemediationOptions, with
    its help and whether it is secret); the build makes Invoke-CarbonHardening's parameter from it. This step turns
    every such input into a camelCase property of the CarbonOps/Hardening schema (hostName for -HostName), with the
    parameter's type and validation: strings with their pattern or set, arrays, integers with their range, switches
    as booleans, enums by name, and credentials (secret inputs) as write-only objects {username, password} that the
    resource never returns.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ManifestPath
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$command = Get-Command Invoke-CarbonHardening

$manifest = Get-Content -Raw $ManifestPath | ConvertFrom-Json -AsHashtable
$properties = $manifest.schema.embedded.properties
foreach ($declared in [CarbonOps.Changes.RemedyInputs]::All) {
    $parameter = $command.Parameters[$declared.Name]
    $type = $parameter.ParameterType
    $element = if ($type.IsArray) { $type.GetElementType() } elseif ([Nullable]::GetUnderlyingType($type)) { [Nullable]::GetUnderlyingType($type) } else { $type }
    $schema = [ordered]@{}
    if ($declared.Secret) {
        if ($element -ne [pscredential]) { throw "-$($declared.Name) is secret but not a PSCredential; the schema has no form for it." }
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
        if ($declared.Pattern) { $item.pattern = $declared.Pattern }
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
    $properties[$name] = [ordered]@{ title = $declared.Name; description = "$($declared.CheckId): $($declared.Help)" } + $schema
}
$manifest | ConvertTo-Json -Depth 20 | Set-Content -Path $ManifestPath
