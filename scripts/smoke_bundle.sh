#!/usr/bin/env bash
# Smoke-test a built bundle: the frozen program imports the demo, tabulates and writes a deck.
# Usage: scripts/smoke_bundle.sh dist/barometer
set -euo pipefail
bundle=${1:-dist/barometer}
exe="$bundle/barometer"
[ -x "$exe" ] || exe="$bundle/barometer.exe"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$exe" inspect --demo > "$out/inspect.json"
"$exe" table --demo --question q1 --by kommunestorrelse --format json > "$out/table.json"
"$exe" report --demo --question q1 --question q5 --out "$out/smoke.pptx" > /dev/null
set +e; "$exe" table "$out/does-not-exist.xlsx" --question q1 2> "$out/err.txt"; status=$?; set -e
[ "$status" -eq 2 ] || { echo "expected exit 2 on a missing file, got $status"; exit 1; }
[ -s "$out/smoke.pptx" ] || { echo "no deck written"; exit 1; }
echo "bundle smoke test passed: $(du -sh "$bundle" | cut -f1) in $bundle"
# The frozen GUI launcher must start and keep running (offscreen) with the demo data.
gui="$bundle/barometer-gui"
[ -x "$gui" ] || gui="$bundle/barometer-gui.exe"
set +e; QT_QPA_PLATFORM=offscreen timeout 20 "$gui" > "$out/gui.txt" 2>&1; status=$?; set -e
[ "$status" -eq 124 ] || { echo "GUI exited early with status $status:"; cat "$out/gui.txt"; exit 1; }
echo "frozen GUI started and ran offscreen"
