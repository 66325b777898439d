"""The one tabulation engine: every number Barometer shows or exports comes from `tabulate`.

A table is a question broken down by groups (Totalt first, then the categories
of a background variable, or own area / rest of country). What a group is, which statistic a
cell holds and which test gave the letters are identifiers (`Role`, `Stat`, `Test`); words are
made from them with `t()` where text is shown, and nothing compares a shown word. Per group it gives
the unweighted, weighted and effective base; per answer option the count,
percentage and Wilson interval; tests across groups; and it applies the
privacy rules (primary and secondary suppression, low-base flags) once, here,
so the table view, charts and every export agree by construction.
"""

from __future__ import annotations

import string
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from barometer_gui.core import stats
from barometer_gui.core.disclosure import Guard, Partition, categories, codes_of
from barometer_gui.core.errors import BarometerError, translated
from barometer_gui.core.formatting import fmt_int, fmt_level
from barometer_gui.core.i18n import t
from barometer_gui.core.schema import Background, QType, Question, Survey

#: Largest groups × rows indicator matrix kept in memory (8 bytes each): 32 MB.
_DENSE_LIMIT = 4_000_000


class Role(StrEnum):
    """What a group is, whatever it is called in the language of the moment."""

    TOTAL = "total"  # everyone in the table (Totalt)
    GROUP = "group"  # one safe block of the breakdown
    OWN = "own"  # the own area of a comparison with the country
    REST = "rest"  # the rest of the country


#: the roles whose name is a word of the program's, not a category of the data
NAMED_BY_ROLE = (Role.TOTAL, Role.REST)


def role_label(role: Role) -> str:
    """The words for the groups the engine names itself (Totalt, Resten av landet)."""
    return t("Resten av landet") if role is Role.REST else t("Totalt")


class Stat(StrEnum):
    """A statistic the engine puts in a cell instead of an answer option (numeric and free-text tables).

    The value is the bokmål word, the catalogue's key: `Cell.option` holds the member, so a lookup by
    option finds it in every language, and `Cell.label` gives the word in the language shown.
    """

    MEAN = "Gjennomsnitt"
    MEDIAN = "Median"
    ANSWERS = "Antall svar"

    @property
    def key(self) -> str:
        """A stable identifier for JSON and CSV: mean, median, answers."""
        return self.name.lower()

    def label(self) -> str:
        if self is Stat.MEAN:
            return t("Gjennomsnitt")
        return t("Median") if self is Stat.MEDIAN else t("Antall svar")


class Scope(StrEnum):
    """What one chi-square test covers."""

    TABLE = "table"  # the whole groups × options table (single choice)
    OPTION = "option"  # each answer option: chosen or not (multiple choice, grid summary)
    ITEM = "item"  # each item of a grid


@dataclass(frozen=True)
class Test:
    """The tests behind a table's verdict and letters, as data; `describe()` words it.

    Chi-square across the groups (per `scope`) on effective counts, and pairwise z-tests of column
    proportions for the letters, corrected for many comparisons by `correction` at level `alpha`.
    """

    scope: Scope
    correction: str
    alpha: float

    def describe(self) -> str:
        """The tests in one short technical phrase, for the footnote's method line and the CLI."""
        tests = {
            Scope.TABLE: t("Kjikvadrattest"),
            Scope.OPTION: t("Kjikvadrattest per alternativ"),
            Scope.ITEM: t("Kjikvadrattest per delspørsmål"),
        }[self.scope]
        return t(
            "{tests} og parvise z-tester ({correction}, {level} % nivå, effektiv base)",
            tests=tests,
            correction=stats.correction_name(self.correction),
            level=fmt_level(self.alpha),
        )

    def to_dict(self) -> dict:
        """Stable identifiers for JSON, the same in every language."""
        return {
            "method": "chi_square",
            "scope": str(self.scope),
            "pairwise": "z_test_column_proportions",
            "base": "effective",
            "correction": self.correction,
            "alpha": self.alpha,
        }


