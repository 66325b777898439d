"""KoboToolbox / ODK: the main sheet (not the repeat-group sheets, which carry `_parent_index`),
metadata (_id, _uuid, _submission_time, _status, __version__, start, end, deviceid …) skipped,
group paths ("grp/q1") shortened, and select_multiple as `parent/option` (or `parent.option`)
0/1 or TRUE/FALSE columns grouped into one question; the space-joined parent column is dropped.
"""

from __future__ import annotations

import pandas as pd

from barometer_gui.core.importers import flat
from barometer_gui.core.importers.codebook import Codebook
from barometer_gui.core.importers.metadata import tool_score
from barometer_gui.core.mapping import Layout, Mapping


def matches(raw: pd.DataFrame) -> bool:
    names = {str(c).casefold() for c in raw.columns}
    return len(names & {"_id", "_uuid", "_submission_time", "_index", "__version__"}) >= 2 or (
        tool_score(list(raw.columns), "kobo") >= 3
    )


def main_sheet(sheets: dict[str, pd.DataFrame]) -> str | None:
    """The submissions sheet: repeat groups point to it with `_parent_index`."""
    repeats = [n for n, f in sheets.items() if "_parent_index" in {str(c) for c in f.columns}]
    if not repeats:
        return None
    mains = [n for n in sheets if n not in repeats]
    return max(mains, key=lambda n: sheets[n].shape[0] * sheets[n].shape[1]) if mains else None


def _parent(column: str, names: set[str]) -> tuple[str, str] | None:
    for separator in ("/", "."):
        head, sep, option = str(column).rpartition(separator)
        if sep and head in names:
            return head, option
    return None


def mapping(raw: pd.DataFrame, texts: dict[str, str], form: Codebook) -> Mapping:
    """`form` is the XLSForm (survey/choices) when the user gave it: labels instead of names."""
    names = {str(c) for c in raw.columns}
    parents = {pair[0] for c in raw.columns if (pair := _parent(str(c), names))}
    raw = raw[[c for c in raw.columns if str(c) not in parents]]

    def short(column: str) -> str:
        return str(column).rpartition("/")[2]

    labels = {str(c): texts.get(c) or form.variable_labels.get(short(c)) or short(c) for c in raw.columns}
    codes = {str(c): form.value_labels[short(c)] for c in raw.columns if short(c) in form.value_labels}

    def split(column: str, text: str) -> tuple[str, str] | None:
        pair = _parent(column, names)
        if pair is None:
            return None
        parent = texts.get(pair[0]) or form.variable_labels.get(short(pair[0])) or short(pair[0])
        return parent, form.value_labels.get(short(pair[0]), {}).get(pair[1], pair[1])

    return flat.mapping(raw, Layout.KOBO, labels, split, codes)
