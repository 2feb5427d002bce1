# Pester tests of the built module, imported the way a user imports it.
# build.ps1 sets CARBONOPS_MODULE to out/CarbonOps/CarbonOps.psd1.

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    Import-Module $ModulePath -Force
    $script:SampleHome = Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1'

    function Get-TreeHash([string] $Root) {
        Get-ChildItem -Path $Root -Recurse -File -Force |
            Where-Object { $_.FullName -notlike "*$([IO.Path]::DirectorySeparatorChar).carbonops$([IO.Path]::DirectorySeparatorChar)*" } |
            Sort-Object FullName |
            ForEach-Object { "$($_.FullName.Substring($Root.Length)):$((Get-FileHash -Algorithm SHA256 $_.FullName).Hash)" } |
            Join-String -Separator "`n"
    }

    function New-SampleCopy {
        $target = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Copy-Item -Path $SampleHome -Destination $target -Recurse
        (Resolve-Path $target).ProviderPath
    }
}

Describe 'The module' {
    It 'exports exactly the cmdlets its manifest lists' {
        $manifest = Import-PowerShellDataFile $ModulePath
        $exported = (Get-Command -Module CarbonOps -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        Get-Command -Module CarbonOps -CommandType Cmdlet | ForEach-Object { $approved | Should -Contain $_.Verb }
    }

    It 'declares Desktop and Core editions and PowerShell 5.1' {
        $manifest = Import-PowerShellDataFile $ModulePath
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
    }

    It 'has the manifest version stamped into the assembly' {
        $manifest = Import-PowerShellDataFile $ModulePath
        $assembly = [CarbonOps.CheckResult].Assembly.GetName().Version
        "$($assembly.Major).$($assembly.Minor).$($assembly.Build)" | Should -Be $manifest.ModuleVersion
    }
}

Describe 'Get-CarbonInstance' {
    It 'reads the sample home' {
        $instance = Get-CarbonInstance $SampleHome
        $instance.ProductName | Should -Be 'WSO2 Enterprise Service Bus'
        $instance.ProductVersion | Should -Be '4.8.1'
        $instance.PSObject.TypeNames[0] | Should -Be 'CarbonOps.CarbonInstance'
    }

    It 'writes ProductHomeNotFound for a folder that is not a home' {
        $err = $null
        Get-CarbonInstance (Join-Path $TestDrive 'missing') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ProductHomeNotFound,CarbonOps.Commands.GetCarbonInstanceCommand'
    }

    It 'stops a script under -ErrorAction Stop' {
        { Get-CarbonInstance (Join-Path $TestDrive 'missing') -ErrorAction Stop } | Should -Throw -ErrorId 'ProductHomeNotFound,CarbonOps.Commands.GetCarbonInstanceCommand'
    }
}

Describe 'Test-CarbonHost and Invoke-CarbonHardening' {
    It 'formats results as a table grouped by target' {
        $text = Test-CarbonHost -ProductHome $SampleHome | Out-String -Width 200
        $text | Should -Match 'Outcome\s+Severity\s+CheckId'
        $text | Should -Match 'Database\.EmbeddedH2'
    }

    It 'formats deserialized results like local ones' {
        $local = Test-CarbonHost -ProductHome $SampleHome -CheckId Logging.Rotation
        $remote = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($local))
        $remote.PSObject.TypeNames[0] | Should -Be 'Deserialized.CarbonOps.CheckResult'
        ($remote | Out-String -Width 200) | Should -Be ($local | Out-String -Width 200)
    }

    It 'hardens, then reports AlreadyCompliant, then restores the exact bytes' {
        $home_ = New-SampleCopy
        $before = Get-TreeHash $home_
        $changes = Get-CarbonInstance $home_ | Test-CarbonHost | Where-Object Outcome -eq Fail | Invoke-CarbonHardening -Confirm:$false
        ($changes | Where-Object Status -eq Changed) | Should -Not -BeNullOrEmpty
        $hardened = Get-TreeHash $home_
        $hardened | Should -Not -Be $before

        $again = Get-CarbonInstance $home_ | Test-CarbonHost -Category Logging | Invoke-CarbonHardening -Confirm:$false
        $again.Status | Sort-Object -Unique | Should -Be 'AlreadyCompliant'
        Get-TreeHash $home_ | Should -Be $hardened

        $changes | Where-Object Status -eq Changed | Restore-CarbonConfiguration -Confirm:$false | Out-Null
        Get-TreeHash $home_ | Should -Be $before
        (Get-CarbonBackup -ProductHome $home_).Files | Should -Contain 'repository/conf/log4j.properties'
    }

    It 'changes nothing with -WhatIf' {
        $home_ = New-SampleCopy
        $before = Get-TreeHash $home_
        $result = Test-CarbonHost -ProductHome $home_ | Invoke-CarbonHardening -WhatIf
        ($result | Where-Object Status -eq WhatIf) | Should -Not -BeNullOrEmpty
        Get-TreeHash $home_ | Should -Be $before
        Test-Path (Join-Path $home_ '.carbonops') | Should -BeFalse
    }

    It 'returns a single boolean with -Quiet' {
        $answer = Test-CarbonHost -ProductHome $SampleHome -CheckId Logging.Rotation -Quiet
        $answer | Should -BeOfType [bool]
        $answer | Should -BeFalse
    }
}