@dataclass(frozen=True)
class TableSpec:
    """Everything that defines a table; saved in report specs and rerun on new data."""

    question: str
    by: str | None = None
    where: tuple[tuple[str, str], ...] = ()
    weight: str | None = None
    min_base: int = 5
    low_base: int = 30
    benchmark: tuple[str, str] | None = None
    grid_summary: bool = False
    correction: str = "holm"
    alpha: float = 0.05

    def with_(self, **changes) -> TableSpec:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """Plain JSON data (lists for tuples), the form report specs store."""
        data = asdict(self)
        data["where"] = [list(pair) for pair in self.where]
        data["benchmark"] = list(self.benchmark) if self.benchmark else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> TableSpec:
        """The inverse of `to_dict`; unknown keys or wrong types give a message the user can act on."""
        if not isinstance(data, dict):
            raise BarometerError("Tabelloppsettet må være et objekt.")
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise BarometerError("Ukjente felt i tabelloppsettet: {fields}.", fields=", ".join(unknown))
        values = dict(data)
        try:
            values["where"] = tuple((str(k), str(v)) for k, v in values.get("where") or ())
            if values.get("benchmark"):
                name, value = values["benchmark"]
                values["benchmark"] = (str(name), str(value))
            for name in ("min_base", "low_base"):
                if name in values and (isinstance(values[name], bool) or not isinstance(values[name], int)):
                    raise TypeError(name)
            if "alpha" in values:
                values["alpha"] = float(values["alpha"])
            spec = cls(**values)
        except (TypeError, ValueError):
            raise BarometerError(
                "Tabelloppsettet har feil form (filter, sammenligning eller tall)."
            ) from None
        if not isinstance(spec.question, str) or not spec.question:
            raise BarometerError("Tabelloppsettet mangler spørsmål.")
        return spec


@dataclass
class Cell:
    item: str | None
    option: str
    count: int | None
    pct: float | None
    ci_low: float | None
    ci_high: float | None
    sig: str = ""
    base: int | None = None
    value: float | None = None

    @property
    def stat(self) -> Stat | None:
        """The statistic this cell holds (mean, median, number of answers), None for an answer option."""
        return self.option if isinstance(self.option, Stat) else None

    @property
    def label(self) -> str:
        """The option as shown: a statistic's name in the current language, else the answer's own text."""
        return self.option.label() if isinstance(self.option, Stat) else self.option


@dataclass
class Group:
    name: str  # the category (or merged categories "A + B") as in the data; "" for Totalt and the rest
    base: int
    weighted_base: float
    effective_base: float
    suppressed: bool
    low_base: bool
    cells: list[Cell]
    role: Role = Role.GROUP
    letter: str = ""
    secondary: bool = False
    #: a numeric question's answers in this group (None when suppressed): what distribution charts draw,
    #: so a chart shows the engine's groups after filters, safe blocks and suppression; never exported
    answers: np.ndarray | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        """The group as shown: its data name, or Totalt/Resten av landet in the language of this moment."""
        return role_label(self.role) if self.role in NAMED_BY_ROLE else self.name


@dataclass
class Comparison:
    """Own area against the rest of the country and the whole country, per option."""

    item: str | None
    option: str
    diff_rest: float | None
    diff_total: float | None
    p_value: float | None
    significant: bool


