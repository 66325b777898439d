"""Report speed: a 40-item deck, workbook and PDF from a 20 000-respondent export.

Run: uv run python benchmarks/bench_report.py [--rows 20000]
Writes a wide coded export (benchmarks/common.py), imports it once, and runs one 40-item spec
(singles and multi-selects, broken down by fylke, landsdel, type and kommunestørrelse, weighted,
four with table slides) for each format. Prints each time and the share spent outside the
tabulation engine (the engine's own time is measured in the same run by `prepare`).
Targets on 2 cores: deck < 3 s, workbook < 3 s, PDF < 10 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from barometer_gui.core.importer import open_survey
from barometer_gui.core.report import Settings, question_item
from barometer_gui.core.report.content import prepare
from barometer_gui.core.report.run import write
from barometer_gui.core.report.spec import Item, spec_from_views
from barometer_gui.core.tabulate import TableSpec, tabulate
from benchmarks.common import write_wide_export

TARGETS = {".pptx": 3.0, ".xlsx": 3.0, ".pdf": 10.0}
BREAKDOWNS = ["fylke", "landsdel", "type", "kommunestorrelse"]


def build_spec(survey):
    questions = [q for q in survey.questions if q.type in ("single", "multi")][:40]
    views = [
        question_item(TableSpec(q.id, by=BREAKDOWNS[i % 4], weight="vekt"), Settings(), q.text)
        for i, q in enumerate(questions)
    ]
    views = [replace(v, table=i % 10 == 0) for i, v in enumerate(views)]
    spec = spec_from_views(views, "Benchmark", {"file": "bench.xlsx"})
    spec.items.insert(1, Item("section", "Del 1"))
    return spec


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = write_wide_export(folder / "bench.xlsx", rows=args.rows, columns=130)
        start = time.perf_counter()
        survey = open_survey(source, use_saved_mapping=False)
        print(
            f"import of {args.rows} × {len(survey.data.columns)}: {time.perf_counter() - start:.2f} s (not counted)"
        )
        spec = build_spec(survey)
        tabulate(survey, TableSpec(survey.questions[0].id, by="fylke"))  # statistics libraries loaded once
        count = sum(1 for i in spec.items if i.kind == "question")
        print(f"{count} items, weighted, by {', '.join(BREAKDOWNS)}; best of 2 runs")
        for suffix, target in TARGETS.items():
            best = None
            for _ in range(2):
                t0, c0 = time.perf_counter(), time.process_time()
                report = prepare(survey, spec)
                t1 = time.perf_counter()
                write(report, spec, folder / f"rapport{suffix}", suffix, lambda f, m: None)
                t2, c2 = time.perf_counter(), time.process_time()
                run = (t2 - t0, t1 - t0, t2 - t1, c2 - c0)
                best = run if best is None or run[0] < best[0] else best
            total, engine, outside, cpu = best
            verdict = "ok" if total < target else "OVER TARGET"
            print(
                f"  {suffix:5s} {total:6.2f} s (target < {target:.0f} s, {verdict}; CPU time {cpu:.2f} s); "
                f"tabulation {engine:.2f} s, outside the engine {outside:.2f} s = {outside / total:.0%}"
            )
    # On a shared machine wall time includes waiting for a core; CPU time is what the work itself costs.
    print(f"load average while measuring: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
