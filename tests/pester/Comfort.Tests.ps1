# Everyday comfort: -ErrorAction Stop ends a script at every cmdlet's errors, colour follows PowerShell's
# OutputRendering, product homes and check ids complete with Tab, and progress shows for several homes.

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    Import-Module $ModulePath -Force
    $script:SampleHome = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1')).ProviderPath
}

Describe '-ErrorAction Stop' {
    It '<Command> throws <ErrorId>' -ForEach @(
        @{ Command = 'Get-CarbonInstance'; ErrorId = 'ProductHomeNotFound'; Script = { Get-CarbonInstance -Path (Join-Path $TestDrive 'none') -ErrorAction Stop } }
        @{ Command = 'Test-CarbonHost'; ErrorId = 'ProductHomeNotFound'; Script = { Test-CarbonHost -ProductHome (Join-Path $TestDrive 'none') -ErrorAction Stop } }
        @{ Command = 'Get-CarbonCheck'; ErrorId = 'CheckNotFound'; Script = { Get-CarbonCheck -Id No.Such.Check -ErrorAction Stop } }
        @{ Command = 'Invoke-CarbonHardening'; ErrorId = 'ProductHomeNotFound'; Script = { Invoke-CarbonHardening -ProductHome (Join-Path $TestDrive 'none') -Confirm:$false -ErrorAction Stop } }
        @{ Command = 'Get-CarbonBackup'; ErrorId = 'ProductHomeNotFound'; Script = { Get-CarbonBackup -ProductHome (Join-Path $TestDrive 'none') -ErrorAction Stop } }
        @{ Command = 'Restore-CarbonConfiguration'; ErrorId = 'BackupSetNotFound'; Script = { Restore-CarbonConfiguration -BackupPath (Join-Path $TestDrive 'none') -Confirm:$false -ErrorAction Stop } }
        @{ Command = 'Export-CarbonReport'; ErrorId = 'ReportInputEmpty'; Script = { @() | Export-CarbonReport -Path (Join-Path $TestDrive 'r.html') -ErrorAction Stop } }
    ) {
        $Script | Should -Throw -ErrorId "$ErrorId,CarbonOps.Commands.$($Command -replace '-', '')Command"
        $after = $false
        try { & $Script; $after = $true } catch { $_.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*" }
        $after | Should -BeFalse -Because 'the statement after a stopped command must not run'
    }
}

Describe 'Colour' {
    It 'marks outcomes in colour when PowerShell renders ANSI, and not when it renders plain text' {
        $results = Test-CarbonHost -ProductHome $SampleHome -CheckId Logging.Rotation
        $saved = $PSStyle.OutputRendering
        try {
            $PSStyle.OutputRendering = 'Ansi'
            ($results | Out-String -Width 200) | Should -Match ([regex]::Escape($PSStyle.Foreground.Red + 'Fail' + $PSStyle.Reset))
            $PSStyle.OutputRendering = 'PlainText'
            $plain = $results | Out-String -Width 200
            $plain | Should -Not -Match "`e\["
            $plain | Should -Match '(?m)^Fail\s+Medium\s+Logging\.Rotation'
        }
        finally { $PSStyle.OutputRendering = $saved }
    }
}

Describe 'Tab completion' {
    It 'completes product homes found on this computer' {
        $env:CARBON_HOME = $SampleHome
        try {
            $line = "Test-CarbonHost -ProductHome $($SampleHome.Substring(0, $SampleHome.Length - 3))"
            $matches_ = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $matches_.CompletionText | Should -Contain $SampleHome
            ($matches_ | Where-Object CompletionText -eq $SampleHome).ToolTip | Should -Match 'CARBON_HOME'
        }
        finally { Remove-Item env:CARBON_HOME }
    }

    It 'falls back to file paths when no found home matches' {
        New-Item -ItemType Directory -Path (Join-Path $TestDrive 'elsewhere-home') | Out-Null
        $line = "Invoke-CarbonHardening -ProductHome $(Join-Path $TestDrive 'elsewhere-h')"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain (Join-Path $TestDrive 'elsewhere-home')
    }

    It 'completes check ids on Test-CarbonHost and Invoke-CarbonHardening' {
        foreach ($command in 'Test-CarbonHost', 'Invoke-CarbonHardening') {
            $line = "$command -CheckId Logging.Aud"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'Logging.AuditRotation'
        }
    }
}

Describe 'Progress' {
    It 'reports progress when Test-CarbonHost checks more than one home' {
        $second = Join-Path $TestDrive 'second'
        Copy-Item $SampleHome $second -Recurse
        $ps = [powershell]::Create()
        try {
            [void]$ps.AddCommand('Import-Module').AddParameter('Name', $ModulePath).AddStatement().AddCommand('Test-CarbonHost').AddParameter('ProductHome', @($SampleHome, $second))
            $ps.Invoke() | Out-Null
            $records = @($ps.Streams.Progress | Where-Object Activity -eq 'Test-CarbonHost')
            $records.StatusDescription | Should -Contain $second
            $records[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }
    }

    It 'reports progress when Invoke-CarbonHardening works on more than one home' {
        $homes = foreach ($name in 'one', 'two') {
            $path = Join-Path $TestDrive "harden-$name"
            Copy-Item $SampleHome $path -Recurse
            $path
        }
        $ps = [powershell]::Create()
        try {
            [void]$ps.AddCommand('Import-Module').AddParameter('Name', $ModulePath).AddStatement().AddCommand('Invoke-CarbonHardening').AddParameter('ProductHome', $homes).AddParameter('WhatIf')
            $ps.Invoke() | Out-Null
            $records = @($ps.Streams.Progress | Where-Object Activity -eq 'Invoke-CarbonHardening')
            $records.StatusDescription | Should -Contain $homes[1]
            $records[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }
    }
}
