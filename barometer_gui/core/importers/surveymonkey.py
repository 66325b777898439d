"""SurveyMonkey: two header rows (question text, with blanks over a question's later columns;
option text or "Response" under it), select-all as one column per option holding the option's
label, an "Other (please specify)" text column beside them, and matrices as one column per row.

The reader joins the two rows into "Question - option"; "Response" columns are single answers.
"""

from __future__ import annotations

import re

import pandas as pd

from barometer_gui.core.importers import flat
from barometer_gui.core.importers.metadata import tool_score
from barometer_gui.core.mapping import Encoding, Layout, Mapping
from barometer_gui.core.schema import QType

_RESPONSE = re.compile(r"\s+-\s+(Response|Open-Ended Response|Svar|Åpent svar)$", re.I)
_OTHER = re.compile(r"other \(please specify\)|annet \(vennligst spesifiser\)|annet \(spesifiser\)", re.I)


def matches(raw: pd.DataFrame, rows: list[list[str]]) -> bool:
    responses = sum(bool(_RESPONSE.search(str(c))) for c in raw.columns)
    subheader = any(cell in {"Response", "Open-Ended Response"} for row in rows[:1] for cell in row)
    return responses >= 1 or subheader or tool_score(list(raw.columns), "surveymonkey") >= 2


def merge_subheader(raw: pd.DataFrame, row: list[str]) -> dict[str, str]:
    """Question texts from the header over the option row (when the reader did not join them)."""
    texts: dict[str, str] = {}
    question = ""
    for column, sub in zip(raw.columns, row, strict=False):
        name = str(column)
        if not re.match(r"^(Kolonne [A-Z]+|Unnamed: \d+)", name):
            question = name
        texts[column] = f"{question} - {sub}" if sub and sub != question else question
    return texts


def mapping(raw: pd.DataFrame, texts: dict[str, str]) -> Mapping:
    texts = {c: _RESPONSE.sub("", texts.get(c, str(c))) for c in raw.columns}

    def split(column: str, text: str) -> tuple[str, str] | None:
        return None if _OTHER.search(text) else flat.header_split(column, text)

    result = flat.mapping(raw, Layout.SURVEYMONKEY, texts, split)
    for spec in result.questions:  # "Other (please specify)" is what the respondent wrote
        if _OTHER.search(spec.text):
            spec.type, spec.encoding, spec.options = QType.TEXT, Encoding.TEXT, []
    return result
