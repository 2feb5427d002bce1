# The .nupkg of build.ps1 -Task Package installs with PSResourceGet from a local folder repository and works
# in a fresh pwsh. Everything runs with its own HOME, so the user's repositories and modules are not touched.

BeforeAll {
    $script:PackageDir = $env:CARBONOPS_PACKAGE_DIR
    if (-not $PackageDir) { $script:PackageDir = Join-Path $PSScriptRoot '../../out/package' }
    $script:NoPackage = -not (Get-ChildItem -Path $PackageDir -Filter 'CarbonOps.*.nupkg' -ErrorAction SilentlyContinue)
    $script:Pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    $script:SampleHome = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1')).ProviderPath

    # Runs a script in a new pwsh whose HOME (and so its module path and PSResourceGet settings) is $Home_.
    function Invoke-IsolatedPwsh([string] $Home_, [string] $Script) {
        $saved = @{}
        $vars = @{ HOME = $Home_; XDG_DATA_HOME = "$Home_/.local/share"; XDG_CONFIG_HOME = "$Home_/.config"; XDG_CACHE_HOME = "$Home_/.cache"; PSModulePath = $null; NO_COLOR = '1' }
        foreach ($name in $vars.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $vars[$name]) }
        try {
            $output = & $Pwsh -NoProfile -NonInteractive -Command $Script 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }
}

Describe 'The package' {
    BeforeEach {
        if ($NoPackage) { Set-ItResult -Skipped -Because "there is no CarbonOps .nupkg in $PackageDir; build.ps1 -Task Package (or Test) makes it" }
    }

    It 'has the PowerShell Gallery layout' {
        $nupkg = Get-ChildItem $PackageDir -Filter 'CarbonOps.*.nupkg' | Select-Object -First 1
        $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../module/CarbonOps.psd1')
        $nupkg.Name | Should -Be "CarbonOps.$($manifest.ModuleVersion).nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($nupkg.FullName)
        try {
            $names = $zip.Entries.FullName
            foreach ($expected in 'CarbonOps.nuspec', 'CarbonOps.psd1', 'CarbonOps.dll', 'CarbonOps.Format.ps1xml', 'en-US/CarbonOps.dll-Help.xml', 'en-US/about_CarbonOps.help.txt', '[Content_Types].xml') {
                $names | Should -Contain $expected
            }
            $reader = [IO.StreamReader]::new(($zip.Entries | Where-Object FullName -eq 'CarbonOps.nuspec').Open())
            $nuspec = [xml]$reader.ReadToEnd()
            $reader.Dispose()
            $nuspec.package.metadata.id | Should -Be 'CarbonOps'
            $nuspec.package.metadata.version | Should -Be $manifest.ModuleVersion
            $nuspec.package.metadata.tags | Should -Match 'PSModule'
        }
        finally { $zip.Dispose() }
    }

    It 'installs with PSResourceGet from a local repository and runs in a fresh pwsh' {
        $home_ = Join-Path $TestDrive 'home'
        New-Item -ItemType Directory -Path $home_ | Out-Null
        $install = Invoke-IsolatedPwsh $home_ @"
`$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet
Register-PSResourceRepository -Name CarbonOpsTest -Uri '$PackageDir' -Trusted
try {
    Install-PSResource -Name CarbonOps -Repository CarbonOpsTest -Scope CurrentUser -TrustRepository -Quiet
    'INSTALLED ' + (Get-InstalledPSResource -Name CarbonOps).InstalledLocation
}
finally {
    Unregister-PSResourceRepository -Name CarbonOpsTest
}
'REPOSITORIES ' + ((Get-PSResourceRepository).Name -join ',')
"@
        $install.ExitCode | Should -Be 0 -Because $install.Output
        $install.Output | Should -Match "INSTALLED $([regex]::Escape($home_))"
        $install.Output | Should -Not -Match 'REPOSITORIES .*CarbonOpsTest'
        Get-ChildItem -Path $home_ -Recurse -Force -Filter 'CarbonOps.dll' | Should -Not -BeNullOrEmpty

        $run = Invoke-IsolatedPwsh $home_ @"
`$ErrorActionPreference = 'Stop'
Import-Module CarbonOps
'BASE ' + (Get-Module CarbonOps).ModuleBase
'PRODUCT ' + (Get-CarbonInstance -Path '$SampleHome').ProductName
'HELP ' + (Get-Help Test-CarbonHost).Synopsis
"@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match "BASE $([regex]::Escape($home_))"
        $run.Output | Should -Match 'PRODUCT WSO2 Enterprise Service Bus'
        $run.Output | Should -Match 'HELP Checks a host and WSO2 Carbon product homes'
    }
}
