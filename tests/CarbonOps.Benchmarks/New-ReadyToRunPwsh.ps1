<#
.SYNOPSIS
    A copy of this pwsh whose own assemblies are compiled ahead of time (ReadyToRun), as Microsoft's release
    packages of PowerShell ship them; the reference for the cold start of a module on such a pwsh.
.DESCRIPTION
    The pwsh restored as a .NET tool (the project's test and build pwsh) ships its assemblies as IL only, so every
    PowerShell code path a run takes for the first time is compiled just in time: a module import pays for
    PowerShell's own import code as well as for the module. Microsoft's packages (deb, rpm, msi, tar.gz) are built
    ReadyToRun. This script copies the pwsh folder and replaces PowerShell's engine, host and command assemblies
    (and what they reference) with ReadyToRun builds made by `dotnet publish -p:PublishReadyToRun=true`, then
    prints the path of the copy's pwsh. Nothing else changes; the copy runs on the same shared .NET runtime.
    About a minute and a half of CPU; the copy is reused while its folder exists.
#>
[CmdletBinding()]
param(
    [string] $Pwsh = (Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')),
    [Parameter(Mandatory)] [string] $Destination
)

$ErrorActionPreference = 'Stop'
$source = Split-Path -Parent $Pwsh
$copy = Join-Path $Destination 'pwsh'
$executable = Join-Path $copy (Split-Path -Leaf $Pwsh)
if (Test-Path -LiteralPath $executable) { return $executable }

$rid = '{0}-{1}' -f $(if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }),
    [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
$framework = 'net{0}.{1}' -f [Environment]::Version.Major, [Environment]::Version.Minor
$project = Join-Path $Destination 'compile'
New-Item -ItemType Directory -Path $project -Force | Out-Null
$references = 'System.Management.Automation', 'Microsoft.PowerShell.ConsoleHost', 'Microsoft.PowerShell.Commands.Utility',
    'Microsoft.PowerShell.Commands.Management', 'Microsoft.PowerShell.Security', 'pwsh' |
    ForEach-Object { '    <Reference Include="{0}" HintPath="{1}" />' -f $_, (Join-Path $source "$_.dll") }
@"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$framework</TargetFramework>
    <RuntimeIdentifier>$rid</RuntimeIdentifier>
    <SelfContained>false</SelfContained>
    <PublishReadyToRun>true</PublishReadyToRun>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
$($references -join "`n")
  </ItemGroup>
</Project>
"@ | Set-Content -LiteralPath (Join-Path $project 'ReadyToRunPwsh.csproj')
$compiled = Join-Path $project 'out'
& dotnet publish (Join-Path $project 'ReadyToRunPwsh.csproj') -c Release -o $compiled --nologo -v q | Out-Host
if ($LASTEXITCODE -ne 0) { throw "dotnet publish of the ReadyToRun assemblies exited with $LASTEXITCODE." }

Copy-Item -Path $source -Destination $copy -Recurse
Get-ChildItem -LiteralPath $compiled -Filter *.dll |
    Where-Object { $_.Name -ne 'ReadyToRunPwsh.dll' -and (Test-Path -LiteralPath (Join-Path $copy $_.Name)) } |
    Copy-Item -Destination $copy -Force
$executable
