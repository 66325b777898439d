"""CSV and very wide imports: Barometer against pandas' own CSV reader and fastexcel on the same files.

Run: uv run python benchmarks/bench_csv.py [--rows 100000] [--columns 50] [--wide 4000]
Each measurement runs in a fresh process (best of two), so peak memory is per reader.
Prints seconds and ratios:
  reader    barometer_gui.core.readers.read_book: decoding, truncation check, parsing, typing
  barometer the whole open_survey (reader + detection + mapping)
Targets: the reader within 2× of pandas.read_csv(path, sep=";") with its default typing (C parser,
numbers as float/int, text as str); the whole import is shown beside it so time spent in detection
and mapping is visible. The wide case (--wide columns × 200 rows) is read as CSV (against pandas)
and as .xlsx (against fastexcel reading the sheet into Arrow memory, the floor of any reader on
top of it); wider than archive.MAX_COLUMNS is refused, and the refusal is timed too.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import measure_fresh

SCALE = ["Helt uenig", "Delvis uenig", "Verken enig eller uenig", "Delvis enig", "Helt enig", "Vet ikke"]
KOMMUNER = ["0301", "1101", "1103", "4601", "5001", "1804", "3101", "4204", "5501", "3403"]

MEASURE = {
    "pandas": (
        "import pandas",
        "t = pandas.read_csv(path, sep=';'); n = len(t)",
    ),
    "fastexcel": (
        "import fastexcel, nanoarrow",
        "r = fastexcel.read_excel(path); t = nanoarrow.c_array(r.load_sheet(0)); n = t.length",
    ),
    "reader": (
        "from barometer_gui.core.readers import read_book",
        "b = read_book(path); n = len(next(iter(b.sheets.values())))",
    ),
    "barometer": (
        "from barometer_gui.core.importer import open_survey\n"
        "from barometer_gui.core.errors import BarometerError",
        "try:\n    n = open_survey(path, use_saved_mapping=False).respondents\n"
        "except BarometerError as exc:\n    n = 'refused: ' + exc.message[:60]",
    ),
}


def write_survey_csv(path: Path, rows: int, columns: int, seed: int = 5) -> Path:
    """A Forms-like export: kommunenummer, inhabitants, then answer labels on one scale (';', UTF-8)."""
    rng = np.random.default_rng(seed)
    names = ["Kommunenummer", "Innbyggere"] + [
        f"Spørsmål {i} - i hvilken grad stemmer påstanden?" for i in range(1, columns - 1)
    ]
    answers = np.array(SCALE, dtype=object)[rng.integers(0, len(SCALE), (rows, columns - 2))]
    knr = np.array(KOMMUNER, dtype=object)[rng.integers(0, len(KOMMUNER), rows)]
    inhabitants = rng.integers(500, 700_000, rows).astype(str)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(";".join(names) + "\r\n")
        for r in range(rows):
            handle.write(f"{knr[r]};{inhabitants[r]};" + ";".join(answers[r]) + "\r\n")
    return path


def write_wide_xlsx(path: Path, rows: int, columns: int, seed: int = 5) -> Path:
    import xlsxwriter

    rng = np.random.default_rng(seed)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("Svar")
    sheet.write_row(0, 0, [f"v{i}" for i in range(columns)])
    codes = rng.integers(1, 6, (rows, columns))
    for r in range(rows):
        sheet.write_row(r + 1, 0, codes[r].tolist())
    workbook.close()
    return path


def measure(kind: str, path: Path) -> dict:
    # A private mapping folder: the whole import must not read or write the user's saved mappings.
    return measure_fresh(
        *MEASURE[kind], path, env={"BAROMETER_HOME": tempfile.gettempdir(), "PATH": "/usr/bin:/bin"}
    )


def compare(title: str, path: Path, baseline: str, kinds: list[str]) -> dict:
    print(f"\n{title}: {path.stat().st_size / 2**20:.1f} MB")
    # Best of two fresh processes each, as timeit does: other work on the machine only adds time.
    results = {
        kind: min((measure(kind, path) for _ in range(2)), key=lambda r: r["seconds"]) for kind in kinds
    }
    floor = results[baseline]["seconds"]
    for kind, result in results.items():
        print(
            f"  {kind:10s} {result['seconds']:7.2f} s  ratio to {baseline} {result['seconds'] / floor:6.2f}×"
            f"  peak {result['peak_mb']:6.0f} MB  rows {result['rows']}"
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--columns", type=int, default=50)
    parser.add_argument("--wide", type=int, default=4000, help="columns in the wide case (200 rows)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        path = write_survey_csv(Path(folder) / "svar.csv", args.rows, args.columns)
        print(f"{args.rows} × {args.columns} CSV written in {time.perf_counter() - start:.1f} s")
        results = compare("Long CSV", path, "pandas", ["pandas", "reader", "barometer"])
        floor = results["pandas"]["seconds"]
        print(
            f"  reader / pandas = {results['reader']['seconds'] / floor:.2f}× (target ≤ 2×); "
            f"whole import / pandas = {results['barometer']['seconds'] / floor:.2f}×"
        )

        wide_csv = write_survey_csv(Path(folder) / "bred.csv", 200, args.wide)
        compare(f"Wide CSV, 200 × {args.wide}", wide_csv, "pandas", ["pandas", "reader", "barometer"])
        wide_xlsx = write_wide_xlsx(Path(folder) / "bred.xlsx", 200, args.wide)
        compare(f"Wide xlsx, 200 × {args.wide}", wide_xlsx, "fastexcel", ["fastexcel", "reader", "barometer"])
        refused = write_survey_csv(Path(folder) / "for-bred.csv", 10, 16_384)
        compare("CSV wider than the limit, 10 × 16 384", refused, "pandas", ["pandas", "barometer"])


if __name__ == "__main__":
    main()
