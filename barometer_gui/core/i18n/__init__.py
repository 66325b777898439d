"""One translation mechanism for every user-visible string: Norwegian bokmål source, catalogues per language.

Code writes the Norwegian text and wraps it in `t()`; `{name}` placeholders are
filled after lookup, so a catalogue translates the sentence, not its parts.
Catalogues are plain dicts keyed by the Norwegian text (`en.py`); a test walks
the source and fails when a `t("…")` string has no entry. Bokmål needs no
catalogue: the source is the bokmål text.
"""

from __future__ import annotations

import os

LANGUAGES = {"nb": "Norsk (bokmål)", "en": "English"}
_current = "nb"


def set_language(code: str | None) -> str:
    """Switch language for everything translated from now on; unknown codes fall back to bokmål."""
    global _current
    code = (code or "nb").strip().lower().replace("_", "-").split("-")[0]
    _current = "nb" if code in ("no", "nn", "nb") or code not in LANGUAGES else code
    return _current


def language() -> str:
    return _current


def catalogue(code: str) -> dict[str, str]:
    """The merged catalogue for `code`; each part of the program keeps its own module (`en_*.py`)."""
    if code != "en":
        return {}
    global _english
    if _english is None:
        from barometer_gui.core.i18n import en, en_charts, en_import, en_output, en_report

        _english = {**en.EN, **en_import.EN, **en_output.EN, **en_charts.EN, **en_report.EN}
    return _english


_english: dict[str, str] | None = None


def t(source: str, /, **params: object) -> str:
    """The current language's version of the bokmål `source`, with `{name}` placeholders filled."""
    text = catalogue(_current).get(source, source) if _current != "nb" else source
    return text.format(**params) if params else text


set_language(os.environ.get("BAROMETER_LANG"))
