"""Building blocks every tool family shares: columns → question specs, scales, background, header rows.

A family module knows its tool's headers and metadata; turning a set of columns into a single,
multi, grid, numeric or text question is the same for all of them and lives here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from barometer_gui.core.cells import answer_counts, code_key, is_blank, is_numeric, to_numbers
from barometer_gui.core.importers.metadata import is_metadata
from barometer_gui.core.mapping import CHOSEN, BackgroundSpec, Encoding, QuestionSpec, Role
from barometer_gui.core.schema import DONT_KNOW, QType, clean_label
from barometer_gui.core.texts import common_id, header_stem, item_text, split_texts

_ROLE_PATTERNS: list[tuple[Role, re.Pattern[str]]] = [
    (
        Role.KOMMUNENUMMER,
        re.compile(
            r"^(kommune|kommune\s*-?\s*n(umme)?r\.?|knr|komnr|kommune_?nr|kommunenummer|kommunekode|kommune_?kode|kommunenr)$",
            re.I,
        ),
    ),
    (
        Role.INHABITANTS,
        re.compile(
            r"^(antall\s+)?(innbyggere|innbyggertall|folketall|befolkning|inhabitants|population)(\s*\(.*\))?$",
            re.I,
        ),
    ),
    (
        Role.TYPE,
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
_VAR_STEM = re.compile(r"^(?P<stem>.+?)[_.](?P<part>\d+|[a-z])$", re.I)

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
    ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
    ["Ja", "Nei"],
    ["Yes", "No"],
]

#: Cell values that mean "this option was chosen" / "not chosen" in one-column-per-option layouts.
MARKS = {
    "x",
    "1",
    "ja",
    "yes",
    "y",
    "0",
    "nei",
    "no",
    "n",
    "sant",
    "usant",
    "true",
    "false",
    "valgt",
    "ikke valgt",
}

#: A "single choice" with more distinct answers than this is free text (never thousands of options).
MAX_OPTIONS = 60


# --------------------------------------------------------------------------- one question from columns


def question_from_columns(
    raw: pd.DataFrame,
    qid: str,
    text: str,
    columns: list[str],
    parts: list[str] | None = None,
    value_labels: dict[str, dict[str, str]] | None = None,
) -> QuestionSpec:
    """The question a group of columns holds, judged from their values and any value labels."""
    value_labels = value_labels or {}
    if len(columns) == 1:
        return single_column(raw, qid, text, columns[0], value_labels.get(columns[0]))
    parts = parts or [str(c) for c in columns]
    codes = value_labels.get(columns[0], {})
    if codes and _chosen_codes(codes) and all(value_labels.get(c) == codes for c in columns):
        return QuestionSpec(qid, text, QType.MULTI, columns, Encoding.CODES, parts, codes=dict(codes))
    values = [set(distinct(raw[c])) for c in columns]
    logical = all(v <= {"true", "false", "sant", "usant"} for v in values)  # Kobo TRUE/FALSE: FALSE = asked
    if logical or _binary_group(raw, columns, value_labels):
        return QuestionSpec(qid, text, QType.MULTI, columns, Encoding.BINARY, parts)
    if all(v <= {p.casefold()} | MARKS for v, p in zip(values, parts, strict=True)):
        return QuestionSpec(qid, text, QType.MULTI, columns, Encoding.MARKS, parts)
    if codes and all(value_labels.get(c) == codes for c in columns):
        return QuestionSpec(
            qid, text, QType.GRID, columns, Encoding.CODES, unique(codes.values()), parts, dict(codes)
        )
    scale = order_scale(appearance_order(pd.concat([raw[c] for c in columns], ignore_index=True)))
    return QuestionSpec(qid, text, QType.GRID, columns, Encoding.LABELS, scale, items=parts)


def single_column(
    raw: pd.DataFrame, qid: str, text: str, column: str, codes: dict[str, str] | None = None
) -> QuestionSpec:
    if codes:
        return QuestionSpec(
            qid, text, QType.SINGLE, [column], Encoding.CODES, unique(codes.values()), codes=codes
        )
    series = raw[column]
    if is_numeric(series):
        return QuestionSpec(qid, text, QType.NUMERIC, [column], Encoding.NUMBER)
    counts = answer_counts(series)
    filled = int(counts.sum())
    distinct_count = len({clean_label(v) for v in counts.index})
    few = distinct_count <= max(12, min(MAX_OPTIONS, 0.2 * filled))
    if filled and few and sum(len(v) * n for v, n in counts.items()) / filled < 80:
        return QuestionSpec(
            qid, text, QType.SINGLE, [column], Encoding.LABELS, order_scale(appearance_order(series))
        )
    return QuestionSpec(qid, text, QType.TEXT, [column], Encoding.TEXT)


def _chosen_codes(codes: dict[str, str]) -> bool:
    """Checkbox code lists: two codes, one of them meaning chosen (SoSci 1/2, SPSS 0/1 labelled)."""
    labels = {clean_label(v).casefold() for v in codes.values()}
    return len(codes) == 2 and bool(labels & CHOSEN) and set(codes) != {"0", "1"}


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


# --------------------------------------------------------------------------- grouping


def runs(values: list, key: Callable) -> list[list]:
    """Split a list into runs of consecutive values with the same key (None never joins)."""
    result: list[list] = []
    last = object()
    for value in values:
        k = key(value)
        if result and k is not None and k == last:
            result[-1].append(value)
        else:
            result.append([value])
        last = k
    return result


def var_stem(column: str) -> str | None:
    match = _VAR_STEM.match(str(column))
    return match.group("stem") if match else None


def group_grids(entries: list[QuestionSpec], by_stem: bool = False) -> list[QuestionSpec]:
    """Consecutive single-choice questions on one scale with texts "Stem - item" form a grid."""
    result: list[QuestionSpec] = []
    for run in runs(entries, lambda q: _grid_key(q, by_stem)):
        if len(run) < 2 or _grid_key(run[0], by_stem) is None:
            result.extend(run)
            continue
        stem, _ = split_texts([q.text for q in run])
        first = run[0]
        result.append(
            QuestionSpec(
                common_id([q.id for q in run]),
                stem,
                QType.GRID,
                [c for q in run for c in q.columns],
                first.encoding,
                list(first.options),
                [item_text(q.text, stem) for q in run],
                dict(first.codes),
            )
        )
    return result


def _grid_key(question: QuestionSpec, by_stem: bool):
    if question.type != QType.SINGLE:
        return None
    text_stem = header_stem(question.text)
    id_stem = var_stem(question.id)
    if text_stem is None and not (by_stem and id_stem):
        return None
    return (text_stem if text_stem is not None else id_stem, tuple(question.options))


# --------------------------------------------------------------------------- ids


def variable_id(column: str) -> str:
    text = clean_label(column).lower()
    text = text.replace("ø", "o").replace("æ", "ae").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_") or "bakgrunn"


_CODE_NAME = re.compile(r"^[\w/.\[\]-]{1,40}$")


def stable_ids(entries: list[QuestionSpec]) -> None:
    """Ids from the source variable when headers are codes, else from the question text.

    Never from the column position, so next year's export of the same survey (columns added or
    moved) keeps its ids and a saved mapping or report spec still finds its questions.
    """
    seen: dict[str, int] = {}
    for spec in entries:
        if all(_CODE_NAME.match(str(c)) for c in spec.columns):
            base = variable_id(_variable_stem([str(c) for c in spec.columns]))
        else:
            base = "_".join(variable_id(spec.text).split("_")[:6])[:40].strip("_") or "sporsmal"
        seen[base] = seen.get(base, 0) + 1
        spec.id = base if seen[base] == 1 else f"{base}_{seen[base]}"


def _variable_stem(columns: list[str]) -> str:
    if len(columns) == 1:
        return columns[0]
    stems = {var_stem(c) or c.partition("[")[0] for c in columns}
    if len(stems) == 1:
        return stems.pop()
    return common_id(columns).partition("[")[0]


# --------------------------------------------------------------------------- scales and values


_NUMBERED = re.compile(r"^(?:(?P<a>-?\d+)\s*[-–:.)]?\s*(?P<t1>.*)|(?P<t2>.*?)\s*[-–(]\s*(?P<b>-?\d+)\)?)$")


def order_scale(labels: list[str]) -> list[str]:
    """Known scale order, else numbered labels by number ("Stimme voll zu - 5" after bare 4), 'vet ikke' last."""
    folded = {label.casefold(): label for label in labels}
    substantive = [label for label in labels if not DONT_KNOW.match(label)]
    for scale in KNOWN_SCALES:
        if len(labels) >= 2 and {s.casefold() for s in substantive} <= {s.casefold() for s in scale}:
            ordered = [folded[s.casefold()] for s in scale if s.casefold() in folded]
            break
    else:
        numbers = [_scale_number(label) for label in substantive]
        if (
            len(substantive) >= 3
            and all(n is not None for n in numbers)
            and len(set(numbers)) == len(numbers)
        ):
            ordered = [label for _, label in sorted(zip(numbers, substantive, strict=True))]
        else:
            ordered = substantive
    return ordered + [label for label in labels if DONT_KNOW.match(label) and label not in ordered]


def _scale_number(label: str) -> float | None:
    match = _NUMBERED.match(label.strip())
    if not match:
        return None
    number = match.group("a") or match.group("b")
    return float(number) if number is not None else None


def appearance_order(series: pd.Series) -> list[str]:
    """Cleaned answers in the order they first appear (each distinct raw value cleaned once)."""
    return [v for v in dict.fromkeys(clean_label(v) for v in pd.unique(series.dropna())) if v]


def distinct(series: pd.Series) -> list[str]:
    keys = (code_key(v) if not isinstance(v, str) else clean_label(v) for v in pd.unique(series.dropna()))
    return [v for v in dict.fromkeys(k.casefold() for k in keys) if v]


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(clean_label(v) for v in values))


def value_labels_from(frame: pd.DataFrame) -> dict[str, dict[str, str]]:
    """variable -> {code: label} in codebook order, from a three-column labels table."""
    result: dict[str, dict[str, str]] = {}
    for variable, code, label in frame.iloc[:, :3].itertuples(index=False):
        if is_blank(variable) or is_blank(code):
            continue
        result.setdefault(str(variable).strip(), {})[code_key(code)] = clean_label(label)
    return result


# --------------------------------------------------------------------------- header rows


def header_rows(raw: pd.DataFrame, limit: int = 3) -> int:
    """How many rows under the header are more header (texts, labels, ImportIds), not respondents.

    A cell is header-like when its column is otherwise numbers and the cell is text, or when the
    text never occurs again in its column of few distinct answers. A row is a header row when
    nearly all its filled cells are header-like; real respondents never give a new answer in
    every question. A metadata column's cell (a time stamp, an id) may support a header row but
    never counts against one: such columns hold any text on any row.
    """
    count = 0
    # Judged against (a sample of) the rows after them, so a large file costs no more than a small one.
    body = raw.iloc[limit : limit + 2000] if len(raw) > limit + 2 else None
    while count < min(limit, len(raw) - 1) and _is_header_row(raw, count, body):
        count += 1
    return count


def _is_header_row(raw: pd.DataFrame, index: int, body: pd.DataFrame | None) -> bool:
    below = raw.iloc[index + 1 :] if body is None else body
    filled = [(c, v) for c, v in zip(raw.columns, raw.iloc[index], strict=True) if not is_blank(v)]
    allowed_misses = 0.1 * len(filled)
    misses = header_like = coded = 0
    for column, value in filled:
        kind = _header_cell(column, value, below[column])
        if kind is None and is_metadata(column):
            continue  # time stamps, ids and status hold anything on any row: no evidence either way
        header_like += kind is not None
        coded += kind == "coded"
        misses += kind is None
        if misses > allowed_misses:
            return False  # most rows stop here after a cell or two
    return len(filled) >= 2 and (coded >= 1 or header_like >= 3)


def _header_cell(column: object, value: object, rest: pd.Series) -> str | None:
    """ "coded": text over a column of numbers; "label": a text never given as an answer below."""
    if not isinstance(value, str):
        return None
    text = clean_label(value)
    if _is_date_like(text) or not pd.isna(pd.to_numeric(text.replace(",", "."), errors="coerce")):
        return None
    rest = rest[rest.notna()]
    words = rest.astype(str).str.strip()
    rest, words = rest[words != ""], words[words != ""]
    if len(rest) and to_numbers(rest).notna().all():
        return "coded"
    folded = words.str.casefold()
    if (folded == text.casefold()).any():
        return None
    few = folded.nunique() <= max(12, 0.2 * len(folded))
    return "label" if few or text.startswith('{"ImportId"') or text == clean_label(column) else None


def _is_date_like(text: str) -> bool:
    return bool(re.match(r"^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}", text))


def drop_header_rows(raw: pd.DataFrame, count: int) -> tuple[pd.DataFrame, list[list[str]]]:
    """The data without its extra header rows, and those rows' texts; numbers re-read as numbers."""
    if count == 0:
        return raw, []
    rows = [[clean_label(v) if not is_blank(v) else "" for v in raw.iloc[i]] for i in range(count)]
    data = raw.iloc[count:].reset_index(drop=True)
    return data.apply(numbers_if_all), rows


