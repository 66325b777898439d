"""Catch any QWidget method called from a thread other than the GUI thread.

`watch_worker_threads()` makes every `Task.run` install a profile hook in its
worker thread; the hook records calls whose receiver is a QWidget (Qt's own C++
methods and our Python widget methods alike). Used by the thread tests and the
stress script, so a lambda connected to a worker signal and touching a widget is
found even when it happens not to crash.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

from barometer_gui.ui import worker

offences: list[str] = []


def _hook(frame, event, arg) -> None:
    if event == "c_call":
        receiver = getattr(arg, "__self__", None)
        if isinstance(receiver, QWidget):
            offences.append(f"{type(receiver).__name__}.{getattr(arg, '__name__', '?')}")
    elif event == "call":
        receiver = frame.f_locals.get("self")
        if isinstance(receiver, QWidget):
            offences.append(f"{type(receiver).__name__}.{frame.f_code.co_name}")


def watch_worker_threads() -> None:
    original = worker.Task.run
    if getattr(original, "watched", False):
        return

    def run(self) -> None:
        sys.setprofile(_hook)
        try:
            original(self)
        finally:
            sys.setprofile(None)

    run.watched = True
    worker.Task.run = run
