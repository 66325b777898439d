"""Flat exports: question text as header, one column per answer (or per option), metadata beside.

This is the shape of Microsoft Forms, Google Forms, Questback, Nettskjema without codebook, and
of most hand-made sheets. "Question - option" headers in a row form one multi-select (marks or
0/1) or one grid (a shared scale); a single column holding joined answers is a multi-select.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from barometer_gui.core.cells import answer_counts, is_numeric
from barometer_gui.core.importers import forms
from barometer_gui.core.importers.common import (
    detect_background,
    question_from_columns,
    runs,
    single_column,
    stable_ids,
)
from barometer_gui.core.importers.metadata import is_metadata
from barometer_gui.core.mapping import Encoding, Layout, Mapping, QuestionSpec, signature
from barometer_gui.core.schema import QType, clean_label
from barometer_gui.core.texts import header_stem, item_text


def header_split(column: str, text: str) -> tuple[str, str] | None:
    """ "Question - option" (or "Question: item") into its two parts."""
    stem = header_stem(text)
    return (stem, item_text(text, stem)) if stem is not None else None


def mapping(
    raw: pd.DataFrame,
    layout: Layout | None = None,
    texts: dict[str, str] | None = None,
    split: Callable[[str, str], tuple[str, str] | None] = header_split,
    value_labels: dict[str, dict[str, str]] | None = None,
) -> Mapping:
    """Questions from columns.

    `texts` gives question texts when headers are codes (a label row under them); `split(column, text)`
    tells a tool's "question + option" header apart (None keeps a column on its own, e.g. "Other" text).
    """
    texts = texts or {}
    candidates = [c for c in raw.columns if not is_metadata(c)]
    metadata = len(raw.columns) - len(candidates)
    background, weights, used = detect_background(raw, candidates, {}, texts)
    columns = [c for c in candidates if c not in used]
    dates = _times_as_text(raw, columns)
    entries: list[QuestionSpec] = []
    joined_any = False

    def text_of(column: str) -> str:
        return texts.get(column) or str(column)

    def stem_of(column: str) -> str | None:
        pair = split(column, text_of(column))
        return pair[0] if pair else None

    for group in runs(columns, stem_of):
        stem = stem_of(group[0])
        if len(group) > 1 and stem is not None:
            parts = [split(c, text_of(c))[1] for c in group]  # type: ignore[index]
            entries.append(question_from_columns(raw, "", clean_label(stem), group, parts))
            continue
        codes = (value_labels or {}).get(group[0])
        if codes:
            spec = single_column(raw, "", clean_label(text_of(group[0])), group[0], codes)
        else:
            spec = flat_column(raw, group[0], clean_label(text_of(group[0])), group[0] in dates)
        joined_any = joined_any or spec.encoding == Encoding.JOINED
        entries.append(spec)
    stable_ids(entries)
    if layout is None:
        layout = Layout.JOINED if joined_any or metadata >= 3 else Layout.QUESTION_HEADERS
    return Mapping(layout, entries, background, weights, signature=signature(list(raw.columns)))


def flat_column(raw: pd.DataFrame, column: str, text: str, free_text: bool = False) -> QuestionSpec:
    if free_text:
        return QuestionSpec("", text, QType.TEXT, [column], Encoding.TEXT)
    series = raw[column]
    if not is_numeric(series):
        counts = answer_counts(series)
        for separator in forms.SEPARATORS:
            options = forms.joined_options(counts, separator)
            if options:
                return QuestionSpec(
                    "", text, QType.MULTI, [column], Encoding.JOINED, options, separator=separator
                )
    return single_column(raw, "", text, column)


def _times_as_text(raw: pd.DataFrame, columns: list[str]) -> set[str]:
    """Time and date answers read as times and dates (not 1899-12-31 datetimes); they are text answers."""
    found = set()
    for column in columns:
        if raw[column].dtype.kind == "M" or raw[column].dtype == object:
            converted = forms.as_times(raw[column])
            if converted is not None:
                raw[column] = converted
                found.add(column)
    return found
