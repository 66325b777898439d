"""Start-up: time until the main window shows the demo table and chart, against a minimal window.

Run: python3 -m uv run python benchmarks/bench_startup.py [--runs 5]
Each start is a fresh process under the offscreen platform, timed from launch to the line
"barometer-ready" (ui/startup_probe.py: a filled table view and a chart with data on screen),
with bytecode cached in build/pycache like an installed program's (the first, unmeasured start
of each candidate fills it).
The floor is the least any PySide6 + matplotlib program must do: create a QApplication, a window
with a table and a matplotlib bar chart, show it. Measured in the same run, so the ratio holds on
any machine. Target: Barometer at most 1.3 × the floor (from source; the frozen bundle, if
dist/barometer exists, is measured and compared too). The last column is when Barometer's window
was on screen, still empty ("barometer-window"), before the data side loads.
A second reference, the floor that also imports pandas (Barometer's data library, which the
floor does not load), shows how much of the gap is pandas itself and how much is Barometer's own.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.3
READY = "barometer-ready"
SHOWN = "barometer-window"  # Barometer's window on screen, still empty (ui/startup_probe.py)
#: per command: seconds until its empty window was on screen (Barometer only; the floor shows all at once)
WINDOW_SHOWN: dict[tuple[str, ...], list[float]] = {}

FLOOR = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableWidget, QTableWidgetItem
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableWidget(5, 2)
for row in range(5):
    table.setItem(row, 0, QTableWidgetItem(f"Alternativ {{row}}"))
    table.setItem(row, 1, QTableWidgetItem(f"{{10 * row}} %"))
figure = Figure()
figure.add_subplot().barh([f"Alternativ {{row}}" for row in range(5)], [10, 20, 30, 40, 50])
canvas = FigureCanvasQTAgg(figure)
splitter = QSplitter()
splitter.addWidget(table)
splitter.addWidget(canvas)
window.setCentralWidget(splitter)
window.show()

def ready():
    print("{READY}", flush=True)
    window.close()
    app.quit()

QTimer.singleShot(0, ready)
app.exec()
"""
#: the floor, plus the one data library every Barometer table needs (a reference, not the target)
FLOOR_WITH_PANDAS = "import pandas\n" + FLOOR


def time_to_ready(command: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BAROMETER_STARTUP_PROBE="1")
    env["BAROMETER_HOME"] = str(
        ROOT / "build" / "bench-home"
    )  # the user's settings and mappings stay untouched
    # Compiled bytecode is cached (in build/, not beside the sources), as it is for an installed
    # program and inside the bundle: with PYTHONDONTWRITEBYTECODE set, every start from source
    # would compile pandas and matplotlib again and measure the compiler, not the start-up.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / "build" / "pycache")
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    elapsed = None
    for line in process.stdout:
        if line.strip() == SHOWN:
            WINDOW_SHOWN.setdefault(tuple(command), []).append(time.perf_counter() - started)
        if line.strip() == READY:
            elapsed = time.perf_counter() - started
    process.wait(timeout=180)
    if elapsed is None or process.returncode != 0:
        raise SystemExit(
            f"{command[0]} never reported ready (status {process.returncode}): {process.stderr.read()}"
        )
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    candidates = {
        "floor (PySide6 + matplotlib window)": [sys.executable, "-c", FLOOR],
        "floor + import pandas (reference)": [sys.executable, "-c", FLOOR_WITH_PANDAS],
        "Barometer from source": [sys.executable, "main.py"],
    }
    bundle = ROOT / "dist" / "barometer" / ("barometer.exe" if sys.platform == "win32" else "barometer")
    if bundle.exists():
        candidates["Barometer bundle (dist/barometer)"] = [str(bundle)]
    for command in candidates.values():
        time_to_ready(command)  # warm the disk cache once; every measured start is then alike
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(args.runs):  # interleaved, so a busy moment on the machine hits every candidate
        for name, command in candidates.items():
            times[name].append(time_to_ready(command))
    floor = statistics.median(times["floor (PySide6 + matplotlib window)"])
    print(
        f"{'start until table and chart are shown':<40}{'median s':>10}{'min s':>8}{'× floor':>9}"
        f"{'window shown s':>16}"
    )
    for name, values in times.items():
        median = statistics.median(values)
        shown = WINDOW_SHOWN.get(tuple(candidates[name]), [])[1:]  # without the warm-up start
        window = f"{statistics.median(shown):>16.2f}" if shown else f"{'–':>16}"
        print(f"{name:<40}{median:>10.2f}{min(values):>8.2f}{median / floor:>9.2f}{window}")
    worst = max(statistics.median(v) for n, v in times.items() if n.startswith("Barometer")) / floor
    print(f"target: at most {TARGET} × the floor; {'met' if worst <= TARGET else 'NOT met'} ({worst:.2f} ×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
