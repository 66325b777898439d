"""Form tools that put every answer in one column: Microsoft Forms, Google Forms, Questback.

Multi-selects come as one cell per respondent with the chosen options joined: Microsoft Forms
with ";" (and a trailing ";"), Google Forms with ", " although options may themselves contain
commas. The option set is inferred from the answers: cells that stand alone are options, and a
part starting with a lower-case letter continues the option before it ("Ja, delvis"), so an
option is never split at a comma inside it. Google Forms writes time answers as 1899-12-30/31
datetimes in xlsx; they are read back as times.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from barometer_gui.core.mapping import Layout
from barometer_gui.core.schema import clean_label

SEPARATORS = (";", "|", ",")
_TIMESTAMP = {"timestamp", "tidsstempel", "zeitstempel", "horodateur", "marca temporal"}


def layout(columns: list[str]) -> Layout | None:
    """Google Forms starts with its Timestamp column; Microsoft Forms and Questback stay "joined"."""
    first = " ".join(str(columns[0]).split()).casefold() if columns else ""
    return Layout.GOOGLE_FORMS if first in _TIMESTAMP else None


def joined_options(counts: pd.Series, separator: str) -> list[str] | None:
    """Options of a joined multi-select column, or None if the column is not one.

    `counts`: how often each filled answer occurs (cells.answer_counts). Each distinct answer is
    cleaned and inspected once; shares are weighted by how often it occurs.
    """
    total = int(counts.sum())
    weight = dict.fromkeys((clean_label(v) for v in counts.index), 0)
    for value, count in counts.items():
        weight[clean_label(value)] += int(count)
    if not total or sum(n for c, n in weight.items() if separator in c) < 0.1 * total:
        return None
    distinct = list(weight)
    trailing = sum(n for c, n in weight.items() if c.endswith(separator)) >= 0.5 * total
    if separator == ";" or trailing:
        parts = {c: [p for p in (clean_label(x) for x in c.split(separator)) if p] for c in distinct}
    else:
        whole = {c for c in distinct if separator not in c}
        parts = {c: split_known(c, whole, separator) for c in distinct}
        joined = [c for c in distinct if separator in c]
        recurring = np.mean([all(p in whole for p in parts[c]) for c in joined])
        if recurring < 0.5 and not _reads_as_joined(parts, joined):
            return None
    options = list(dict.fromkeys(p for c in distinct for p in parts[c]))
    if len(options) > max(30, 0.2 * total):
        return None
    return options


def split_known(cell: str, known: set[str], separator: str = ",") -> list[str]:
    """Split "A, Ja, delvis, B" into options: known options first, lower-case parts continue the last."""
    tokens = [t.strip() for t in cell.split(separator)]
    result: list[str] = []
    index = 0
    while index < len(tokens):
        for end in range(len(tokens), index, -1):  # longest known option starting here
            candidate = (
                f"{separator} ".join(tokens[index:end])
                if separator == ","
                else separator.join(tokens[index:end])
            )
            if clean_label(candidate) in known:
                result.append(clean_label(candidate))
                index = end
                break
        else:
            token = tokens[index]
            if result and token and (token[0].islower() or token[0].isdigit()):
                result[-1] = f"{result[-1]}{separator} {token}"
            elif token:
                result.append(token)
            index += 1
    return result


def _reads_as_joined(parts: dict[str, list[str]], joined: list[str]) -> bool:
    """Google Forms checkboxes: the parts recur across respondents in different combinations."""
    counts: dict[str, int] = {}
    for cell in joined:
        for part in parts[cell]:
            counts[part] = counts.get(part, 0) + 1
    recurring = [p for p, n in counts.items() if n >= 2]
    combined = sum(len(parts[c]) >= 2 for c in joined)
    return combined >= 2 and len(recurring) >= 2


def as_times(series: pd.Series) -> pd.Series | None:
    """Times Excel stored as datetimes on its day zero (1899-12-30/31) read back as "HH:MM"."""
    values = series.dropna()
    if values.empty:
        return None
    if all(isinstance(v, dt.time) for v in values):
        return series.map(lambda v: v.strftime("%H:%M") if isinstance(v, dt.time) else v)
    stamps = pd.to_datetime(values, errors="coerce") if values.dtype.kind == "M" else None
    if stamps is None or stamps.isna().any():
        return None
    if (stamps.dt.year == 1899).all():
        return series.map(lambda v: pd.Timestamp(v).strftime("%H:%M") if not pd.isna(v) else None)
    if (stamps.dt.normalize() == stamps).all():
        return series.map(lambda v: pd.Timestamp(v).strftime("%d.%m.%Y") if not pd.isna(v) else None)
    return None
