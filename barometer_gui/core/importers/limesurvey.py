"""LimeSurvey: question codes as headers, sub-questions as CODE[SQ001] (or "Question [Sub]" in a
full-text export) grouped into one multi-select or grid, answers as text or codes, end-labelled
scales ("Stimme voll zu - 5" beside bare 2, 3, 4) put in scale order, and metadata (id,
submitdate, lastpage, startlanguage, seed …). `submitdate` says who completed.
"""

from __future__ import annotations

import re

import pandas as pd

from barometer_gui.core.importers import flat
from barometer_gui.core.importers.metadata import tool_score
from barometer_gui.core.mapping import Layout, Mapping

_SUB = re.compile(r"^(?P<stem>.+?)\s*\[(?P<part>[^\]]+)\]\s*$")
_ALONE = {"other", "comment", "annet", "sonstiges"}


def matches(raw: pd.DataFrame) -> bool:
    subquestions = sum(bool(_SUB.match(str(c))) for c in raw.columns)
    return tool_score(list(raw.columns), "limesurvey") >= 3 or (
        subquestions >= 2 and tool_score(list(raw.columns), "limesurvey") >= 1
    )


def split(column: str, text: str) -> tuple[str, str] | None:
    match = _SUB.match(text)
    if not match or match.group("part").strip().casefold() in _ALONE:
        return None
    return match.group("stem").strip(), match.group("part").strip()


def mapping(raw: pd.DataFrame, texts: dict[str, str]) -> Mapping:
    return flat.mapping(raw, Layout.LIMESURVEY, texts, split)
