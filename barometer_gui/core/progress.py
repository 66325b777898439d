"""Progress and cancel callbacks for long work (the Orange3 pattern).

Long functions in core take a `Progress` and call it with a fraction and a
short Norwegian status text. The callback raises `Cancelled` when the user
has asked to stop, so core never needs to know about threads or widgets.
"""

from collections.abc import Callable

from barometer_gui.core.errors import Cancelled

Progress = Callable[[float, str], None]


def no_progress(fraction: float, message: str) -> None:
    """Default callback for headless use: report nothing, never cancel."""


def cancellable(report: Callable[[float, str], None], is_cancelled: Callable[[], bool]) -> Progress:
    """Combine a reporting function with a cancel flag into one `Progress`."""

    def progress(fraction: float, message: str) -> None:
        if is_cancelled():
            raise Cancelled()
        report(fraction, message)

    return progress
