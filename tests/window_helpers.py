"""The `window` fixture shared by the GUI tests: a main window with the demo loaded through the worker."""

from __future__ import annotations

import pytest

from barometer_gui.core.i18n import set_language
from barometer_gui.core.importer import demo_path
from barometer_gui.ui.main import install_qt_translations
from barometer_gui.ui.window import MainWindow


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.open_file(demo_path())
    qtbot.waitUntil(lambda: not win.runner.busy and win.survey is not None, timeout=60000)
    yield win
    win.close()
    set_language("nb")
    install_qt_translations("nb")  # a test that switched to English leaves Qt's catalogues in bokmål too


def choose(combo, data) -> None:
    """Pick the entry carrying `data`, as a user would (signals fire)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def shown(model) -> list[list[str]]:
    """Every cell's text as the table view shows it."""
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]
