"""The one tabulation engine: every number Barometer shows or exports comes from `tabulate`.

A table is a question broken down by groups (Totalt first, then the categories
of a background variable, or own area / rest of country). Per group it gives
the unweighted, weighted and effective base; per answer option the count,
percentage and Wilson interval; tests across groups; and it applies the
privacy rules (primary and secondary suppression, low-base flags) once, here,
so the table view, charts and every export agree by construction.
"""

from __future__ import annotations

import string
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import numpy as np
import pandas as pd

from barometer_gui.core import stats
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.formatting import fmt_int, fmt_p
from barometer_gui.core.schema import Background, QType, Question, Survey

TOTAL = "Totalt"
REST = "Resten av landet"


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
        """The inverse of `to_dict`; unknown keys or wrong types give a Norwegian message."""
        if not isinstance(data, dict):
            raise BarometerError("Tabelloppsettet må være et objekt.")
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise BarometerError(f"Ukjente felt i tabelloppsettet: {', '.join(unknown)}.")
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


@dataclass
class Group:
    label: str
    base: int
    weighted_base: float
    effective_base: float
    suppressed: bool
    low_base: bool
    cells: list[Cell]
    letter: str = ""
    secondary: bool = False


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
    method: str
    p_value: float | None
    p_values: dict[str, float] = field(default_factory=dict)
    comparisons: list[Comparison] = field(default_factory=list)
    filters: list[str] = field(default_factory=list)
    source: str = ""

    @property
    def options(self) -> list[str]:
        return list(dict.fromkeys(c.option for c in self.groups[0].cells)) if self.groups else []

    @property
    def items(self) -> list[str | None]:
        return list(dict.fromkeys(c.item for c in self.groups[0].cells)) if self.groups else []

    def as_dict(self) -> dict:
        """The CLI/JSON contract (percentages 0-100)."""
        return {
            "question": {"id": self.question.id, "text": self.question.text, "type": str(self.question.type)},
            "by": self.spec.by
            if not self.spec.benchmark
            else f"{self.spec.benchmark[0]}={self.spec.benchmark[1]}",
            "where": [f"{k}={v}" for k, v in self.spec.where],
            "weighted": self.weighted,
            "min_base": self.spec.min_base,
            "low_base_limit": self.spec.low_base,
            "test": {"method": self.method, "p_value": self.p_value, "p_values": self.p_values},
            "groups": [
                {
                    "label": g.label,
                    "letter": g.letter,
                    "base": g.base,
                    "weighted_base": g.weighted_base,
                    "effective_base": g.effective_base,
                    "suppressed": g.suppressed,
                    "secondary_suppression": g.secondary,
                    "low_base": g.low_base,
                    "cells": [asdict(c) for c in g.cells],
                }
                for g in self.groups
            ],
            "comparisons": [asdict(c) for c in self.comparisons],
            "footnote": self.footnote(),
        }

    def footnote(self) -> str:
        """What a reader needs to trust the numbers: base, weighting, interval, test, privacy."""
        total = self.groups[0] if self.groups else None
        parts = [f"Base: {_base_text(self.question)} (n = {fmt_int(total.base) if total else 0})."]
        if self.filters:
            parts.append("Utvalg: " + ", ".join(self.filters) + ".")
        parts.append(f"Vektet ({self.spec.weight})." if self.weighted else "Uvektet.")
        if self.question.type not in (QType.NUMERIC, QType.TEXT):
            parts.append("95 % konfidensintervall: Wilson, effektiv base.")
        if self.method:
            parts.append(self.method + (f" p = {fmt_p(self.p_value)}." if self.p_value is not None else ""))
        parts.append(
            f"Grupper med færre enn {self.spec.min_base} svar er skjult (:), "
            f"under {self.spec.low_base} svar er merket *."
        )
        if self.source:
            parts.append(f"Kilde: {self.source}.")
        return " ".join(parts)


