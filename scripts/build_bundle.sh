#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle, print what each library costs, smoke-test it.
# Usage (from a clean checkout; needs only python3 with uv): scripts/build_bundle.sh
# Result: dist/barometer/ (macOS also dist/Barometer.app). Set SKIP_SMOKE=1 to only build.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=(python3 -m uv)
"${uv[@]}" run --group build pyinstaller --noconfirm --clean --log-level WARN build.spec
if [ "$(uname)" = Linux ] && command -v strip > /dev/null; then
    # Python builds such as pyenv's keep debug info in libpython and lib-dynload (≈ 30 MB). Only these
    # are stripped: wheels' own libraries may be patchelf-edited, and strip can corrupt those.
    find dist/barometer/_internal -maxdepth 1 -name 'libpython*.so*' -type f -exec strip --strip-debug {} +
    find dist/barometer/_internal/python3.*/lib-dynload -name '*.so' -type f -exec strip --strip-debug {} +
fi
echo "== bundle size per library =="
"${uv[@]}" run --group build python scripts/bundle_sizes.py dist/barometer --target-mb 300 --limit-mb 420
if [ -z "${SKIP_SMOKE:-}" ]; then
    bash scripts/smoke_bundle.sh dist/barometer
fi
