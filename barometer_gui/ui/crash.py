"""Unhandled exceptions: a Norwegian dialog with a copyable report, and a log file on disk.

`install_crash_handler(app)` replaces `sys.excepthook` (the GUI thread, Qt slots and QThreads,
which PySide6 reports through it) and `threading.excepthook` (plain worker threads). Any thread
may crash; the dialog is always opened on the GUI thread through a queued signal. The report
holds the program version, platform and traceback, never survey data, and stays on this machine.

Work in progress is rescued: the window and the report basket register a writer with
`handler.add_rescue("prosjekt.barometer", save_to)`, and after a crash each writer saves a copy
into <data folder>/gjenoppretting/, which the dialog names. A hard crash (segmentation fault, abort)
runs no Python handler; `faulthandler` then writes the C-level traceback to logs/fatal.log.
"""

from __future__ import annotations

import faulthandler
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def crash_log_dir() -> Path:
    """<user data folder>/logs (platformdirs; %LOCALAPPDATA%\\Barometer\\logs on Windows).

    BAROMETER_HOME, as for saved mappings and settings, moves it (tests, portable use).
    """
    override = os.environ.get("BAROMETER_HOME")
    if override:
        return Path(override) / "logs"
    from platformdirs import user_data_dir

    return Path(user_data_dir("Barometer", appauthor=False)) / "logs"


def rescue_dir() -> Path:
    """<user data folder>/gjenoppretting: copies of open work saved after a crash."""
    return crash_log_dir().parent / "gjenoppretting"


def format_report(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None, thread: str
) -> str:
    from PySide6 import __version__ as pyside_version

    from barometer_gui import __version__

    frozen = getattr(sys, "frozen", False)
    lines = [
        QCoreApplication.translate("CrashDialog", "Barometer {version} – feilrapport {time}").format(
            version=__version__, time=datetime.now().isoformat(timespec="seconds")
        ),
        f"System: {platform.platform()}; Python {platform.python_version()}; PySide6 {pyside_version}",
        QCoreApplication.translate("CrashDialog", "Frosset utgave: {frozen}; tråd: {thread}").format(
            frozen=QCoreApplication.translate("CrashDialog", "ja")
            if frozen
            else QCoreApplication.translate("CrashDialog", "nei"),
            thread=thread,
        ),
        "",
        *traceback.format_exception(kind, error, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_crash_log(report: str) -> Path | None:
    """Write the report to its own file; None when even that fails (full disk, no rights)."""
    folder = crash_log_dir()
    path = folder / f"krasj-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(report, encoding="utf-8")
    except OSError:
        return None
    return path


class CrashDialog(QDialog):
    """What happened, where the report is, and the report itself to copy into an e-mail."""

    def __init__(
        self,
        report: str,
        log_path: Path | None,
        parent: QWidget | None = None,
        rescued: list[Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Barometer – uventet feil"))
        self.setMinimumSize(620, 420)
        saved = (
            self.tr("Rapporten er lagret i <b>{path}</b>.").format(path=log_path)
            if log_path
            else self.tr("Rapporten kunne ikke lagres på disken; kopier den herfra.")
        )
        kept = (
            self.tr(
                "<p>En kopi av arbeidet ditt er lagret: {paths}. Åpne den for å fortsette der du var.</p>"
            ).format(paths=", ".join(f"<b>{path}</b>" for path in rescued))
            if rescued
            else ""
        )
        intro = QLabel(
            self.tr(
                "<p><b>Barometer støtte på en feil programmet ikke var forberedt på.</b></p>"
                "<p>Filene dine er ikke endret, og ingenting er sendt noe sted. Lagre arbeidet ditt "
                "og start Barometer på nytt hvis noe oppfører seg rart.</p>"
                "<p>{saved} Send gjerne rapporten til den som gir deg brukerstøtte: trykk "
                "«Kopier rapporten» og lim den inn i en e-post.</p>"
            ).format(saved=saved)
            + kept
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_view = QPlainTextEdit(report)
        self.report_view.setReadOnly(True)
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox()
        copy = QPushButton(self.tr("&Kopier rapporten"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        if log_path:
            folder = QPushButton(self.tr("Åpne &mappa"))
            folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent))))
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("&Lukk"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(buttons)


class CrashHandler(QObject):
    """Receives exceptions from any thread; shows one dialog at a time on the GUI thread."""

    crashed = Signal(str, str)  # report, log path ("" when not written)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.dialog: CrashDialog | None = None
        self._rescues: dict[str, Callable[[Path], object]] = {}
        self._faulthandler_before = faulthandler.is_enabled()
        self._fatal_log = _enable_faulthandler()
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback, args.thread
        )

    def handle(self, kind, error, tb, thread: threading.Thread | None = None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            return self._previous[0](kind, error, tb)
        name = (thread or threading.current_thread()).name
        report = format_report(kind, error, tb, name)
        if sys.stderr is not None:  # None in Windows' windowed launcher
            sys.stderr.write(report)
        path = write_crash_log(report)
        self.crashed.emit(report, str(path) if path else "")

    def add_rescue(self, file_name: str, write: Callable[[Path], object]) -> None:
        """After a crash, `write(path)` saves a copy of some open work (e.g. "prosjekt.barometer").

        Called on the GUI thread; a writer that fails is skipped (its error goes to the log).
        Registering the same name again replaces the writer.
        """
        self._rescues[file_name] = write

    def rescue(self) -> list[Path]:
        saved = []
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
        for file_name, write in self._rescues.items():
            path = rescue_dir() / f"{stamp}-{file_name}"
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write(path)
            except Exception as exc:  # the crash may have left this work unsaveable; save the rest
                write_crash_log(
                    self.tr("Kunne ikke redde «{name}»:").format(name=file_name)
                    + "\n"
                    + "".join(traceback.format_exception(exc))
                )
                continue
            if path.exists():
                saved.append(path)
        return saved

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous
        if self._fatal_log is not None:
            faulthandler.disable()
            self._fatal_log.close()
            if self._faulthandler_before and sys.__stderr__ is not None:
                faulthandler.enable(file=sys.__stderr__)

    @Slot(str, str)
    def _show(self, report: str, path: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog is enough; the further reports are in their log files
        rescued = self.rescue()
        self.dialog = CrashDialog(report, Path(path) if path else None, QApplication.activeWindow(), rescued)
        self.dialog.open()


def _enable_faulthandler():
    """Hard crashes (no Python handler runs) leave their C-level traceback in logs/fatal.log."""
    try:
        crash_log_dir().mkdir(parents=True, exist_ok=True)
        log = open(crash_log_dir() / "fatal.log", "a", encoding="utf-8")  # noqa: SIM115 - open for the session
    except OSError:
        return None
    faulthandler.enable(file=log, all_threads=True)
    return log


def install_crash_handler(app: QApplication) -> CrashHandler:
    """Call once after the QApplication exists (ui/main.py)."""
    return CrashHandler(app)
