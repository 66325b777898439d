"""No widget is touched off the GUI thread; start/load/close cycles never crash or complain."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QProgressBar

from barometer_gui.core.importer import demo_path
from barometer_gui.ui.window import MainWindow
from barometer_gui.ui.worker import Runner
from tests import threadguard

ROOT = Path(__file__).resolve().parent.parent
#: printed by Qt's offscreen test platform itself whenever a window's size limits change; never on a desktop
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def test_guard_catches_a_widget_called_from_the_worker(qtbot):
    """Work that touches a widget itself runs that call in the worker thread: the guard must see it."""
    threadguard.watch_worker_threads()
    threadguard.offences.clear()
    bar = QProgressBar()
    qtbot.addWidget(bar)
    runner = Runner(bar)

    def work(progress):
        progress(0.5, "halvveis")
        bar.isVisible()  # the kind of mistake the guard is for (a read, so the test itself stays safe)
        return 1

    done = []
    runner.start("test", work, done.append, done.append)
    qtbot.waitUntil(lambda: bool(done) and not runner.busy, timeout=10000)
    assert "QProgressBar.isVisible" in threadguard.offences
    threadguard.offences.clear()


def test_import_export_and_cancel_touch_widgets_only_in_the_gui_thread(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    threadguard.watch_worker_threads()
    threadguard.offences.clear()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_file(demo_path())
    qtbot.waitUntil(lambda: window.survey is not None and not window.runner.busy, timeout=60000)
    out = tmp_path / "ut.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_pptx()
    assert window.statusBar().progress.isVisible() and window.statusBar().cancel_button.isVisible()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60000)
    assert out.exists()
    assert not window.statusBar().progress.isVisible(), "no progress display outlives the work"
    window.open_file(demo_path())
    window.statusBar().cancel_button.click()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)
    assert window.statusBar().currentMessage() == "Avbrutt."
    assert threadguard.offences == []


def test_closing_during_import_cancels_and_exits_cleanly(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_file(demo_path())
    window.close()
    assert not window.runner.busy and window.survey is None


def test_start_load_and_close_many_times_without_crash_or_warning():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1"}
    env.pop("BAROMETER_HOME", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "window_stress.py"), "6"],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        env=env,
    )
    errors = [line for line in result.stderr.splitlines() if line.strip() and line.strip() != OFFSCREEN_NOISE]
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "ok"
    assert errors == []


def test_the_task_never_leaves_the_gui_thread_and_is_deleted_there(qtbot):
    """Moving the task back from the worker, or deleting it there, could deadlock with PySide6 (see worker.py)."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread

    gui = QCoreApplication.instance().thread()
    seen: list[tuple[bool, bool]] = []
    deleted_in: list[QThread] = []

    def work(progress):
        progress(0.5, "halvveis")
        seen.append((QThread.currentThread() is not gui, task.thread() is gui))
        return "ferdig"

    owner = QObject()
    runner = Runner(owner)
    results: list[object] = []
    task = runner.start("arbeid", work, results.append, results.append)
    task.destroyed.connect(lambda: deleted_in.append(QThread.currentThread()))
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert results == ["ferdig"]
    assert seen == [(True, True)], "the work ran in the worker while the task stayed in the GUI thread"
    assert deleted_in == [gui] and not shiboken6.isValid(task)
