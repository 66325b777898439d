"""The one exception type users ever see.

Every failure caused by the user's input (a bad file, an unknown question, a
wrong option) is raised as `BarometerError` with a Norwegian message that can
be shown as-is in a dialog or printed as one line by the CLI. Anything else
that escapes is a bug in Barometer, not the user's fault.
"""


class BarometerError(Exception):
    """A user-facing error with a Norwegian message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class Cancelled(BarometerError):
    """Raised inside long work when the user pressed Avbryt."""

    def __init__(self) -> None:
        super().__init__("Avbrutt av brukeren.")
