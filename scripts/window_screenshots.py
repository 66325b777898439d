"""Render the main window's states offscreen to PNG, to look at them (and refresh docs/images/window.png).

    python scripts/window_screenshots.py [OUT_DIR]

Writes STATE-WIDTHxHEIGHT-LANG.png for the demo data: a breakdown, own county against the
country, a grid, a number question and free text, at 1366×768 and 1920×1080, in bokmål and
English, plus 1366×768 at 150 % scaling (run with QT_SCALE_FACTOR=1.5 for that one); and the
dialogs in both languages: DIALOG-LANG.png for the report wizard's pages, About, the crash dialog,
the mapping dialog, the user guide and «Hva betyr tegnene?».
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BAROMETER_HOME", tempfile.mkdtemp(prefix="barometer-shots-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from barometer_gui.core.i18n import set_language
from barometer_gui.core.importer import demo_path
from barometer_gui.ui.main import install_qt_translations
from barometer_gui.ui.window import MainWindow

STATES = ("by", "compare", "grid", "numeric", "text")
SIZES = ((1366, 768), (1920, 1080))


def settle(app: QApplication, window: MainWindow) -> None:
    while window.runner.busy or window.survey is None:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def pose(window: MainWindow, state: str) -> None:
    controls = window.controls
    controls.apply({})
    window.browser.select({"grid": "q6", "numeric": "q8", "text": "q9"}.get(state, "q1"))
    if state == "by":
        controls.by_combo.setCurrentIndex(controls.by_combo.findData("kommunestorrelse"))
    if state == "compare":
        controls.area_type.setCurrentIndex(controls.area_type.findData("fylke"))
        controls.area.setCurrentIndex(controls.area.findData("Vestland"))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    for lang in ("nb", "en"):
        set_language(lang)
        install_qt_translations(lang)
        for width, height in SIZES:
            window = MainWindow()
            logical = (int(width / scale), int(height / scale))
            window.resize(*logical)
            window.body.setSizes([int(logical[0] * 0.22), logical[0] - int(logical[0] * 0.22)])
            window.show()
            window.open_file(demo_path())
            settle(app, window)
            for state in STATES:
                pose(window, state)
                settle(app, window)
                window.grab().save(str(out / f"{state}-{width}x{height}-{lang}.png"))
            dialogs(app, window, out, lang)
            window.close()
    print(out)


def dialogs(app: QApplication, window: MainWindow, out: Path, lang: str) -> None:
    """The dialogs over the demo, each at its own size (once per language, beside the 1920×1080 window)."""
    from barometer_gui.core.report.spec import spec_from_views
    from barometer_gui.ui.about import AboutDialog
    from barometer_gui.ui.crash import CrashDialog
    from barometer_gui.ui.guide import GuideDialog
    from barometer_gui.ui.help_signs import SignsDialog
    from barometer_gui.ui.mapping_dialog import MappingDialog
    from barometer_gui.ui.report_wizard import ReportWizard

    if window.width() != SIZES[-1][0]:
        return
    pose(window, "by")
    window.add_to_report_action.trigger()
    wizard = ReportWizard(window.survey, spec_from_views(window.report_basket.items()), window)
    report = "Traceback (most recent call last):\n  ...\nValueError: example"
    shown = {
        "about": AboutDialog(window),
        "crash": CrashDialog(
            report, Path("logs/krasj.log"), window, [Path("gjenoppretting/prosjekt.barometer")]
        ),
        "mapping": MappingDialog(window.mapping, window.survey.raw_columns, window),
        "guide": GuideDialog(window),
        "signs": SignsDialog(window),
    }
    for name, dialog in shown.items():
        dialog.show()
        settle(app, window)
        dialog.grab().save(str(out / f"{name}-{lang}.png"))
        dialog.close()
    wizard.show()
    for number in range(len(wizard.pageIds())):
        settle(app, window)
        wizard.grab().save(str(out / f"wizard-{number + 1}-{lang}.png"))
        wizard.next()
    wizard.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="barometer-window-")))
