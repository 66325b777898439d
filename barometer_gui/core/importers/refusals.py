"""Files that are not response data: said plainly, with what to do instead.

A codebook or form definition opened on its own, a licence, a README or source code saved as
.csv/.txt/.xlsx: each would otherwise become a "survey" of one text question. Every message
names what the file looks like and what to do next.
"""

from __future__ import annotations

import re

import pandas as pd

from barometer_gui.core.errors import BarometerError, Message
from barometer_gui.core.importers.codebook import looks_like_codebook
from barometer_gui.core.schema import clean_label
from barometer_gui.core.words import N_

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


def reexport() -> Message:
    """What to do next when a file is not an export that can be read."""
    return Message("Eksporter svarene på nytt som Excel (.xlsx) fra undersøkelsesverktøyet.")


def refuse_non_data(name: str, sheets: dict[str, pd.DataFrame], data: pd.DataFrame) -> None:
    """Raise when the chosen data table is not respondents' answers."""
    names = {n.strip().casefold() for n in sheets}
    if {"survey", "choices"} <= names:
        raise BarometerError(
            "«{name}» ser ut som en skjemadefinisjon (XLSForm), ikke svardata. Åpne datafila med svarene, "
            "og oppgi denne fila som kodebok (--codebook i kommandolinjen).",
            name=name,
        )
    if looks_like_codebook(data) and len(sheets) >= 1 and _all_codebook(sheets):
        raise BarometerError(
            "«{name}» ser ut som en kodebok, ikke svardata. Åpne datafila med svarene, og oppgi denne fila "
            "som kodebok (--codebook i kommandolinjen).",
            name=name,
        )
    lines = _lines(data)
    if len(lines) < 3 or data.shape[1] > 4:
        return
    refusal = _prose_refusal(lines)
    if refusal:
        raise BarometerError(refusal, name=name, next=reexport())


def _all_codebook(sheets: dict[str, pd.DataFrame]) -> bool:
    return all(looks_like_codebook(frame) for frame in sheets.values() if frame.shape[1] > 0)


def _lines(data: pd.DataFrame) -> list[str]:
    """Header and cells read back as the text lines they probably were."""
    rows = [" ".join(str(c) for c in data.columns)]
    for row in data.head(200).itertuples(index=False):
        rows.append(", ".join(clean_label(v) for v in row if isinstance(v, str) and v.strip()))
    return [r for r in rows if r.strip()]


def _prose_refusal(lines: list[str]) -> str | None:
    """The refusal for text that is not a table of answers (a message key with {name} and {next})."""
    text = "\n".join(lines)
    if len(_LICENCE.findall(text)) >= 2:
        return N_("«{name}» ser ut som en lisenstekst, ikke svar fra en spørreundersøkelse. {next}")
    if sum(bool(_CODE.match(line)) for line in lines) >= max(2, len(lines) // 5):
        return N_("«{name}» ser ut som programkode, ikke svar fra en spørreundersøkelse. {next}")
    if sum(bool(_MARKDOWN.match(line)) for line in lines) >= 2 or "readme" in lines[0].casefold():
        return N_(
            "«{name}» ser ut som en README- eller tekstfil, ikke svar fra en spørreundersøkelse. {next}"
        )
    long_prose = sum(len(line.split()) >= 8 for line in lines)
    if long_prose >= 0.6 * len(lines):
        return N_(
            "«{name}» ser ut som vanlig tekst (avsnitt), ikke en tabell med svar fra en spørreundersøkelse. {next}"
        )
    return None
