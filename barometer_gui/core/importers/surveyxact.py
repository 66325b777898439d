"""SurveyXact: sheets Dataset (possibly Dataset(1), Dataset(2) …), Structure and Labels.

Structure names every variable's question and subtype; Labels (no header) gives codes and labels.
The export holds the whole invited sample: the status question `statoverall` (one 0/1 column per
state, stato_1 … stato_5) says who answered, and is never a question itself. Multi-select columns
hold 0 for everyone, reached or not, so `Mapping.unreached_zeros` is set.
"""

from __future__ import annotations

import re

import pandas as pd

from barometer_gui.core.cells import is_numeric
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importers.common import (
    detect_background,
    group_grids,
    single_column,
    unique,
    value_labels_from,
)
from barometer_gui.core.mapping import Encoding, Layout, Mapping, QuestionSpec, Status, StatusSpec, signature
from barometer_gui.core.schema import QType, clean_label

#: SurveyXact's status texts (Norwegian, Danish, English) and what they mean for the respondent.
STATES = {
    "ny": Status.NOT_ANSWERED,
    "new": Status.NOT_ANSWERED,
    "distribuert": Status.NOT_ANSWERED,
    "distribueret": Status.NOT_ANSWERED,
    "distributed": Status.NOT_ANSWERED,
    "noen svar": Status.PARTIAL,
    "delvist besvaret": Status.PARTIAL,
    "delvis besvart": Status.PARTIAL,
    "partially completed": Status.PARTIAL,
    "gjennomført": Status.COMPLETED,
    "gennemført": Status.COMPLETED,
    "completed": Status.COMPLETED,
    # Frafalt: taken out of the survey (refused or wrong recipient); not a respondent.
    "frafalt": Status.NOT_ANSWERED,
    "frafaldet": Status.NOT_ANSWERED,
    "dropped out": Status.NOT_ANSWERED,
}
_STATUS_QUESTION = re.compile(r"^(statoverall|status)$|^samlet status$", re.I)


def matches(sheets: dict[str, pd.DataFrame]) -> bool:
    return bool(_dataset_sheets(sheets)) and _structure_sheet(sheets) is not None


def detect(sheets: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, Mapping]:
    names = _dataset_sheets(sheets)
    raw = _join_dataset_parts([sheets[n] for n in names])
    if raw.dropna(how="all").empty:
        raise BarometerError("Arket «{name}» har overskrifter, men ingen svar.", name=names[0])
    labels = next((sheets[n] for n in sheets if n.strip().lower() == "labels"), pd.DataFrame())
    return raw, _mapping(raw, sheets[_structure_sheet(sheets)], labels)


def _dataset_sheets(sheets: dict[str, pd.DataFrame]) -> list[str]:
    return [n for n in sheets if re.fullmatch(r"dataset\s*(\(\d+\))?", n.strip(), re.I)]


def _structure_sheet(sheets: dict[str, pd.DataFrame]) -> str | None:
    return next((n for n in sheets if n.strip().lower() == "structure"), None)


def _join_dataset_parts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """SurveyXact splits wide datasets over Dataset(1), Dataset(2) …; glue them side by side."""
    if len(parts) == 1:
        return parts[0]
    if len({len(p) for p in parts}) != 1:
        raise BarometerError("Datasett-arkene har ulikt antall rader og kan ikke slås sammen.")
    joined = pd.concat([p.reset_index(drop=True) for p in parts], axis=1)
    return joined.loc[:, ~joined.columns.duplicated()]


