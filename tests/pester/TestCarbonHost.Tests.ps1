# Test-CarbonHost's host checks against this real machine, through the built module.

BeforeDiscovery {
    # The machine's own java, if it has one that runs.
    $script:RealJava = $false
    if (Get-Command java -CommandType Application -ErrorAction Ignore) {
        try { $null = & java -version 2>&1; $script:RealJava = $LASTEXITCODE -eq 0 } catch { $script:RealJava = $false }
    }
}

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    Import-Module $ModulePath -Force
    $script:SampleHome = Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1'
    $script:Jdks = Join-Path $PSScriptRoot '../CarbonOps.Tests/fixtures/jdks'
    $script:HostCheckIds = (Get-CarbonCheck | Where-Object Scope -eq Host).Id
}

Describe 'Test-CarbonHost on this machine' {
    It 'returns every host check once, none of them an Error' {
        $results = Test-CarbonHost
        ($results.CheckId | Sort-Object) | Should -Be ($HostCheckIds | Sort-Object)
        $results | Where-Object Outcome -eq Error | Should -BeNullOrEmpty
    }

    It 'reports the memory /proc/meminfo holds' -Skip:(-not $IsLinux) {
        $kb = [long]((Select-String -Path /proc/meminfo -Pattern '^MemTotal:\s+(\d+)').Matches[0].Groups[1].Value)
        $memory = Test-CarbonHost -CheckId Host.Memory
        $memory.Actual | Should -Be ('{0:0.0} GB' -f ($kb / 1MB)).Replace(',', '.')
    }

    It 'raises memory, disk and CPU expectations for a virtual machine with three instances' {
        $vm = Test-CarbonHost -Profile VirtualMachine -InstanceCount 3 -CheckId Host.Memory, Host.Disk, Host.Cpu
        ($vm | Where-Object CheckId -eq Host.Memory).Expected | Should -BeLike '8 GB (2 GB for the OS + 2 GB x 3 instances)'
        ($vm | Where-Object CheckId -eq Host.Disk).Expected | Should -BeLike '30 GB free on *'
        ($vm | Where-Object CheckId -eq Host.Cpu).Expected | Should -BeLike '4 compute units*'
    }

    It 'measures the disk of the product home given' {
        $disk = Get-CarbonInstance $SampleHome | Test-CarbonHost -CheckId Host.Disk
        $disk.Expected | Should -BeLike '10 GB free on * (10 GB x 1 instance)'
        $disk.ProductHome | Should -BeNullOrEmpty
    }

    It 'judges a fixture JDK named by -JavaHome' -Skip:$IsWindows {
        $java = Test-CarbonHost -JavaHome (Join-Path $Jdks 'oracle-jdk1.8.0_202') -Category Java
        ($java | Where-Object CheckId -eq Java.Version).Outcome | Should -Be Fail
        ($java | Where-Object CheckId -eq Java.Version).Message | Should -BeLike '*not supported by Carbon 4.2.0*'
        ($java | Where-Object CheckId -eq Java.Vendor).Outcome | Should -Be Pass
    }

    It 'reads JAVA_HOME from the session environment' -Skip:$IsWindows {
        $saved = $env:JAVA_HOME
        try {
            $env:JAVA_HOME = Join-Path $Jdks 'openjdk-1.7.0'
            $java = Test-CarbonHost -CheckId Java.Version, Java.Vendor, Java.Home
            ($java | Where-Object CheckId -eq Java.Version).Outcome | Should -Be Pass
            ($java | Where-Object CheckId -eq Java.Vendor).Outcome | Should -Be Fail   # the guide: OpenJDK is not recommended or supported
            ($java | Where-Object CheckId -eq Java.Home).Target | Should -Be (Join-Path $Jdks 'openjdk-1.7.0' | Resolve-Path).ProviderPath
        } finally {
            $env:JAVA_HOME = $saved
        }
    }

    It 'turns a JAVA_HOME that does not exist into Error results, not errors' {
        $missing = Join-Path $TestDrive 'no-jdk'
        $err = $null
        $java = Test-CarbonHost -JavaHome $missing -CheckId Java.* -ErrorVariable err
        $err | Should -BeNullOrEmpty
        ($java | Where-Object CheckId -eq Java.Version).Outcome | Should -Be Error
        ($java | Where-Object CheckId -eq Java.Version).Message | Should -BeLike "*$missing*does not exist*"
    }

    It 'fails the machine''s own java when it is newer than 1.7' -Skip:(-not $RealJava) {
        $banner = (& java -version 2>&1 | Out-String)
        $version = [regex]::Match($banner, 'version "([^"]+)"').Groups[1].Value
        $real = (Get-Item (Get-Command java).Source).ResolvedTarget
        if (-not $real) { $real = (Get-Command java).Source }
        while ((Get-Item $real).LinkTarget) { $real = (Get-Item $real).ResolvedTarget }
        $javaHome = Split-Path (Split-Path $real)
        $result = Test-CarbonHost -JavaHome $javaHome -CheckId Java.Version
        $result.Actual | Should -BeLike "$version (*"
        if ($version -notlike '1.*') {
            $result.Outcome | Should -Be Fail
            $result.Message | Should -Be "Java $version is not supported by Carbon 4.2.0, which runs on JDK 1.6 and 1.7 only."
        }
    }

    It 'ships a reference page for every check where ReferencePage says' {
        $checks = Get-CarbonCheck
        $missing = $checks | Where-Object { -not (Test-Path -LiteralPath $_.ReferencePage) }
        $missing.Id | Should -BeNullOrEmpty
        (Get-Content -Raw (Get-CarbonCheck Host.Firewall).ReferencePage) | Should -Match '(?m)^# Host\.Firewall$'
        ((Get-CarbonCheck Host.Firewall | Format-Table | Out-String -Width 250) -split "`n" | Select-String 'checks/Host.Firewall.md') | Should -Not -BeNullOrEmpty
        # As it comes back through remoting: the Deserialized twin of the view shows the page too.
        $remote = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-CarbonCheck Host.Firewall)))
        $remote.PSObject.TypeNames[0] | Should -Be 'Deserialized.CarbonOps.CheckInfo'
        ($remote | Format-Table | Out-String -Width 250) | Should -Match 'checks/Host\.Firewall\.md'
    }

    It 'ships a reference page for every Test-CarbonCluster rule where its results say' {
        # The homes are only read: the sample twice is a cluster of two nodes with the stock settings.
        $results = Test-CarbonCluster -ProductHome $SampleHome, $SampleHome
        ($results.CheckId | Select-Object -Unique) | Should -Be ([CarbonOps.Checks.Cluster.ClusterRules]::Ids)
        foreach ($result in $results) {
            (Get-Content -Raw -LiteralPath $result.ReferencePage) | Should -Match "(?m)^# $([regex]::Escape($result.CheckId))`$"
        }
    }

    It 'lists the new checks in the catalogue' {
        $ids = (Get-CarbonCheck).Id
        foreach ($id in 'Host.Cpu', 'Host.Disk', 'Host.ConfigValidation', 'Host.HostnameResolves', 'Java.Home', 'Java.OnPath',
                 'Java.Version', 'Java.Vendor', 'Java.JcePolicy', 'Java.Snappy', 'Os.Distribution', 'Apps.Ant', 'Apps.ActiveMqClient',
                 'Apps.Maven', 'Apps.Svn', 'Host.Firewall', 'Host.SecurityUpdates', 'Host.ListeningServices') {
            $ids | Should -Contain $id
        }
    }
}
