# Contract tests of the DSC v3 command resource CarbonOps/Hardening (module/CarbonOps.dsc.resource.json).
# The dsc CLI is not available here, so each test does what dsc does: run the manifest's executable and args
# with the instance as compressed JSON on stdin, read JSON Lines from stdout, and validate every state
# against the manifest's embedded schema.

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    $script:ModuleBase = Split-Path (Resolve-Path $ModulePath).ProviderPath
    $script:Manifest = Get-Content -Raw (Join-Path $ModuleBase 'CarbonOps.dsc.resource.json') | ConvertFrom-Json -AsHashtable
    $script:InstanceSchema = $Manifest.schema.embedded | ConvertTo-Json -Depth 20
    $script:SampleHome = Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1'

    function New-SampleCopy {
        $target = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Copy-Item -Path $SampleHome -Destination $target -Recurse
        (Resolve-Path $target).ProviderPath
    }

    function Get-TreeHash([string] $Root) {
        Get-ChildItem -Path $Root -Recurse -File -Force | Sort-Object FullName |
            ForEach-Object { "$($_.FullName.Substring($Root.Length)):$((Get-FileHash -Algorithm SHA256 $_.FullName).Hash)" } |
            Join-String -Separator "`n"
    }

    # Runs one operation of the manifest as dsc would: pwsh found on PATH, the module found on PSModulePath.
    function Invoke-Operation([string] $Operation, [hashtable] $Instance) {
        $method = $Manifest[$Operation]
        $info = [System.Diagnostics.ProcessStartInfo]::new($method.executable)
        foreach ($arg in $method.args) { $info.ArgumentList.Add($arg) }
        $info.RedirectStandardInput = $true
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $info.Environment['PATH'] = $PSHOME + [IO.Path]::PathSeparator + $env:PATH
        $info.Environment['PSModulePath'] = Split-Path $ModuleBase
        $process = [System.Diagnostics.Process]::Start($info)
        $process.StandardInput.Write(($Instance | ConvertTo-Json -Compress -Depth 5))
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill(); throw "$Operation did not finish in 120 s" }
        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Lines    = @($stdout.Result -split "`r?`n" | Where-Object { $_ })
            Error    = $stderr.Result
        }
    }

    function Assert-State([string] $Line) {
        Test-Json -Json $Line -Schema $InstanceSchema -ErrorAction SilentlyContinue | Should -BeTrue -Because "the state must match the embedded schema: $Line"
        $Line | ConvertFrom-Json -AsHashtable
    }
}

Describe 'The CarbonOps/Hardening manifest' {
    It 'names the resource, the module version and the manifest schema' {
        $Manifest.type | Should -Be 'CarbonOps/Hardening'
        $Manifest.version | Should -Be (Import-PowerShellDataFile (Join-Path $ModuleBase 'CarbonOps.psd1')).ModuleVersion
        $Manifest.'$schema' | Should -Be 'https://raw.githubusercontent.com/PowerShell/DSC/main/schemas/v3/bundled/resource/manifest.json'
        Split-Path -Leaf $ModuleBase | Should -Be 'CarbonOps'
    }

    It 'runs pwsh with JSON on stdin for get, test, set and whatIf' {
        foreach ($operation in 'get', 'test', 'set', 'whatIf') {
            $Manifest[$operation].executable | Should -Be 'pwsh'
            $Manifest[$operation].input | Should -Be 'stdin'
            ($Manifest[$operation].args -join ' ') | Should -Match "-Operation $operation; exit \`$LASTEXITCODE$"
        }
        $Manifest.test.return | Should -Be 'state'
        $Manifest.set.return | Should -Be 'stateAndDiff'
        $Manifest.set.implementsPretest | Should -BeTrue
        $Manifest.whatIf.return | Should -Be 'stateAndDiff'
    }

    It 'embeds a schema that takes the product home, check ids and remedy values, and refuses the rest' {
        $good = @{ productHome = '/opt/wso2esb-4.8.1'; checkId = @('Logging.*'); logMaxFileSize = '50MB'; logMaxBackupIndex = 10 } | ConvertTo-Json
        Test-Json -Json $good -Schema $InstanceSchema | Should -BeTrue
        foreach ($bad in @(
                @{ checkId = @('Logging.*') },
                @{ productHome = '/x'; logMaxFileSize = '50 megabytes' },
                @{ productHome = '/x'; logMaxBackupIndex = 0 },
                @{ productHome = '/x'; password = 'secret' })) {
            Test-Json -Json ($bad | ConvertTo-Json) -Schema $InstanceSchema -ErrorAction SilentlyContinue | Should -BeFalse -Because ($bad | ConvertTo-Json -Compress)
        }
        $Manifest.schema.embedded.properties._inDesiredState.readOnly | Should -BeTrue
    }
}

