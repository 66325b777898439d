"""The Qt binding must not drop references it does not own.

PySide6 6.12.0 on Python 3.11 releases one reference to None on every call of a Qt method that returns
nothing (setText, update, processEvents …); after a few thousand calls None is freed and Python aborts
("none_dealloc") — the window died that way mid-session. pyproject.toml excludes that release; this test
fails if a binding with the same fault comes back. (From Python 3.12 None is immortal and the count is fixed.)
"""

from __future__ import annotations

import sys


def test_void_qt_calls_keep_none_alive(qapp):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        label.update()
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) - before > -100
