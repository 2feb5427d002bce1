<#
.SYNOPSIS
    A copy of a pwsh whose startup assemblies are compiled ahead of time (ReadyToRun), as Microsoft's release
    packages of PowerShell ship them; prints the copy's pwsh.
.DESCRIPTION
    The pwsh restored as a .NET tool (the project's build and test pwsh) ships its assemblies as IL only, so every
    pwsh start compiles PowerShell's own startup code just in time: about twice the CPU of a start on Microsoft's
    packages (deb, rpm, msi, tar.gz), which are built ReadyToRun. This script copies the pwsh folder and replaces
    the assemblies a start and a module import run (engine, console host, the core command modules, pwsh itself)
    with ReadyToRun builds made by `dotnet publish -p:PublishReadyToRun=true`, which restores the compiler
    (Microsoft.NETCore.App.Crossgen2) from NuGet. Everything else, Microsoft.CodeAnalysis among it, is copied as
    it is. It is the same PowerShell, version and code; the copy runs on the same shared .NET runtime.
    The copy is <Destination>/<version>/pwsh, made in a folder of its own and renamed into place when whole,
    and reused while it exists. About a minute of CPU to make.
#>
[CmdletBinding()]
param(
    [string] $Pwsh = (Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')),
    [Parameter(Mandatory)] [string] $Destination
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$source = Split-Path -Parent $Pwsh
$engine = Join-Path $source 'System.Management.Automation.dll'
$version = ((Get-Item -LiteralPath $engine).VersionInfo.ProductVersion -split '[ +]')[0]
$copy = Join-Path $Destination $version
$executable = Join-Path $copy (Split-Path -Leaf $Pwsh)
if (Test-Path -LiteralPath $executable) { return $executable }

$compiled = @('System.Management.Automation', 'Microsoft.PowerShell.ConsoleHost', 'Microsoft.PowerShell.Commands.Utility',
    'Microsoft.PowerShell.Commands.Management', 'Microsoft.PowerShell.Security', 'pwsh') | ForEach-Object { "$_.dll" }
# Publish copies the references' dependencies beside them and would compile them all; those stay IL.
$excluded = Get-ChildItem -LiteralPath $source -Filter *.dll | Where-Object Name -notin $compiled | ForEach-Object Name

$rid = '{0}-{1}' -f $(if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }),
    [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
$framework = 'net{0}.{1}' -f [Environment]::Version.Major, [Environment]::Version.Minor
$csproj = @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$framework</TargetFramework>
    <RuntimeIdentifier>$rid</RuntimeIdentifier>
    <SelfContained>false</SelfContained>
    <PublishReadyToRun>true</PublishReadyToRun>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
$(($compiled | ForEach-Object { '    <Reference Include="{0}" HintPath="{1}" />' -f [IO.Path]::GetFileNameWithoutExtension($_), (Join-Path $source $_) }) -join "`n")
$(($excluded | ForEach-Object { '    <PublishReadyToRunExclude Include="{0}" />' -f $_ }) -join "`n")
  </ItemGroup>
</Project>
"@

$work = Join-Path $Destination "$version.partial-$PID"
try {
    $project = Join-Path $work 'compile/ReadyToRunPwsh.csproj'
    New-Item -ItemType Directory -Path (Split-Path -Parent $project) -Force | Out-Null
    Set-Content -LiteralPath $project -Value $csproj
    $published = Join-Path $work 'published'
    # The project lives under the checkout's out/: the checkout's Directory.Build.props is not for it.
    & dotnet publish $project -c Release -o $published --nologo -v q -nodeReuse:false -p:ImportDirectoryBuildProps=false | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet publish of the ReadyToRun assemblies exited with $LASTEXITCODE." }
    $staged = Join-Path $work 'pwsh'
    Copy-Item -LiteralPath $source -Destination $staged -Recurse
    foreach ($name in $compiled) { Copy-Item -LiteralPath (Join-Path $published $name) -Destination $staged -Force }
    try {
        [IO.Directory]::Move($staged, $copy)
    } catch [IO.IOException] {
        # Another run made it first; its copy is as good.
        if (-not (Test-Path -LiteralPath $executable)) { throw }
    }
} finally {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction Ignore
}
$executable