Describe 'The CarbonOps/Hardening operations' {
    It 'gets and tests a stock home as out of the desired state' {
        $home_ = New-SampleCopy
        $get = Invoke-Operation 'get' @{ productHome = $home_ }
        $get.ExitCode | Should -Be 0 -Because $get.Error
        $get.Lines.Count | Should -Be 1
        $state = Assert-State $get.Lines[0]
        $state.productHome | Should -Be $home_
        $state.failingChecks | Should -Contain 'Logging.Rotation'
        $state.unfixableChecks | Should -Contain 'Database.EmbeddedH2'

        $test = Invoke-Operation 'test' @{ productHome = $home_; checkId = @('Logging.*') }
        $test.ExitCode | Should -Be 0 -Because $test.Error
        $tested = Assert-State $test.Lines[0]
        $tested._inDesiredState | Should -BeFalse
        $tested.failingChecks | Should -Be @('Logging.AuditRotation', 'Logging.Rotation')
    }

    It 'previews with whatIf and writes nothing' {
        $home_ = New-SampleCopy
        $before = Get-TreeHash $home_
        $whatIf = Invoke-Operation 'whatIf' @{ productHome = $home_; checkId = @('Logging.*') }
        $whatIf.ExitCode | Should -Be 0 -Because $whatIf.Error
        $whatIf.Lines.Count | Should -Be 2 -Because 'stateAndDiff is a state line and a diff line'
        $state = Assert-State $whatIf.Lines[0]
        $state.failingChecks | Should -BeNullOrEmpty
        $state.changes.status | Sort-Object -Unique | Should -Be 'WhatIf'
        ConvertFrom-Json $whatIf.Lines[1] -NoEnumerate | Should -Be @('failingChecks')
        Get-TreeHash $home_ | Should -Be $before
    }

    It 'sets the desired state, returns state and diff, and a second set changes nothing' {
        $home_ = New-SampleCopy
        $set = Invoke-Operation 'set' @{ productHome = $home_; checkId = @('Logging.*'); logMaxFileSize = '50MB'; logMaxBackupIndex = 7 }
        $set.ExitCode | Should -Be 0 -Because $set.Error
        $set.Lines.Count | Should -Be 2
        $state = Assert-State $set.Lines[0]
        $state.failingChecks | Should -BeNullOrEmpty
        ($state.changes | Where-Object status -eq 'Changed').checkId | Sort-Object -Unique | Should -Be @('Logging.AuditRotation', 'Logging.Rotation')
        ConvertFrom-Json $set.Lines[1] -NoEnumerate | Should -Be @('failingChecks')
        Get-Content (Join-Path $home_ 'repository/conf/log4j.properties') | Should -Contain 'log4j.appender.CARBON_LOGFILE.MaxFileSize=50MB'
        $hardened = Get-TreeHash $home_

        $again = Invoke-Operation 'set' @{ productHome = $home_; checkId = @('Logging.*') }
        $again.ExitCode | Should -Be 0 -Because $again.Error
        (Assert-State $again.Lines[0]).changes | Should -BeNullOrEmpty
        $again.Lines[1] | Should -Be '[]'
        Get-TreeHash $home_ | Should -Be $hardened

        (Assert-State (Invoke-Operation 'test' @{ productHome = $home_; checkId = @('Logging.*') }).Lines[0])._inDesiredState | Should -BeTrue
    }

    It 'fails with exit code 2 for input that is not an instance, and 1 for a folder that is not a home' {
        $missing = Invoke-Operation 'get' @{ checkId = @('Logging.*') }
        $missing.ExitCode | Should -Be 2
        $missing.Lines | Should -BeNullOrEmpty
        ($missing.Error | ConvertFrom-Json).error | Should -Match 'productHome'

        $notHome = Invoke-Operation 'test' @{ productHome = (Join-Path $TestDrive 'nothing-here') }
        $notHome.ExitCode | Should -Be 1
        ($notHome.Error | ConvertFrom-Json).error | Should -Match '^ProductHomeNotFound'
    }
}

