"""The mapping from raw export columns to questions: detected, reviewed, saved, reused.

Detection proposes a `Mapping`; the user may correct it in the mapping dialog;
it is saved as a small JSON file and applied again to next year's export of
the same survey. `apply_mapping` is the only code that turns raw columns into
the canonical columns described in `schema`.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import asdict, dataclass, field
from functools import partial

import numpy as np
import pandas as pd

from barometer_gui.core.cells import code_key, is_blank, map_distinct, to_numbers
from barometer_gui.core.errors import BarometerError, Message
from barometer_gui.core.formatting import fmt_int
from barometer_gui.core.register import SizeClasses, derive_from_kommunenummer, normalise_type
from barometer_gui.core.schema import Background, QType, Question, Survey, clean_label
from barometer_gui.core.texts import common_id, split_texts
from barometer_gui.core.words import N_, WORDS, Worded


class Encoding(Worded):
    """How raw cells encode answers."""

    CODES = "codes"
    LABELS = "labels"
    BINARY = "binary"
    MARKS = "marks"
    JOINED = "joined"
    NUMBER = "number"
    TEXT = "text"


class Role(Worded):
    """What a background column is used for."""

    KOMMUNENUMMER = "kommunenummer"
    INHABITANTS = "inhabitants"
    TYPE = "type"
    CATEGORICAL = "categorical"
    NUMERIC = "numeric"


class Layout(Worded):
    """The survey tool or file shape an export was recognised as."""

    SURVEYXACT = "surveyxact"
    CODEBOOK = "codebook"
    QUESTION_HEADERS = "question_headers"
    JOINED = "joined"
    SPSS = "spss"
    STATA = "stata"
    QUALTRICS = "qualtrics"
    SURVEYMONKEY = "surveymonkey"
    GOOGLE_FORMS = "google_forms"
    NETTSKJEMA = "nettskjema"
    LIMESURVEY = "limesurvey"
    KOBO = "kobo"
    SOSCI = "sosci"


class Respondents(Worded):
    """Which rows count as respondents, by the tool's response status."""

    ANSWERED = "answered"  # completed and partial
    COMPLETED = "completed"
    ALL = "all"  # every row in the file, invited or not


class Status(Worded):
    COMPLETED = "completed"
    PARTIAL = "partial"
    NOT_ANSWERED = "not_answered"


# One update per enum: members of different enums may share a value (Encoding.TEXT, QType.TEXT are "text").
WORDS.update(
    {
        Encoding.CODES: N_("tallkoder med kodeliste"),
        Encoding.LABELS: N_("svartekster"),
        Encoding.BINARY: N_("én 0/1-kolonne per alternativ"),
        Encoding.MARKS: N_("én kolonne per alternativ, merket når valgt"),
        Encoding.JOINED: N_("valgte alternativer samlet i én celle"),
        Encoding.NUMBER: N_("tall"),
        Encoding.TEXT: N_("fritekst"),
    }
)
WORDS.update(
    {
        Role.KOMMUNENUMMER: N_("Kommunenummer"),
        Role.INHABITANTS: N_("Innbyggertall"),
        Role.TYPE: N_("Kommune/fylkeskommune"),
        Role.CATEGORICAL: N_("Kategorier"),
        Role.NUMERIC: N_("Tall"),
    }
)
WORDS.update(
    {
        Layout.SURVEYXACT: N_("SurveyXact"),
        Layout.CODEBOOK: N_("Kodede data med kodebok"),
        Layout.QUESTION_HEADERS: N_("Spørsmålstekst som overskrift"),
        Layout.JOINED: N_("Skjema med samlede flervalg (Microsoft Forms, Questback)"),
        Layout.SPSS: N_("SPSS"),
        Layout.STATA: N_("Stata"),
        Layout.QUALTRICS: N_("Qualtrics"),
        Layout.SURVEYMONKEY: N_("SurveyMonkey"),
        Layout.GOOGLE_FORMS: N_("Google Forms"),
        Layout.NETTSKJEMA: N_("Nettskjema"),
        Layout.LIMESURVEY: N_("LimeSurvey"),
        Layout.KOBO: N_("KoboToolbox/ODK"),
        Layout.SOSCI: N_("SoSci Survey"),
    }
)
WORDS.update(
    {
        Respondents.ANSWERED: N_("de som har svart (fullført eller delvis)"),
        Respondents.COMPLETED: N_("de som har fullført"),
        Respondents.ALL: N_("alle rader i fila, også inviterte som ikke har svart"),
    }
)
WORDS.update(
    {
        Status.COMPLETED: N_("fullført"),
        Status.PARTIAL: N_("delvis besvart"),
        Status.NOT_ANSWERED: N_("ikke svart"),
    }
)

