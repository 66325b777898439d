"""Import speed: Barometer's whole import against fastexcel's raw load (the floor) and openpyxl (the old way).

Run: uv run python benchmarks/bench_import.py [--rows 20000]
Each measurement runs in a fresh process so peak memory is per reader. Prints seconds and ratios.
The floor, "fastexcel", reads every sheet into Arrow memory (fastexcel builds its Arrow arrays when
they are handed over, so the hand-over to nanoarrow is counted; no pandas). "frames" adds the
step to pandas DataFrames (core/arrow_frame.py), so its distance to the floor is that step's cost.
Targets: Barometer within 1.5× of the raw fastexcel load; peak memory under 600 MB at 20 000 rows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import measure_fresh, write_wide_export

#: (imports, timed work) per reader; module imports are done before the clock starts.
MEASURE = {
    "barometer": (
        "from barometer_gui.core.importer import open_survey",
        "s = open_survey(path, use_saved_mapping=False); n = s.respondents",
    ),
    "fastexcel": (
        "import fastexcel, nanoarrow",
        "r = fastexcel.read_excel(path); d = {name: nanoarrow.c_array(r.load_sheet(name)) for name in r.sheet_names}; n = d['Data'].length",
    ),
    "frames": (
        "import fastexcel, nanoarrow\nfrom barometer_gui.core.arrow_frame import arrow_to_frame",
        "r = fastexcel.read_excel(path); d = {name: arrow_to_frame(r.load_sheet(name)) for name in r.sheet_names}; n = len(d['Data'])",
    ),
    "openpyxl": (
        "import pandas as pd, openpyxl",
        "d = pd.read_excel(path, sheet_name=None, engine='openpyxl'); n = len(d['Data'])",
    ),
}


def measure(kind: str, path: Path) -> dict:
    return measure_fresh(*MEASURE[kind], path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="*", default=[2000, 20000])
    parser.add_argument("--columns", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.rows:
            path = Path(folder) / f"export_{rows}.xlsx"
            start = time.perf_counter()
            write_wide_export(path, rows, args.columns)
            print(
                f"\n{rows} × {args.columns} export: {path.stat().st_size / 2**20:.1f} MB written in {time.perf_counter() - start:.1f} s"
            )
            kinds = ["fastexcel", "frames", "barometer"] + (["openpyxl"] if rows <= 2000 else [])
            # Best of two fresh processes each, as timeit does: other work on the machine only adds time.
            results = {
                kind: min((measure(kind, path) for _ in range(2)), key=lambda r: r["seconds"])
                for kind in kinds
            }
            floor = results["fastexcel"]["seconds"]
            for kind, result in results.items():
                print(
                    f"  {kind:10s} {result['seconds']:7.2f} s  ratio to fastexcel {result['seconds'] / floor:5.2f}×  peak {result['peak_mb']:6.0f} MB  rows {result['rows']}"
                )
            ratio = results["barometer"]["seconds"] / floor
            print(
                f"  Barometer / fastexcel = {ratio:.2f}× (target ≤ 1.5×); peak {results['barometer']['peak_mb']:.0f} MB (target < 600 MB)"
            )


if __name__ == "__main__":
    main()