Describe 'The CarbonOps/Hardening remedy values' {
    It 'has a camelCase property for every value a remedy takes, with its parameter''s validation' {
        $properties = $Manifest.schema.embedded.properties
        foreach ($name in 'hostName', 'mgtHostName', 'allowedAddress', 'consoleScope', 'javaHome', 'tlsProtocol', 'initialHeap', 'maxHeap', 'maxPermSize', 'logMaxFileSize', 'logMaxBackupIndex', 'serverHeader', 'disableJmx', 'adminCredential') {
            $properties.Keys | Should -Contain $name
            $properties[$name].description | Should -Not -BeNullOrEmpty
        }
        $properties.tlsProtocol.items.enum | Should -Contain 'TLSv1.2'
        $properties.adminCredential.writeOnly | Should -BeTrue
        Test-Json -Json (@{ productHome = '/x'; tlsProtocol = @('SSLv3') } | ConvertTo-Json) -Schema $InstanceSchema -ErrorAction SilentlyContinue | Should -BeFalse
        Test-Json -Json (@{ productHome = '/x'; maxHeap = 'lots' } | ConvertTo-Json) -Schema $InstanceSchema -ErrorAction SilentlyContinue | Should -BeFalse
        Test-Json -Json (@{ productHome = '/x'; hostName = 'esb.example.com'; allowedAddress = @('10.0.0.1') } | ConvertTo-Json) -Schema $InstanceSchema | Should -BeTrue
    }

    It 'sets hostName and allowedAddress so that Carbon.HostName and Security.ConsoleAccess pass, and is then in the desired state' {
        $home_ = New-SampleCopy
        $instance = @{ productHome = $home_; checkId = @('Carbon.HostName', 'Security.ConsoleAccess'); hostName = 'esb.example.com'; allowedAddress = @('10.0.0.5') }
        $before = Invoke-Operation 'test' $instance
        (Assert-State $before.Lines[0])._inDesiredState | Should -BeFalse

        $set = Invoke-Operation 'set' $instance
        $set.ExitCode | Should -Be 0 -Because $set.Error
        $state = Assert-State $set.Lines[0]
        $state.failingChecks | Should -BeNullOrEmpty
        $state.hostName | Should -Be 'esb.example.com'
        ($state.changes | Where-Object status -eq 'Changed').checkId | Sort-Object -Unique | Should -Be @('Carbon.HostName', 'Security.ConsoleAccess')
        Import-Module $ModulePath
        $results = Test-CarbonHost -ProductHome $home_ -CheckId Carbon.HostName, Security.ConsoleAccess
        $results | ForEach-Object { $_.Outcome | Should -Be 'Pass' -Because "$($_.CheckId): $($_.Message)" }
        @($results).Count | Should -Be 2

        $test = Invoke-Operation 'test' $instance
        $test.ExitCode | Should -Be 0 -Because $test.Error
        (Assert-State $test.Lines[0])._inDesiredState | Should -BeTrue
    }

    It 'previews hostName and allowedAddress with whatIf and writes nothing' {
        $home_ = New-SampleCopy
        $before = Get-TreeHash $home_
        $whatIf = Invoke-Operation 'whatIf' @{ productHome = $home_; checkId = @('Carbon.HostName', 'Security.ConsoleAccess'); hostName = 'esb.example.com'; allowedAddress = @('10.0.0.5') }
        $whatIf.ExitCode | Should -Be 0 -Because $whatIf.Error
        $state = Assert-State $whatIf.Lines[0]
        $state.changes.status | Sort-Object -Unique | Should -Be 'WhatIf'
        $state.changes.checkId | Sort-Object -Unique | Should -Be @('Carbon.HostName', 'Security.ConsoleAccess')
        Get-TreeHash $home_ | Should -Be $before
    }

    It 'sets portOffset when a port of the home is held by another process, so that Network.PortConflict passes' {
        $home_ = New-SampleCopy
        # The sample's HTTPS port at offset 0. If something else holds it already, the clash is there all the same.
        $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 9443)
        try { $listener.Start() } catch { $listener = $null }
        try {
            $instance = @{ productHome = $home_; checkId = @('Network.PortConflict'); portOffset = 7 }
            (Assert-State (Invoke-Operation 'test' $instance).Lines[0])._inDesiredState | Should -BeFalse
            $set = Invoke-Operation 'set' $instance
            $set.ExitCode | Should -Be 0 -Because $set.Error
            $state = Assert-State $set.Lines[0]
            $state.failingChecks | Should -BeNullOrEmpty
            ($state.changes | Where-Object status -eq 'Changed').checkId | Should -Be 'Network.PortConflict'
            Get-Content -Raw (Join-Path $home_ 'repository/conf/carbon.xml') | Should -Match '<Offset>7</Offset>'
            (Assert-State (Invoke-Operation 'test' $instance).Lines[0])._inDesiredState | Should -BeTrue
        }
        finally { if ($listener) { $listener.Stop() } }
    }

    It 'runs a writer from its property (userStore, a credential as a secure value) and is then in the desired state' {
        $home_ = New-SampleCopy
        $password = 'Dsc-Ldap-Pass-31'
        $instance = @{
            productHome = $home_; checkId = @('UserStore.Embedded')
            userStore   = @{ type = 'ReadWriteLdap'; connectionUrl = 'ldap://ldap.example.com:389'; userSearchBase = 'ou=Users,dc=example,dc=com'
                credential = @{ secureObject = @{ username = 'uid=admin,ou=system'; password = $password } } }
        }
        $before = Get-TreeHash $home_
        $test = Invoke-Operation 'test' $instance
        $test.ExitCode | Should -Be 0 -Because $test.Error
        $state = Assert-State $test.Lines[0]
        $state._inDesiredState | Should -BeFalse
        $state.pendingWriters | Should -Be 'userStore'

        $whatIf = Invoke-Operation 'whatIf' $instance
        $whatIf.ExitCode | Should -Be 0 -Because $whatIf.Error
        (Assert-State $whatIf.Lines[0]).changes.status | Sort-Object -Unique | Should -Be 'WhatIf'
        Get-TreeHash $home_ | Should -Be $before

        $set = Invoke-Operation 'set' $instance
        $set.ExitCode | Should -Be 0 -Because $set.Error
        $state = Assert-State $set.Lines[0]
        $state.pendingWriters | Should -BeNullOrEmpty
        $state.userStore.connectionUrl | Should -Be 'ldap://ldap.example.com:389'
        $state.userStore.Keys | Should -Not -Contain 'credential'
        ($set.Lines -join "`n") + $set.Error + ($test.Lines -join "`n") | Should -Not -Match $password
        Get-Content -Raw (Join-Path $home_ 'repository/conf/user-mgt.xml') | Should -Match 'ldap://ldap\.example\.com:389'

        $again = Invoke-Operation 'test' $instance
        (Assert-State $again.Lines[0])._inDesiredState | Should -BeTrue
    }

    It 'has an object property for each writer, with the writer''s parameters in camelCase' {
        $properties = $Manifest.schema.embedded.properties
        foreach ($writer in @{ userStore = 'Set-CarbonUserStore'; cluster = 'Set-CarbonCluster'; registryMount = 'Set-CarbonRegistryMount'; datasource = 'Set-CarbonDatasource'; proxy = 'Set-CarbonProxy'; protectSecret = 'Protect-CarbonSecret' }.GetEnumerator()) {
            $properties[$writer.Key].title | Should -Be $writer.Value
            $properties[$writer.Key].type | Should -Be 'object'
        }
        $properties.userStore.required | Should -Be @('type', 'connectionUrl') -Because 'the credential is mandatory too, but the returned state never holds it'
        $properties.userStore.properties.credential.writeOnly | Should -BeTrue
        $properties.cluster.properties.Keys | Should -Contain 'membershipScheme'
        $properties.portOffset.type | Should -Be 'integer' -Because 'a remedy input is a value, Set-CarbonPortOffset -Auto no desired state'
    }

    It 'takes the admin credential as a DSC secure value and never returns it' {
        $home_ = New-SampleCopy
        $password = 'Dsc-Secret-Pass-77'
        $set = Invoke-Operation 'set' @{ productHome = $home_; checkId = @('Security.DefaultAdminPassword'); adminCredential = @{ secureObject = @{ username = 'admin'; password = $password } } }
        $set.ExitCode | Should -Be 0 -Because $set.Error
        $state = Assert-State $set.Lines[0]
        $state.failingChecks | Should -BeNullOrEmpty
        $state.Keys | Should -Not -Contain 'adminCredential'
        ($set.Lines -join "`n") + $set.Error | Should -Not -Match $password
        Get-Content -Raw (Join-Path $home_ 'repository/conf/user-mgt.xml') | Should -Match "<Password>$password</Password>"
    }
}