#: Kept for callers that list the roles.
BACKGROUND_ROLES = tuple(str(r) for r in Role)


def layout_name(layout: str) -> str:
    """The words for a layout identifier (`Survey.layout`), in the current language; an unknown one as it is."""
    try:
        return Layout(layout).display
    except ValueError:
        return layout


@dataclass
class StatusSpec:
    """Where the tool records who answered.

    kind "states": one 0/1 column per state (SurveyXact), `values` maps column -> Status;
    kind "finished": a finished flag (Qualtrics Finished, SoSci FINISHED);
    kind "submitted": a date that is filled once submitted (LimeSurvey submitdate);
    kind "value": a status text (Kobo _status), `values` maps text -> Status.
    Rows not completed count as partial when they answered at least one question.
    """

    kind: str
    columns: list[str]
    values: dict[str, str] = field(default_factory=dict)
    text: str = ""


@dataclass
class QuestionSpec:
    id: str
    text: str
    type: str
    columns: list[str]
    encoding: str
    options: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)
    separator: str | None = None


@dataclass
class BackgroundSpec:
    id: str
    text: str
    column: str
    role: str
    codes: dict[str, str] = field(default_factory=dict)


@dataclass
class Mapping:
    layout: str
    questions: list[QuestionSpec]
    background: list[BackgroundSpec] = field(default_factory=list)
    weights: list[str] = field(default_factory=list)
    size_bounds: list[int] = field(default_factory=lambda: list(SizeClasses().bounds))
    signature: str = ""
    #: The tool's response-status columns, if it has them; never shown as a question.
    status: StatusSpec | None = None
    #: Who counts as a respondent (settable in the mapping dialog).
    respondents: str = Respondents.ANSWERED
    #: SurveyXact writes 0 in every multi-select column for people who never reached the question:
    #: an all-zero row then counts as asked only if the respondent answered a later question.
    unreached_zeros: bool = False
    #: What detection was unsure about (plausibility checks); shown to the user, not saved.
    notes: list[str] = field(default_factory=list, compare=False)

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("notes")
        return json.dumps(data, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Mapping:
        try:
            raw = json.loads(text)
            status = raw.get("status")
            mapping = cls(
                layout=raw["layout"],
                questions=[QuestionSpec(**q) for q in raw["questions"]],
                background=[BackgroundSpec(**b) for b in raw.get("background", [])],
                weights=list(raw.get("weights", [])),
                size_bounds=[int(b) for b in raw.get("size_bounds", SizeClasses().bounds)],
                signature=raw.get("signature", ""),
                status=StatusSpec(**status) if status else None,
                respondents=raw.get("respondents", Respondents.ANSWERED),
                unreached_zeros=bool(raw.get("unreached_zeros", False)),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BarometerError(
                "Koblingsfila er ikke gyldig ({error}).", error=exc.__class__.__name__
            ) from None
        mapping.validate()
        return mapping

    def validate(self) -> Mapping:
        """Known words only (a hand-edited file may hold anything); turns them into their enums."""
        for spec in self.questions:
            try:
                spec.type, spec.encoding = QType(spec.type), Encoding(spec.encoding)
            except ValueError:
                spec.columns = []
            if not spec.columns:
                raise BarometerError(
                    "Koblingsfila er ikke gyldig: spørsmålet «{id}» har ukjent type eller koding.", id=spec.id
                )
        for spec in self.background:
            try:
                spec.role = Role(spec.role)
            except ValueError:
                raise BarometerError(
                    "Koblingsfila er ikke gyldig: ukjent rolle «{role}» for «{column}».",
                    role=spec.role,
                    column=spec.column,
                ) from None
        try:
            self.respondents = Respondents(self.respondents)
            self.layout = Layout(self.layout)
        except ValueError:
            raise BarometerError(
                "Koblingsfila er ikke gyldig: ukjent oppsett eller respondentregel."
            ) from None
        return self


def signature(columns: list[str]) -> str:
    """Identify a survey by its raw column names, so next year's export finds its mapping."""
    joined = "\n".join(sorted(str(c) for c in columns))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- apply


def apply_mapping(raw: pd.DataFrame, mapping: Mapping, source: str = "") -> Survey:
    """Build the canonical `Survey` from raw columns as the mapping says.

    Only respondents count: rows the tool marks as not answered (invited, never answered) are left
    out before any question is built, as the mapping's respondent rule says.
    """
    mapping.validate()
    status_columns = mapping.status.columns if mapping.status else []
    missing = sorted({c for q in mapping.questions for c in q.columns} - set(raw.columns))
    missing += sorted(
        ({b.column for b in mapping.background} | set(status_columns)) - set(raw.columns) - set(missing)
    )
    if missing:
        listed = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise BarometerError("Koblingen passer ikke til fila: kolonnene {listed} finnes ikke.", listed=listed)

    columns: dict[str, pd.Series] = {}
    questions: list[Question] = []
    warnings: list[str] = []
    for spec in mapping.questions:
        question, built, note = _build_question(raw, spec)
        questions.append(question)
        columns.update(built)
        if note:
            warnings.append(note)

    background: list[Background] = []
    for spec in mapping.background:
        built, entries = _build_background(raw, spec, SizeClasses(tuple(mapping.size_bounds)))
        for key, values in built.items():
            # An explicit type column and kommunenummer both give `bg::type`: keep the readable one.
            if key not in columns or values.notna().sum() > columns[key].notna().sum():
                columns[key] = values
        background.extend(entries)
    for weight in mapping.weights:
        columns[weight] = to_numbers(raw[weight])  # "1,25" as Norwegian exports write it

    data = pd.DataFrame(columns, index=pd.RangeIndex(len(raw)))
    answered = _answered(data, questions)
    status = response_status(raw, mapping.status, answered.any(axis=1))
    keep = _kept(status, Respondents(mapping.respondents))
    if mapping.unreached_zeros:
        _unreached_as_not_asked(data, questions, answered, keep)
    counts = {str(s): int((status == s).sum()) for s in Status} if mapping.status else {}
    population = _population_text(mapping, int(keep.sum()), len(raw))
    if mapping.status and not keep.all():
        warnings.insert(0, population)
    return Survey(
        data=data[keep].reset_index(drop=True),
        questions=questions,
        background=_dedupe_background(background),
        layout=mapping.layout,
        weights=list(mapping.weights),
        source=source,
        warnings=warnings,
        raw_columns=[str(c) for c in raw.columns],
        population=population,
        status_counts=counts,
    )


def response_status(raw: pd.DataFrame, spec: StatusSpec | None, answered_any: np.ndarray) -> np.ndarray:
    """Each row's `Status` from the tool's status fields; without them every row has answered.

    Rows the tool does not mark completed are partial when they answered at least one question and
    not answered otherwise (a "started" or "interrupted" status with no answer is not a respondent).
    """
    if spec is None:
        return np.full(len(raw), Status.COMPLETED, dtype=object)
    status = np.full(len(raw), None, dtype=object)
    first = raw[spec.columns[0]]
    if spec.kind == "states":
        for column, state in spec.values.items():
            status[to_numbers(raw[column]).fillna(0).to_numpy() > 0] = Status(state)
    elif spec.kind == "finished":
        status[map_distinct(first, lambda v: _clean_lower(v) in _YES).to_numpy(dtype=bool)] = Status.COMPLETED
    elif spec.kind == "submitted":
        status[first.map(lambda v: not is_blank(v)).to_numpy(dtype=bool)] = Status.COMPLETED
    else:
        status = map_distinct(
            first, lambda v: None if is_blank(v) else spec.values.get(code_key(v).casefold())
        ).to_numpy(dtype=object)
    status = np.where(pd.isna(status), Status.PARTIAL, status)
    status[(status == Status.PARTIAL) & ~answered_any] = Status.NOT_ANSWERED
    return status


_YES = {"1", "1.0", "true", "sant", "ja", "yes"}


def _kept(status: np.ndarray, rule: Respondents) -> np.ndarray:
    if rule is Respondents.ALL:
        return np.ones(len(status), dtype=bool)
    if rule is Respondents.COMPLETED:
        return status == Status.COMPLETED
    return status != Status.NOT_ANSWERED


def _answered(data: pd.DataFrame, questions: list[Question]) -> pd.DataFrame:
    """Per question, whether the row holds an answer (for a multi-select: at least one option chosen)."""
    answered = {}
    for question in questions:
        block = data[question.columns]
        if question.type is QType.MULTI:
            answered[question.id] = (block.to_numpy(dtype=float) > 0).any(axis=1)
        else:
            answered[question.id] = block.notna().to_numpy().any(axis=1)
    return pd.DataFrame(answered, index=data.index)


def _unreached_as_not_asked(
    data: pd.DataFrame, questions: list[Question], answered: pd.DataFrame, keep: np.ndarray
) -> None:
    """A multi-select row of only zeros counts as asked when the respondent answered a later question.

    SurveyXact cannot tell "reached, chose nothing" from "never reached" in its 0/1 columns, so
    reaching a question is read from answering it or anything after it in the questionnaire.
    """
    later = np.zeros(len(data), dtype=bool)
    for question in reversed(questions):
        if question.type is QType.MULTI:
            chose = answered[question.id].to_numpy()
            unreached = ~(chose | later) | ~keep
            data.loc[unreached, question.columns] = np.nan
        later |= answered[question.id].to_numpy()


def _population_text(mapping: Mapping, kept: int, rows: int) -> str:
    if mapping.status is None:
        return ""
    rule, kept_text, rows_text = Respondents(mapping.respondents), fmt_int(kept), fmt_int(rows)
    if mapping.status.text:
        return Message(
            "Respondenter: {rule}, {kept} av {rows} rader i fila (status fra {field}).",
            rule=rule,
            kept=kept_text,
            rows=rows_text,
            field=mapping.status.text,
        )
    return Message(
        "Respondenter: {rule}, {kept} av {rows} rader i fila.", rule=rule, kept=kept_text, rows=rows_text
    )


def _build_question(
    raw: pd.DataFrame, spec: QuestionSpec
) -> tuple[Question, dict[str, pd.Series], str | None]:
    qtype = QType(spec.type)
    note = None
    if qtype is QType.SINGLE:
        values, options, note = _categorical(raw[spec.columns[0]], spec)
        built = {spec.id: values}
        return Question(spec.id, spec.text, qtype, [spec.id], options), built, note
    if qtype is QType.GRID:
        built = {}
        options = list(spec.options)
        for index, column in enumerate(spec.columns):
            values, options, note_i = _categorical(raw[column], spec, options)
            built[f"{spec.id}::{index + 1}"] = values
            note = note or note_i
        # Re-cast every item on the final scale so all items share one category order.
        built = {
            k: pd.Series(pd.Categorical(v.astype(object), categories=options, ordered=True))
            for k, v in built.items()
        }
        items = list(spec.items) or [str(c) for c in spec.columns]
        return Question(spec.id, spec.text, qtype, list(built), options, items), built, note
    if qtype is QType.MULTI:
        options, matrix = _multi(raw, spec)
        built = {f"{spec.id}::{i + 1}": pd.Series(matrix[:, i]) for i in range(matrix.shape[1])}
        return Question(spec.id, spec.text, qtype, list(built), options), built, None
    if qtype is QType.NUMERIC:
        values = to_numbers(raw[spec.columns[0]])
        return Question(spec.id, spec.text, qtype, [spec.id]), {spec.id: values}, None
    values = map_distinct(raw[spec.columns[0]], lambda v: None if is_blank(v) else str(v).strip())
    return Question(spec.id, spec.text, qtype, [spec.id]), {spec.id: values.astype(object)}, None


def _categorical(column: pd.Series, spec: QuestionSpec, options: list[str] | None = None):
    """Translate codes or labels into an ordered categorical; unknown answers are kept, not lost.

    Each distinct raw value is translated once and the category codes are spread with numpy,
    so a 20 000-row column costs about as much as one with twenty rows.
    """
    options = list(
        dict.fromkeys(options if options is not None else spec.options)
    )  # a hand edit may repeat one
    if spec.encoding == "codes":
        lookup = {code_key(k): clean_label(v) for k, v in spec.codes.items()}

        def translate(value):
            return None if is_blank(value) else lookup.get(code_key(value), code_key(value))
    else:

        def translate(value):
            return None if is_blank(value) else clean_label(value)

    raw_codes, uniques = pd.factorize(column, use_na_sentinel=True)
    labels = [translate(value) for value in uniques]
    unknown = [label for label in dict.fromkeys(labels) if label is not None and label not in options]
    note = None
    if unknown:
        options += sorted(unknown, key=str)
        shown = ", ".join(map(str, unknown[:3]))
        note = Message(
            "«{question}»: svar uten etikett i kodelista ({shown}) er tatt med som egne alternativer.",
            question=spec.text[:60],
            shown=shown,
        )
    position = {option: index for index, option in enumerate(options)}
    lookup_codes = np.array(
        [position[label] if label is not None else -1 for label in labels] + [-1], dtype=int
    )
    codes = lookup_codes[raw_codes]
    values = pd.Categorical.from_codes(codes, categories=options, ordered=True)
    return pd.Series(values, index=column.index), options, note


CHOSEN = {
    "1",
    "1.0",
    "valgt",
    "ja",
    "yes",
    "y",
    "true",
    "x",
    "sant",
    "selected",
    "checked",
    "chosen",
    "ausgewählt",
}
NOT_CHOSEN = {"0", "0.0", "nei", "no", "n", "false", "ikke valgt", "not selected", "not checked", "usant"}


def _multi(raw: pd.DataFrame, spec: QuestionSpec) -> tuple[list[str], np.ndarray]:
    """Options and a matrix with one column per option: 1 chosen, 0 not chosen, NaN not asked."""
    options = list(spec.options)
    if spec.encoding == "joined":
        cells = raw[spec.columns[0]]
        chosen = [split_joined(v, options, spec.separator or ";") for v in cells]
        options += sorted({o for row in chosen if row for o in row} - set(options))
        matrix = np.full((len(cells), len(options)), np.nan)
        for r, row in enumerate(chosen):
            if row is not None:
                matrix[r, :] = [1.0 if o in row else 0.0 for o in options]
        return options, matrix

    columns = []
    for column in spec.columns:
        values = raw[column]
        if spec.encoding == "codes":  # SoSci 1 = not chosen / 2 = chosen; SPSS counted value
            chosen = {code_key(k) for k, v in spec.codes.items() if _clean_lower(v) in CHOSEN}
            columns.append(map_distinct(values, partial(_counted, chosen)).to_numpy(dtype=float))
        elif spec.encoding == "binary" and values.dtype.kind in "iuf":
            numbers = values.to_numpy(dtype=float)
            columns.append(np.where(np.isnan(numbers), np.nan, (numbers > 0).astype(float)))  # as _binary
        elif spec.encoding == "binary":
            columns.append(map_distinct(values, _binary).to_numpy(dtype=float))
        else:
            columns.append(map_distinct(values, _marked).to_numpy(dtype=float))
    matrix = np.column_stack(columns) if columns else np.zeros((len(raw), 0))
    if spec.encoding == "marks":
        # With marks, "asked" can only be told from at least one option marked.
        matrix[matrix.sum(axis=1) == 0] = np.nan
    return options, matrix


def _counted(chosen: set[str], value: object) -> float:
    return math.nan if is_blank(value) else float(code_key(value) in chosen)


def _marked(value: object) -> float:
    return 0.0 if is_blank(value) or _clean_lower(value) in NOT_CHOSEN else 1.0


def _binary(value: object) -> float:
    if is_blank(value):
        return math.nan
    text = _clean_lower(value)
    if text in NOT_CHOSEN:
        return 0.0
    if text in CHOSEN:
        return 1.0
    try:
        return 1.0 if float(text.replace(",", ".")) > 0 else 0.0
    except ValueError:
        return 1.0


def split_joined(value: object, known: list[str], separator: str) -> set[str] | None:
    """Split "A;B;" into options, matching known labels first so "Ja; helt" survives."""
    if is_blank(value):
        return None
    text = clean_label(value)
    found: set[str] = set()
    for option in sorted(known, key=len, reverse=True):
        pattern = rf"(?:^|{re.escape(separator)})\s*{re.escape(option)}\s*(?={re.escape(separator)}|$)"
        if re.search(pattern, text):
            found.add(option)
            text = re.sub(pattern, separator, text)
    found.update(part.strip() for part in text.split(separator) if part.strip())
    return found


def _build_background(raw: pd.DataFrame, spec: BackgroundSpec, sizes: SizeClasses):
    column = raw[spec.column]
    if spec.role == "kommunenummer":
        derived = derive_from_kommunenummer(column)
        built = {f"bg::{name}": derived[name] for name in derived.columns}
        entries = [
            Background("fylke", Message("Fylke"), "derived", "bg::fylke"),
            Background("landsdel", Message("Landsdel"), "derived", "bg::landsdel"),
            Background("type", Message("Kommune/fylkeskommune"), "derived", "bg::type"),
        ]
        return built, entries
    if spec.role == "inhabitants":
        values = to_numbers(column)
        built = {"bg::innbyggere": values, "bg::kommunestorrelse": sizes.classify(values)}
        entries = [
            Background("kommunestorrelse", Message("Kommunestørrelse"), "derived", "bg::kommunestorrelse"),
            Background(spec.id, spec.text, "numeric", "bg::innbyggere"),
        ]
        return built, entries
    if spec.role == "type":
        if spec.codes:  # 1 = Kommune, 2 = Fylkeskommune from the codebook
            column = map_distinct(column, lambda v: None if is_blank(v) else spec.codes.get(code_key(v), v))
        return {"bg::type": normalise_type(column)}, [
            Background("type", Message("Kommune/fylkeskommune"), "derived", "bg::type")
        ]
    if spec.role == "numeric":
        key = f"bg::{spec.id}"
        return {key: to_numbers(column)}, [Background(spec.id, spec.text, "numeric", key)]
    qspec = QuestionSpec(
        spec.id, spec.text, "single", [spec.column], "codes" if spec.codes else "labels", [], codes=spec.codes
    )
    if spec.codes:
        qspec.options = list(dict.fromkeys(clean_label(v) for v in spec.codes.values()))
    values, _, _ = _categorical(column, qspec)
    key = f"bg::{spec.id}"
    return {key: values}, [Background(spec.id, spec.text, "categorical", key)]


def _dedupe_background(entries: list[Background]) -> list[Background]:
    """An explicit type column and one derived from kommunenummer both give `type`: keep one."""
    seen: dict[str, Background] = {}
    for entry in entries:
        seen.setdefault(entry.id, entry)
    return list(seen.values())


def _clean_lower(value: object) -> str:
    return clean_label(value).casefold()


# --------------------------------------------------------------------------- regrouping (mapping dialog)

_CHOSEN_CODES = {"0": "Ikke valgt", "1": "Valgt"}


def split_question(mapping: Mapping, question_id: str) -> Mapping:
    """Turn a multi-select or grid into one single-choice question per column."""
    index, spec = _find_spec(mapping, question_id)
    if len(spec.columns) < 2:
        raise BarometerError(
            "«{question}» har bare én kolonne og kan ikke deles opp.", question=spec.text[:60]
        )
    parts = spec.items if spec.type == "grid" else spec.options
    if spec.type == "grid":
        encoding, options, codes = spec.encoding, list(spec.options), dict(spec.codes)
    elif spec.encoding == "binary":
        encoding, options, codes = "codes", list(_CHOSEN_CODES.values()), dict(_CHOSEN_CODES)
    else:
        encoding, options, codes = "labels", [], {}
    singles = [
        QuestionSpec(
            f"{spec.id}_{number}",
            f"{spec.text} - {part}",
            "single",
            [column],
            encoding,
            list(options) or [part],
            codes=dict(codes),
        )
        for number, (column, part) in enumerate(zip(spec.columns, parts, strict=False), start=1)
    ]
    questions = mapping.questions[:index] + singles + mapping.questions[index + 1 :]
    return _replace_questions(mapping, questions)


def merge_questions(mapping: Mapping, question_ids: list[str], as_type: str) -> Mapping:
    """Group single-column questions into one grid (same scale) or one multi-select (0/1 columns)."""
    if len(question_ids) < 2:
        raise BarometerError("Velg minst to spørsmål å slå sammen.")
    found = sorted((_find_spec(mapping, qid) for qid in question_ids), key=lambda pair: pair[0])
    specs = [spec for _, spec in found]
    if any(len(spec.columns) != 1 or spec.type not in ("single", "numeric") for spec in specs):
        raise BarometerError("Bare spørsmål med én kolonne (ett svar eller tall) kan slås sammen.")
    stem, parts = split_texts([spec.text for spec in specs])
    merged_id = common_id([spec.id for spec in specs])
    columns = [spec.columns[0] for spec in specs]
    if as_type == "grid":
        first = specs[0]
        if any(spec.encoding != first.encoding for spec in specs):
            raise BarometerError("Spørsmålene er kodet ulikt og kan ikke bli ett rutenett.")
        options = list(dict.fromkeys(option for spec in specs for option in spec.options))
        codes = {k: v for spec in specs for k, v in spec.codes.items()}
        merged = QuestionSpec(merged_id, stem, "grid", columns, first.encoding, options, parts, codes)
    elif as_type == "multi":
        merged = QuestionSpec(merged_id, stem, "multi", columns, "binary", parts)
    else:
        raise BarometerError("Kan ikke slå sammen til typen «{type}».", type=as_type)
    keep = [q for q in mapping.questions if q.id not in {spec.id for spec in specs}]
    keep.insert(found[0][0], merged)
    return _replace_questions(mapping, keep)


def _find_spec(mapping: Mapping, question_id: str) -> tuple[int, QuestionSpec]:
    for index, spec in enumerate(mapping.questions):
        if spec.id == question_id:
            return index, spec
    raise BarometerError("Fant ikke spørsmålet «{id}» i koblingen.", id=question_id)


def _replace_questions(mapping: Mapping, questions: list[QuestionSpec]) -> Mapping:
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise BarometerError("To spørsmål ville fått samme id; gi dem ulike id-er først.")
    return Mapping(
        mapping.layout,
        questions,
        list(mapping.background),
        list(mapping.weights),
        list(mapping.size_bounds),
        mapping.signature,
    )