def _base_text(question: Question) -> str:
    if question.type is QType.MULTI:
        return "alle som fikk spørsmålet"
    if question.type is QType.GRID:
        return "alle som svarte på minst ett delspørsmål"
    return "alle som svarte"


# --------------------------------------------------------------------------- engine


@dataclass
class _Block:
    """One answer distribution: indicators (n × k, 0/1) over the rows in the base."""

    item: str | None
    options: list[str]
    indicators: np.ndarray
    in_base: np.ndarray


def tabulate(survey: Survey, spec: TableSpec) -> Table:
    question = survey.question(spec.question)
    if spec.min_base < 0 or spec.low_base < 0:
        raise BarometerError("Minste base kan ikke være negativ.")
    if spec.correction not in stats.CORRECTIONS:
        raise BarometerError(
            f"Ukjent korreksjon «{spec.correction}». Velg blant: {', '.join(stats.CORRECTIONS)}."
        )
    keep, filters = _filter(survey, spec.where)
    data = _columns(survey, question.columns + _grouping_columns(survey, spec), keep)
    rows = int(keep.sum())
    weights = survey.weight(spec.weight)
    w = np.ones(rows) if weights is None else weights[keep.to_numpy()].fillna(0.0).to_numpy(dtype=float)

    labels, masks, partition, by_label = _groups(survey, data, spec, rows)
    group_matrix = np.vstack(masks).astype(float) if masks else np.zeros((0, rows))
    source = Path(survey.source).name if survey.source else ""

    if question.type in (QType.NUMERIC, QType.TEXT):
        groups = _describe_groups(data, question, labels, masks, w, spec)
        _suppress(groups, partition, spec.min_base)
        _hide_suppressed_values(groups)
        return Table(
            question, spec, by_label, weights is not None, groups, "", None, filters=filters, source=source
        )

    blocks = _blocks(data, question, spec.grid_summary)
    any_base = np.zeros(rows, dtype=bool)
    for block in blocks:
        any_base |= block.in_base
    base = group_matrix @ any_base
    wbase = group_matrix @ (w * any_base)
    w2base = group_matrix @ (w * w * any_base)
    neff = stats.effective_base(wbase, w2base)
    groups = [
        Group(label, int(round(base[g])), float(wbase[g]), float(neff[g]), False, False, [])
        for g, label in enumerate(labels)
    ]
    _suppress(groups, partition, spec.min_base)
    for group in groups:
        group.low_base = not group.suppressed and 0 < group.base < spec.low_base

    letters = _letters(groups, partition)
    block_stats = [_block_stats(block, group_matrix, w, spec) for block in blocks]
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
        by_label,
        weights is not None,
        groups,
        method,
        p_value,
        p_values,
        comparisons,
        filters,
        source,
    )


def _filter(survey: Survey, where: tuple[tuple[str, str], ...]) -> tuple[pd.Series, list[str]]:
    """Rows kept by the filters: values of one variable are OR-ed, different variables AND-ed."""
    keep = pd.Series(True, index=survey.data.index)
    chosen: dict[str, tuple[Background, list[str]]] = {}
    for name, value in where:
        variable = survey.variable(name)
        label = _match_value(survey.data[variable.column], value, variable.text)
        chosen.setdefault(variable.id, (variable, []))[1].append(label)
    described = []
    for variable, values in chosen.values():
        keep &= survey.data[variable.column].astype(object).isin(values)
        described.append(f"{variable.text} = {' eller '.join(values)}")
    return keep, described


def _match_value(column: pd.Series, value: str, text: str) -> str:
    known = _categories(column)
    for label in known:
        if str(label).casefold() == value.strip().casefold():
            return label
    raise BarometerError(
        f"«{value}» er ikke en verdi av «{text}». Verdier: {', '.join(map(str, known[:12]))}."
    )


