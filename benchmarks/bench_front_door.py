"""Front-door speed: `barometer --help`, a misspelt command and an argument error, each in a fresh process.

Run: uv run python benchmarks/bench_front_door.py
Prints the median wall time of each against `python -c pass` (the interpreter's own start) measured in the
same run, and the ratio. Target: each answers within 0.5 s, i.e. nothing heavy (pandas, numpy, Qt,
matplotlib) is imported before the arguments are parsed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "python -c pass (baseline)": ["-c", "pass"],
    "barometer --help": [str(ROOT / "main.py"), "--help"],
    "barometer tabel": [str(ROOT / "main.py"), "tabel"],
    "barometer table --demo (no -q)": [str(ROOT / "main.py"), "table", "--demo"],
}


def timed(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], capture_output=True, cwd=ROOT, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    results = {name: timed(args) for name, args in CASES.items()}
    baseline = results["python -c pass (baseline)"]
    for name, seconds in results.items():
        print(f"{name:34s} {seconds * 1000:7.0f} ms   ×{seconds / baseline:5.1f} of bare Python")


if __name__ == "__main__":
    main()
