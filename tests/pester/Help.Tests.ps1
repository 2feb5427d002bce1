# Every exported cmdlet, and every parameter of it, has help that Get-Help shows offline.
# The cmdlets are read from the module, so a cmdlet added later without docs/help/<Verb-Noun>.md fails here.

BeforeDiscovery {
    $modulePath = $env:CARBONOPS_MODULE
    if (-not $modulePath) { $modulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    Import-Module $modulePath -Force
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + 'UseTransaction'
    $script:commands = foreach ($command in Get-Command -Module CarbonOps -CommandType Cmdlet | Sort-Object Name) {
        $parameters = $command.Parameters.Values | Where-Object {
            $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        }
        @{ Name = $command.Name; Parameters = @($parameters.Name) }
    }
}

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    Import-Module $ModulePath -Force
    $script:HelpSource = Join-Path $PSScriptRoot '../../docs/help'
}

Describe 'Help for <Name>' -ForEach $commands {
    BeforeAll {
        $script:help = Get-Help $Name -Full
        $script:source = Join-Path $HelpSource "$Name.md"
    }

    It 'has a source file in docs/help' {
        $source | Should -Exist -Because "every exported cmdlet needs docs/help/$Name.md (format: docs/help/README.md)"
    }

    It 'has a synopsis of its own' {
        # Without MAML, Get-Help makes the synopsis from the syntax.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape("$Name ["))
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))\s*$"
    }

    It 'has a description' {
        ($help.Description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example that parses and uses the cmdlet' {
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $errors = $null
            [System.Management.Automation.Language.Parser]::ParseInput($example.Code, [ref]$null, [ref]$errors) | Out-Null
            $errors | Should -BeNullOrEmpty -Because "example '$($example.Title)' must be valid PowerShell"
        }
        ($examples.Code -join "`n") | Should -Match ([regex]::Escape($Name))
    }

    It 'documents -<_>' -ForEach $Parameters {
        $parameter = $help.Parameters.Parameter | Where-Object Name -eq $_
        $parameter | Should -Not -BeNullOrEmpty -Because "-$_ must appear in the help of $Name"
        ($parameter.Description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$_ of $Name needs a description in docs/help/$Name.md"
    }

    It 'documents no parameter the cmdlet lacks' {
        $documented = Select-String -LiteralPath $source -Pattern '^### -(\w+)' | ForEach-Object { $_.Matches[0].Groups[1].Value }
        $documented | Where-Object { $_ -notin $Parameters } | Should -BeNullOrEmpty
    }
}

Describe 'Help output' {
    It 'shows synopsis, description, parameters and examples with Get-Help -Full' {
        $text = Get-Help Test-CarbonHost -Full | Out-String -Width 200
        $text | Should -Match 'SYNOPSIS\s+Checks a host and WSO2 Carbon product homes'
        $text | Should -Match 'DESCRIPTION\s+Test-CarbonHost runs the checks'
        $text | Should -Match 'PARAMETERS\s+-ProductHome <String\[\]>'
        $text | Should -Match 'Accept pipeline input\?\s+True \(ByValue, ByPropertyName\)'
        $text | Should -Match 'Example 1: Audit the sample product home'
    }

    It 'shows default values read from the cmdlet' {
        $parameter = (Get-Help Invoke-CarbonHardening -Parameter LogMaxBackupIndex)
        $parameter.DefaultValue | Should -Be '20'
    }

    It 'has the about_CarbonOps topic' {
        $text = Get-Help about_CarbonOps | Out-String
        $text | Should -Match 'LONG DESCRIPTION'
        $text | Should -Match 'Restore-CarbonConfiguration'
        $text | Should -Match 'WaiverPath'
    }
}