@dataclass
class Table:
    question: Question
    spec: TableSpec
    by_label: str | None
    weighted: bool
    groups: list[Group]
    method: Test | None  # None when nothing was tested (one group, numbers, free text)
    p_value: float | None
    p_values: dict[str, float] = field(default_factory=dict)
    comparisons: list[Comparison] = field(default_factory=list)
    filters: list[str] = field(default_factory=list)
    source: str = ""
    privacy: list[str] = field(default_factory=list)
    population: str = ""  # who counts as a respondent (Survey.population), stated in the footnote

    @property
    def options(self) -> list[str]:
        return list(dict.fromkeys(c.option for c in self.groups[0].cells)) if self.groups else []

    @property
    def items(self) -> list[str | None]:
        return list(dict.fromkeys(c.item for c in self.groups[0].cells)) if self.groups else []

    def as_dict(self) -> dict:
        """The CLI/JSON contract (percentages 0-100): keys and `role`/`stat`/`test` are identifiers in
        every language; labels, descriptions and the footnote are words in the current language."""
        return {
            "question": {"id": self.question.id, "text": self.question.text, "type": str(self.question.type)},
            "by": self.spec.by
            if not self.spec.benchmark
            else f"{self.spec.benchmark[0]}={self.spec.benchmark[1]}",
            "where": [f"{k}={v}" for k, v in self.spec.where],
            "weighted": self.weighted,
            "min_base": self.spec.min_base,
            "low_base_limit": self.spec.low_base,
            "test": {
                **(self.method.to_dict() if self.method else {"method": None}),
                "description": self.method.describe() if self.method else "",
                "p_value": self.p_value,
                "p_values": self.p_values,
            },
            "groups": [
                {
                    "role": str(g.role),
                    "label": g.label,
                    "letter": g.letter,
                    "base": g.base,
                    "weighted_base": g.weighted_base,
                    "effective_base": g.effective_base,
                    "suppressed": g.suppressed,
                    "secondary_suppression": g.secondary,
                    "low_base": g.low_base,
                    "cells": [_cell_dict(c) for c in g.cells],
                }
                for g in self.groups
            ],
            "comparisons": [asdict(c) for c in self.comparisons],
            "privacy": list(self.privacy),
            "footnote": self.footnote(),
        }

    @property
    def summary(self) -> bool:
        """A grid summary: every percentage is on its own item's base, 'vet ikke' left out."""
        return self.spec.grid_summary and self.question.type is QType.GRID

    def n_text(self, group: Group) -> str:
        """A group's n as its percentages use it: for a summary the range of its per-item bases."""
        bases = [c.base for c in group.cells if c.base is not None] if self.summary else []
        if not bases or min(bases) == max(bases):
            return fmt_int(bases[0] if bases else group.base)
        return f"{fmt_int(min(bases))}–{fmt_int(max(bases))}"

    def footnote(self) -> str:
        """The reader's footnote in plain words with the method in one short line (`core.footnote`)."""
        from barometer_gui.core.footnote import footnote

        return str(footnote(self))


def _cell_dict(cell: Cell) -> dict:
    data = asdict(cell)
    data["option"] = cell.label
    data["stat"] = cell.stat.key if cell.stat else None
    return data


# --------------------------------------------------------------------------- engine


@dataclass
class _Answers:
    """One answer distribution over every row of the file.

    Exclusive options (single choice, a grid item) are one integer code per row, -1 for no answer;
    options that are not exclusive (multi-select, grid summary) a rows × options 0/1 matrix. Counting
    goes through `np.bincount`, so memory grows with rows + groups × options, never rows × options
    for a single-choice question, however many options it has.
    """

    item: str | None
    options: list[str]
    in_base: np.ndarray
    codes: np.ndarray | None = None
    matrix: np.ndarray | None = None

    def rows(self, keep: np.ndarray | None) -> _Answers:
        if keep is None:
            return self
        return _Answers(
            self.item,
            self.options,
            self.in_base[keep],
            None if self.codes is None else self.codes[keep],
            None if self.matrix is None else self.matrix[keep],
        )


@dataclass
class _Grouping:
    """Totalt plus disjoint groups: `row_group` is the group (0-based, -1 = none) of each kept row."""

    labels: list[str]
    row_group: np.ndarray
    by_label: str | None
    variables: list[Background]
    notes: list[str]
    roles: list[Role] = field(default_factory=list)  # Totalt first; empty means a plain breakdown

    def role(self, index: int) -> Role:
        if self.roles:
            return self.roles[index]
        return Role.TOTAL if index == 0 else Role.GROUP

    @property
    def partition(self) -> list[int]:
        return list(range(1, len(self.labels)))

    @cached_property
    def indicator(self) -> np.ndarray | None:
        """Totalt and groups × rows 0/1 matrix when that is small (BLAS sums fastest); else None."""
        size = len(self.labels)
        if size * len(self.row_group) > _DENSE_LIMIT:
            return None
        matrix = np.zeros((size, len(self.row_group)))
        matrix[0] = 1.0
        inside = np.flatnonzero(self.row_group >= 0)
        matrix[1 + self.row_group[inside], inside] = 1.0
        return matrix

    def masks(self) -> list[np.ndarray]:
        everyone = np.ones(len(self.row_group), dtype=bool)
        return [everyone] + [self.row_group == g for g in range(len(self.labels) - 1)]


