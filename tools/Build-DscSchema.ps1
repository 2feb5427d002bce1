<#
.SYNOPSIS
    Writes the remedy values of the DSC resource's instance schema from the module's remedy inputs and writers.
.DESCRIPTION
    Two kinds of property, both made from what the module declares, so nothing here lists a value by hand:
    - Each remedy input (a [RemedyInput] property of RemediationOptions, declared once in its area's folder with
      its help and whether it is secret) becomes a camelCase property (hostName for -HostName) with the type and
      validation of its Invoke-CarbonHardening parameter. The resource passes it to Invoke-CarbonHardening.
    - Each writer that takes values no check's remedy takes (Set-CarbonUserStore, Set-CarbonCluster...) becomes
      one object property named after its noun (userStore, cluster; protectSecret for Protect-CarbonSecret)
      whose members are its parameters in camelCase. The resource runs that cmdlet with them; its title is the
      cmdlet's name.
    Types: strings with their pattern or set, arrays, integers with their range, switches as booleans, enums by
    name, hashtables as objects of strings; credentials as write-only objects {username, password} and secure
    strings as write-only strings, which the resource never returns.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ManifestPath
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

# The order the resource runs the writers in, where it matters: databases before the mounts and stores that
# name them, and Secure Vault last, so that it protects the passwords the others wrote. Others follow by name.
$writerOrder = 'Set-CarbonDatasource', 'Set-CarbonRegistryMount', 'Set-CarbonUserStore', 'Set-CarbonCluster', 'Set-CarbonKeystore', 'Protect-CarbonSecret'
# Writers that are not a desired state: -Auto picks an offset from the host as it is now (portOffset gives the value).
$notDeclarative = 'Set-CarbonPortOffset'
$notValues = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters + 'ProductHome', 'PassThru'

function ConvertTo-CamelCase([string] $Name) { $Name.Substring(0, 1).ToLowerInvariant() + $Name.Substring(1) }

function Get-PropertySchema([System.Management.Automation.ParameterMetadata] $Parameter, [string] $Pattern) {
    $type = $Parameter.ParameterType
    $element = if ($type.IsArray) { $type.GetElementType() } elseif ([Nullable]::GetUnderlyingType($type)) { [Nullable]::GetUnderlyingType($type) } else { $type }
    if ($element -eq [pscredential]) {
        return [ordered]@{
            type = 'object'; required = @('username', 'password'); additionalProperties = $false; writeOnly = $true
            properties = [ordered]@{ username = @{ type = 'string'; minLength = 1 }; password = @{ type = 'string'; minLength = 1 } }
        }
    }
    if ($element -eq [securestring]) { return [ordered]@{ type = 'string'; minLength = 1; writeOnly = $true } }
    if ($element -eq [hashtable]) { return [ordered]@{ type = 'object'; additionalProperties = @{ type = @('string', 'null') } } }
    $item = [ordered]@{}
    if ($element -eq [string]) { $item.type = 'string'; $item.minLength = 1 }
    elseif ($element -eq [int]) { $item.type = 'integer' }
    elseif ($element -eq [System.Management.Automation.SwitchParameter] -or $element -eq [bool]) { $item.type = 'boolean' }
    elseif ($element.IsEnum) { $item.type = 'string'; $item.enum = [string[]][Enum]::GetNames($element) }
    else { throw "No schema type for -$($Parameter.Name) ($type)" }
    if ($Pattern) { $item.pattern = $Pattern }
    foreach ($attribute in $Parameter.Attributes) {
        switch ($attribute) {
            { $_ -is [System.Management.Automation.ValidateSetAttribute] } { $item.enum = [string[]]$_.ValidValues }
            { $_ -is [System.Management.Automation.ValidatePatternAttribute] } { $item.pattern = $_.RegexPattern }
            { $_ -is [System.Management.Automation.ValidateRangeAttribute] } { $item.minimum = $_.MinRange; $item.maximum = $_.MaxRange }
        }
    }
    if ($type.IsArray) { return [ordered]@{ type = 'array'; items = $item; minItems = 1 } }
    $item
}

function Get-ParameterHelp([string] $Command, [string] $Name) {
    $text = (Get-Help $Command -Parameter $Name -ErrorAction SilentlyContinue).Description.Text -join ' '
    if (-not $text) { throw "$Command has no help for -$Name" }
    ($text -replace '\s+', ' ').Trim()
}

$manifest = Get-Content -Raw $ManifestPath | ConvertFrom-Json -AsHashtable
$properties = $manifest.schema.embedded.properties
$hardening = Get-Command Invoke-CarbonHardening
$inputs = [CarbonOps.Changes.RemedyInputs]::All
foreach ($declared in $inputs) {
    $schema = Get-PropertySchema $hardening.Parameters[$declared.Name] $declared.Pattern
    if ($declared.Secret -and -not $schema.writeOnly) { throw "-$($declared.Name) is secret but neither a credential nor a secure string." }
    $properties[(ConvertTo-CamelCase $declared.Name)] = [ordered]@{ title = $declared.Name; description = "$($declared.CheckId): $($declared.Help)" } + $schema
}

$writers = Get-Command -Module CarbonOps -CommandType Cmdlet |
    Where-Object { $_.ImplementingType.IsSubclassOf([CarbonOps.Commands.HomeChangeCmdlet]) -and $_.Name -notin $notDeclarative } |
    Where-Object { $command = $_; @($command.Parameters.Keys | Where-Object { $_ -notin $notValues -and $_ -notin $inputs.Name }).Count -gt 0 } |
    Sort-Object { $i = [array]::IndexOf($writerOrder, $_.Name); if ($i -lt 0) { 1000 } else { $i } }, Name
foreach ($writer in $writers) {
    $group = [ordered]@{ title = $writer.Name; description = "$($writer.Name): $((Get-Help $writer.Name).Synopsis)"; type = 'object'; additionalProperties = $false; properties = [ordered]@{} }
    $required = @()
    foreach ($parameter in $writer.Parameters.Values | Where-Object { $_.Name -notin $notValues }) {
        $declared = $inputs | Where-Object Name -eq $parameter.Name
        $schema = Get-PropertySchema $parameter $(if ($declared) { $declared.Pattern })
        $name = ConvertTo-CamelCase $parameter.Name
        $group.properties[$name] = [ordered]@{ title = $parameter.Name; description = (Get-ParameterHelp $writer.Name $parameter.Name) } + $schema
        $sets = @($parameter.ParameterSets.Values)
        # Mandatory in every parameter set; a secret is left out, since the state the resource returns never has it.
        if (-not $schema.writeOnly -and $sets.Count -eq @($writer.ParameterSets).Count -and @($sets | Where-Object { -not $_.IsMandatory }).Count -eq 0) { $required += $name }
    }
    if ($required) { $group.required = $required }
    $key = if ($writer.Verb -eq 'Set') { ConvertTo-CamelCase ($writer.Noun -replace '^Carbon', '') } else { ConvertTo-CamelCase ($writer.Verb + ($writer.Noun -replace '^Carbon', '')) }
    if ($properties.Contains($key)) { throw "$($writer.Name)'s property '$key' is taken already." }
    $properties[$key] = $group
}
$manifest | ConvertTo-Json -Depth 20 | Set-Content -Path $ManifestPath