def _mapping(raw: pd.DataFrame, structure: pd.DataFrame, labels: pd.DataFrame) -> Mapping:
    needed = {"questionname", "variablename", "subtype", "questiontext"}
    columns = {str(c).strip().lower(): c for c in structure.columns}
    if not needed <= set(columns):
        raise BarometerError(
            "Arket «Structure» mangler kolonnene questionName, variableName, subType og questionText. "
            "Eksporter datasettet på nytt fra SurveyXact med strukturarket."
        )
    value_labels = value_labels_from(labels) if not labels.empty else {}
    structure = structure.rename(columns={v: k for k, v in columns.items()})
    entries: list[QuestionSpec] = []
    used: set[str] = set()
    status = None
    for qname, rows in structure.groupby("questionname", sort=False):
        variables = [str(v) for v in rows["variablename"] if str(v) in raw.columns]
        if not variables:
            continue
        used.update(variables)
        text = clean_label(rows["questiontext"].iloc[0])
        if _STATUS_QUESTION.match(str(qname).strip()) or _STATUS_QUESTION.match(text):
            status = _status(rows, variables, value_labels)
            continue
        subtype = str(rows["subtype"].iloc[0]).strip().lower()
        if subtype == "multiple":
            choices = rows.get("choicetext", pd.Series(variables, index=rows.index))
            options = [clean_label(t) for t in choices]
            options = [o if o and o != "nan" else v for o, v in zip(options, variables, strict=False)]
            entries.append(
                QuestionSpec(str(qname), text, QType.MULTI, variables, Encoding.BINARY, unique(options))
            )
            continue
        texts = [clean_label(t) for t in rows["questiontext"]]
        for number, variable in enumerate(variables):
            qid = str(qname) if number == 0 else variable
            entries.append(
                _one(raw, qid, texts[min(number, len(texts) - 1)], variable, subtype, value_labels)
            )
    background, weights, bg_used = detect_background(
        raw, [c for c in raw.columns if c not in used], value_labels
    )
    questions = group_grids(_others_after_parents([q for q in entries if not set(q.columns) & bg_used]))
    return Mapping(
        Layout.SURVEYXACT,
        questions,
        background,
        weights,
        signature=signature(list(raw.columns)),
        status=status,
        unreached_zeros=True,
    )


def _one(raw, qid, text, variable, subtype, value_labels) -> QuestionSpec:
    if subtype == "single":
        if value_labels.get(variable) or not is_numeric(raw[variable]):
            return single_column(raw, qid, text, variable, value_labels.get(variable))
        return QuestionSpec(qid, text, QType.NUMERIC, [variable], Encoding.NUMBER)
    if subtype in {"integer", "decimal", "number", "numeric"} or (
        is_numeric(raw[variable]) and subtype != "string"
    ):
        return QuestionSpec(qid, text, QType.NUMERIC, [variable], Encoding.NUMBER)
    return QuestionSpec(qid, text, QType.TEXT, [variable], Encoding.TEXT)


def _status(rows: pd.DataFrame, variables: list[str], value_labels) -> StatusSpec:
    """One 0/1 column per state (stato_1 … stato_5), or one coded column with labels."""
    text = "SurveyXact «Samlet status»"
    if len(variables) > 1 and "choicetext" in rows:
        states = {
            variable: STATES.get(clean_label(choice).casefold(), Status.PARTIAL)
            for variable, choice in zip(rows["variablename"].astype(str), rows["choicetext"], strict=True)
            if variable in variables
        }
        return StatusSpec("states", variables, {k: str(v) for k, v in states.items()}, text)
    codes = value_labels.get(variables[0], {})
    values = {
        code.casefold(): str(STATES.get(label.casefold(), Status.PARTIAL)) for code, label in codes.items()
    }
    values |= {label.casefold(): state for label, state in STATES.items()}
    return StatusSpec("value", variables[:1], values, text)


def _others_after_parents(entries: list[QuestionSpec]) -> list[QuestionSpec]:
    """SurveyXact lists "Annet, spesifiser" text fields last; put each after its question.

    The order matters: a multi-select counts as reached by anyone who answered a later question.
    """
    result: list[QuestionSpec] = []
    others = [q for q in entries if q.type is QType.TEXT]
    for spec in entries:
        if spec in others and any(
            spec.text.startswith(p.text + " - ") for p in entries if p is not spec and p.type != QType.TEXT
        ):
            continue
        result.append(spec)
        result += [o for o in others if o is not spec and o.text.startswith(spec.text + " - ")]
    return result
