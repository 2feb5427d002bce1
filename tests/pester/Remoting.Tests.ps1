# PowerShell remoting over SSH, for real: the test starts its own sshd on loopback at a spare port, with its
# own config, keys and powershell subsystem, runs CarbonOps on the far side and stops sshd by its process id.

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    $script:ModulePath = (Resolve-Path $ModulePath).ProviderPath
    Import-Module $ModulePath -Force
    $script:SampleHome = Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1'

    $script:Sshd = @('/usr/sbin/sshd', (Get-Command sshd -ErrorAction SilentlyContinue).Source) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    $script:Skip = if ($IsWindows) { 'this test drives a Linux sshd' }
    elseif (-not $Sshd) { "sshd is not installed (Debian's openssh-server; .ci/run installs it)" }
    elseif ((Get-Command ssh, ssh-keygen -CommandType Application -ErrorAction SilentlyContinue | Measure-Object).Count -lt 2) { "ssh and ssh-keygen are not installed (Debian's openssh-client)" }
    if ($Skip) { return }

    $script:Dir = Join-Path ([IO.Path]::GetTempPath()) ("carbonops-sshd-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $Dir | Out-Null
    & chmod 700 $Dir
    & ssh-keygen -q -t ed25519 -N '' -f "$Dir/host_key" | Out-Null
    & ssh-keygen -q -t ed25519 -N '' -f "$Dir/client_key" -C carbonops-test | Out-Null
    Copy-Item "$Dir/client_key.pub" "$Dir/authorized_keys"

    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $script:Port = $listener.LocalEndpoint.Port
    $listener.Stop()

    # The real pwsh of this run, found now; never a path written into the project.
    $pwsh = Join-Path $PSHOME 'pwsh'
    @"
Port $Port
ListenAddress 127.0.0.1
ListenAddress 127.0.0.2
HostKey $Dir/host_key
PidFile $Dir/sshd.pid
AuthorizedKeysFile $Dir/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
Subsystem powershell $pwsh -sshs -NoLogo -NoProfile
"@ | Set-Content "$Dir/sshd_config"
    if ((id -u) -eq '0') { New-Item -ItemType Directory -Path /run/sshd -Force | Out-Null }

    $info = [System.Diagnostics.ProcessStartInfo]::new($Sshd)
    foreach ($a in '-D', '-e', '-f', "$Dir/sshd_config") { $info.ArgumentList.Add($a) }
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $script:SshdProcess = [System.Diagnostics.Process]::Start($info)
    $script:SshdLog = $SshdProcess.StandardError.ReadToEndAsync()
    $deadline = [DateTime]::UtcNow.AddSeconds(15)
    $ready = $false
    while (-not $ready -and [DateTime]::UtcNow -lt $deadline -and -not $SshdProcess.HasExited) {
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect('127.0.0.1', $Port); $ready = $true } catch { Start-Sleep -Milliseconds 100 } finally { $client.Dispose() }
    }
    if (-not $ready) {
        $log = if ($SshdProcess.HasExited) { $SshdLog.Result } else { '' }
        throw "sshd did not listen on 127.0.0.1:$Port. $log"
    }

    $script:Connection = @{
        Port        = $Port
        UserName    = [Environment]::UserName
        KeyFilePath = "$Dir/client_key"
        Options     = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' }
    }

    function New-SampleCopy {
        $target = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Copy-Item -Path $SampleHome -Destination $target -Recurse
        (Resolve-Path $target).ProviderPath
    }
}

AfterAll {
    if ($script:SshdProcess -and -not $SshdProcess.HasExited) {
        $SshdProcess.Kill()
        $SshdProcess.WaitForExit(5000) | Out-Null
    }
    if ($script:Dir -and (Test-Path $Dir)) { Remove-Item $Dir -Recurse -Force }
}

