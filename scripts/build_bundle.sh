#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle and smoke-test the frozen program headless.
# Usage: scripts/build_bundle.sh   (needs uv; installs the build group itself)
set -euo pipefail
cd "$(dirname "$0")/.."
uv run --group build pyinstaller --noconfirm --clean --log-level WARN build.spec
bash scripts/smoke_bundle.sh dist/barometer
