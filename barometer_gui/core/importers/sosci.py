"""SoSci Survey: a second header row of variable labels (not a respondent), variables like AB01,
AB02_01 … grouped by their stem, checkboxes coded 1 = not chosen / 2 = chosen, negative codes
(-9 not answered, -1 …) as missing, and SoSci metadata (CASE, SERIAL, QUESTNNR, STARTED,
TIME001 …, FINISHED, LASTPAGE …). `FINISHED` says who completed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from barometer_gui.core.errors import Message
from barometer_gui.core.importers import codebook
from barometer_gui.core.importers.common import runs, var_stem
from barometer_gui.core.importers.metadata import is_metadata, tool_score
from barometer_gui.core.mapping import Layout, Mapping

CHECKBOX = {"1": "Ikke valgt", "2": "Valgt"}


def matches(raw: pd.DataFrame) -> bool:
    return tool_score(list(raw.columns), "sosci") >= 4


def mapping(raw: pd.DataFrame, texts: dict[str, str], found: codebook.Codebook) -> Mapping:
    questions = [c for c in raw.columns if not is_metadata(c)]
    for column in questions:
        if raw[column].dtype.kind in "iuf":
            raw[column] = raw[column].where(~(raw[column] < 0), np.nan)
    labels = codebook.Codebook({str(c): t for c, t in texts.items() if t}, {})
    labels.update(found)
    for group in runs(questions, lambda c: var_stem(str(c))):
        if len(group) > 1 and all(_checkbox(raw[c]) for c in group):
            for column in group:
                labels.value_labels.setdefault(column, dict(CHECKBOX))
    result = codebook.mapping(raw, labels, Layout.SOSCI)
    if not found:
        result.notes.append(
            Message(
                "SoSci-eksporten har svarkoder uten etiketter; oppgi fila values (kodeboka) med --codebook "
                "eller velg den i programmet for å få svartekstene."
            )
        )
    return result


def _checkbox(column: pd.Series) -> bool:
    values = pd.to_numeric(column, errors="coerce").dropna()
    return not values.empty and set(values.unique()) <= {1.0, 2.0}
