"""Recognise an export's layout and propose a `Mapping` for it.

Four layouts are told apart by their sheets and headers (see README):
SurveyXact (Dataset/Structure/Labels), coded data with a codebook,
question text as header, and one joined cell per multi-select question
(Forms). The last two mix freely in real files, so one "flat" detector
handles both, column by column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from barometer_gui.core.cells import code_key, is_blank, is_numeric
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.mapping import (
    BackgroundSpec,
    Mapping,
    QuestionSpec,
    signature,
)
from barometer_gui.core.readers import RawBook
from barometer_gui.core.schema import DONT_KNOW, clean_label
from barometer_gui.core.texts import common_id, header_stem, item_text, split_texts

_ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "kommunenummer",
        re.compile(
            r"^(kommune|kommune\s*-?\s*n(umme)?r\.?|knr|komnr|kommune_?nr|kommunenummer|kommunekode|kommune_?kode|kommunenr)$",
            re.I,
        ),
    ),
    (
        "inhabitants",
        re.compile(
            r"^(antall\s+)?(innbyggere|innbyggertall|folketall|befolkning|inhabitants|population)(\s*\(.*\))?$",
            re.I,
        ),
    ),
    (
        "type",
        re.compile(
            r"^(type|kommunetype|enhetstype|organisasjonstype|kommune\s*/\s*fylkeskommune|forvaltningsniv[aå])$",
            re.I,
        ),
    ),
]
_WEIGHT = re.compile(r"^(vekt|weight|wgt|vekt_?\w*|weight_?\w*|w)$", re.I)
_BACKGROUND = re.compile(
    r"^(sentralitet\w*|landsdel|fylke|region|kommunest(ø|o)rrelse|st(ø|o)rrelse|sektor|kj(ø|o)nn|alder\w*|(ø|o)konomi\w*)$",
    re.I,
)
_METADATA = re.compile(
    r"^(id|respondent\s*id|respondent|response\s*id|svar-?id|ip(-adresse)?|e-?post(adresse)?|e-?mail(\s*address)?|navn|name|"
    r"start(\s*time|tid(spunkt)?)?|end(\s*time)?|completion\s*time|sluttid(spunkt)?|fullf(ø|o)rt(\s*tidspunkt)?|"
    r"tidsstempel|timestamp|last\s*modified\s*time|sist\s*endret|starttidspunkt|fullf(ø|o)ringstidspunkt|status)$",
    re.I,
)
_VAR_STEM = re.compile(r"^(?P<stem>.+?)[_.](?P<part>\d+|[a-z])$", re.I)
_SEPARATORS = (";", "|", ",")

#: Common response scales, low to high, so text-only exports still list answers in order.
KNOWN_SCALES = [
    [
        "Hemmer i stor grad",
        "Hemmer i noen grad",
        "Verken hemmer eller fremmer",
        "Fremmer i noen grad",
        "Fremmer i stor grad",
    ],
    ["Svært uenig", "Uenig", "Litt uenig", "Verken enig eller uenig", "Litt enig", "Enig", "Svært enig"],
    ["Helt uenig", "Delvis uenig", "Verken enig eller uenig", "Delvis enig", "Helt enig"],
    ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"],
    ["Svært dårlig", "Dårlig", "Verken god eller dårlig", "God", "Svært god"],
    ["Ja", "Nei"],
]


def detect(book: RawBook) -> tuple[pd.DataFrame, Mapping]:
    """Return the raw data table and a proposed mapping for it."""
    sheets = {name: frame for name, frame in book.sheets.items() if frame.shape[1] > 0}
    if not sheets:
        raise BarometerError("Fila har ingen data: alle arkene er tomme.")
    datasets = [n for n in sheets if re.fullmatch(r"dataset\s*(\(\d+\))?", n.strip(), re.I)]
    structure = next((n for n in sheets if n.strip().lower() == "structure"), None)
    if datasets and structure:
        raw = _join_dataset_parts([sheets[n] for n in datasets])
        _require_rows(raw, datasets[0])
        labels = next((sheets[n] for n in sheets if n.strip().lower() == "labels"), pd.DataFrame())
        return raw, _surveyxact(raw, sheets[structure], labels)
    data_name = _data_sheet(sheets)
    raw = sheets[data_name]
    _require_rows(raw, data_name)
    codebook = _find_codebook(raw, {n: f for n, f in sheets.items() if n != data_name})
    if codebook is not None:
        return raw, _codebook(raw, *codebook)
    return raw, _flat(raw)


def _data_sheet(sheets: dict[str, pd.DataFrame]) -> str:
    """The sheet a codebook sheet refers to; without a codebook, the largest sheet."""
    referenced = [
        name
        for name, frame in sheets.items()
        if any(_refers_to(other, frame) for key, other in sheets.items() if key != name)
    ]
    return max(referenced or list(sheets), key=lambda n: sheets[n].shape[0] * sheets[n].shape[1])


def _refers_to(codebook: pd.DataFrame, data: pd.DataFrame) -> bool:
    names = {str(c) for c in data.columns}
    first = _with_header_as_row(codebook, names).iloc[:, 0].dropna().astype(str).str.strip()
    return len(names) > 1 and not first.empty and first.isin(names).mean() >= 0.5


def _require_rows(frame: pd.DataFrame, name: str) -> None:
    if frame.shape[1] == 0:
        raise BarometerError(f"Arket «{name}» er tomt.")
    if frame.dropna(how="all").empty:
        raise BarometerError(f"Arket «{name}» har overskrifter, men ingen svar.")


def _join_dataset_parts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """SurveyXact splits wide datasets over Dataset(1), Dataset(2) …; glue them side by side."""
    if len(parts) == 1:
        return parts[0]
    if len({len(p) for p in parts}) != 1:
        raise BarometerError("Datasett-arkene har ulikt antall rader og kan ikke slås sammen.")
    joined = pd.concat([p.reset_index(drop=True) for p in parts], axis=1)
    return joined.loc[:, ~joined.columns.duplicated()]


# --------------------------------------------------------------------------- SurveyXact


def _surveyxact(raw: pd.DataFrame, structure: pd.DataFrame, labels: pd.DataFrame) -> Mapping:
    needed = {"questionname", "variablename", "subtype", "questiontext"}
    columns = {str(c).strip().lower(): c for c in structure.columns}
    if not needed <= set(columns):
        raise BarometerError(
            "Arket «Structure» mangler kolonnene questionName, variableName, subType og questionText."
        )
    value_labels = _value_labels(labels) if not labels.empty else {}
    structure = structure.rename(columns={v: k for k, v in columns.items()})
    entries: list[QuestionSpec] = []
    used: set[str] = set()
    for qname, rows in structure.groupby("questionname", sort=False):
        variables = [str(v) for v in rows["variablename"] if str(v) in raw.columns]
        if not variables:
            continue
        subtype = str(rows["subtype"].iloc[0]).strip().lower()
        text = clean_label(rows["questiontext"].iloc[0])
        qid = str(qname)
        if subtype == "multiple":
            options = [clean_label(t) for t in rows.get("choicetext", pd.Series([v for v in variables]))]
            options = [o if o and o != "nan" else v for o, v in zip(options, variables, strict=False)]
            entries.append(QuestionSpec(qid, text, "multi", variables, "binary", _unique(options)))
        elif subtype == "single":
            codes = value_labels.get(variables[0], {})
            if codes:
                entries.append(
                    QuestionSpec(
                        qid, text, "single", variables[:1], "codes", _unique(codes.values()), codes=codes
                    )
                )
            elif is_numeric(raw[variables[0]]):
                entries.append(QuestionSpec(qid, text, "numeric", variables[:1], "number"))
            else:
                entries.append(
                    QuestionSpec(
                        qid, text, "single", variables[:1], "labels", _appearance_order(raw[variables[0]])
                    )
                )
        elif subtype in {"integer", "decimal", "number", "numeric"} or (
            is_numeric(raw[variables[0]]) and subtype != "string"
        ):
            entries.append(QuestionSpec(qid, text, "numeric", variables[:1], "number"))
        else:
            entries.append(QuestionSpec(qid, text, "text", variables[:1], "text"))
        used.update(variables)
    background, weights, bg_used = detect_background(
        raw, [c for c in raw.columns if c not in used], value_labels
    )
    questions = _group_grids([q for q in entries if not set(q.columns) & bg_used])
    return Mapping("surveyxact", questions, background, weights, signature=signature(list(raw.columns)))


def _value_labels(frame: pd.DataFrame) -> dict[str, dict[str, str]]:
    """variable -> {code: label} in codebook order, from a three-column labels table."""
    result: dict[str, dict[str, str]] = {}
    for variable, code, label in frame.iloc[:, :3].itertuples(index=False):
        if is_blank(variable) or is_blank(code):
            continue
        result.setdefault(str(variable).strip(), {})[code_key(code)] = clean_label(label)
    return result


# --------------------------------------------------------------------------- codebook


def _find_codebook(raw: pd.DataFrame, others: dict[str, pd.DataFrame]):
    """Variable and value labels from codebook sheets, if present.

    Three shapes are read: (variable, label); (variable, code, label); and the one-sheet SPSS
    "variable view" (variable, label, code, value label) where the variable is written once and
    the rows below it carry its codes.
    """
    names = {str(c) for c in raw.columns}
    variable_labels: dict[str, str] = {}
    value_labels: dict[str, dict[str, str]] = {}
    for frame in others.values():
        if frame.shape[1] < 2 or not _refers_to(frame, raw):
            continue
        table = _with_header_as_row(frame, names)
        if table.shape[1] >= 3 and table.iloc[:, 1].notna().any() and _mostly_codes(table.iloc[:, 1]):
            value_labels.update(_value_labels(table))
            continue
        variable_labels.update(_variable_labels(table))
        if table.shape[1] >= 4 and _mostly_codes(table.iloc[:, 2]):
            codes = table.iloc[:, [0, 2, 3]].copy()
            codes.iloc[:, 0] = codes.iloc[:, 0].ffill()
            value_labels.update(_value_labels(codes))
    if not variable_labels and not value_labels:
        return None
    return variable_labels, value_labels


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


def _codebook(
    raw: pd.DataFrame, variable_labels: dict[str, str], value_labels: dict[str, dict[str, str]]
) -> Mapping:
    background, weights, used = detect_background(raw, list(raw.columns), value_labels, variable_labels)
    entries: list[QuestionSpec] = []
    columns = [c for c in raw.columns if c not in used]
    for group in _runs(columns, lambda c: _var_stem(c)):
        stem = _var_stem(group[0])
        texts = [variable_labels.get(c, c) for c in group]
        if len(group) > 1 and stem is not None and _binary_group(raw, group, value_labels):
            question, options = split_texts(texts)
            entries.append(QuestionSpec(stem, question, "multi", group, "binary", options))
            continue
        for column in group:
            entries.append(
                _single_column(raw, column, variable_labels.get(column, column), value_labels.get(column))
            )
    questions = _group_grids(entries, by_stem=True)
    return Mapping("codebook", questions, background, weights, signature=signature(list(raw.columns)))


def _binary_group(raw: pd.DataFrame, group: list[str], value_labels: dict[str, dict[str, str]]) -> bool:
    for column in group:
        codes = value_labels.get(column)
        if codes and set(codes) - {"0", "1"}:
            return False
        values = raw[column]
        if values.dtype.kind not in "iuf":
            values = pd.to_numeric(values, errors="coerce")
        numbers = values.to_numpy(dtype=float)
        if raw[column].notna().any() and np.isnan(numbers).all():
            return False  # text answers, not 0/1 codes
        if not np.all(np.isnan(numbers) | (numbers == 0) | (numbers == 1)):
            return False
    return True


def _single_column(raw: pd.DataFrame, column: str, text: str, codes: dict[str, str] | None) -> QuestionSpec:
    if codes:
        return QuestionSpec(column, text, "single", [column], "codes", _unique(codes.values()), codes=codes)
    if is_numeric(raw[column]):
        return QuestionSpec(column, text, "numeric", [column], "number")
    return QuestionSpec(column, text, "text", [column], "text")


def _var_stem(column: str) -> str | None:
    match = _VAR_STEM.match(str(column))
    return match.group("stem") if match else None


# --------------------------------------------------------------------------- flat layouts


def _flat(raw: pd.DataFrame) -> Mapping:
    candidates = [c for c in raw.columns if not _METADATA.match(str(c).strip())]
    metadata = len(raw.columns) - len(candidates)
    background, weights, used = detect_background(raw, candidates, {})
    columns = [c for c in candidates if c not in used]
    entries: list[QuestionSpec] = []
    joined_any = False
    for group in _runs(columns, header_stem):
        if len(group) > 1 and header_stem(group[0]) is not None:
            entries.append(_header_group(raw, group))
            continue
        spec = _flat_column(raw, group[0])
        joined_any = joined_any or spec.encoding == "joined"
        entries.append(spec)
    for number, spec in enumerate(entries, start=1):
        spec.id = f"q{number}"
    layout = "joined" if joined_any or metadata >= 3 else "question_headers"
    return Mapping(layout, entries, background, weights, signature=signature(list(raw.columns)))


def _header_group(raw: pd.DataFrame, group: list[str]) -> QuestionSpec:
    stem = clean_label(header_stem(group[0]) or group[0])
    parts = [item_text(str(c), header_stem(str(c))) for c in group]
    values = [set(_distinct(raw[c])) for c in group]
    marks = all(
        v <= {p.casefold(), "x", "1", "ja", "yes", "0", "nei", "no", "sant", "usant", "true", "false"}
        for v, p in zip(values, parts, strict=True)
    )
    if marks:
        numeric = all(v <= {"0", "1"} for v in values) and any("0" in v for v in values)
        return QuestionSpec("", stem, "multi", group, "binary" if numeric else "marks", parts)
    scale = order_scale(_appearance_order(pd.concat([raw[c] for c in group], ignore_index=True)))
    return QuestionSpec("", stem, "grid", group, "labels", scale, items=parts)


def _flat_column(raw: pd.DataFrame, column: str) -> QuestionSpec:
    text = clean_label(column)
    series = raw[column]
    if is_numeric(series):
        return QuestionSpec("", text, "numeric", [column], "number")
    filled = series.dropna().astype(str).str.strip()
    filled = filled[filled != ""]
    for separator in _SEPARATORS:
        options = _joined_options(filled, separator)
        if options:
            return QuestionSpec("", text, "multi", [column], "joined", options, separator=separator)
    distinct = filled.map(clean_label).unique()
    if len(filled) and len(distinct) <= max(12, 0.05 * len(filled)) and filled.str.len().mean() < 80:
        return QuestionSpec("", text, "single", [column], "labels", order_scale(_appearance_order(series)))
    return QuestionSpec("", text, "text", [column], "text")


def _joined_options(cells: pd.Series, separator: str) -> list[str] | None:
    """Options of a joined multi-select column, or None if the column is not one.

    Tools that join answers (Forms) use ';' or end every cell with the separator. A comma also
    occurs inside single answers ("Ja, politisk vedtatt"), so for ',' and '|' without trailing
    separators the parts must also occur as whole answers elsewhere in the column.
    """
    cleaned = cells.map(clean_label)
    distinct = list(pd.unique(cleaned))
    joined = [c for c in distinct if separator in c]
    if cleaned.empty or cleaned.str.contains(re.escape(separator), regex=True).mean() < 0.1:
        return None
    parts = {c: [p for p in (clean_label(x) for x in c.split(separator)) if p] for c in distinct}
    trailing = cleaned.str.endswith(separator).mean() >= 0.5
    if separator != ";" and not trailing:
        whole = {c for c in distinct if separator not in c}
        if np.mean([all(p in whole for p in parts[c]) for c in joined]) < 0.5:
            return None
    options = list(dict.fromkeys(p for c in distinct for p in parts[c]))
    if len(options) > max(30, 0.2 * len(cleaned)):
        return None
    return options


# --------------------------------------------------------------------------- shared


def detect_background(
    raw: pd.DataFrame,
    columns: Iterable[str],
    value_labels: dict[str, dict[str, str]],
    variable_labels: dict[str, str] | None = None,
) -> tuple[list[BackgroundSpec], list[str], set[str]]:
    """Find kommunenummer, inhabitants, type, weight and other background columns."""
    variable_labels = variable_labels or {}
    specs: list[BackgroundSpec] = []
    weights: list[str] = []
    used: set[str] = set()
    for column in columns:
        names = [str(column).strip(), variable_labels.get(column, "").strip()]
        if any(_WEIGHT.match(n) for n in names if n) and is_numeric(raw[column]):
            weights.append(column)
            used.add(column)
            continue
        role = next((r for r, pattern in _ROLE_PATTERNS if any(pattern.search(n) for n in names if n)), None)
        if role == "kommunenummer" and not _looks_like_kommunenummer(raw[column]):
            role = None
        if role is None and any(_BACKGROUND.match(n) for n in names if n):
            role = "categorical"
        if role is None:
            continue
        text = variable_labels.get(column) or clean_label(column)
        specs.append(BackgroundSpec(variable_id(column), text, column, role, value_labels.get(column, {})))
        used.add(column)
    order = {"kommunenummer": 0, "inhabitants": 1, "type": 2}
    specs.sort(key=lambda s: order.get(s.role, 3))
    return specs, weights, used


def _looks_like_kommunenummer(column: pd.Series) -> bool:
    values = column.dropna().astype(str).str.strip().str.replace(r"\.0+$", "", regex=True)
    return bool(len(values)) and values.str.fullmatch(r"\d{3,4}").mean() > 0.9


def variable_id(column: str) -> str:
    text = clean_label(column).lower()
    text = text.replace("ø", "o").replace("æ", "ae").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_") or "bakgrunn"


def _group_grids(entries: list[QuestionSpec], by_stem: bool = False) -> list[QuestionSpec]:
    """Consecutive single-choice questions on one scale with texts "Stem - item" form a grid."""
    result: list[QuestionSpec] = []
    for run in _runs(entries, lambda q: _grid_key(q, by_stem)):
        if len(run) < 2 or _grid_key(run[0], by_stem) is None:
            result.extend(run)
            continue
        stem, _ = split_texts([q.text for q in run])
        items = [item_text(q.text, stem) for q in run]
        first = run[0]
        grid_id = common_id([q.id for q in run])
        codes = dict(first.codes)
        result.append(
            QuestionSpec(
                grid_id,
                stem,
                "grid",
                [c for q in run for c in q.columns],
                first.encoding,
                list(first.options),
                items,
                codes,
            )
        )
    return result


def _grid_key(question: QuestionSpec, by_stem: bool):
    if question.type != "single":
        return None
    text_stem = header_stem(question.text)
    id_stem = _var_stem(question.id)
    if text_stem is None and not (by_stem and id_stem):
        return None
    return (text_stem if text_stem is not None else id_stem, tuple(question.options))


def _runs(values: list, key) -> list[list]:
    """Split a list into runs of consecutive values with the same key (None never joins)."""
    runs: list[list] = []
    last = object()
    for value in values:
        k = key(value)
        if runs and k is not None and k == last:
            runs[-1].append(value)
        else:
            runs.append([value])
        last = k
    return runs


def order_scale(labels: list[str]) -> list[str]:
    """Put text answers in a known scale's order, 'vet ikke' last; otherwise keep first appearance."""
    folded = {label.casefold(): label for label in labels}
    for scale in KNOWN_SCALES:
        if len(labels) >= 2 and {label.casefold() for label in labels if not DONT_KNOW.match(label)} <= {
            s.casefold() for s in scale
        }:
            ordered = [folded[s.casefold()] for s in scale if s.casefold() in folded]
            break
    else:
        ordered = [label for label in labels if not DONT_KNOW.match(label)]
    return ordered + [label for label in labels if DONT_KNOW.match(label) and label not in ordered]


def _appearance_order(series: pd.Series) -> list[str]:
    values = series.dropna().map(clean_label)
    return [v for v in pd.unique(values) if v]


def _distinct(series: pd.Series) -> list[str]:
    values = series.dropna().map(
        lambda v: code_key(v).casefold() if not isinstance(v, str) else clean_label(v).casefold()
    )
    return [v for v in pd.unique(values) if v]


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(clean_label(v) for v in values))
