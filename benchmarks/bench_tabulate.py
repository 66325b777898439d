"""Tabulation speed: 20 000 respondents, 50 questions × 5 breakdowns with tests and intervals.

Run: uv run python benchmarks/bench_tabulate.py
Prints the time per table and for the whole batch, and the ratio to a plain pandas crosstab
of the same tables (percentages only, no bases, intervals, tests or suppression) as a baseline.
Targets: under 20 ms per table and under 1 s for the batch on 2 cores.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from barometer_gui.core.register import SizeClasses, derive_from_kommunenummer
from barometer_gui.core.schema import Background, QType, Question, Survey
from barometer_gui.core.tabulate import TableSpec, tabulate

OPTIONS = ["Svært uenig", "Uenig", "Nøytral", "Enig", "Svært enig", "Vet ikke"]


def build(rows: int = 20000, questions: int = 50, seed: int = 3) -> Survey:
    rng = np.random.default_rng(seed)
    knr = pd.Series(
        rng.choice(
            ["0301", "1101", "1103", "4601", "4600", "5001", "1804", "3101", "4204", "5501", "3403"],
            size=rows,
        )
    )
    derived = derive_from_kommunenummer(knr)
    columns = {f"bg::{c}": derived[c] for c in derived.columns}
    columns["bg::kommunestorrelse"] = SizeClasses().classify(pd.Series(rng.lognormal(8.6, 1.1, rows)))
    columns["bg::sektor"] = pd.Categorical(
        rng.choice(["Helse", "Skole", "Sosial", "Kultur", "Teknisk"], rows)
    )
    columns["vekt"] = rng.uniform(0.4, 2.5, rows)
    qs = []
    for q in range(questions):
        if q % 2 == 0:
            answers = rng.choice(np.array(OPTIONS, dtype=object), size=rows)
            answers[rng.random(rows) < 0.05] = None
            columns[f"s{q}"] = pd.Categorical(answers, categories=OPTIONS, ordered=True)
            qs.append(Question(f"s{q}", f"Spørsmål {q}", QType.SINGLE, [f"s{q}"], OPTIONS))
        else:
            names = [f"m{q}::{j}" for j in range(8)]
            matrix = (rng.random((rows, 8)) < 0.3).astype(float)
            matrix[rng.random(rows) < 0.1] = np.nan
            columns.update({n: matrix[:, j] for j, n in enumerate(names)})
            qs.append(Question(f"m{q}", f"Flervalg {q}", QType.MULTI, names, [f"Alt {j}" for j in range(8)]))
    background = [
        Background(b, b, "derived", f"bg::{b}")
        for b in ("fylke", "landsdel", "type", "kommunestorrelse", "sektor")
    ]
    return Survey(pd.DataFrame(columns), qs, background, "bench", weights=["vekt"])


def _run_engine(survey: Survey, breakdowns: list[str]) -> tuple[float, list[float]]:
    times = []
    start = time.perf_counter()
    for question in survey.questions:
        for by in breakdowns:
            t0 = time.perf_counter()
            tabulate(survey, TableSpec(question.id, by=by, weight="vekt"))
            times.append(time.perf_counter() - t0)
    return time.perf_counter() - start, times


def _run_baseline(survey: Survey, breakdowns: list[str]) -> float:
    start = time.perf_counter()
    for question in survey.questions:
        for by in breakdowns:
            pd.crosstab(survey.data[question.columns[0]], survey.data[f"bg::{by}"], normalize="columns")
    return time.perf_counter() - start


def main(repeats: int = 3) -> None:
    survey = build()
    breakdowns = ["fylke", "landsdel", "type", "kommunestorrelse", "sektor"]
    tabulate(
        survey, TableSpec("s0", by="fylke")
    )  # load scipy/statsmodels once, as the GUI does at first click
    # Best of a few runs, as timeit does: the machine's other work only ever adds time.
    engine = min((_run_engine(survey, breakdowns) for _ in range(repeats)), key=lambda run: run[0])
    baseline = min(_run_baseline(survey, breakdowns) for _ in range(repeats))
    batch, times = engine
    print(
        f"{len(times)} tables (20 000 respondents, 50 questions × 5 breakdowns, weighted, with intervals and tests)"
    )
    print(
        f"  per table: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms (target < 20 ms)"
    )
    print(f"  whole batch: {batch:.2f} s (target < 1 s), best of {repeats}")
    print(
        f"  baseline pandas crosstab (percentages only): {baseline:.2f} s; engine / baseline = {batch / baseline:.2f}×"
    )


if __name__ == "__main__":
    main()
