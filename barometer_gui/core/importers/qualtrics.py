"""Qualtrics: three header rows (variable names; question texts; {"ImportId": …}) and metadata.

Recognised by the ImportId row or its metadata columns (ResponseId, Finished, Progress …).
`Finished` says who completed; `Q2_3_TEXT` text-entry columns stay questions of their own.
"""

from __future__ import annotations

import re

import pandas as pd

from barometer_gui.core.cells import is_numeric
from barometer_gui.core.errors import Message
from barometer_gui.core.importers import flat
from barometer_gui.core.importers.metadata import tool_score
from barometer_gui.core.mapping import Layout, Mapping

_TEXT_ENTRY = re.compile(r"_TEXT$|_\d+_TEXT$", re.I)


def matches(raw: pd.DataFrame, rows: list[list[str]]) -> bool:
    import_id = any(cell.startswith('{"ImportId"') for row in rows for cell in row)
    return import_id or tool_score(list(raw.columns), "qualtrics") >= 3


def mapping(raw: pd.DataFrame, texts: dict[str, str]) -> Mapping:
    def split(column: str, text: str) -> tuple[str, str] | None:
        return None if _TEXT_ENTRY.search(str(column)) else flat.header_split(column, text)

    result = flat.mapping(raw, Layout.QUALTRICS, texts, split)
    answers = [c for q in result.questions for c in q.columns if not _TEXT_ENTRY.search(str(c))]
    if answers and all(is_numeric(raw[c]) or raw[c].isna().all() for c in answers):
        result.notes.append(
            Message(
                "Qualtrics-eksporten har tallkoder i stedet for svartekster, så ett-svar-spørsmål vises som tall. "
                "Eksporter på nytt med «Use choice text», eller oppgi kodeboka med --codebook."
            )
        )
    return result
