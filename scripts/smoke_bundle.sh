#!/usr/bin/env bash
# Smoke-test a built bundle the way a user and IT would meet it: version, headless commands,
# every report format the program offers, a bad file, and the window opening and closing.
# Usage: scripts/smoke_bundle.sh [dist/barometer]      (any failure stops it with status 1)
set -euo pipefail
bundle=${1:-dist/barometer}
exe="$bundle/barometer"
[ -x "$exe" ] || exe="$bundle/barometer.exe"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export BAROMETER_HOME="$out/home"   # saved mappings, settings, crash logs: not the user's own
python=${PYTHON:-python3}
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }

want=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])' 2>/dev/null || true)
got=$("$exe" --version)
echo "version: $got"
[[ "$got" == "barometer "* ]] || fail "--version printed «$got»"
[ -z "$want" ] || [ "$got" = "barometer $want" ] || fail "--version says «$got», pyproject.toml says $want"

"$exe" inspect --demo > "$out/inspect.json"
"$python" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d, "empty inspect"' "$out/inspect.json" \
    || fail "inspect --demo gave no questions"
"$exe" table --demo --question q1 --by kommunestorrelse --format json > "$out/table.json"
"$python" -c 'import json,sys; json.load(open(sys.argv[1]))' "$out/table.json" || fail "table is not JSON"
echo "inspect and table: ok"

# Report formats: pptx always; xlsx, pdf and the chart images (png, svg: one file per chart in a
# folder named after --out) wherever `report --help` offers them. A format that is offered must
# work: no failure is ignored. (matplotlib loads a format's backend by name, which the bundle's
# analysis cannot see: svg once failed only in the bundle.)
# The formats are read from the help of --out only (the input file's help names .xlsx too).
out_help=$("$exe" report --help | awk '/^  --out/ {on=1; print; next} on && /^  -/ {on=0} on')
[ -n "$out_help" ] || fail "report --help has no --out option"
formats=(pptx)
for extra in xlsx pdf png svg; do
    if grep -q "\.$extra" <<< "$out_help"; then formats+=("$extra"); fi
done
for format in "${formats[@]}"; do
    "$exe" report --demo --question q1 --question q5 --out "$out/smoke.$format" > /dev/null \
        || fail "report --demo to .$format failed"
    case "$format" in
        png | svg) compgen -G "$out/smoke/*.$format" > /dev/null || fail "no .$format images written" ;;
        *) [ -s "$out/smoke.$format" ] || fail "no .$format written" ;;
    esac
done
echo "report formats written: ${formats[*]}"

set +e
"$exe" table "$out/does-not-exist.xlsx" --question q1 2> "$out/err.txt"; status=$?
printf 'not a workbook' > "$out/broken.xlsx"
"$exe" inspect "$out/broken.xlsx" 2>> "$out/err.txt"; broken=$?
set -e
[ "$status" -eq 2 ] || fail "expected exit 2 on a missing file, got $status"
[ "$broken" -eq 2 ] || fail "expected exit 2 on a broken workbook, got $broken"
grep -q "Traceback" "$out/err.txt" && fail "a bad file printed a traceback"
echo "bad files: exit 2 with one-line messages"

# The window: offscreen, the demo opens, a table and a chart show, the window closes, exit 0.
# (The console launcher: Windows' windowed barometer-gui.exe has no stdout to report on.)
limit=(); command -v timeout > /dev/null && limit=(timeout 180)   # macOS has no timeout(1)
set +e
QT_QPA_PLATFORM=offscreen BAROMETER_STARTUP_PROBE=1 ${limit[@]+"${limit[@]}"} "$exe" > "$out/gui.txt" 2>&1; status=$?
set -e
[ "$status" -eq 0 ] || { cat "$out/gui.txt"; fail "GUI exited with status $status"; }
grep -q "barometer-ready" "$out/gui.txt" || { cat "$out/gui.txt"; fail "GUI never showed table and chart"; }
# A crash report (krasj-*.log) or anything in fatal.log (hard crash) fails the test.
crashes=$(find "$BAROMETER_HOME/logs" -type f \( -name 'krasj-*' -o -size +0 \) 2> /dev/null || true)
[ -z "$crashes" ] || fail "the GUI wrote a crash log: $(cat $crashes)"
echo "GUI opened the demo (table + chart) offscreen and closed cleanly"
echo "bundle smoke test passed: $(du -sh "$bundle" | cut -f1) in $bundle"
