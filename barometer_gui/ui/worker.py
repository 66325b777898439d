"""Run a core function off the GUI thread; progress and results come back as queued signals.

Core functions take a `progress(fraction, message)` callback; here that callback
emits a signal and raises `Cancelled` once the user has asked to stop, so core
needs no knowledge of threads (the Orange3 pattern).

Only `Runner` talks to the rest of the GUI, and it lives in the GUI thread: the
`Task`'s signals are connected to Runner's slots with queued connections, so
every callback and every widget update runs in the GUI thread. Nothing here
connects a worker signal to a lambda or a widget (a lambda has no thread of its
own, so Qt would call it in the worker thread).

The `Task` object itself never leaves the GUI thread: only its `run` is called in
the worker (a direct connection from `QThread.started`), and it is deleted in the
GUI thread after the thread has ended. Moving it back from the worker, or deleting
it there, deadlocked now and then: Qt holds a lock while it tells a PySide6 object
about disconnected signals, and PySide6 then needs the GIL, which the other thread
held while it waited for the same lock (seen with gdb in both forms).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from barometer_gui.core.errors import BarometerError, Cancelled
from barometer_gui.core.progress import Progress, cancellable

QUEUED = Qt.ConnectionType.QueuedConnection


class Task(QObject):
    """The work itself; `run` is called in the worker thread and only ever emits signals."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        self._work = work
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: only sets a flag the progress callback checks."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        progress = cancellable(self.progressed.emit, self._stop.is_set)
        try:
            result = self._work(progress)
        except Cancelled:
            self.cancelled.emit()
        except BarometerError as exc:
            self.failed.emit(exc.message)
        except MemoryError:
            self.failed.emit(self.tr("Det er ikke nok minne til å fullføre."))
        except Exception as exc:  # a bug: show it, never crash the window
            traceback.print_exc()
            self.failed.emit(
                self.tr("Uventet feil i Barometer ({error}).").format(error=f"{type(exc).__name__}: {exc}")
            )
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)


class Runner(QObject):
    """Owns one background thread at a time for a window; all its slots run in the GUI thread."""

    #: (title, running) when work starts or ends, for the status bar
    busy_changed = Signal(str, bool)
    #: (fraction 0-1, message), already in the GUI thread
    progressed = Signal(float, str)
    #: the work stopped because the user asked it to
    cancelled = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thread: QThread | None = None
        self.task: Task | None = None
        self._on_success: Callable[[object], None] | None = None
        self._on_failure: Callable[[str], None] | None = None
        self._title = ""

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
        task.progressed.connect(self._progress, QUEUED)
        task.succeeded.connect(self._succeeded, QUEUED)
        task.failed.connect(self._failed, QUEUED)
        task.cancelled.connect(self._cancelled, QUEUED)
        # run() is called in the worker as it starts; the task stays in the GUI thread (see above).
        thread.started.connect(task.run, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._finished, QUEUED)
        self.thread, self.task, self._title = thread, task, title
        self._on_success, self._on_failure = on_success, on_failure
        self.busy_changed.emit(title, True)
        self.progressed.emit(0.0, title)
        thread.start()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def shutdown(self) -> None:
        """Cancel, drop the callbacks and wait for the thread: used when the window closes."""
        self._on_success = self._on_failure = None
        self.cancel()
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
            self._finished()

    @Slot(float, str)
    def _progress(self, fraction: float, message: str) -> None:
        if self.task is not None:
            self.progressed.emit(fraction, message)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        callback = self._on_success
        self._end()
        if callback is not None:
            callback(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        callback = self._on_failure
        self._end()
        if callback is not None:
            callback(message)

    @Slot()
    def _cancelled(self) -> None:
        self._end()
        self.cancelled.emit()

    def _end(self) -> None:
        self._on_success = self._on_failure = None
        if self.thread is not None:
            self.thread.quit()

    @Slot()
    def _finished(self) -> None:
        thread, task = self.thread, self.task
        if thread is None:
            return
        thread.wait()
        self.thread = self.task = None
        task.deleteLater()
        thread.deleteLater()
        self.busy_changed.emit(self._title, False)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the work is done and its result delivered (tests and scripts)."""
        return self.thread is None or self.thread.wait(msecs)
