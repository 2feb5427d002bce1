# Pester tests of the server, log and service-unit cmdlets, against the built module.

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    Import-Module $ModulePath -Force
    $script:SampleHome = Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1'

    function New-SampleCopy {
        $target = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Copy-Item -Path $SampleHome -Destination $target -Recurse
        (Resolve-Path $target).ProviderPath
    }

    function Write-CarbonLog([string] $Home_, [string[]] $Lines) {
        $logs = Join-Path $Home_ 'repository/logs'
        New-Item -ItemType Directory -Path $logs -Force | Out-Null
        Set-Content -Path (Join-Path $logs 'wso2carbon.log') -Value $Lines
    }
}

Describe 'Get-CarbonServer' {
    It 'reports a home that is not running as Stopped, with its last start from the log' {
        $home_ = New-SampleCopy
        Write-CarbonLog $home_ @(
            'TID: [0] [] [2014-03-04 10:15:22,431]  INFO {org.wso2.carbon.core.internal.StartupFinalizerServiceComponent} -  WSO2 Carbon started in 42 sec {org.wso2.carbon.core.internal.StartupFinalizerServiceComponent}'
            'TID: [0] [] [2014-03-04 10:16:00,000] ERROR {org.wso2.Foo} -  it broke {org.wso2.Foo}'
        )
        $server = Get-CarbonInstance $home_ | Get-CarbonServer
        $server.State | Should -Be 'Stopped'
        $server.LastStartupSeconds | Should -Be 42
        $server.ErrorsSinceStart | Should -Be 1
        $server.PSObject.TypeNames[0] | Should -Be 'CarbonOps.CarbonServer'
        ($server | Out-String -Width 200) | Should -Match 'State\s+ProcessId\s+User'
    }

    It 'formats a deserialized server like a local one' {
        $local = Get-CarbonServer $SampleHome
        $remote = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($local))
        $remote.PSObject.TypeNames[0] | Should -Be 'Deserialized.CarbonOps.CarbonServer'
        ($remote | Out-String -Width 200) | Should -Be ($local | Out-String -Width 200)
    }

    It 'stops nothing when nothing runs, without an error' {
        $home_ = New-SampleCopy
        { Stop-CarbonServer -ProductHome $home_ -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Get-CarbonLog' {
    It 'returns entries with their stack traces, and stops early under Select-Object -First' {
        $home_ = New-SampleCopy
        Write-CarbonLog $home_ @(
            'TID: [0] [] [2014-03-04 10:15:22,431]  INFO {org.wso2.A} -  one {org.wso2.A}'
            'TID: [-1234] [] [2014-03-04 10:15:23,000] ERROR {org.wso2.B} -  two {org.wso2.B}'
            'java.lang.IllegalStateException: broken'
            '	at org.wso2.B.run(B.java:7)'
            'TID: [0] [] [2014-03-04 10:15:24,000]  WARN {org.wso2.C} -  three {org.wso2.C}'
        )
        $entries = Get-CarbonLog -ProductHome $home_
        $entries.Message | Should -Be @('one', 'two', 'three')
        $entries[1].Tenant | Should -Be '-1234'
        $entries[1].StackTrace.Count | Should -Be 2
        (Get-CarbonLog -ProductHome $home_ | Select-Object -First 1).Message | Should -Be 'one'
        (Get-CarbonLog -ProductHome $home_ -Level ERROR -Tail 1).Message | Should -Be 'two'
        (Get-CarbonLog -ProductHome $home_ | Out-String -Width 200) | Should -Match 'Time\s+Level\s+Logger\s+Message'
    }

    It 'writes LogFileNotFound for a home that has no log yet' {
        $err = $null
        Get-CarbonLog -ProductHome (New-SampleCopy) -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'LogFileNotFound,CarbonOps.Commands.GetCarbonLogCommand'
    }
}

Describe 'New-CarbonServiceUnit' {
    It 'shows the unit with -WhatIf and writes nothing' -Skip:($IsWindows) {
        $home_ = New-SampleCopy
        $units = Join-Path $TestDrive 'units'
        New-Item -ItemType Directory -Path $units | Out-Null
        $unit = New-CarbonServiceUnit -ProductHome $home_ -User daemon -Path $units -JavaHome $TestDrive -WhatIf -WarningAction SilentlyContinue
        $unit.Status | Should -Be 'WhatIf'
        $unit.Content | Should -Match 'Type=forking'
        @(Get-ChildItem $units).Count | Should -Be 0
    }
}
