"""Identifiers and their words: an enum's value is stored, compared and saved; its `display` is only shown.

A saved mapping holds "single", never "Ett svar", so it loads whatever language wrote it.
The module that defines an enum gives its members' words in `WORDS`, each marked with
`N_("bokmål")`: the mark lets the catalogue test find the text, and `display` translates it
only when it is shown, in the language of that moment.
"""

from __future__ import annotations

from enum import StrEnum

from barometer_gui.core.i18n import t


class _Words(dict):
    """Enum member → its bokmål words, told apart by their enum: `QType.TEXT` and `Encoding.TEXT` are both
    "text", and a plain dict would give both the words of whichever module filled it last."""

    @staticmethod
    def _key(member: StrEnum) -> tuple[type, str]:
        return type(member), member.value

    def update(self, words: dict[StrEnum, str]) -> None:
        super().update({self._key(member): text for member, text in words.items()})

    def __getitem__(self, member: StrEnum) -> str:
        return super().__getitem__(self._key(member))

    def __contains__(self, member: object) -> bool:
        return isinstance(member, StrEnum) and super().__contains__(self._key(member))


#: enum member → its bokmål words; filled beside each enum by the module that defines it
WORDS = _Words()


def N_(source: str) -> str:  # gettext's name for "mark now, translate when shown"
    """Mark a bokmål text for the catalogue without translating it; `t()` translates it where it is shown."""
    return source


class Worded(StrEnum):
    """A StrEnum whose members have words for people besides their value for files and code."""

    @property
    def display(self) -> str:
        return t(WORDS[self])