def tabulate(survey: Survey, spec: TableSpec) -> Table:
    question = survey.question(spec.question)
    if spec.min_base < 0 or spec.low_base < 0:
        raise BarometerError("Minste base kan ikke være negativ.")
    if spec.correction not in stats.CORRECTIONS:
        raise BarometerError(
            "Ukjent korreksjon «{correction}». Velg blant: {choices}.",
            correction=spec.correction,
            choices=", ".join(stats.CORRECTIONS),
        )
    weights = survey.weight(spec.weight)
    answers = _answers(survey.data, question)
    # Blocks follow who answered (per grid item), also for a grid summary: its smaller base
    # ("vet ikke" left out) is a function of the full grid, which these blocks already protect.
    base = np.column_stack([a.in_base for a in answers]) if answers else _described_base(survey, question)
    if spec.grid_summary and question.type is QType.GRID:
        answers = [_summary(a, question) for a in answers]
    variables = _variables(survey, spec)
    guard = Guard(survey, base, spec.min_base, [v for v in variables if v.kind == "question"])
    keep, filters = _filter(survey, guard, spec.where)
    grouping = _groups(survey, guard, spec, keep)
    guard.check_crossing([guard.index(v) for v in grouping.variables])
    subset = None if keep.all() else keep
    w = np.ones(int(keep.sum())) if weights is None else weights.to_numpy(dtype=float)
    if subset is not None and weights is not None:
        w = w[subset]
    w = np.nan_to_num(w, nan=0.0)
    source = Path(survey.source).name if survey.source else ""

    if question.type in (QType.NUMERIC, QType.TEXT):
        column = survey.data[question.columns[0]]
        groups = _describe_groups(column if subset is None else column[subset], question, grouping, w, spec)
        for index, group in enumerate(groups):
            group.role = grouping.role(index)
        _suppress(groups, grouping.partition, spec.min_base)
        _hide_suppressed_values(groups)
        return Table(
            question,
            spec,
            grouping.by_label,
            weights is not None,
            groups,
            None,
            None,
            filters=filters,
            source=source,
            privacy=grouping.notes,
            population=survey.population,
        )

    blocks = [a.rows(subset) for a in answers]
    any_base = np.zeros(len(grouping.row_group), dtype=bool)
    for block in blocks:
        any_base |= block.in_base
    base_n, wbase, w2base = _group_sums(
        grouping, np.column_stack([any_base, w * any_base, w * w * any_base])
    ).T
    neff = stats.effective_base(wbase, w2base)
    groups = [
        Group(
            label, int(round(base_n[g])), float(wbase[g]), float(neff[g]), False, False, [], grouping.role(g)
        )
        for g, label in enumerate(grouping.labels)
    ]
    partition = grouping.partition
    _suppress(groups, partition, spec.min_base)
    for group in groups:
        group.low_base = not group.suppressed and 0 < group.base < spec.low_base

    # Own area against the rest shows its test once, as the comparisons: the one pairwise letter test
    # between the two would be the very same z-test again.
    letters = {} if spec.benchmark else _letters(groups, partition)
    block_stats = [_block_stats(block, grouping, w, spec) for block in blocks]
    for block, (counts, pct, low, high, n, _) in zip(blocks, block_stats, strict=True):
        # Grid items can have fewer answers than their group: the same rules again, per item.
        item_hidden, _ = suppression([int(v) for v in n], partition, max(spec.min_base, 1))
        for g, group in enumerate(groups):
            for j, option in enumerate(block.options):
                hidden = group.suppressed or item_hidden[g]
                group.cells.append(
                    Cell(
                        item=block.item,
                        option=option,
                        count=None if hidden else int(round(counts[g, j])),
                        pct=None if hidden else float(pct[g, j]),
                        ci_low=None if hidden else float(low[g, j]),
                        ci_high=None if hidden else float(high[g, j]),
                        base=None if group.suppressed else int(n[g]),
                    )
                )

    method, p_value, p_values = _tests(question, blocks, block_stats, groups, partition, spec)
    _pairwise(groups, letters, blocks, block_stats, spec)
    comparisons = _benchmark(groups, blocks, block_stats, spec) if spec.benchmark else []
    return Table(
        question,
        spec,
        grouping.by_label,
        weights is not None,
        groups,
        method,
        p_value,
        p_values,
        comparisons,
        filters,
        source,
        grouping.notes,
        survey.population,
    )


def _variables(survey: Survey, spec: TableSpec) -> list[Background]:
    """Every variable the table filters or groups by (questions used as variables included)."""
    names = [name for name, _ in spec.where]
    names += [spec.benchmark[0]] if spec.benchmark else [spec.by] if spec.by else []
    found = {}
    for name in names:
        variable = survey.variable(name)
        found.setdefault(variable.column, variable)
    return list(found.values())


