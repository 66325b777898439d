"""Files that are not response data: said plainly, with what to do instead.

A codebook or form definition opened on its own, a licence, a README or source code saved as
.csv/.txt/.xlsx: each would otherwise become a "survey" of one text question. Every message
names what the file looks like and what to do next.
"""

from __future__ import annotations

import re

import pandas as pd

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importers.codebook import looks_like_codebook
from barometer_gui.core.schema import clean_label

REEXPORT = "Eksporter svarene på nytt som Excel (.xlsx) fra undersøkelsesverktøyet."
_LICENCE = re.compile(
    r"permission is hereby granted|licen[cs]e|lisens|copyright|warrant(y|ies)|all rights reserved|"
    r"redistribution and use|gnu general public",
    re.I,
)
_CODE = re.compile(
    r"^\s*(def |class |import |from \S+ import|#include|function |return\b|var |let |const |public |"
    r"private |package |[{}]\s*$|<\?php|<html|<!doctype|\w+\s*=\s*function|if\s*\(.*\)\s*\{)",
    re.I,
)
_MARKDOWN = re.compile(r"^\s*(#{1,6}\s|\*\s|-\s|```|={3,}|\[.+\]\(.+\))")


def refuse_non_data(name: str, sheets: dict[str, pd.DataFrame], data: pd.DataFrame) -> None:
    """Raise when the chosen data table is not respondents' answers."""
    shown = f"«{name}»" if name else "Fila"
    names = {n.strip().casefold() for n in sheets}
    if {"survey", "choices"} <= names or (
        looks_like_codebook(data) and len(sheets) >= 1 and _all_codebook(sheets)
    ):
        what = "en skjemadefinisjon (XLSForm)" if {"survey", "choices"} <= names else "en kodebok"
        raise BarometerError(
            f"{shown} ser ut som {what}, ikke svardata. Åpne datafila med svarene, og oppgi denne fila "
            "som kodebok (--codebook i kommandolinjen)."
        )
    lines = _lines(data)
    if len(lines) < 3 or data.shape[1] > 4:
        return
    what = _prose_kind(lines)
    if what:
        raise BarometerError(f"{shown} ser ut som {what}, ikke svar fra en spørreundersøkelse. {REEXPORT}")


def _all_codebook(sheets: dict[str, pd.DataFrame]) -> bool:
    return all(looks_like_codebook(frame) for frame in sheets.values() if frame.shape[1] > 0)


def _lines(data: pd.DataFrame) -> list[str]:
    """Header and cells read back as the text lines they probably were."""
    rows = [" ".join(str(c) for c in data.columns)]
    for row in data.head(200).itertuples(index=False):
        rows.append(", ".join(clean_label(v) for v in row if isinstance(v, str) and v.strip()))
    return [r for r in rows if r.strip()]


def _prose_kind(lines: list[str]) -> str | None:
    text = "\n".join(lines)
    if len(_LICENCE.findall(text)) >= 2:
        return "en lisenstekst"
    if sum(bool(_CODE.match(line)) for line in lines) >= max(2, len(lines) // 5):
        return "programkode"
    if sum(bool(_MARKDOWN.match(line)) for line in lines) >= 2 or "readme" in lines[0].casefold():
        return "en README- eller tekstfil"
    long_prose = sum(len(line.split()) >= 8 for line in lines)
    if long_prose >= 0.6 * len(lines):
        return "vanlig tekst (avsnitt), ikke en tabell"
    return None
