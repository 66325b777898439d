#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle, print what each library costs, smoke-test it.
# Usage (from a clean checkout; needs only python3 with uv): scripts/build_bundle.sh
# Result: dist/barometer/ (macOS also dist/Barometer.app). Set SKIP_SMOKE=1 to only build.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=("${PYTHON:-python3}" -m uv)   # PYTHON=python on Windows runners
"${uv[@]}" run --group build pyinstaller --noconfirm --clean --log-level WARN build.spec
if [ "$(uname)" = Linux ] && command -v strip > /dev/null; then
    # Debug info (≈ 30 MB: pyenv's libpython and lib-dynload, kiwisolver) is of no use to users. Stripped:
    # the Python runtime, and other libraries only when they carry no RPATH/RUNPATH, i.e. were not
    # patchelf-edited by auditwheel (strip can corrupt those).
    find dist/barometer/_internal -maxdepth 1 -name 'libpython*.so*' -type f -exec strip --strip-debug {} +
    find dist/barometer/_internal/python3.*/lib-dynload -name '*.so' -type f -exec strip --strip-debug {} +
    # (Sections and dynamic tags are read into variables first: `readelf | grep -q` under pipefail
    # fails whenever grep stops reading early, which silently skipped kiwisolver's 5 MB.)
    find dist/barometer/_internal -name '*.so*' -type f | while read -r lib; do
        sections=$(readelf -S "$lib" 2> /dev/null || true)
        tags=$(readelf -d "$lib" 2> /dev/null || true)
        if [[ "$sections" == *.debug_info* && ! "$tags" =~ R(UN)?PATH ]]; then
            strip --strip-debug "$lib"
        fi
    done
fi
echo "== bundle size per library =="
"${uv[@]}" run --group build python scripts/bundle_sizes.py dist/barometer --target-mb 300 --limit-mb 340
if [ -z "${SKIP_SMOKE:-}" ]; then
    bash scripts/smoke_bundle.sh dist/barometer
fi
