"""Start the GUI."""

from __future__ import annotations

import sys
from pathlib import Path

from barometer_gui.core.importer import demo_path


def run_gui(path: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from barometer_gui.ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Barometer")
    app.setOrganizationName("Barometer")
    window = MainWindow()
    window.show()
    window.open_file(Path(path) if path else demo_path())
    return app.exec()
