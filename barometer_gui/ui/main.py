"""Start the GUI: check that a display exists, load translations, show the window at once.

The window appears before any data is read and before pandas, NumPy and matplotlib are
imported (the window's modules import only Qt and light core modules); the file (or the
last one, or the demo) then loads in the worker with progress in the status bar, and the
chart canvas is made when the first table arrives. No splash screen: the window itself is
on screen about as soon as one would be.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from barometer_gui.core.i18n import language, set_language, t

_installed: list = []


def no_display_reason() -> str | None:
    """Why the window cannot open here, or None (Linux without X11/Wayland, unless a platform is forced)."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return t("fant ingen skjerm (DISPLAY er ikke satt)")
    return None


def headless_hint() -> str:
    return t(
        "Barometer kan ikke åpne vinduet: {reason}. Bruk kommandolinjen uten vindu: "
        "«barometer inspect FIL», «barometer table FIL -q SPØRSMÅL» eller «barometer --help»."
    )


def _fatal_to_norwegian(mode, context, message) -> None:
    """Qt aborts on a fatal start-up error; say it in one Norwegian line and exit with status 2 instead."""
    from PySide6.QtCore import QtMsgType

    if mode == QtMsgType.QtFatalMsg:
        first = message.strip().splitlines()[0] if message.strip() else ""
        print("barometer: " + headless_hint().format(reason=first), file=sys.stderr, flush=True)
        os._exit(2)
    if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtWarningMsg):
        print(message, file=sys.stderr)


def install_qt_translations(code: str) -> None:
    """Barometer's own window texts and Qt's (dialog buttons, file dialogs, context menus) in `code`.

    The window's source texts are bokmål, so bokmål needs only Qt's catalogue; another language
    loads `barometer_<code>.qm` (resources/translations, from the .ts by scripts/make_translations.py).
    A broken installation without it says so on stderr and the window keeps its bokmål words.
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    from barometer_gui.core.errors import BarometerError
    from barometer_gui.core.resources import resource

    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.NorwegianBokmal if code == "nb" else QLocale.Language.English)
    )
    # PySide6-Essentials ships no bokmål catalogue; ours covers the dialogs and menus users meet.
    # Qt's own texts are English already, so English finds no qtbase catalogue and needs none.
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    files = [qt_folder / f"qtbase_{code}.qm"]
    try:
        files.append(resource("translations") / f"qtbase_{code}.qm")
        if code != "nb":
            files.append(resource("translations", f"barometer_{code}.qm"))
    except BarometerError as exc:
        print("barometer: " + exc.message, file=sys.stderr)
    for file in files:
        translator = QTranslator(app)
        if file.exists() and translator.load(str(file)):
            app.installTranslator(translator)
            _installed.append(translator)


def lighten_pyside_import_hook() -> None:
    """Let PySide6 answer «does this module use PySide6?» from the file's bytes instead of `inspect`.

    PySide6 hooks every import made after it is loaded, to learn which modules may switch on its
    `__feature__` options: it reads each new module's source with `inspect.getsource` and looks for
    "PySide6". For the ~900 modules of pandas, NumPy and matplotlib that cost a sixth of a second of
    the start-up from source (measured: 0.78–0.87 s against 0.62–0.72 s for the same imports). Reading
    the .py file's bytes gives the same answer in a fraction of the time; anything else (no file,
    compiled modules) still goes to PySide6's own check, except in the bundle: there a module without
    its .py file has no source at all, which PySide6 would answer with False after a slower search.
    If a PySide6 version no longer has this hook, nothing is changed.
    """
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "reads_bytes", False):
        return

    frozen = getattr(sys, "frozen", False)

    def mod_uses_pyside(module) -> bool:
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.endswith(".py"):
            try:
                with open(file, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        if frozen:  # the bundle holds compiled modules only: no source to search, so PySide6 says False
            return False
        return upstream(module)

    mod_uses_pyside.reads_bytes = True
    mod_uses_pyside.upstream = upstream
    feature._mod_uses_pyside = mod_uses_pyside


def run_gui(path: str | None = None, lang: str | None = None) -> int:
    reason = no_display_reason()
    if reason:
        print("barometer: " + headless_hint().format(reason=reason), file=sys.stderr)
        return 2
    try:
        from PySide6.QtCore import QTimer, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        print("barometer: " + headless_hint().format(reason=str(exc)), file=sys.stderr)
        return 2

    lighten_pyside_import_hook()
    previous = qInstallMessageHandler(_fatal_to_norwegian)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    qInstallMessageHandler(previous)
    app.setApplicationName("Barometer")
    app.setOrganizationName("Barometer")

    from barometer_gui.ui.settings import settings

    set_language(lang or str(settings().value("language") or "nb"))
    install_qt_translations(language())

    from barometer_gui.ui.crash import install_crash_handler
    from barometer_gui.ui.window import MainWindow

    crash_handler = install_crash_handler(
        app
    )  # a Norwegian dialog and a log file for any unhandled exception
    window = MainWindow()
    crash_handler.add_rescue("prosjekt.barometer", window.rescue_project)
    window.show()
    app.aboutToQuit.connect(window.runner.shutdown)
    if os.environ.get("BAROMETER_STARTUP_PROBE"):  # bench_startup.py and smoke_bundle.sh
        from barometer_gui.ui.startup_probe import watch_startup

        watch_startup(window)
    # Started from the event loop, so the empty window is painted before the data side loads.
    QTimer.singleShot(0, lambda: window.start(Path(path) if path else None))
    return app.exec()
