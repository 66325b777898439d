"""Barometer never opens a network connection: not in a GUI session, not in a report run.

Every way Python code reaches the network (socket objects, name look-ups, connections) is
replaced by a recorder that also fails, so a caller that swallows the error is still caught.
Qt's own C++ networking cannot be seen this way; instead the session must not load QtNetwork.
"""

from __future__ import annotations

import socket
import sys

import pytest

from barometer_gui.cli import run
from barometer_gui.core.importer import demo_path


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args!r}")
            raise OSError(f"Barometer must stay offline ({name})")

        return blocked

    class Forbidden(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse("socket.socket")(*args)

    monkeypatch.setattr(socket, "socket", Forbidden)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    yield attempts
    assert attempts == [], f"network use: {attempts}"


def test_gui_session_opens_demo_and_help_without_network(qtbot, no_network):
    from barometer_gui.ui.about import AboutDialog
    from barometer_gui.ui.guide import show_guide
    from barometer_gui.ui.startup_probe import is_ready
    from barometer_gui.ui.window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_file(demo_path())
    qtbot.waitUntil(lambda: is_ready(window), timeout=60000)
    show_guide(window).close()
    qtbot.addWidget(AboutDialog(window))
    window.close()
    assert "PySide6.QtNetwork" not in sys.modules


def test_report_run_without_network(tmp_path, no_network, capsys):
    out = tmp_path / "rapport.pptx"
    assert (
        run(["report", "--demo", "-q", "q1", "-q", "q5", "--by", "kommunestorrelse", "--out", str(out)]) == 0
    )
    assert out.stat().st_size > 0


def test_the_guard_sees_a_connection_even_when_the_caller_swallows_the_error(no_network):
    for attempt in (lambda: socket.create_connection(("example.org", 443)), lambda: socket.socket()):
        try:
            attempt()
        except OSError:
            pass
    assert [a.split("(")[0] for a in no_network] == ["socket.create_connection", "socket.socket"]
    no_network.clear()  # seen; the fixture's own check must not fail this test
