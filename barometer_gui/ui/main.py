"""Start the GUI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from barometer_gui.core.importer import demo_path


def run_gui(path: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from barometer_gui.ui.crash import install_crash_handler
    from barometer_gui.ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Barometer")
    app.setOrganizationName("Barometer")
    install_crash_handler(app)  # a Norwegian dialog and a log file for any unhandled exception
    window = MainWindow()
    window.show()
    if os.environ.get("BAROMETER_STARTUP_PROBE"):  # bench_startup.py and smoke_bundle.sh
        from barometer_gui.ui.startup_probe import watch_startup

        watch_startup(window)
    window.open_file(Path(path) if path else demo_path())
    return app.exec()
