"""Run a core function off the GUI thread with a progress dialog and Avbryt.

Core functions take a `progress(fraction, message)` callback; here that
callback emits a signal to the GUI and raises `Cancelled` once the user has
pressed Avbryt, so core needs no knowledge of threads (the Orange3 pattern).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from barometer_gui.core.errors import BarometerError, Cancelled
from barometer_gui.core.progress import Progress, cancellable


class Task(QObject):
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        self._work = work
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        progress = cancellable(lambda f, m: self.progressed.emit(f, m), self._stop.is_set)
        try:
            result = self._work(progress)
        except Cancelled:
            self.cancelled.emit()
        except BarometerError as exc:
            self.failed.emit(exc.message)
        except MemoryError:
            self.failed.emit("Det er ikke nok minne til å fullføre.")
        except Exception as exc:  # a bug: show it, never crash the window
            traceback.print_exc()
            self.failed.emit(f"Uventet feil i Barometer ({exc.__class__.__name__}: {exc}).")
        else:
            self.succeeded.emit(result)


class Runner(QObject):
    """Owns one background thread at a time for a window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.thread: QThread | None = None
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def start(
        self,
        title: str,
        work: Callable[[Progress], object],
        on_success: Callable[[object], None],
        on_failure: Callable[[str], None],
    ) -> Task:
        if self.busy:
            raise RuntimeError("a task is already running")
        task = Task(work)
        thread = QThread(self)
        task.moveToThread(thread)
        dialog = QProgressDialog(title, "Avbryt", 0, 1000, self._parent)
        dialog.setWindowTitle("Barometer")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        # Through this object's slots: PySide6 calls a plain callable (even a bound method without @Slot)
        # in the emitting worker thread, where touching widgets crashes; a @Slot here runs in the GUI thread.
        self._on_success, self._on_failure = on_success, on_failure
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        for signal in (task.succeeded, task.failed, task.cancelled):
            signal.connect(thread.quit)
        thread.started.connect(task.run)
        thread.finished.connect(self._finished)
        self.thread, self.task, self.dialog = thread, task, dialog
        thread.start()
        return task

    @Slot(float, str)
    def _progressed(self, fraction: float, message: str) -> None:
        if self.dialog is not None:
            self.dialog.setValue(int(fraction * 1000))
            self.dialog.setLabelText(message)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._on_success(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._on_failure(message)

    @Slot()
    def _finished(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        if self.task is not None:
            self.task.deleteLater()
        if self.thread is not None:
            self.thread.deleteLater()
        self.thread = self.task = self.dialog = None

    def wait(self, msecs: int = 30000) -> None:
        if self.thread is not None:
            self.thread.wait(msecs)
