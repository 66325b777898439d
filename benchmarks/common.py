"""Synthetic wide exports for the benchmarks: coded data with a codebook, like a real delivery."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def write_wide_export(path: Path, rows: int, columns: int, seed: int = 7) -> Path:
    """A data sheet of `columns` coded variables (singles, 5-option multi groups, a kommunenummer) plus codebook sheets."""
    import xlsxwriter

    rng = np.random.default_rng(seed)
    names = ["kommunenr", "vekt"]
    kinds = []
    while len(names) < columns:
        question = len(kinds) + 1
        if question % 3 == 0:
            names += [f"m{question}_{j}" for j in range(1, 6)]
            kinds += [("multi", question)] * 5
        else:
            names.append(f"s{question}")
            kinds.append(("single", question))
    names = names[:columns]
    kinds = kinds[: columns - 2]
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    data = workbook.add_worksheet("Data")
    data.write_row(0, 0, names)
    knr = rng.choice([301, 1101, 1103, 4601, 4600, 5001, 1804, 3101, 4204, 5501], size=rows)
    weights = rng.uniform(0.5, 2.0, size=rows).round(3)
    singles = rng.integers(1, 6, size=(rows, len(kinds)))
    for r in range(rows):
        values = [int(knr[r]), float(weights[r])]
        values += [
            int(v) if kind == "single" else int(v > 3) for (kind, _), v in zip(kinds, singles[r], strict=True)
        ]
        data.write_row(r + 1, 0, values)
    variables = workbook.add_worksheet("Variabler")
    values_sheet = workbook.add_worksheet("Verdier")
    variables.write_row(0, 0, ["Variabel", "Etikett"])
    values_sheet.write_row(0, 0, ["Variabel", "Verdi", "Etikett"])
    line = 1
    for index, (name, (kind, question)) in enumerate(zip(names[2:], kinds, strict=True), start=1):
        label = (
            f"Spørsmål {question}"
            if kind == "single"
            else f"Spørsmål {question}: alternativ {name.rsplit('_', 1)[1]}"
        )
        variables.write_row(index, 0, [name, label])
        if kind == "single":
            for code in range(1, 6):
                values_sheet.write_row(
                    line, 0, [name, code, ["Svært uenig", "Uenig", "Nøytral", "Enig", "Svært enig"][code - 1]]
                )
                line += 1
    variables.write_row(len(kinds) + 1, 0, ["kommunenr", "Kommunenummer"])
    workbook.close()
    return path


def measure_fresh(setup: str, work: str, path: Path, env: dict[str, str] | None = None) -> dict:
    """Run `setup`, then time `work` (which sets `n`) in a fresh Python process on `path`.

    A fresh process per measurement keeps imports out of the clock and makes peak memory
    per reader. Returns seconds, n (as rows) and peak MB.
    """
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    code = (
        "import json, sys, time\n"
        f"sys.path.insert(0, {str(root)!r})\n"
        "from benchmarks.common import peak_mb\n"
        f"path = {str(path)!r}\n"
        f"{setup}\n"
        "start = time.perf_counter()\n"
        f"{work}\n"
        "print(json.dumps({'seconds': time.perf_counter() - start, 'rows': n, 'peak_mb': peak_mb()}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
