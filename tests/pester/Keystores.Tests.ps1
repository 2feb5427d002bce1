# The built module in a fresh pwsh, as a user starts it: BouncyCastle ships beside CarbonOps.dll and
# loads only when a keystore command or check runs.

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    $script:ModulePath = (Resolve-Path $ModulePath).ProviderPath
    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

    function Invoke-FreshPwsh([string] $Script, [hashtable] $Arguments) {
        $file = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -Path $file -Value $Script
        $argList = @('-NoProfile', '-NonInteractive', '-File', $file)
        foreach ($key in $Arguments.Keys) { $argList += "-$key"; $argList += $Arguments[$key] }
        $json = & $Pwsh @argList
        if ($LASTEXITCODE -ne 0) { throw "The child pwsh failed: $json" }
        $json | ConvertFrom-Json
    }
}

Describe 'The built module and its keystore commands' {
    It 'ships BouncyCastle and no PowerShell reference assembly' {
        $folder = Split-Path $ModulePath
        Test-Path (Join-Path $folder 'BouncyCastle.Cryptography.dll') | Should -BeTrue
        Test-Path (Join-Path $folder 'System.Management.Automation.dll') | Should -BeFalse
    }

    It 'imports without loading BouncyCastle, and loads it for New-CarbonKeystore' {
        $script = @'
param($Module, $Keystore)
$ErrorActionPreference = 'Stop'
function Test-Loaded { [bool]([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'BouncyCastle.Cryptography' }) }
Import-Module $Module
$afterImport = Test-Loaded
$checks = (Get-CarbonCheck -Id Security.DefaultKeystore, Security.KeyStrength, Security.CertificateExpiry, Security.DefaultCertTrusted, Security.PlaintextPassword, Security.SecureVaultBroken, Security.PasswordFile).Count
$afterCatalogue = Test-Loaded
$password = ConvertTo-SecureString 'Pester-Store-Pass-1' -AsPlainText -Force
$entry = New-CarbonKeystore -Path $Keystore -Alias pester -Subject 'CN=pester.example.com, O=Example' -StorePassword $password -KeySize 3072
[pscustomobject]@{
    AfterImport = $afterImport; AfterCatalogue = $afterCatalogue; AfterKeystore = Test-Loaded; SecurityChecks = $checks
    KeySize = $entry.KeySize; Signature = $entry.SignatureAlgorithm; Dns = @($entry.DnsNames); Type = $entry.PSObject.TypeNames[0]
    Alias = (Get-Alias Enable-CarbonSecureVault).ResolvedCommandName
} | ConvertTo-Json -Compress
'@
        $result = Invoke-FreshPwsh $script @{ Module = $ModulePath; Keystore = (Join-Path $TestDrive 'pester.jks') }
        $result.AfterImport | Should -BeFalse
        $result.AfterCatalogue | Should -BeFalse
        $result.AfterKeystore | Should -BeTrue
        $result.SecurityChecks | Should -Be 7
        $result.KeySize | Should -Be 3072
        $result.Signature | Should -Be 'SHA256withRSA'
        $result.Dns | Should -Be @('pester.example.com')
        $result.Type | Should -Be 'CarbonOps.KeystoreEntry'
        $result.Alias | Should -Be 'Protect-CarbonSecret'
    }

    It 'formats keystore entries and their deserialized twins alike' {
        Import-Module $ModulePath -Force
        $password = ConvertTo-SecureString 'Pester-Store-Pass-2' -AsPlainText -Force
        $entry = New-CarbonKeystore -Path (Join-Path $TestDrive 'format.p12') -Alias fmt -Subject 'CN=fmt.example.com' -StorePassword $password -Type PKCS12
        $remote = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($entry))
        ($remote | Out-String -Width 200) | Should -Be ($entry | Out-String -Width 200)
        ($entry | Out-String -Width 200) | Should -Match 'Alias\s+EntryType\s+KeySize'
    }
}
