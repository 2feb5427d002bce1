# Pester tests of the port and JVM cmdlets, against the built module as a user imports it.

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
}

Describe 'The aliases the card names' {
    It 'exports Get-CarbonPorts and Set-CarbonJvmOptions as the manifest lists them' {
        $manifest = Import-PowerShellDataFile $ModulePath
        $manifest.AliasesToExport | Should -Contain 'Get-CarbonPorts'
        $manifest.AliasesToExport | Should -Contain 'Set-CarbonJvmOptions'
        (Get-Alias Get-CarbonPorts).ResolvedCommand.Name | Should -Be 'Get-CarbonPort'
        (Get-Alias Set-CarbonJvmOptions).ResolvedCommand.Name | Should -Be 'Set-CarbonJvmOption'
    }
}

Describe 'Get-CarbonPort' {
    It 'lists the sample ports in a table grouped by home' {
        $text = Get-CarbonInstance $SampleHome | Get-CarbonPorts | Out-String -Width 200
        $text | Should -Match 'Port\s+Base\s+Name'
        $text | Should -Match '9443\s+9443\s+Servlet HTTPS transport'
        $text | Should -Match '8005\*'
    }

    It 'formats deserialized ports like local ones' {
        $local = Get-CarbonPort $SampleHome
        $remote = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($local))
        $remote[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.CarbonOps.CarbonPort'
        ($remote | Out-String -Width 200) | Should -Be ($local | Out-String -Width 200)
    }

    It 'moves a home with Set-CarbonPortOffset and shows the new ports' {
        $home_ = New-SampleCopy
        $change = Set-CarbonPortOffset -ProductHome $home_ -Offset 2 -Confirm:$false
        $change.Status | Should -Be 'Changed'
        (Get-CarbonPort $home_ | Where-Object Name -eq 'Servlet HTTPS transport').Port | Should -Be 9445
        (Set-CarbonPortOffset -ProductHome $home_ -Offset 2 -Confirm:$false).Status | Should -Be 'AlreadyCompliant'
    }
}

Describe 'Get-CarbonJvmOption and Set-CarbonJvmOption' {
    It 'formats launchers as a table, deserialized too' {
        $local = Get-CarbonJvmOption $SampleHome -JavaOpts ''
        ($local | Out-String -Width 200) | Should -Match 'bin/wso2server.sh\s+256m\s+1024m\s+256m'
        $remote = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($local))
        ($remote | Out-String -Width 200) | Should -Be ($local | Out-String -Width 200)
    }

    It 'sets the guide values through the alias, then reports AlreadyCompliant' {
        $home_ = New-SampleCopy
        $first = Set-CarbonJvmOptions -ProductHome $home_ -InitialHeap 512m -MaxHeap 2048m -Confirm:$false
        @($first | Where-Object Status -eq Changed).Count | Should -Be 6
        (Get-CarbonJvmOption $home_ -JavaOpts '').MaxHeap | Sort-Object -Unique | Should -Be '2048m'
        (Set-CarbonJvmOption -ProductHome $home_ -InitialHeap 512m -MaxHeap 2048m -Confirm:$false).Status | Sort-Object -Unique | Should -Be 'AlreadyCompliant'
    }

    It 'stops on a size that does not parse' {
        { Set-CarbonJvmOption -ProductHome $SampleHome -MaxHeap 'lots' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterValueInvalid,CarbonOps.Commands.SetCarbonJvmOptionCommand'
    }
}