def _filter(survey: Survey, guard: Guard, where: tuple[tuple[str, str], ...]) -> tuple[np.ndarray, list[str]]:
    """Rows kept by the filters: values of one variable are OR-ed, different variables AND-ed.

    A value inside a larger safe block selects the whole block (said in the description), so a
    filtered population is always a union of blocks and can never be differenced down to a few.
    """
    keep = np.ones(len(survey.data), dtype=bool)
    chosen: dict[str, tuple[Background, list[str]]] = {}
    for name, value in where:
        variable = survey.variable(name)
        if variable.kind == "numeric":
            raise BarometerError(
                "«{variable}» er et tall og kan ikke brukes som filter; bruk en gruppert variabel.",
                variable=variable.text,
            )
        label = _match_value(survey.data[variable.column], value, variable.text)
        chosen.setdefault(variable.column, (variable, []))[1].append(label)
    described = []
    for variable, values in chosen.values():
        part = guard.partitions[guard.index(variable)]
        asked = sorted(part.categories.index(v) for v in values)
        widened = sorted({m for code in asked for m in part.members(code)})
        keep &= np.isin(part.codes, widened)
        text = f"{translated(variable.text)} = {t(' eller ').join(values)}"
        if widened != asked:
            text += " " + t("(utvidet til {names} for å verne små grupper)", names=part.names(widened))
        described.append(text)
    if where and not keep.any():
        raise BarometerError(
            "Ingen respondenter oppfyller filteret ({filters}).", filters="; ".join(described)
        )
    return keep, described


def _match_value(column: pd.Series, value: str, text: str) -> str:
    known = categories(column)
    wanted = " ".join(value.split()).casefold()  # "Under 5 000" typed with a plain space matches too
    for label in known:
        if " ".join(str(label).split()).casefold() == wanted:
            return label
    raise BarometerError(
        "«{value}» er ikke en verdi av «{variable}». Verdier: {values}.",
        value=value,
        variable=text,
        values=", ".join(map(str, known[:12])),
    )


def _groups(survey: Survey, guard: Guard, spec: TableSpec, keep: np.ndarray) -> _Grouping:
    """Totalt, then one group per safe block (breakdown) or own area and rest (benchmark)."""
    variables = _variables(survey, spec)
    if spec.benchmark:
        name, value = spec.benchmark
        variable = survey.variable(name)
        part = guard.partitions[guard.index(variable)]
        label = _match_value(survey.data[variable.column], value, variable.text)
        own_codes = part.members(part.categories.index(label))
        own = np.isin(part.codes[keep], own_codes)
        notes = []
        if len(own_codes) > 1:
            notes.append(
                t(
                    "Eget område {variable} = {value} er utvidet til {names} for å verne små grupper.",
                    variable=translated(variable.text),
                    value=label,
                    names=part.names(own_codes),
                )
            )
        own_label = " + ".join(part.name(c) for c in own_codes)
        labels = ["", own_label, ""]
        roles = [Role.TOTAL, Role.OWN, Role.REST]
        return _Grouping(labels, np.where(own, 0, 1), translated(variable.text), variables, notes, roles)
    if not spec.by:
        return _Grouping([""], np.full(int(keep.sum()), -1), None, variables, [])
    variable = survey.variable(spec.by)
    if variable.kind == "numeric":
        raise BarometerError(
            "«{variable}» er et tall og kan ikke brukes til å dele opp tabellen.", variable=variable.text
        )
    part = guard.partitions[guard.index(variable)]
    return _block_groups(part, part.codes[keep], variable, variables, guard.k)


