#!/usr/bin/env bash
# Compile the per-user MSI from a built bundle with msitools (wixl), on Linux or in CI.
# Usage: installer/build_msi.sh [dist/barometer] [dist/Barometer-<version>.msi]
# Needs: apt-get install msitools. On the Linux bundle this builds a stand-in MSI whose tables can
# be inspected (tests/test_installer.py); the real one is built from the Windows bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-dist/barometer}
version=$("${PYTHON:-python3}" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
msi=${2:-dist/Barometer-$version.msi}
[ -d "$bundle" ] || { echo "no bundle at $bundle: run scripts/build_bundle.sh first" >&2; exit 1; }
bundle=$("${PYTHON:-python3}" -c 'import os,sys; print(os.path.relpath(sys.argv[1]))' "$bundle")  # wixl wants relative sources
gui=barometer-gui.exe
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every regular file of the bundle, one component each (wixl-heat is msitools' `heat`).
(cd "$bundle" && find . -type f | sed 's|^\./||' | sort) | sed "s|^|$bundle/|" \
    | wixl-heat -p "$bundle/" --var var.SourceDir --directory-ref INSTALLDIR --component-group BundleFiles --win64 \
    > "$work/files.wxs"
wixl -a x64 -o "$msi" \
    -D Version="$version" -D SourceDir="$bundle" -D IconFile=resources/icons/barometer.ico \
    -D GuiExe="$gui" -D Win64=yes \
    installer/barometer.wxs "$work/files.wxs"
echo "$msi ($(du -h "$msi" | cut -f1))"