Describe 'Security hardening' {
    BeforeAll {
        $script:Jdk = Join-Path $TestDrive 'jdk7'
        New-Item -ItemType Directory -Path $Jdk -Force | Out-Null
        Set-Content -Path (Join-Path $Jdk 'release') -Value 'JAVA_VERSION="1.7.0_80"'
        $script:Cred = [pscredential]::new('admin', (ConvertTo-SecureString 'Pester-Pass-42' -AsPlainText -Force))
    }

    It 'fixes the remediable failures, changes nothing the second time and restores every byte' {
        $home_ = New-SampleCopy
        $before = Get-TreeHash $home_
        $changes = Test-CarbonHost $home_ | Invoke-CarbonHardening -AdminCredential $Cred -AllowedAddress '10\.0\.0\.\d+' -HostName carbon.example.com -JavaHome $Jdk -Confirm:$false
        ($changes | Where-Object Status -eq Failed) | Should -BeNullOrEmpty
        $changes | Where-Object CheckId -eq 'Security.ConsoleAccess' | Select-Object -ExpandProperty Status | Should -Be 'Changed'
        ($changes | Out-String) | Should -Not -Match 'Pester-Pass-42'
        $hardened = Get-TreeHash $home_
        $failing = Test-CarbonHost $home_ | Where-Object { $_.Outcome -eq 'Fail' -and $_.CanRemediate }
        $failing | Should -BeNullOrEmpty

        $again = Test-CarbonHost $home_ | Invoke-CarbonHardening -AdminCredential $Cred -AllowedAddress '10\.0\.0\.\d+' -HostName carbon.example.com -JavaHome $Jdk -Confirm:$false
        ($again | Where-Object Status -eq Changed) | Should -BeNullOrEmpty
        Get-TreeHash $home_ | Should -Be $hardened

        $changes | Where-Object Status -eq Changed | Restore-CarbonConfiguration -Confirm:$false | Out-Null
        Get-TreeHash $home_ | Should -Be $before
    }

    It 'sets the host name with a Set cmdlet and -PassThru' {
        $home_ = New-SampleCopy
        $result = Get-CarbonInstance $home_ | Set-CarbonHostName -HostName carbon.example.com -PassThru
        $result.Setting | Should -Be @('HostName', 'MgtHostName')
        $result.Status | Sort-Object -Unique | Should -Be 'Changed'
        $result[0].PSObject.TypeNames[0] | Should -Be 'CarbonOps.ChangeResult'
        (Get-Content -Raw (Join-Path $home_ 'repository/conf/carbon.xml')) | Should -Match '<HostName>carbon\.example\.com</HostName>'
    }

    It 'refuses a protocol the JDK cannot speak with a stable error id' {
        $jdk6 = Join-Path $TestDrive 'jdk6'
        New-Item -ItemType Directory -Path $jdk6 -Force | Out-Null
        Set-Content -Path (Join-Path $jdk6 'release') -Value 'JAVA_VERSION="1.6.0_45"'
        { Set-CarbonTlsProtocol (New-SampleCopy) -Protocol TLSv1.2 -JavaHome $jdk6 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'TlsProtocolNotSupported,CarbonOps.Commands.SetCarbonTlsProtocolCommand'
    }

    It 'has a help source for every Set cmdlet and each of its parameters: its .md, or the declaration of a remedy input' {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $inputs = [CarbonOps.Changes.RemedyInputs]::All
        foreach ($command in Get-Command -Module CarbonOps -Verb Set | Where-Object CommandType -eq Cmdlet) {
            $help = Join-Path $PSScriptRoot "../../docs/help/$($command.Name).md"
            $help | Should -Exist
            $text = Get-Content -Raw $help
            foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
                $declared = $inputs | Where-Object { $_.Name -eq $name -and $command.Name -in $_.Cmdlets }
                if ($declared) {
                    $declared.Help | Should -Not -BeNullOrEmpty
                    $text | Should -Not -Match "(?m)^### -$name\s*$" -Because "-$name of $($command.Name) is documented where it is declared"
                }
                else {
                    $text | Should -Match "(?m)^### -$name\s*$" -Because "$($command.Name) documents -$name"
                }
            }
        }
    }
}