def _block_groups(part: Partition, codes: np.ndarray, variable: Background, variables, k: int) -> _Grouping:
    """One group per block present among the kept rows; rows without a value only count in Totalt
    unless they had to join a block."""
    present = np.bincount(codes, minlength=len(part.block)) > 0
    block_rows = part.block[codes]
    labels, notes, lookup = [""], [], np.full(len(part.block), -1)
    for block in sorted({int(b) for b in np.unique(part.block[present])}):
        members = [int(c) for c in np.flatnonzero(part.block == block)]
        real = [c for c in members if c < len(part.categories)]
        if not real:
            continue
        shown = [c for c in members if present[c]]
        lookup[block] = len(labels) - 1
        labels.append(" + ".join(part.name(c) for c in shown))
        if len(members) > 1:
            notes.append(
                t(
                    "{variable}: {names} er slått sammen, så hver gruppe har minst {k} svar også "
                    "når tabeller trekkes fra hverandre.",
                    variable=translated(variable.text),
                    names=part.names(members),
                    k=k,
                )
            )
    if len(labels) == 1 and len(codes):
        raise BarometerError(
            "«{variable}» har ingen verdier blant respondentene her, så tabellen kan ikke deles opp etter den.",
            variable=variable.text,
        )
    return _Grouping(labels, lookup[block_rows], translated(variable.text), variables, notes)


def _answers(data: pd.DataFrame, question: Question) -> list[_Answers]:
    if question.type is QType.SINGLE:
        return [_categorical(data[question.columns[0]], None, question.options)]
    if question.type is QType.MULTI:
        matrix = np.column_stack([data[c].to_numpy(dtype=float) for c in question.columns])
        in_base = ~np.isnan(matrix).all(axis=1)
        return [_Answers(None, list(question.options), in_base, matrix=np.nan_to_num(matrix, nan=0.0))]
    if question.type is QType.GRID:
        return [
            _categorical(data[column], item, question.options)
            for item, column in zip(question.items, question.columns, strict=True)
        ]
    return []


def _described_base(survey: Survey, question: Question) -> np.ndarray:
    column = survey.data[question.columns[0]]
    if question.type is QType.NUMERIC:
        return np.isfinite(pd.to_numeric(column, errors="coerce").to_numpy(dtype=float))[:, None]
    return column.notna().to_numpy()[:, None]


def _categorical(column: pd.Series, item: str | None, options: list[str]) -> _Answers:
    codes = codes_of(column, options)
    return _Answers(item, list(options), codes >= 0, codes=codes)


def summary_labels(question: Question) -> tuple[list[str], list[str], tuple[str, str]]:
    """Bottom-two and top-two options of a grid's scale, and what to call them."""
    scale = [o for o in question.options if o not in question.dont_know]
    if len(scale) < 4:
        raise BarometerError("Oppsummering (topp/bunn to) krever en skala med minst fire trinn.")
    bottom, top = scale[:2], scale[-2:]
    text = " ".join(scale).casefold()
    hinder_promote = "hemme" in text and "fremme" in text  # the scale's own (bokmål) words decide
    names = (t("Hemmer"), t("Fremmer")) if hinder_promote else (t("Bunn 2"), t("Topp 2"))
    return bottom, top, names


def _summary(block: _Answers, question: Question) -> _Answers:
    """Share hindering / promoting per item, 'vet ikke' left out of the base as KS publishes it."""
    bottom, top, names = summary_labels(question)
    index = {o: i for i, o in enumerate(block.options)}
    substantive = [index[o] for o in block.options if o not in question.dont_know]
    codes = block.codes
    in_base = np.isin(codes, substantive)
    low = np.isin(codes, [index[o] for o in bottom])
    high = np.isin(codes, [index[o] for o in top])
    return _Answers(block.item, list(names), in_base, matrix=np.column_stack([low, high]).astype(float))


def _group_sums(grouping: _Grouping, values: np.ndarray) -> np.ndarray:
    """Totalt (index 0) and per group sums of `values` (one value, or a row of values, per kept row).

    A groups × rows indicator product while that matrix is small, else one `bincount` per column:
    memory stays within rows × a few columns, whatever the number of groups or options.
    """
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        return _group_sums(grouping, values[:, None])[:, 0]
    if grouping.indicator is not None:
        return grouping.indicator @ values
    groups = len(grouping.labels) - 1
    inside = grouping.row_group >= 0
    rows = grouping.row_group[inside]
    per_group = np.column_stack(
        [np.bincount(rows, weights=column, minlength=groups) for column in values[inside].T]
    ).reshape(groups, values.shape[1])
    return np.vstack([values.sum(axis=0), per_group])