def _categories(column: pd.Series) -> list:
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        present = np.bincount(codes[codes >= 0], minlength=len(column.cat.categories)) > 0
        return [c for c, seen in zip(column.cat.categories, present, strict=True) if seen]
    return sorted(column.dropna().unique().tolist(), key=str)


def _columns(survey: Survey, names: list[str], keep: pd.Series) -> dict[str, pd.Series]:
    """The few columns a table reads, as Series (selecting a sub-frame costs more than the table)."""
    if keep.all():
        return {name: survey.data[name] for name in names}
    mask = keep.to_numpy()
    return {name: survey.data[name][mask] for name in names}


def _grouping_columns(survey: Survey, spec: TableSpec) -> list[str]:
    """The one column the groups come from, if any; the table reads nothing else besides the question."""
    name = spec.benchmark[0] if spec.benchmark else spec.by
    return [survey.variable(name).column] if name else []


def _groups(survey: Survey, data: dict[str, pd.Series], spec: TableSpec, rows: int):
    """Labels and row masks of the groups; `partition` are the indices that split Totalt."""
    everyone = np.ones(rows, dtype=bool)
    if spec.benchmark:
        name, value = spec.benchmark
        variable = survey.variable(name)
        column = data[variable.column].astype(object)
        label = _match_value(survey.data[variable.column], value, variable.text)
        own = (column == label).to_numpy()
        known = column.notna().to_numpy()
        return [TOTAL, label, REST], [everyone, own, known & ~own], [1, 2], variable.text
    if not spec.by:
        return [TOTAL], [everyone], [], None
    variable = survey.variable(spec.by)
    column = data[variable.column]
    if variable.kind == "numeric":
        raise BarometerError(f"«{variable.text}» er et tall og kan ikke brukes til å dele opp tabellen.")
    categories = _categories(column)
    codes = _codes(column, categories)
    masks = [everyone] + [codes == index for index in range(len(categories))]
    return [TOTAL] + [str(c) for c in categories], masks, list(range(1, len(masks))), variable.text


def _blocks(data: dict[str, pd.Series], question: Question, summary: bool) -> list[_Block]:
    if question.type is QType.SINGLE:
        return [_categorical_block(data[question.columns[0]], None, question.options)]
    if question.type is QType.MULTI:
        matrix = np.column_stack([data[c].to_numpy(dtype=float) for c in question.columns])
        in_base = ~np.isnan(matrix).all(axis=1)
        return [_Block(None, list(question.options), np.nan_to_num(matrix, nan=0.0), in_base)]
    blocks = []
    for item, column in zip(question.items, question.columns, strict=True):
        block = _categorical_block(data[column], item, question.options)
        blocks.append(_summary_block(block, question) if summary else block)
    return blocks


def _codes(column: pd.Series, categories: list) -> np.ndarray:
    """Index into `categories` per row (-1 for missing or other), without comparing strings row by row."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        position = {c: i for i, c in enumerate(categories)}
        lookup = np.array([position.get(c, -1) for c in column.cat.categories] + [-1])
        return lookup[column.cat.codes.to_numpy()]
    return pd.Categorical(column.astype(object), categories=categories).codes


def _categorical_block(column: pd.Series, item: str | None, options: list[str]) -> _Block:
    codes = _codes(column, options)
    indicators = np.zeros((len(codes), len(options)))
    answered = codes >= 0
    indicators[np.flatnonzero(answered), codes[answered]] = 1.0
    return _Block(item, list(options), indicators, answered)


def summary_labels(question: Question) -> tuple[list[str], list[str], tuple[str, str]]:
    """Bottom-two and top-two options of a grid's scale, and what to call them."""
    scale = [o for o in question.options if o not in question.dont_know]
    if len(scale) < 4:
        raise BarometerError("Oppsummering (topp/bunn to) krever en skala med minst fire trinn.")
    bottom, top = scale[:2], scale[-2:]
    text = " ".join(scale).casefold()
    names = ("Hemmer", "Fremmer") if "hemme" in text and "fremme" in text else ("Bunn 2", "Topp 2")
    return bottom, top, names


