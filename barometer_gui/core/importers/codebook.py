"""Coded data with a codebook: in another sheet of the same workbook, or in a separate file.

Shapes read: (variable, label); (variable, code, label); the SPSS "variable view" (variable,
label, code, value label) with the variable written once above its codes; SoSci's variables/values
tables; a Kobo/ODK XLSForm (sheets `survey` and `choices`). Labels, option order and which columns
form one question all come from the codebook.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from barometer_gui.core.cells import code_key, is_blank
from barometer_gui.core.importers.common import (
    detect_background,
    group_grids,
    question_from_columns,
    runs,
    single_column,
    value_labels_from,
    var_stem,
)
from barometer_gui.core.importers.metadata import is_metadata
from barometer_gui.core.mapping import Encoding, Layout, Mapping, QuestionSpec, signature
from barometer_gui.core.schema import QType, clean_label
from barometer_gui.core.texts import split_texts

_VARIABLE_WORDS = {"variable", "variabel", "var", "name", "navn", "variablename", "variabelnavn", "kode"}
_LABEL_WORDS = {
    "label",
    "etikett",
    "variable label",
    "variabeletikett",
    "spørsmål",
    "question",
    "tekst",
    "text",
}


@dataclass
class Codebook:
    variable_labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.variable_labels or self.value_labels)

    def update(self, other: Codebook) -> None:
        self.variable_labels.update(other.variable_labels)
        self.value_labels.update(other.value_labels)


def find_in_sheets(raw: pd.DataFrame, others: dict[str, pd.DataFrame]) -> Codebook:
    """Variable and value labels from the workbook's other sheets that refer to the data's columns."""
    names = {str(c) for c in raw.columns}
    found = Codebook()
    for frame in others.values():
        if frame.shape[1] >= 2 and refers_to(frame, names):
            found.update(read_table(frame, names))
    return found


def from_sheets(sheets: dict[str, pd.DataFrame], names: set[str]) -> Codebook:
    """A separate codebook file: XLSForm, or any variable/value label tables it holds."""
    lowered = {n.strip().lower(): f for n, f in sheets.items()}
    if "survey" in lowered and "choices" in lowered:
        return _xlsform(lowered["survey"], lowered["choices"])
    found = Codebook()
    for frame in sheets.values():
        if frame.shape[1] >= 2:
            found.update(read_table(frame, names))
    return found


def refers_to(codebook: pd.DataFrame, names: set[str]) -> bool:
    first = _with_header_as_row(codebook, names).iloc[:, 0].dropna().astype(str).str.strip()
    return len(names) > 1 and not first.empty and first.isin(names).mean() >= 0.5


def read_table(frame: pd.DataFrame, names: set[str]) -> Codebook:
    table = _with_header_as_row(frame, names)
    header = [str(c).strip().casefold() for c in frame.columns]
    if {"var", "response", "meaning"} <= set(header):  # SoSci values.csv
        return Codebook(
            value_labels=value_labels_from(
                frame[[frame.columns[header.index(h)] for h in ("var", "response", "meaning")]]
            )
        )
    if table.shape[1] >= 3 and table.iloc[:, 1].notna().any() and _mostly_codes(table.iloc[:, 1]):
        return Codebook(value_labels=value_labels_from(table))
    found = Codebook(variable_labels=_variable_labels(table))
    if table.shape[1] >= 4 and _mostly_codes(table.iloc[:, 2]):
        codes = table.iloc[:, [0, 2, 3]].copy()
        codes.iloc[:, 0] = codes.iloc[:, 0].ffill()
        found.value_labels = value_labels_from(codes)
    return found


def looks_like_codebook(frame: pd.DataFrame) -> bool:
    """A table of variable names and labels (or an XLSForm sheet), not respondents' answers."""
    header = {str(c).strip().casefold() for c in frame.columns}
    xlsform = {"type", "name", "label"} <= header or {"list_name", "name", "label"} <= header
    spss = bool(header & _VARIABLE_WORDS) and bool(header & (_LABEL_WORDS | {"value", "verdi", "code"}))
    sosci = {"var", "response", "meaning"} <= header or {"var", "type", "label"} <= header
    return xlsform or spss or sosci


