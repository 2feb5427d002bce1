# The module's JSON (reports and waiver files) goes through Newtonsoft.Json 13, which pwsh 7 also loads for itself.
# Each case runs in a new pwsh, so what is loaded first is what the case says.

BeforeAll {
    $script:ModulePath = $env:CARBONOPS_MODULE
    if (-not $ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/CarbonOps/CarbonOps.psd1' }
    $script:SampleHome = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/wso2esb-4.8.1')).ProviderPath
    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

    # Runs a script in a new pwsh and returns what it wrote as JSON.
    function Invoke-ChildPwsh([string] $Script) {
        $file = Join-Path $TestDrive "$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content -Path $file -Value $Script
        $text = & $Pwsh -NoProfile -NonInteractive -File $file -Module $ModulePath -ProductHome $SampleHome -Folder $TestDrive
        $LASTEXITCODE | Should -Be 0 -Because ($text -join "`n")
        ($text -join "`n") | ConvertFrom-Json
    }

    $script:ExportJson = @'
param($Module, $ProductHome, $Folder)
$ErrorActionPreference = 'Stop'
{0}
$waivers = Join-Path $Folder 'waivers.json'
Set-Content -Path $waivers -Value '[ { "CheckId": "Database.EmbeddedH2", "Reason": "Moves to MySQL", "Expires": "2999-12-31" } ]'
$report = Join-Path $Folder "report-$PID.json"
Test-CarbonHost -ProductHome $ProductHome -WaiverPath $waivers | Export-CarbonReport -Format Json -Path $report
$bad = Join-Path $Folder 'bad.json'
Set-Content -Path $bad -Value "[`n  { `"CheckId`": `"A.B`", `"Reason`": `"x`" },`n  { `"CheckId`": `"A.B`" `"Reason`": `"y`" }`n]"
$badError = try { Test-CarbonHost -ProductHome $ProductHome -WaiverPath $bad; $null } catch { $_ }
$loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Newtonsoft.Json' })
[pscustomobject]@{
    Loaded = $loaded.Count
    Location = $loaded[0].Location
    Identity = $loaded[0].FullName
    PSHome = $PSHOME
    Rows = @(Get-Content -Raw $report | ConvertFrom-Json).Count
    Waived = @(Get-Content -Raw $report | ConvertFrom-Json | Where-Object { $_.CheckId -eq 'Database.EmbeddedH2' }).Waived
    BadId = $badError.FullyQualifiedErrorId
    BadMessage = $badError.Exception.Message
} | ConvertTo-Json -Compress
'@
}

Describe 'Newtonsoft.Json in pwsh 7' {
    It 'shares the copy pwsh loaded before the module was imported' {
        $result = Invoke-ChildPwsh ($ExportJson.Replace('{0}', "`$null = [Newtonsoft.Json.Linq.JObject]::Parse('{}')`nImport-Module `$Module"))
        $result.Loaded | Should -Be 1
        $result.Location | Should -BeLike "$($result.PSHome)*"
        $result.Identity | Should -BeLike 'Newtonsoft.Json, Version=13.0.0.0, *'
        $result.Rows | Should -BeGreaterThan 20
        $result.Waived | Should -BeTrue
    }

    It 'loads one copy when the module comes first, and a waiver file error still names its line' {
        $result = Invoke-ChildPwsh ($ExportJson.Replace('{0}', 'Import-Module $Module'))
        $result.Loaded | Should -Be 1
        $result.Rows | Should -BeGreaterThan 20
        $result.BadId | Should -BeLike 'WaiverFileMalformed,*'
        $result.BadMessage | Should -BeLike '*at line 3:*'
    }

    It 'ships Newtonsoft.Json 13 beside CarbonOps.dll for Windows PowerShell' {
        $shipped = Join-Path (Split-Path $ModulePath) 'Newtonsoft.Json.dll'
        $shipped | Should -Exist
        [Reflection.AssemblyName]::GetAssemblyName($shipped).Version | Should -Be ([version]'13.0.0.0')
    }
}