def _group_option_sums(grouping: _Grouping, codes: np.ndarray, k: int, values: np.ndarray):
    """Totalt and per group sums of `values` per option code (rows with code -1 left out)."""
    row_group, size = grouping.row_group, len(grouping.labels)
    answered = codes >= 0
    total = np.bincount(codes[answered], weights=values[answered], minlength=k)
    inside = answered & (row_group >= 0)
    per_group = np.bincount(
        row_group[inside] * k + codes[inside], weights=values[inside], minlength=(size - 1) * k
    )
    return np.vstack([total[None, :k], per_group.reshape(size - 1, k)])


def _block_stats(block: _Answers, grouping: _Grouping, w: np.ndarray, spec: TableSpec):
    in_base = block.in_base.astype(float)
    n, wn, w2n = _group_sums(grouping, np.column_stack([in_base, w * in_base, w * w * in_base])).T
    k = len(block.options)
    if block.codes is not None:
        counts = _group_option_sums(grouping, block.codes, k, np.ones(len(block.codes)))
        weighted = _group_option_sums(grouping, block.codes, k, w)
    else:
        chosen = block.matrix * in_base[:, None]
        counts = _group_sums(grouping, chosen)
        weighted = _group_sums(grouping, chosen * w[:, None])
    with np.errstate(invalid="ignore", divide="ignore"):
        share = weighted / wn[:, None]
    neff = stats.effective_base(wn, w2n)
    low, high = stats.wilson_interval(share, neff[:, None], alpha=spec.alpha)
    return counts, share * 100, low * 100, high * 100, n, neff


def suppression(bases: list[int], partition: list[int], min_base: int) -> tuple[list[bool], list[bool]]:
    """Which of Totalt (index 0) and its parts to hide, and which of those only to protect another.

    Primary: fewer than `min_base` answers. Secondary: if exactly one part with answers is hidden and
    the parts add up to Totalt, it could be recovered as Totalt minus the others, so the smallest
    other part is hidden too. Used for whole groups and again for each item of a grid.
    """
    hidden = [base < min_base for base in bases]
    secondary = [False] * len(bases)
    if hidden and hidden[0]:
        return [True] * len(bases), secondary
    residual = (bases[0] if bases else 0) - sum(bases[g] for g in partition)
    alone = [g for g in partition if hidden[g] and bases[g] > 0]
    shown = [g for g in partition if not hidden[g] and bases[g] > 0]
    if len(alone) == 1 and residual == 0 and shown:
        smallest = min(shown, key=lambda g: bases[g])
        hidden[smallest] = secondary[smallest] = True
    return hidden, secondary


def _suppress(groups: list[Group], partition: list[int], min_base: int) -> None:
    hidden, secondary = suppression([g.base for g in groups], partition, min_base)
    for group, hide, protect in zip(groups, hidden, secondary, strict=True):
        group.suppressed, group.secondary = hide, protect


