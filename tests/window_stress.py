"""Start, load and close the main window many times, also in the middle of an import and an export.

Run as a script in its own process (see test_threads.py): a crash shows as a
signal exit status, a Qt threading complaint as text on stderr. Prints "ok".
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BAROMETER_HOME", tempfile.mkdtemp(prefix="barometer-stress-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QFileDialog

from barometer_gui.core.importer import demo_path
from barometer_gui.ui.window import MainWindow
from tests.threadguard import offences, watch_worker_threads


def wait_until(app: QApplication, condition, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.005)


def cycle(app: QApplication, interrupt: str | None, out: Path) -> None:
    window = MainWindow()
    window.show()
    window.open_file(demo_path())
    if interrupt == "import":
        wait_until(app, lambda: window.statusBar().progress.value() > 0 or window.survey is not None)
    else:
        wait_until(app, lambda: window.survey is not None and not window.runner.busy)
        window.controls.by_combo.setCurrentIndex(window.controls.by_combo.findData("fylke"))
        if interrupt == "export":
            window.export_pptx()
            assert window.runner.busy
    window.close()
    window.deleteLater()
    app.processEvents()


def main(rounds: int) -> None:
    watch_worker_threads()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = Path(os.environ["BAROMETER_HOME"]) / "stress.pptx"
    QFileDialog.getSaveFileName = staticmethod(lambda *args, **kwargs: (str(out), ""))
    for index in range(rounds):
        cycle(app, (None, "import", "export")[index % 3], out)
    app.processEvents()
    if offences:
        raise SystemExit(f"widgets touched off the GUI thread: {sorted(set(offences))}")
    print("ok")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