Describe 'CarbonOps over SSH remoting' {
    BeforeEach {
        if ($Skip) { Set-ItResult -Skipped -Because $Skip }
    }

    It 'returns deserialized check results that format like local ones' {
        $home_ = New-SampleCopy
        $audit = {
            Import-Module $using:ModulePath
            Test-CarbonHost -ProductHome $using:home_ -CheckId Logging.*, Database.*
        }
        $remote = Invoke-Command -HostName 127.0.0.1 @Connection -ScriptBlock $audit
        $remote.Count | Should -Be 3
        $remote | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'Deserialized.CarbonOps.CheckResult' }
        $remote.PSComputerName | Sort-Object -Unique | Should -Be '127.0.0.1'
        $local = Test-CarbonHost -ProductHome $home_ -CheckId Logging.*, Database.*
        # The same view, with the PSComputerName column PowerShell adds to remote output...
        $text = $remote | Out-String -Width 250
        $text | Should -Match "Target: $([regex]::Escape($home_))"
        $text | Should -Match '(?m)^Outcome\s+Severity\s+CheckId\s+Actual\s+Message\s+PSComputerName'
        # ...and exactly the local table when the computer name is hidden.
        $hidden = Invoke-Command -HostName 127.0.0.1 @Connection -HideComputerName -ScriptBlock $audit
        ($hidden | Out-String -Width 200) | Should -Be ($local | Out-String -Width 200)
    }

    It 'fixes the remote home when the results are sent back into Invoke-CarbonHardening' {
        $home_ = New-SampleCopy
        $log4j = Join-Path $home_ 'repository/conf/log4j.properties'
        $before = Get-FileHash $log4j
        $failed = Invoke-Command -HostName 127.0.0.1 @Connection -ScriptBlock {
            Import-Module $using:ModulePath
            Test-CarbonHost -ProductHome $using:home_ | Where-Object Outcome -eq Fail
        }
        $failed.CheckId | Should -Contain 'Logging.Rotation'
        $changes = Invoke-Command -HostName 127.0.0.1 @Connection -ArgumentList (, $failed) -ScriptBlock {
            param($Results)
            Import-Module $using:ModulePath
            # The results went out and came back: property bags, bound by property name.
            if ($Results[0].PSObject.TypeNames[0] -ne 'Deserialized.CarbonOps.CheckResult') { throw "got $($Results[0].PSObject.TypeNames[0])" }
            $Results | Invoke-CarbonHardening -Confirm:$false
        }
        $changed = ($changes | Where-Object Status -eq 'Changed').CheckId
        $changed | Should -Contain 'Logging.Rotation'
        $changed | Should -Contain 'Logging.AuditRotation'
        $changes[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.CarbonOps.ChangeResult'
        (Get-FileHash $log4j).Hash | Should -Not -Be $before.Hash
        Get-Content $log4j | Should -Contain 'log4j.appender.CARBON_LOGFILE=org.apache.log4j.RollingFileAppender'
        (Test-CarbonHost -ProductHome $home_ -CheckId Logging.*).Outcome | Sort-Object -Unique | Should -Be 'Pass'
    }

    It 'checks a cluster gathered with Get-CarbonCluster on the remote side and Test-CarbonCluster here' {
        $nodes = 1..3 | ForEach-Object { New-SampleCopy }
        $c = [pscredential]::new('carbon', (ConvertTo-SecureString 'Cluster-Db-Pa55' -AsPlainText -Force))
        $i = 0
        foreach ($h in $nodes) {
            $role = if ($i -eq 0) { 'mgt' } else { 'worker' }
            $null = Set-CarbonDatasource -ProductHome $h -Url 'jdbc:postgresql://db.example.com:5432/carbon' -Credential $c
            $null = Set-CarbonRegistryMount -ProductHome $h -DataSource jdbc/WSO2CarbonDB
            $null = Set-CarbonCluster -ProductHome $h -Domain wso2.esb.domain -MembershipScheme Wka -LocalMemberHost 127.0.0.1 -LocalMemberPort (4000 + $i) -Member 127.0.0.1:4000, 127.0.0.1:4001 -SubDomain $role
            if ($role -eq 'worker') { $null = Set-CarbonJvmOption -ProductHome $h -SystemProperty @{ workerNode = 'true' } }
            $i++
        }
        $gather = { Import-Module $using:ModulePath; Get-CarbonCluster -ProductHome $using:nodes }
        $remote = Invoke-Command -HostName 127.0.0.1 @Connection -ScriptBlock $gather
        $remote.Count | Should -Be 3
        $remote | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'Deserialized.CarbonOps.CarbonCluster' }
        ($remote | Out-String -Width 250) | Should -Match '(?m)^Domain\s+On\s+Scheme\s+Member\s+Role\s+Members\s+ProductHome'
        $results = $remote | Test-CarbonCluster
        $results.Outcome | Should -Not -Contain 'Fail'
        ($results | Where-Object Outcome -eq Pass).CheckId | Should -Contain 'Cluster.WkaMembers'
        $results.Target | Sort-Object -Unique | Should -Be 'wso2.esb.domain'

        $null = Set-CarbonCluster -ProductHome $nodes[2] -Domain other.domain
        $broken = Invoke-Command -HostName 127.0.0.1 @Connection -ScriptBlock $gather | Test-CarbonCluster
        $failed = @($broken | Where-Object Outcome -eq Fail)
        $failed.CheckId | Should -Be @('Cluster.Domain')
        $failed[0].ProductHome | Should -Be $nodes[2]
        $failed[0].Actual | Should -Match 'other\.domain'
    }

    It 'fans out over several hosts and reports each one by PSComputerName' {
        $home_ = New-SampleCopy
        # Over SSH, -ThrottleLimit goes with -Session: open the sessions, then fan out.
        $sessions = New-PSSession -HostName 127.0.0.1, 127.0.0.2 @Connection
        try {
            $results = Invoke-Command -Session $sessions -ThrottleLimit 2 -ScriptBlock {
                Import-Module $using:ModulePath
                Test-CarbonHost -ProductHome $using:home_ -CheckId Logging.Rotation
            }
        }
        finally { Remove-PSSession $sessions }
        $results.PSComputerName | Sort-Object | Should -Be @('127.0.0.1', '127.0.0.2')
        $json = Join-Path $TestDrive 'fleet.json'
        $results | Export-CarbonReport -Path $json
        $rows = Get-Content -Raw $json | ConvertFrom-Json
        $rows.PSComputerName | Sort-Object | Should -Be @('127.0.0.1', '127.0.0.2')
        $html = Join-Path $TestDrive 'fleet.html'
        $results | Export-CarbonReport -Path $html
        (Get-Content -Raw $html) | Should -Match '2 hosts, 2 product homes'
    }
}
