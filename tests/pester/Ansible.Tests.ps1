# The sample playbook (samples/ansible/carbonops.yml) against localhost, for real: --check writes nothing,
# the first run changes the home, the second run changes nothing, and the recap says so each time.

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    $script:ModulePath = (Resolve-Path $ModulePath).ProviderPath
    $script:Playbook = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/ansible/carbonops.yml')).ProviderPath
    $script:SampleHome = Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1'
    $script:AnsiblePlaybook = (Get-Command ansible-playbook -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
    $script:Skip = if (-not $AnsiblePlaybook) { "ansible-playbook is not installed (Debian's ansible-core; .ci/run installs it)" }

    function Get-TreeHash([string] $Root) {
        Get-ChildItem -Path $Root -Recurse -File -Force | Sort-Object FullName |
            ForEach-Object { "$($_.FullName.Substring($Root.Length)):$((Get-FileHash -Algorithm SHA256 $_.FullName).Hash)" } |
            Join-String -Separator "`n"
    }

    # Runs the playbook on localhost with its own ansible home; returns the exit code, the output and the recap line.
    function Invoke-Playbook([string] $ProductHome, [string[]] $Extra) {
        $work = Join-Path $TestDrive 'ansible'
        New-Item -ItemType Directory -Path $work -Force | Out-Null
        $vars = Join-Path $work 'vars.json'
        @{ carbon_homes = @($ProductHome); carbonops_pwsh = (Join-Path $PSHOME 'pwsh'); carbonops_module = $ModulePath } | ConvertTo-Json | Set-Content $vars
        $environment = @{
            LC_ALL = 'C.UTF-8'; ANSIBLE_HOME = $work; ANSIBLE_LOCAL_TEMP = "$work/tmp"; ANSIBLE_NOCOLOR = '1'
            ANSIBLE_PYTHON_INTERPRETER = 'auto_silent'; ANSIBLE_RETRY_FILES_ENABLED = 'false'
        }
        $saved = @{}
        foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
        try {
            $output = & $AnsiblePlaybook -i 'localhost,' -c local $Playbook -e "@$vars" @Extra 2>&1 | Out-String
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
        $recap = ($output -split "`n" | Where-Object { $_ -match '^localhost\s+:\s+ok=' } | Select-Object -Last 1)
        [pscustomobject]@{
            ExitCode = $LASTEXITCODE
            Output   = $output
            Recap    = "$recap".Trim()
            Changed  = if ($recap -match 'changed=(\d+)') { [int]$Matches[1] } else { -1 }
            Failed   = if ($recap -match 'failed=(\d+)') { [int]$Matches[1] } else { -1 }
        }
    }
}

Describe 'The Ansible playbook' {
    BeforeEach {
        if ($Skip) { Set-ItResult -Skipped -Because $Skip }
    }

    It 'previews with --check, hardens once, then reports changed=0' {
        $home_ = Join-Path $TestDrive 'wso2esb-4.8.1'
        Copy-Item -Path $SampleHome -Destination $home_ -Recurse
        $original = Get-TreeHash $home_

        $check = Invoke-Playbook $home_ @('--check')
        $check.ExitCode | Should -Be 0 -Because $check.Output
        $check.Changed | Should -BeGreaterThan 0 -Because 'check mode says what would change'
        Get-TreeHash $home_ | Should -Be $original -Because '--check writes nothing'
        Test-Path (Join-Path $home_ '.carbonops') | Should -BeFalse

        $first = Invoke-Playbook $home_ @()
        $first.ExitCode | Should -Be 0 -Because $first.Output
        ($first.Changed, $first.Failed) | Should -Be @(1, 0) -Because $first.Recap
        $hardened = Get-TreeHash $home_
        $hardened | Should -Not -Be $original
        Get-Content (Join-Path $home_ 'repository/conf/log4j.properties') | Should -Contain 'log4j.appender.CARBON_LOGFILE=org.apache.log4j.RollingFileAppender'

        $second = Invoke-Playbook $home_ @()
        $second.ExitCode | Should -Be 0 -Because $second.Output
        ($second.Changed, $second.Failed) | Should -Be @(0, 0) -Because $second.Recap
        Get-TreeHash $home_ | Should -Be $hardened

        Write-Host "ansible --check: $($check.Recap)"
        Write-Host "ansible first:   $($first.Recap)"
        Write-Host "ansible second:  $($second.Recap)"
    }

    It 'fails the task, saying why, for a folder that is not a product home' {
        $result = Invoke-Playbook (Join-Path $TestDrive 'not-a-home') @()
        $result.ExitCode | Should -Not -Be 0
        $result.Failed | Should -Be 1
        $result.Output | Should -Match 'ProductHomeNotFound'
    }
}
