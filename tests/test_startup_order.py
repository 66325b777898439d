"""The window shows before the data side loads: no pandas, NumPy or matplotlib until a file is read.

Start-up time is measured by benchmarks/bench_startup.py; this checks the order it relies on, in a
fresh interpreter (the test session itself has long imported everything).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHOWN_EMPTY = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from barometer_gui.ui.window import MainWindow
window = MainWindow()
window.show()
app.processEvents()
heavy = sorted(m for m in ("pandas", "numpy", "matplotlib", "nanoarrow", "barometer_gui.core.tabulate") if m in sys.modules)
print("heavy:", ",".join(heavy))
window.close()
"""


def test_the_window_is_built_and_shown_without_the_data_side(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BAROMETER_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", SHOWN_EMPTY], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "heavy: \n" in done.stdout, done.stdout


def test_the_demo_then_loads_with_one_table_and_chart(qtbot, monkeypatch):
    """Filling the question list and the controls must not each redraw: one table at the end."""
    from barometer_gui.ui.window import MainWindow, demo_path

    win = MainWindow()
    qtbot.addWidget(win)
    refreshed = []
    original = win.refresh
    monkeypatch.setattr(win, "refresh", lambda: refreshed.append(1) or original())
    win.open_file(demo_path())
    qtbot.waitUntil(lambda: win.survey is not None and not win.runner.busy, timeout=60000)
    assert len(refreshed) == 1
    assert win.model.rowCount() > 0 and win.chart.figure.axes


def test_the_bundle_keeps_matplotlibs_font_list_between_starts(tmp_path, monkeypatch):
    """PyInstaller's hook gives matplotlib a new temp folder per start: a font scan (seconds) each time."""
    from barometer_gui.app import keep_matplotlib_cache

    monkeypatch.setenv("BAROMETER_HOME", str(tmp_path))
    monkeypatch.setenv("MPLCONFIGDIR", "/tmp/_MEI-per-start")
    keep_matplotlib_cache()  # from source: matplotlib's own cache already persists, nothing changes
    assert os.environ["MPLCONFIGDIR"] == "/tmp/_MEI-per-start"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    keep_matplotlib_cache()
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "cache" / "matplotlib")
    assert (tmp_path / "cache" / "matplotlib").is_dir()