def _summary_block(block: _Block, question: Question) -> _Block:
    """Share hindering / promoting per item, 'vet ikke' left out of the base as KS publishes it."""
    bottom, top, names = summary_labels(question)
    index = {o: i for i, o in enumerate(block.options)}
    substantive = [index[o] for o in block.options if o not in question.dont_know]
    in_base = block.in_base & (block.indicators[:, substantive].sum(axis=1) > 0)
    low = block.indicators[:, [index[o] for o in bottom]].sum(axis=1)
    high = block.indicators[:, [index[o] for o in top]].sum(axis=1)
    return _Block(block.item, list(names), np.column_stack([low, high]), in_base)


def _block_stats(block: _Block, group_matrix: np.ndarray, w: np.ndarray, spec: TableSpec):
    in_base = block.in_base.astype(float)
    weighted = block.indicators * (w * in_base)[:, None]
    n = group_matrix @ in_base
    wn = group_matrix @ (w * in_base)
    w2n = group_matrix @ (w * w * in_base)
    counts = group_matrix @ (block.indicators * in_base[:, None])
    with np.errstate(invalid="ignore", divide="ignore"):
        share = (group_matrix @ weighted) / wn[:, None]
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
) -> tuple[str, float | None, dict[str, float]]:
    """Chi-square across groups on effective counts (single choice: one test; per option/item otherwise)."""
    testable = [g for g in partition if not groups[g].suppressed and groups[g].base > 0]
    if len(testable) < 2:
        return "", None, {}
    correction = stats.CORRECTIONS[spec.correction]
    pair_text = (
        f"Bokstav = signifikant høyere enn gruppen med den bokstaven "
        f"(z-test for kolonneandeler, effektiv base, {correction}, {int(spec.alpha * 100)} % nivå)."
    )
    if question.type is QType.SINGLE:
        _, share, _, _, _, neff = block_stats[0]
        observed = np.nan_to_num(share[testable] / 100 * neff[testable, None])
        p_value = stats.chi_square(observed)
        return "Kjikvadrattest på tvers av gruppene (effektiv base). " + pair_text, p_value, {}
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
    per = "delspørsmål" if question.type is QType.GRID and not spec.grid_summary else "alternativ"
    return f"Kjikvadrattest per {per} på tvers av gruppene (effektiv base). " + pair_text, None, p_values


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


def _describe_groups(data, question, labels, masks, w, spec) -> list[Group]:
    """Numeric questions: n, mean and median per group; free text: how many answered."""
    groups = []
    for label, mask in zip(labels, masks, strict=True):
        column = data[question.columns[0]][mask]
        weights = w[mask]
        if question.type is QType.NUMERIC:
            values = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
            ok = np.isfinite(values)
            vals, ws = values[ok], weights[ok]
            mean = float(np.average(vals, weights=ws)) if ok.any() and ws.sum() > 0 else None
            median = float(np.median(vals)) if ok.any() else None
            cells = [
                Cell(None, "Gjennomsnitt", int(ok.sum()), None, None, None, base=int(ok.sum()), value=mean),
                Cell(None, "Median", int(ok.sum()), None, None, None, base=int(ok.sum()), value=median),
            ]
        else:
            ok = column.notna().to_numpy()
            ws = weights[ok]
            cells = [Cell(None, "Antall svar", int(ok.sum()), None, None, None, base=int(ok.sum()))]
        groups.append(
            Group(label, int(ok.sum()), float(ws.sum()), stats.kish_effective_base(ws), False, False, cells)
        )
    for group in groups:
        group.low_base = 0 < group.base < spec.low_base
    return groups


def _hide_suppressed_values(groups: list[Group]) -> None:
    """Numeric tables are suppressed the same way: no mean or median from too few answers."""
    for group in groups:
        if group.suppressed:
            for cell in group.cells:
                cell.value = None
                cell.count = None
