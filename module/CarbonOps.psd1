@{
    RootModule           = 'CarbonOps.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5f0c2a8e-3b7d-4c1e-9a64-2d8e7f1b6c30'
    Author               = 'CarbonOps contributors'
    CompanyName          = 'CarbonOps'
    Copyright            = '(c) CarbonOps contributors. Apache License 2.0.'
    Description          = 'Audits and hardens WSO2 Carbon 4.2.0 product homes (ESB 4.8, IS 5.0, API-M 1.7-1.9, AS 5.2 and others) against the production deployment guide, with safe, reversible file edits.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('CarbonOps.Format.ps1xml')
    CmdletsToExport      = @(
        'Export-CarbonReport'
        'Get-CarbonBackup'
        'Get-CarbonCheck'
        'Get-CarbonInstance'
        'Get-CarbonJvmOption'
        'Get-CarbonPort'
        'Import-CarbonCertificate'
        'Invoke-CarbonHardening'
        'New-CarbonKeystore'
        'Protect-CarbonSecret'
        'Restore-CarbonConfiguration'
        'Set-CarbonAdminCredential'
        'Set-CarbonConsoleAccess'
        'Set-CarbonDatasource'
        'Set-CarbonHostName'
        'Set-CarbonProxy'
        'Set-CarbonTlsProtocol'
        'Set-CarbonJvmOption'
        'Set-CarbonPortOffset'
        'Test-CarbonHost'
        'Get-CarbonServer'
        'Start-CarbonServer'
        'Stop-CarbonServer'
        'Restart-CarbonServer'
        'Get-CarbonLog'
        'New-CarbonServiceUnit'
        'Set-CarbonKeystore'
        'Set-CarbonKeystorePassword'
        'Test-CarbonSecureVault'
        'Unprotect-CarbonSecret'
        'Get-CarbonCluster'
        'Set-CarbonCluster'
        'Test-CarbonCluster'
        'Set-CarbonRegistryMount'
        'Set-CarbonUserStore'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @(
        'Get-CarbonPorts'
        'Set-CarbonJvmOptions'
        'Enable-CarbonSecureVault'
    )
    PrivateData          = @{
        PSData = @{
            Tags       = @('WSO2', 'Carbon', 'Hardening', 'Audit', 'Security', 'Linux', 'Windows')
            LicenseUri = 'https://www.apache.org/licenses/LICENSE-2.0'
        }
    }
}
