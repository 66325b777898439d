"""One translation mechanism for every user-visible string: Norwegian bokmål source, catalogues per language.

Code writes the Norwegian text and wraps it in `t()`; `{name}` placeholders are
filled after lookup, so a catalogue translates the sentence, not its parts.
Catalogues are plain dicts keyed by the Norwegian text (`en.py`); a test walks
the source and fails when a `t("…")` string has no entry. Bokmål needs no
catalogue: the source is the bokmål text.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = {"nb": "Norsk (bokmål)", "en": "English"}
_current = "nb"
#: a language chosen for one piece of work (a report written in English while the window speaks bokmål)
_override: ContextVar[str | None] = ContextVar("barometer_language", default=None)


def normalise(code: str | None) -> str:
    """A supported language code for `code`; unknown codes and other Norwegian forms fall back to bokmål."""
    code = (code or "nb").strip().lower().replace("_", "-").split("-")[0]
    return "nb" if code in ("no", "nn", "nb") or code not in LANGUAGES else code


def set_language(code: str | None) -> str:
    """Switch the program's language for everything translated from now on."""
    global _current
    _current = normalise(code)
    return _current


def language() -> str:
    """The language text is written in here and now: a `using_language` block's, else the program's."""
    return _override.get() or _current


@contextmanager
def using_language(code: str | None) -> Iterator[str]:
    """Write in `code` inside the block only, in this thread or task, leaving the program's language alone.

    A context variable rather than the global, so a report written in English in a worker
    thread never changes the words the window shows meanwhile.
    """
    token = _override.set(normalise(code))
    try:
        yield _override.get()
    finally:
        _override.reset(token)


def catalogue(code: str) -> dict[str, str]:
    """The merged catalogue for `code`; each part of the program keeps its own module (`en_*.py`)."""
    if code != "en":
        return {}
    global _english
    if _english is None:
        from barometer_gui.core.i18n import en, en_charts, en_import, en_output, en_report, en_window

        _english = {**en.EN, **en_import.EN, **en_output.EN, **en_charts.EN, **en_report.EN, **en_window.EN}
    return _english


_english: dict[str, str] | None = None


def t(source: str, /, **params: object) -> str:
    """The current language's version of the bokmål `source`, with `{name}` placeholders filled."""
    code = language()
    text = catalogue(code).get(source, source) if code != "nb" else source
    return text.format(**params) if params else text


set_language(os.environ.get("BAROMETER_LANG"))