def numbers_if_all(column: pd.Series) -> pd.Series:
    """A text column as numbers when every filled cell is one (after header rows are taken out)."""
    if column.dtype.kind in "iufbM":
        return column
    filled = column.map(lambda v: not is_blank(v))
    numbers = pd.to_numeric(column.where(filled, None), errors="coerce")
    return numbers.astype(float) if filled.any() and numbers[filled].notna().all() else column


# --------------------------------------------------------------------------- background


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
        if role is Role.KOMMUNENUMMER and not _looks_like_kommunenummer(raw[column]):
            role = None
        if role is None and any(_BACKGROUND.match(n) for n in names if n):
            role = Role.CATEGORICAL
        if role is None:
            continue
        text = variable_labels.get(column) or clean_label(column)
        specs.append(BackgroundSpec(variable_id(column), text, column, role, value_labels.get(column, {})))
        used.add(column)
    order = {Role.KOMMUNENUMMER: 0, Role.INHABITANTS: 1, Role.TYPE: 2}
    specs.sort(key=lambda s: order.get(s.role, 3))
    return specs, weights, used


def _looks_like_kommunenummer(column: pd.Series) -> bool:
    values = column.dropna().astype(str).str.strip().str.replace(r"\.0+$", "", regex=True)
    return bool(len(values)) and values.str.fullmatch(r"\d{3,4}").mean() > 0.9
