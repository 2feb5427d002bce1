<#
.SYNOPSIS
    Turns docs/help/*.md into the MAML help and about topic that Get-Help reads.
.DESCRIPTION
    Reads one <Verb-Noun>.md per exported cmdlet (format: docs/help/README.md) and about_*.md, imports
    the built module to read each cmdlet's parameters (type, position, pipeline input, wildcards,
    aliases, default values), and writes <OutputPath>/CarbonOps.dll-Help.xml and about_*.help.txt.
    The help of a remedy input (a [RemedyInput] property, e.g. -HostName) comes from its declaration in the
    module, not from the .md, so it is written once. Run it in its own pwsh: it loads the built assembly.
    It warns about cmdlets without a help file and documented parameters that do not exist; the help tests
    fail on the first.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + 'UseTransaction'
$shouldProcessText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. Nothing is written.'
    Confirm = 'Prompts you for confirmation before each change.'
}

# --- markdown -------------------------------------------------------------------------------

function Split-Section {
    # Splits lines at headings of the given level: an ordered dictionary of heading -> lines.
    param([string[]] $Lines, [int] $Level)
    $prefix = ('#' * $Level) + ' '
    $sections = [ordered]@{}
    $current = $null
    $inCode = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inCode = -not $inCode }
        if (-not $inCode -and $line.StartsWith($prefix)) {
            $current = $line.Substring($prefix.Length).Trim()
            $sections[$current] = [System.Collections.Generic.List[string]]::new()
        }
        elseif ($null -ne $current) {
            $sections[$current].Add($line)
        }
    }
    $sections
}

function ConvertTo-Paragraph {
    # Blank-line separated paragraphs; a list item or a code block is a paragraph of its own.
    param([string[]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    $inCode = $false
    $flush = {
        if ($buffer.Count -gt 0) { $paragraphs.Add(($buffer -join ' ').Trim()); $buffer.Clear() }
    }
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            if ($inCode) { $paragraphs.Add(($buffer -join "`n")); $buffer.Clear(); $inCode = $false }
            else { & $flush; $inCode = $true }
            continue
        }
        if ($inCode) { $buffer.Add('    ' + $line); continue }
        if ([string]::IsNullOrWhiteSpace($line)) { & $flush; continue }
        if ($line -match '^\s*([-*]|\d+\.)\s+') { & $flush }
        $buffer.Add($line.Trim())
    }
    & $flush
    $paragraphs | Where-Object { $_ }
}

function Read-CommandHelp {
    param([string] $Path)
    $lines = Get-Content -LiteralPath $Path
    $top = Split-Section $lines 2
    $text = { param($name) if ($top.Contains($name)) { ConvertTo-Paragraph $top[$name] } }
    $examples = foreach ($entry in (Split-Section $(if ($top.Contains('EXAMPLES')) { $top['EXAMPLES'] } else { @() }) 3).GetEnumerator()) {
        $code = [System.Collections.Generic.List[string]]::new()
        $rest = [System.Collections.Generic.List[string]]::new()
        $state = 'before'
        foreach ($line in $entry.Value) {
            if ($line -match '^\s*```') { $state = if ($state -eq 'before') { 'code' } elseif ($state -eq 'code') { 'after' } else { $state }; continue }
            if ($state -eq 'code') { $code.Add($line) } elseif ($state -eq 'after') { $rest.Add($line) }
        }
        [pscustomobject]@{ Title = $entry.Key; Code = ($code -join "`n"); Remarks = @(ConvertTo-Paragraph $rest) }
    }
    $parameters = @{}
    if ($top.Contains('PARAMETERS')) {
        foreach ($entry in (Split-Section $top['PARAMETERS'] 3).GetEnumerator()) {
            $parameters[$entry.Key.TrimStart('-')] = @(ConvertTo-Paragraph $entry.Value)
        }
    }
    $typed = {
        param($name)
        if (-not $top.Contains($name)) { return @() }
        foreach ($entry in (Split-Section $top[$name] 3).GetEnumerator()) {
            [pscustomobject]@{ Type = $entry.Key; Text = @(ConvertTo-Paragraph $entry.Value) }
        }
    }
    $links = if ($top.Contains('RELATED LINKS')) {
        $top['RELATED LINKS'] | ForEach-Object { ($_ -replace '^\s*[-*]\s*', '' -replace '^\[(.*)\]\(.*\)$', '$1').Trim() } | Where-Object { $_ }
    }
    [pscustomobject]@{
        Synopsis    = @(& $text 'SYNOPSIS') -join ' '
        Description = @(& $text 'DESCRIPTION')
        Examples    = @($examples)
        Parameters  = $parameters
        Inputs      = @(& $typed 'INPUTS')
        Outputs     = @(& $typed 'OUTPUTS')
        Notes       = @(& $text 'NOTES')
        Links       = @($links)
    }
}

# --- MAML -----------------------------------------------------------------------------------

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Add-Element {
    param([System.Xml.XmlNode] $Parent, [string] $Name, [string] $Text)
    $prefix, $local = $Name.Split(':')
    $element = $Parent.OwnerDocument.CreateElement($prefix, $local, $ns[$prefix])
    if ($PSBoundParameters.ContainsKey('Text')) { $element.InnerText = $Text }
    [void]$Parent.AppendChild($element)
    $element
}

function Add-Paragraph {
    param([System.Xml.XmlNode] $Parent, [string[]] $Paragraphs)
    $description = Add-Element $Parent 'maml:description'
    foreach ($p in $Paragraphs) { [void](Add-Element $description 'maml:para' $p) }
    $description
}

function Get-TypeName([type] $Type) {
    if ($Type -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return "$($underlying.Name)" }
    $Type.Name
}

function Get-DefaultValue {
    param($Instance, [System.Management.Automation.ParameterMetadata] $Parameter)
    if ($Parameter.SwitchParameter) { return 'False' }
    if (-not $Instance) { return 'None' }
    $property = $Instance.GetType().GetProperty($Parameter.Name)
    if (-not $property) { return 'None' }
    $value = $property.GetValue($Instance)
    $type = $property.PropertyType
    if ($null -eq $value) { return 'None' }
    if ($type -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    if ($type.IsValueType -and $value -eq [Activator]::CreateInstance($type)) { return 'None' }
    "$value"
}

function Add-Parameter {
    param([System.Xml.XmlNode] $Parent, $Command, [string] $Name, $SetParameter, [string[]] $Text, [string] $Default)
    $attribute = $SetParameter
    $pipeline = @(
        if ($attribute.ValueFromPipeline) { 'ByValue' }
        if ($attribute.ValueFromPipelineByPropertyName) { 'ByPropertyName' }
    )
    $metadata = $Command.Parameters[$Name]
    $wildcards = [bool]($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $type = Get-TypeName $metadata.ParameterType
    $isSwitch = $metadata.SwitchParameter
    $p = Add-Element $Parent 'command:parameter'
    $p.SetAttribute('required', "$($attribute.IsMandatory)".ToLowerInvariant())
    $p.SetAttribute('variableLength', "$($metadata.ParameterType.IsArray)".ToLowerInvariant())
    $p.SetAttribute('globbing', "$wildcards".ToLowerInvariant())
    $p.SetAttribute('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
    $p.SetAttribute('position', $(if ($attribute.Position -ge 0) { "$($attribute.Position)" } else { 'named' }))
    $p.SetAttribute('aliases', $(if ($metadata.Aliases.Count) { $metadata.Aliases -join ', ' } else { 'none' }))
    [void](Add-Element $p 'maml:name' $Name)
    [void](Add-Paragraph $p $Text)
    if (-not $isSwitch) {
        $value = Add-Element $p 'command:parameterValue' $type
        $value.SetAttribute('required', 'true')
        $value.SetAttribute('variableLength', "$($metadata.ParameterType.IsArray)".ToLowerInvariant())
    }
    $devType = Add-Element $p 'dev:type'
    [void](Add-Element $devType 'maml:name' $type)
    [void](Add-Element $devType 'maml:uri' '')
    [void](Add-Element $p 'dev:defaultValue' $Default)
}

function New-CommandHelp {
    param([System.Xml.XmlElement] $Root, $Command, $Help)
    $c = Add-Element $Root 'command:command'
    $details = Add-Element $c 'command:details'
    [void](Add-Element $details 'command:name' $Command.Name)
    [void](Add-Element $details 'command:verb' $Command.Verb)
    [void](Add-Element $details 'command:noun' $Command.Noun)
    [void](Add-Paragraph $details @($Help.Synopsis))
    [void](Add-Paragraph $c $Help.Description)

    $instance = try { [Activator]::CreateInstance($Command.ImplementingType) } catch { $null }
    # Positional parameters first, by position, in the syntax and the parameter list: reflection puts the parameters a
    # base class declares (ProductHome of HomeCmdlet and OptionalHomeCmdlet) after the cmdlet's own.
    $byPosition = { param([int[]] $Positions) $p = @($Positions | Where-Object { $_ -ge 0 } | Sort-Object); if ($p.Count) { $p[0] } else { [int]::MaxValue } }
    $documented = @($Command.Parameters.Values | Where-Object {
            $_.Name -notin $commonParameters -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        } | Sort-Object -Stable { & $byPosition $_.ParameterSets.Values.Position } | ForEach-Object Name)
    $textOf = {
        param($name)
        $declared = $remedyInputs | Where-Object { $_.Name -eq $name -and $Command.Name -in $_.Cmdlets }
        if ($declared) {
            # A remedy input's help is declared once, with the input in its area's folder, and read from the module.
            if ($Help.Parameters.ContainsKey($name)) { throw "$($Command.Name).md documents -$name, whose help is declared with the input ([RemedyInput] in src/CarbonOps/Areas); remove it from the .md." }
            if ($Command.Name -eq 'Invoke-CarbonHardening') { return "$($declared.CheckId): $($declared.Help)" }
            return $declared.Help
        }
        if ($Help.Parameters.ContainsKey($name)) { return $Help.Parameters[$name] }
        if ($shouldProcessText.ContainsKey($name)) { return $shouldProcessText[$name] }
    }
    $syntax = Add-Element $c 'command:syntax'
    foreach ($set in $Command.ParameterSets) {
        $item = Add-Element $syntax 'command:syntaxItem'
        [void](Add-Element $item 'maml:name' $Command.Name)
        foreach ($sp in $set.Parameters | Where-Object Name -in $documented | Sort-Object -Stable { & $byPosition $_.Position }) {
            Add-Parameter $item $Command $sp.Name $sp @(& $textOf $sp.Name) (Get-DefaultValue $instance $Command.Parameters[$sp.Name])
        }
    }
    $parameters = Add-Element $c 'command:parameters'
    foreach ($name in $documented) {
        $first = $Command.ParameterSets.Parameters | Where-Object Name -eq $name | Select-Object -First 1
        Add-Parameter $parameters $Command $name $first @(& $textOf $name) (Get-DefaultValue $instance $Command.Parameters[$name])
    }
    foreach ($kind in @(@('command:inputTypes', 'command:inputType', $Help.Inputs), @('command:returnValues', 'command:returnValue', $Help.Outputs))) {
        $list = Add-Element $c $kind[0]
        foreach ($entry in $kind[2]) {
            $one = Add-Element $list $kind[1]
            $type = Add-Element $one 'dev:type'
            [void](Add-Element $type 'maml:name' $entry.Type)
            [void](Add-Paragraph $one $entry.Text)
        }
    }
    if ($Help.Notes) {
        $alerts = Add-Element $c 'maml:alertSet'
        $alert = Add-Element $alerts 'maml:alert'
        foreach ($p in $Help.Notes) { [void](Add-Element $alert 'maml:para' $p) }
    }
    $examples = Add-Element $c 'command:examples'
    foreach ($example in $Help.Examples) {
        $e = Add-Element $examples 'command:example'
        [void](Add-Element $e 'maml:title' "--------- $($example.Title) ---------")
        [void](Add-Element $e 'dev:code' $example.Code)
        $remarks = Add-Element $e 'dev:remarks'
        foreach ($p in @($example.Remarks) + '') { [void](Add-Element $remarks 'maml:para' $p) }
    }
    $links = Add-Element $c 'command:relatedLinks'
    foreach ($link in $Help.Links) {
        $nav = Add-Element $links 'maml:navigationLink'
        [void](Add-Element $nav 'maml:linkText' $link)
        [void](Add-Element $nav 'maml:uri' '')
    }
    foreach ($name in $Help.Parameters.Keys | Where-Object { $_ -notin $documented }) {
        Write-Warning "$($Command.Name).md documents -$name, which the cmdlet does not have."
    }
}

# --- about topics ---------------------------------------------------------------------------

function Format-Wrapped {
    param([string] $Text, [int] $Indent, [int] $Hanging = 0, [int] $Width = 80)
    $words = $Text -split '\s+' | Where-Object { $_ }
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    $pad = ' ' * $Indent
    foreach ($word in $words) {
        if ($line.Length -gt 0 -and ($pad.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($pad + $line)
            $pad = ' ' * ($Indent + $Hanging)
            $line = $word
        }
        else {
            $line = if ($line) { "$line $word" } else { $word }
        }
    }
    if ($line) { $lines.Add($pad + $line) }
    $lines
}

function ConvertTo-AboutText {
    param([string] $Path)
    $out = [System.Collections.Generic.List[string]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $inCode = $false
    $flush = {
        if ($paragraph.Count -eq 0) { return }
        $joined = ($paragraph -join ' ')
        if ($joined -match '^([-*]|\d+\.)\s+') {
            $marker = $Matches[0]
            Format-Wrapped ($joined.Substring($marker.Length)) 4 ($marker.Trim().Length + 1) | ForEach-Object -Begin { $first = $true } -Process {
                if ($first) { $out.Add('    ' + $marker.Trim() + ' ' + $_.TrimStart()); $first = $false } else { $out.Add($_) }
            }
        }
        else { Format-Wrapped $joined 4 | ForEach-Object { $out.Add($_) } }
        $out.Add('')
        $paragraph.Clear()
    }
    foreach ($line in Get-Content -LiteralPath $Path) {
        if ($line -match '^\s*```') {
            & $flush
            $inCode = -not $inCode
            if (-not $inCode) { $out.Add('') }
            continue
        }
        if ($inCode) { $out.Add(('        ' + $line).TrimEnd()); continue }
        if ($line -match '^# (.+)$') { & $flush; $out.Add('TOPIC'); $out.Add('    ' + $Matches[1].Trim()); $out.Add(''); continue }
        if ($line -match '^## (.+)$') { & $flush; $out.Add($Matches[1].Trim().ToUpperInvariant()); continue }
        if ($line -match '^###+ (.+)$') { & $flush; $out.Add('  ' + $Matches[1].Trim()); continue }
        if ($line -match '^\s*\|') { & $flush; $out.Add(('    ' + $line.Trim()).TrimEnd()); continue }
        if ([string]::IsNullOrWhiteSpace($line)) { & $flush; if ($out.Count -and $out[-1] -like '    |*') { $out.Add('') }; continue }
        if ($line -match '^\s*([-*]|\d+\.)\s+') { & $flush }
        $paragraph.Add($line.Trim())
    }
    & $flush
    # Inline markdown that reads badly as plain text.
    ($out -join "`n") -replace '`([^`]+)`', '$1' -replace '\*\*([^*]+)\*\*', '$1' -replace '\[([^\]]+)\]\([^)]+\)', '$1'
}

# --- main -----------------------------------------------------------------------------------

$module = Import-Module $ModulePath -PassThru -Force
$remedyInputs = [CarbonOps.Changes.RemedyInputs]::All
$cmdlets = Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name
New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null

$doc = [System.Xml.XmlDocument]::new()
[void]$doc.AppendChild($doc.CreateXmlDeclaration('1.0', 'utf-8', $null))
$root = $doc.CreateElement('helpItems', 'http://msh')
$root.SetAttribute('schema', 'maml')
foreach ($prefix in 'maml', 'command', 'dev') { $root.SetAttribute("xmlns:$prefix", $ns[$prefix]) }
[void]$doc.AppendChild($root)

$missing = @()
foreach ($command in $cmdlets) {
    $source = Join-Path $SourcePath "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $source)) { $missing += $command.Name; continue }
    New-CommandHelp $root $command (Read-CommandHelp $source)
}
foreach ($orphan in Get-ChildItem -Path $SourcePath -Filter '*-*.md' | Where-Object BaseName -notin $cmdlets.Name) {
    Write-Warning "$($orphan.Name) documents a cmdlet the module does not export."
}
if ($missing) { Write-Warning "No help source in $SourcePath for: $($missing -join ', ')." }

$dllName = [IO.Path]::GetFileName($cmdlets[0].ImplementingType.Assembly.Location)
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create((Join-Path $OutputPath "$dllName-Help.xml"), $settings)
try { $doc.Save($writer) } finally { $writer.Dispose() }

foreach ($about in Get-ChildItem -Path $SourcePath -Filter 'about_*.md') {
    $text = ConvertTo-AboutText $about.FullName
    [IO.File]::WriteAllText((Join-Path $OutputPath "$($about.BaseName).help.txt"), $text + "`n", [System.Text.UTF8Encoding]::new($false))
}
Write-Host "Help written to $OutputPath ($($cmdlets.Count - $missing.Count) of $($cmdlets.Count) cmdlets)"