def _letters(groups: list[Group], partition: list[int]) -> dict[int, str]:
    testable = [g for g in partition if not groups[g].suppressed and groups[g].base > 0]
    if len(testable) < 2:
        return {}
    letters = {}
    for index, g in enumerate(testable):
        letters[g] = string.ascii_uppercase[index % 26] * (1 + index // 26)
        groups[g].letter = letters[g]
    return letters


def _tests(
    question, blocks, block_stats, groups, partition, spec
) -> tuple[Test | None, float | None, dict[str, float]]:
    """Chi-square across groups on effective counts (single choice: one test; per option/item otherwise)."""
    testable = [g for g in partition if not groups[g].suppressed and groups[g].base > 0]
    if len(testable) < 2:
        return None, None, {}
    if question.type is QType.SINGLE:
        _, share, _, _, _, neff = block_stats[0]
        observed = np.nan_to_num(share[testable] / 100 * neff[testable, None])
        p_value = stats.chi_square(observed)
        return Test(Scope.TABLE, spec.correction, spec.alpha), p_value, {}
    p_values: dict[str, float] = {}
    for block, (_, share, _, _, _, neff) in zip(blocks, block_stats, strict=True):
        if question.type is QType.GRID and not spec.grid_summary:
            observed = np.nan_to_num(share[testable] / 100 * neff[testable, None])
            p = stats.chi_square(observed)
            if p is not None:
                p_values[block.item or ""] = p
            continue
        chosen = np.nan_to_num(share[testable] / 100 * neff[testable, None])
        for option, p in zip(block.options, stats.chi_square_per_option(chosen, neff[testable]), strict=True):
            if np.isfinite(p):
                p_values[f"{block.item} – {option}" if block.item else option] = float(p)
    scope = Scope.ITEM if question.type is QType.GRID and not spec.grid_summary else Scope.OPTION
    return Test(scope, spec.correction, spec.alpha), None, p_values


def _pairwise(groups, letters, blocks, block_stats, spec) -> None:
    """SPSS-style letters: a cell lists the groups it is significantly higher than.

    One family per answer option (per item × option in grids), as SPSS CTABLES adjusts.
    """
    tested = list(letters)
    if len(tested) < 2:
        return
    pairs = [(a, b) for i, a in enumerate(tested) for b in tested[i + 1 :]]
    first = np.array([a for a, _ in pairs])
    second = np.array([b for _, b in pairs])
    cell_index = 0
    for block, (_, share, _, _, _, neff) in zip(blocks, block_stats, strict=True):
        p = share / 100
        raw = stats.two_proportion_p(p[first], neff[first, None], p[second], neff[second, None])
        for j in range(len(block.options)):
            adjusted = stats.adjust(raw[:, j], spec.correction)
            for (a, b), value in zip(pairs, adjusted, strict=True):
                if value < spec.alpha:
                    high, low = (a, b) if share[a, j] > share[b, j] else (b, a)
                    cell = groups[high].cells[cell_index + j]
                    if cell.pct is not None:
                        cell.sig += letters[low]
        cell_index += len(block.options)


def _benchmark(groups, blocks, block_stats, spec) -> list[Comparison]:
    """Own area minus rest of country and minus whole country, tested against the rest (independent)."""
    total, own, rest = groups[0], groups[1], groups[2]
    comparisons = []
    cell_index = 0
    for block, (_, share, _, _, _, neff) in zip(blocks, block_stats, strict=True):
        for j, option in enumerate(block.options):
            cells = [g.cells[cell_index + j] for g in (total, own, rest)]
            shown = all(c.pct is not None for c in cells)
            p = _benchmark_p(share, neff, j) if shown else None
            comparisons.append(
                Comparison(
                    item=block.item,
                    option=option,
                    diff_rest=cells[1].pct - cells[2].pct if shown else None,
                    diff_total=cells[1].pct - cells[0].pct if shown else None,
                    p_value=p,
                    significant=bool(p is not None and p < spec.alpha),
                )
            )
        cell_index += len(block.options)
    return comparisons


def _benchmark_p(share: np.ndarray, neff: np.ndarray, option: int) -> float | None:
    p = float(stats.two_proportion_p(share[1, option] / 100, neff[1], share[2, option] / 100, neff[2]))
    return p if np.isfinite(p) else None


def _describe_groups(answers: pd.Series, question, grouping: _Grouping, w, spec) -> list[Group]:
    """Numeric questions: n, mean and median per group; free text: how many answered."""
    groups = []
    for label, mask in zip(grouping.labels, grouping.masks(), strict=True):
        column = answers[mask]
        weights = w[mask]
        if question.type is QType.NUMERIC:
            values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
            ok = np.isfinite(values)
            vals, ws = values[ok], weights[ok]
            mean = float(np.average(vals, weights=ws)) if ok.any() and ws.sum() > 0 else None
            median = float(np.median(vals)) if ok.any() else None
            cells = [
                Cell(None, Stat.MEAN, int(ok.sum()), None, None, None, base=int(ok.sum()), value=mean),
                Cell(None, Stat.MEDIAN, int(ok.sum()), None, None, None, base=int(ok.sum()), value=median),
            ]
        else:
            ok = column.notna().to_numpy()
            ws = weights[ok]
            cells = [Cell(None, Stat.ANSWERS, int(ok.sum()), None, None, None, base=int(ok.sum()))]
        group = Group(
            label, int(ok.sum()), float(ws.sum()), stats.kish_effective_base(ws), False, False, cells
        )
        if question.type is QType.NUMERIC:
            group.answers = vals
        groups.append(group)
    for group in groups:
        group.low_base = 0 < group.base < spec.low_base
    return groups


def _hide_suppressed_values(groups: list[Group]) -> None:
    """Numeric tables are suppressed the same way: no mean or median from too few answers."""
    for group in groups:
        if group.suppressed:
            group.answers = None
            for cell in group.cells:
                cell.value = None
                cell.count = None
