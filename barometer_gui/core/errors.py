"""What users are told about their input: an error that stops the work, a message that does not.

Every failure caused by the user's input (a bad file, an unknown question, a
wrong option) is raised as `BarometerError` with a message key and named
parameters; the key is the bokmål sentence (`"Fant ikke fila «{name}»."`), and
the message is written out in the reader's language when it is read, so an
error raised in a worker thread reads in the window's language. Anything else
that escapes is a bug in Barometer, not the user's fault.

Import notes (`Survey.warnings`) and other texts made during an import are
`Message`s: plain strings in the language of the moment they were made, which
keep their key and parameters so they can be written again in another
(`Message.translated()`, e.g. after the window switches language).
"""

from __future__ import annotations

from barometer_gui.core.i18n import LANGUAGES, t, using_language
from barometer_gui.core.words import N_, Worded


class BarometerError(Exception):
    """A user-facing error: a bokmål message key with named parameters, read in the current language."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    @property
    def message(self) -> str:
        return render(self.key, self.params)

    def __str__(self) -> str:
        return self.message


class Cancelled(BarometerError):
    """Raised inside long work when the user pressed Avbryt."""

    def __init__(self) -> None:
        super().__init__(N_("Avbrutt av brukeren."))


class Message(str):
    """A text for the user that is a string now and can be written again in another language."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, /, **params: object) -> Message:
        text = super().__new__(cls, render(key, params))
        text.key, text.params = key, params
        return text

    def translated(self) -> str:
        """The same message in the language of this moment."""
        return render(self.key, self.params)


def render(key: str, params: dict[str, object]) -> str:
    """`t(key, **params)`, with parameters that are themselves words or messages written in the same language."""
    return t(key, **{name: _in_words(value) for name, value in params.items()})


def _in_words(value: object) -> object:
    if isinstance(value, Worded):
        return value.display
    if isinstance(value, BarometerError):
        return value.message
    if isinstance(value, Message):
        return value.translated()
    return value


def translated(text: str) -> str:
    """`text` in the language of this moment when it is a `Message`; other text as it is."""
    return text.translated() if isinstance(text, Message) else text


def every_language(text: str) -> set[str]:
    """`text` as each language Barometer speaks writes it, for matching what a user types in any of them."""
    if not isinstance(text, Message):
        return {text}
    forms = set()
    for code in LANGUAGES:
        with using_language(code):
            forms.add(text.translated())
    return forms
