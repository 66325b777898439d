# Compile the per-user MSI on Windows with the WiX 3 toolset (heat, candle, light).
# Usage: installer\build_msi.ps1 [-Bundle dist\barometer] [-Out dist\Barometer-<version>.msi]
# Same source (installer\barometer.wxs) as installer/build_msi.sh, which uses msitools' wixl on Linux.
param(
    [string]$Bundle = "dist\barometer",
    [string]$Out = ""
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$version = python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
if (-not $Out) { $Out = "dist\Barometer-$version.msi" }
if (-not (Test-Path "$Bundle\barometer-gui.exe")) { throw "no bundle at $Bundle: run scripts/build_bundle.sh first" }
$wix = if ($env:WIX) { Join-Path $env:WIX "bin" } else { "C:\Program Files (x86)\WiX Toolset v3.14\bin" }
$temp = if ($env:RUNNER_TEMP) { $env:RUNNER_TEMP } else { [IO.Path]::GetTempPath() }
$work = Join-Path $temp "barometer-msi"
New-Item -ItemType Directory -Force $work | Out-Null
# heat: one component per bundle file, stable GUIDs (-ag), under INSTALLDIR, variable SourceDir.
& "$wix\heat.exe" dir $Bundle -nologo -ag -srd -sfrag -scom -sreg -dr INSTALLDIR -cg BundleFiles `
    -var var.SourceDir -out "$work\files.wxs"
if ($LASTEXITCODE) { throw "heat failed" }
& "$wix\candle.exe" -nologo -arch x64 -out "$work\" `
    -dVersion="$version" -dSourceDir="$Bundle" -dIconFile="resources\icons\barometer.ico" `
    -dGuiExe="barometer-gui.exe" -dWin64=yes installer\barometer.wxs "$work\files.wxs"
if ($LASTEXITCODE) { throw "candle failed" }
# ICE38/ICE64/ICE91 expect per-machine layouts (file key paths in the user profile are fine for a
# per-user install); everything else is validated.
& "$wix\light.exe" -nologo -sice:ICE38 -sice:ICE64 -sice:ICE91 -out $Out "$work\barometer.wixobj" "$work\files.wixobj"
if ($LASTEXITCODE) { throw "light failed" }
Write-Output "$Out"
