"""Crash dialog and log, user guide (F1) and About: offscreen, nothing leaves the machine."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QPushButton, QTableView

from barometer_gui import __version__
from barometer_gui.core.resources import resource
from barometer_gui.ui import crash
from barometer_gui.ui.about import AboutDialog
from barometer_gui.ui.guide import GuideDialog, add_help_actions, show_guide


@pytest.fixture
def handler(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("BAROMETER_HOME", str(tmp_path))
    installed = crash.install_crash_handler(QApplication.instance())
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


def _raise(message: str):
    try:
        raise ValueError(message)
    except ValueError:
        return sys.exc_info()


def test_gui_thread_crash_shows_norwegian_dialog_and_writes_log(qtbot, handler, tmp_path):
    sys.excepthook(*_raise("boom in a slot"))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    logs = list((tmp_path / "logs").glob("krasj-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert f"Barometer {__version__}" in text and "ValueError: boom in a slot" in text
    assert handler.dialog.windowTitle() == "Barometer – uventet feil"
    assert handler.dialog.report_view.toPlainText() == text  # the same report to copy
    assert "&Kopier rapporten" in [b.text() for b in handler.dialog.findChildren(QPushButton)]


def test_copy_button_puts_the_report_on_the_clipboard(qtbot, handler):
    sys.excepthook(*_raise("copy me"))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    copy = next(b for b in handler.dialog.findChildren(QPushButton) if b.text() == "&Kopier rapporten")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert "ValueError: copy me" in QApplication.clipboard().text()


def test_worker_thread_crash_reaches_the_gui_thread(qtbot, handler, tmp_path):
    def work():
        raise RuntimeError("boom in a worker")

    thread = threading.Thread(target=work, name="eksport")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "RuntimeError: boom in a worker" in handler.dialog.report_view.toPlainText()
    assert "tråd: eksport" in handler.dialog.report_view.toPlainText()


def test_a_burst_of_crashes_opens_one_dialog_but_logs_each(qtbot, handler, tmp_path):
    for n in range(3):
        sys.excepthook(*_raise(f"crash {n}"))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    qtbot.wait(50)
    assert (
        len([w for w in QApplication.topLevelWidgets() if isinstance(w, crash.CrashDialog) and w.isVisible()])
        == 1
    )
    assert len(list((tmp_path / "logs").glob("krasj-*.log"))) == 3


def test_log_folder_that_cannot_be_written_still_gives_the_dialog(qtbot, handler, tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("BAROMETER_HOME", str(blocker))
    sys.excepthook(*_raise("disk full"))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    assert "ValueError: disk full" in handler.dialog.report_view.toPlainText()


def test_guide_opens_with_f1_and_covers_the_topics(qtbot):
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    qtbot.addWidget(window)
    menu = QMenu("&Hjelp", window)
    window.menuBar().addMenu(menu)
    guide_action, about_action = add_help_actions(menu, window)
    assert guide_action.shortcut().toString() == "F1"
    window.show()
    qtbot.waitExposed(window)
    guide_action.trigger()
    dialog = window.findChild(GuideDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for topic in ("Importere data", "Bla i tabellene", "Sammenligne", "Rapport", "Personvern og små grupper"):
        assert topic in text
    assert show_guide(window) is dialog  # F1 again raises the same window
    dialog.close()
    about_action.trigger()
    about = window.findChild(AboutDialog)
    assert about is not None and about.isVisible()
    about.close()


def test_guide_has_no_links_out_of_the_program():
    html = resource("guide", "brukerveiledning.html").read_text(encoding="utf-8")
    assert "http" not in html and "src=" not in html


def test_about_names_version_qt_lgpl_and_how_to_replace_qt(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert f"Barometer {__version__}" in text
    assert "LGPL" in text and "bytte dem ut" in text
    for component in ("pandas", "Matplotlib", "PySide6", "nanoarrow"):
        assert component in text


def test_open_work_is_rescued_and_named_in_the_dialog(qtbot, handler, tmp_path):
    def broken(path):
        raise OSError("the basket is gone")

    handler.add_rescue("prosjekt.barometer", lambda path: path.write_text('{"versjon": 1}', encoding="utf-8"))
    handler.add_rescue("rapportkurv.json", broken)
    sys.excepthook(*_raise("crash with work open"))
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    saved = list((tmp_path / "gjenoppretting").glob("*-prosjekt.barometer"))
    assert len(saved) == 1 and saved[0].read_text(encoding="utf-8") == '{"versjon": 1}'
    labels = " ".join(label.text() for label in handler.dialog.findChildren(QLabel))
    assert str(saved[0]) in labels
    assert not list((tmp_path / "gjenoppretting").glob("*rapportkurv*"))  # the failing writer saved nothing
    assert any(
        "rapportkurv.json" in log.read_text(encoding="utf-8") for log in (tmp_path / "logs").glob("krasj-*")
    )


def test_a_hard_crash_leaves_its_traceback_in_fatal_log(tmp_path):
    code = (
        "import faulthandler, os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from barometer_gui.ui.crash import install_crash_handler\n"
        "app = QApplication([])\n"
        "install_crash_handler(app)\n"
        "faulthandler._sigsegv()\n"
    )
    env = dict(os.environ, BAROMETER_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "Segmentation fault" in (tmp_path / "logs" / "fatal.log").read_text(encoding="utf-8")
