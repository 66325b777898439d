"""BAROMETER_STARTUP_PROBE=1: report when the window shows a table and a chart, then close it.

Used from outside the process, so it works the same from source and in the frozen bundle:
benchmarks/bench_startup.py times the line "barometer-ready" from process start, and
scripts/smoke_bundle.sh checks that the frozen GUI opens the demo and closes cleanly (exit 0).
Readiness is judged from what is on screen (a filled table view and a chart with data), not from
the window's internals, so the probe survives changes to the window.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QTableView, QWidget

READY = "barometer-ready"
#: printed once the window is on screen (its first paint is queued before this), before any data
SHOWN = "barometer-window"
TIMEOUT_S = 120


def is_ready(window: QWidget) -> bool:
    backend = sys.modules.get("matplotlib.backends.backend_qtagg")
    if backend is None:  # no chart can be on screen yet; the probe itself must not load matplotlib
        return False
    FigureCanvasQTAgg = backend.FigureCanvasQTAgg

    tables = [
        view
        for view in window.findChildren(QTableView)
        if view.isVisible() and view.model() is not None and view.model().rowCount() > 0
    ]
    charts = [
        canvas
        for canvas in window.findChildren(FigureCanvasQTAgg)
        if canvas.isVisible() and any(axes.has_data() for axes in canvas.figure.axes)
    ]
    return window.isVisible() and bool(tables) and bool(charts)


def watch_startup(window: QWidget) -> QTimer:
    started = time.monotonic()
    QTimer.singleShot(0, lambda: print(SHOWN if window.isVisible() else "barometer-hidden", flush=True))
    timer = QTimer(window)
    timer.setInterval(10)

    reported = False

    def check() -> None:
        nonlocal reported
        if not reported and is_ready(window):
            reported = True
            print(READY, flush=True)
        if reported and not any(thread.isRunning() for thread in window.findChildren(QThread)):
            # Close only once the import thread has finished: this probe times start-up; closing
            # during running work is the window's own closeEvent business (and its tests).
            timer.stop()
            window.close()
            QApplication.quit()
        elif not reported and time.monotonic() - started > TIMEOUT_S:
            timer.stop()
            print(
                "barometer-not-ready: no table and chart within the time limit", file=sys.stderr, flush=True
            )
            QApplication.exit(3)

    timer.timeout.connect(check)
    timer.start()
    return timer