def _xlsform(survey: pd.DataFrame, choices: pd.DataFrame) -> Codebook:
    columns = {str(c).strip().casefold(): c for c in survey.columns}
    label = next((columns[c] for c in columns if c.startswith("label")), None)
    choice_cols = {str(c).strip().casefold(): c for c in choices.columns}
    choice_label = next((choice_cols[c] for c in choice_cols if c.startswith("label")), None)
    lists: dict[str, dict[str, str]] = {}
    if choice_label is not None and "list_name" in choice_cols and "name" in choice_cols:
        for list_name, name, text in choices[
            [choice_cols["list_name"], choice_cols["name"], choice_label]
        ].itertuples(index=False):
            if not is_blank(list_name) and not is_blank(name):
                lists.setdefault(str(list_name).strip(), {})[code_key(name)] = clean_label(text)
    found = Codebook()
    if label is None or "type" not in columns or "name" not in columns:
        return found
    for kind, name, text in survey[[columns["type"], columns["name"], label]].itertuples(index=False):
        if is_blank(name) or is_blank(kind):
            continue
        name = str(name).strip()
        found.variable_labels[name] = clean_label(text) if not is_blank(text) else name
        parts = str(kind).split()
        if parts[0] in {"select_one", "select_multiple"} and len(parts) > 1 and parts[1] in lists:
            found.value_labels[name] = dict(lists[parts[1]])
            if parts[0] == "select_multiple":
                for code, option in lists[parts[1]].items():
                    found.variable_labels[f"{name}/{code}"] = f"{found.variable_labels[name]}: {option}"
    return found


def _variable_labels(table: pd.DataFrame) -> dict[str, str]:
    return {
        str(variable).strip(): clean_label(label)
        for variable, label in table.iloc[:, :2].itertuples(index=False)
        if not is_blank(variable) and not is_blank(label)
    }


def _with_header_as_row(frame: pd.DataFrame, names: set[str]) -> pd.DataFrame:
    """Codebook sheets often have no header row; then the first row was read as the header."""
    header = [str(c) for c in frame.columns]
    if header and header[0] in names:
        top = pd.DataFrame([[_header_value(h) for h in header]], columns=frame.columns)
        frame = pd.concat([top, frame], ignore_index=True)
    return frame


def _header_value(text: str) -> object:
    try:
        return float(text)
    except ValueError:
        return text


def _mostly_codes(column: pd.Series) -> bool:
    values = column.dropna()
    return (
        bool(len(values))
        and pd.to_numeric(values.astype(str).str.strip(), errors="coerce").notna().mean() > 0.8
    )


def _coded_column(raw: pd.DataFrame, column: str, text: str, codes: dict[str, str] | None) -> QuestionSpec:
    """In coded data an uncoded text column is free text (answers were not given codes)."""
    spec = single_column(raw, str(column), text, column, codes)
    if spec.encoding == Encoding.LABELS:
        spec.type, spec.encoding, spec.options = QType.TEXT, Encoding.TEXT, []
    return spec


def mapping(
    raw: pd.DataFrame, codebook: Codebook, layout: Layout = Layout.CODEBOOK, stem=var_stem
) -> Mapping:
    """Questions from coded columns: `stem` groups columns (q2_1, q2_2 …) into one question."""
    variable_labels, value_labels = codebook.variable_labels, codebook.value_labels
    candidates = [c for c in raw.columns if not is_metadata(c)]
    background, weights, used = detect_background(raw, candidates, value_labels, variable_labels)
    entries: list[QuestionSpec] = []
    columns = [c for c in candidates if c not in used]
    for group in runs(columns, lambda c: stem(str(c))):
        texts = [variable_labels.get(c, str(c)) for c in group]
        if len(group) > 1 and stem(str(group[0])) is not None:
            question, parts = split_texts(texts)
            spec = question_from_columns(raw, stem(str(group[0])), question, group, parts, value_labels)
            if spec.type != "grid" or spec.encoding == "codes":
                entries.append(spec)
                continue
        entries += [_coded_column(raw, c, t, value_labels.get(c)) for c, t in zip(group, texts, strict=True)]
    questions = group_grids(entries, by_stem=True)
    return Mapping(layout, questions, background, weights, signature=signature(list(raw.columns)))
