"""What a chart of a table shows: chart type, categories, series and marks, picked from the engine's cells.

Decided once, drawn twice: the matplotlib drawing (`charts/mpl.py`) and the native PowerPoint charts
(`export/pptx_charts.py`) both draw a `ChartData`, so they can never disagree with each other or with
the table. Nothing here computes a percentage; it only selects and arranges the engine's numbers
(an interval whisker's length is the only subtraction, and it is geometry, not a result).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial

from barometer_gui.charts.style import (
    DIVERGING,
    LOW_BASE_MARK,
    MAX_GROUPED,
    SUPPRESSED,
    Style,
    TranslatedNames,
    category_colours,
    group_colours,
    number_label,
    pct_label,
    scale_colours,
    value_label,
)
from barometer_gui.core.disclosure import categories
from barometer_gui.core.errors import translated
from barometer_gui.core.i18n import t, using_language
from barometer_gui.core.schema import QType, Survey
from barometer_gui.core.tabulate import Stat, Table, TableSpec
from barometer_gui.export.safe import clean_text


def whiskers_note() -> str:
    """What the lines on the bars are; said under every chart that draws them."""
    return t("Strekene viser 95 % konfidensintervall (Wilson)")


with using_language("nb"):
    #: the note in bokmål, for callers that look for it among a chart's notes (prefer `ChartData.whiskers`)
    WHISKERS_NOTE = whiskers_note()


class Kind(StrEnum):
    BARS = "bars"
    STACKED = "stacked"
    DIVERGING = "diverging"
    DOTS = "dots"
    MULTIPLES = "multiples"
    LINE = "line"
    TABLE = "table"


def kind_label(kind: Kind | str) -> str:
    """The chart type's name in the current language."""
    return {
        Kind.BARS: t("Liggende søyler"),
        Kind.STACKED: t("100 % stablede søyler"),
        Kind.DIVERGING: t("Hemmer/fremmer (divergerende)"),
        Kind.DOTS: t("Punktdiagram (mange grupper)"),
        Kind.MULTIPLES: t("Ett panel per gruppe"),
        Kind.LINE: t("Linje over målinger"),
        Kind.TABLE: t("Tabell"),
    }[Kind(kind)]


KIND_LABELS: Mapping[Kind, str] = TranslatedNames(Kind, kind_label)


@dataclass
class Series:
    name: str
    values: list[float | None]  # percentages 0-100, or plain values when `percent` is False
    marks: list[str] = field(default_factory=list)  # significance letters per value, if any
    colour: str = "#0072B2"
    low: list[float | None] = field(default_factory=list)  # Wilson interval, same units as values
    high: list[float | None] = field(default_factory=list)
    suppressed: bool = False  # a group under the minimum base: every value is None, shown as ":"


@dataclass
class ChartData:
    title: str
    subtitle: str
    categories: list[str]
    series: list[Series]
    kind: Kind = Kind.BARS
    percent: bool = True
    notes: list[str] = field(default_factory=list)
    scale: bool = False  # series are points of an ordered scale (low to high), not groups
    base: str = ""  # "n = 206" or "n: Totalt 206 · Kommune 194 · Fylkeskommune 12*"
    short_base: str = ""  # a small multiple's panel: "n = 187–201" (the rest is in the footnote)
    weighting: str = ""
    source: str = ""
    negative: int = 0  # diverging: the first `negative` series are drawn left of zero
    beside: list[str] = field(default_factory=list)  # diverging: neutral and 'vet ikke' per category
    beside_title: str = ""  # what the `beside` values are, e.g. "Verken/eller · Vet ikke"
    references: list[float | None] = field(default_factory=list)  # dots: the whole country per series
    whiskers: bool = False
    panels: list[ChartData] = field(default_factory=list)  # small multiples, each its own chart
    rows: list[list[str]] = field(default_factory=list)  # table: header row, then rows of text
    decimals: int = 0

    @property
    def stacked(self) -> bool:
        return self.kind is Kind.STACKED

    @property
    def empty(self) -> bool:
        if self.panels:
            return all(p.empty for p in self.panels)
        if self.kind is Kind.TABLE:
            return len(self.rows) < 2
        return not self.categories or not self.series

    @property
    def footer(self) -> str:
        """Base, weighting, notes and source: every chart carries them."""
        parts = [self.base, self.weighting, *self.notes]
        if self.source:
            parts.append(t("Kilde: {source}.", source=self.source))
        return " ".join(p.rstrip(".") + "." for p in parts if p).replace("..", ".")

    @property
    def reference_text(self) -> str:
        """ "Hele landet 9 %" (or "41 % / 39 %" for two series): the dot plot's reference line, in words."""
        shown = [value_label(r, self.percent, "", self.decimals) for r in self.references if r is not None]
        return whole_country(" / ".join(shown)) if shown else ""

    @property
    def alt_text(self) -> str:
        """A sentence for screen readers (universal design rules): what the chart shows and its base."""
        what = KIND_LABELS[self.kind].lower()
        groups = ", ".join(s.name for s in self.series[:8])
        return clean_text(f"{self.title}. {what.capitalize()}: {groups}. {self.base}.")

    def pages(self, max_bars: int = 48, max_categories: int = 16, max_panels: int = 3) -> list[ChartData]:
        """Split a chart too crowded for one slide into consecutive parts, "(1/4)" and so on.

        Small multiples (up to `max_panels`) and dot-plot panels (up to five: they are narrower) go one
        row to a slide, in parts of equal size (9 → 5 + 4): in two rows a native panel is too short for
        its names, labels and legend (seen in LibreOffice; 15 fylker × 9 options).
        """
        per_slide = {Kind.MULTIPLES: max_panels, Kind.DOTS: 5}.get(self.kind, 0)
        if per_slide and len(self.panels) > per_slide:
            count = math.ceil(len(self.panels) / per_slide)
            size = math.ceil(len(self.panels) / count)
            starts = range(0, len(self.panels), size)
            return [
                replace(
                    self,
                    subtitle=f"{self.subtitle} ({number}/{len(starts)})",
                    panels=self.panels[start : start + size],
                )
                for number, start in enumerate(starts, start=1)
            ]
        if self.panels or self.kind in (Kind.TABLE, Kind.LINE, Kind.DOTS):
            return [self]
        per_category = 1 if self.kind in (Kind.STACKED, Kind.DIVERGING) else max(len(self.series), 1)
        size = max(1, min(max_categories, max_bars // per_category))
        if len(self.categories) <= size:
            return [self]
        starts = range(0, len(self.categories), size)
        count = len(starts)

        def part(start: int) -> slice:
            return slice(start, start + size)

        return [
            replace(
                self,
                subtitle=f"{self.subtitle} ({number}/{count})",
                categories=self.categories[part(start)],
                beside=self.beside[part(start)],
                series=[
                    replace(
                        s,
                        values=s.values[part(start)],
                        marks=s.marks[part(start)],
                        low=s.low[part(start)],
                        high=s.high[part(start)],
                    )
                    for s in self.series
                ],
            )
            for number, start in enumerate(starts, start=1)
        ]


# --------------------------------------------------------------------------- which chart fits


def fitting_kinds(table: Table) -> list[Kind]:
    """The chart types that fit this table, the best first: one rule, by question type and breakdown."""
    question = table.question
    groups = len([g for g in table.groups if g.base > 0]) - (1 if table.by_label else 0)
    many = groups > MAX_GROUPED
    if question.type is QType.TEXT:
        return [Kind.TABLE]
    if question.type is QType.NUMERIC:
        return [Kind.DOTS, Kind.TABLE] if many else [Kind.BARS, Kind.DOTS, Kind.TABLE]
    if question.type is QType.GRID:
        ordered = _diverging_split(table) is not None
        if table.by_label:
            kinds = [Kind.MULTIPLES, Kind.TABLE]
            return [Kind.DOTS, *kinds] if table.spec.grid_summary and groups > 2 else kinds
        if table.spec.grid_summary:
            return [Kind.DIVERGING, Kind.BARS, Kind.TABLE]
        # every option stays visible by default; the diverging reading is one click away
        return [Kind.STACKED, Kind.DIVERGING, Kind.TABLE] if ordered else [Kind.STACKED, Kind.TABLE]
    if not table.by_label:
        return [Kind.BARS, Kind.TABLE]
    single = question.type is QType.SINGLE
    if many:
        return [Kind.DOTS, *([Kind.STACKED] if single else []), Kind.TABLE]
    kinds = [Kind.BARS, *([Kind.STACKED] if single else []), Kind.DOTS, Kind.TABLE]
    return kinds if groups > 2 else [k for k in kinds if k is not Kind.DOTS]


def chart_model(
    table: Table,
    kind: Kind | str | None = None,
    style: Style | None = None,
    *,
    order: str = "questionnaire",
    whiskers: bool | None = None,
    source: str | None = None,
    colour_keys: Sequence[str] = (),
) -> ChartData:
    """Arrange a table as `kind` (None: the best fitting type). A kind that does not fit falls back to the best.

    `colour_keys` is the breakdown's whole category list (`group_keys`): each group's colour follows
    its place there, so filtering a group out never shifts the others' colours.
    """
    style = style or Style()
    kinds = fitting_kinds(table)
    chosen = Kind(kind) if kind else kinds[0]
    if chosen not in kinds:
        chosen = kinds[0]
    builder = {
        Kind.BARS: partial(_bars, keys=colour_keys),
        Kind.STACKED: _stacked,
        Kind.DIVERGING: _diverging,
        Kind.DOTS: _dots,
        Kind.MULTIPLES: _multiples,
        Kind.TABLE: _table,
    }[chosen]
    data = builder(table, style, order)
    wanted = bool(table.spec.benchmark) if whiskers is None else whiskers
    data.whiskers = wanted and chosen in (Kind.BARS, Kind.DOTS)  # stacked segments and tables draw none
    for panel in data.panels:
        panel.whiskers = data.whiskers
    data.title = clean_text(style.title or table.question.text)
    data.weighting = t("Vektet ({weight})", weight=table.spec.weight) if table.weighted else t("Uvektet")
    data.source = clean_text(source if source is not None else table.source)
    data.decimals = style.decimals
    hidden = [g.label for g in table.groups if g.suppressed and g.base > 0]
    if hidden:
        data.notes.append(
            t("Skjult (for få svar): {groups} (vist som {mark})", groups=", ".join(hidden), mark=SUPPRESSED)
        )
    data.notes += table.privacy  # small groups merged into blocks such as "Oslo + Østfold"
    if any(g.low_base for g in table.groups):
        data.notes.append(
            t(
                "{mark} Under {n} svar: tolk med varsomhet",
                mark=LOW_BASE_MARK,
                n=number_label(table.spec.low_base, 0),
            )
        )
    if data.whiskers and table.question.type not in (QType.NUMERIC, QType.TEXT):
        data.notes.append(whiskers_note())
    return data


def chart_data(table: Table, group_label: str | None = None) -> ChartData:
    """The best fitting chart of `table` (kept for callers that do not choose a type)."""
    return chart_model(table)


def wave_chart(tables: list[Table], waves: list[str], style: Style | None = None) -> ChartData:
    """Survey waves as lines: one line per option of the whole sample, one point per wave."""
    if len(tables) != len(waves) or not tables:
        raise ValueError("one table per wave")
    style = style or Style()
    first = tables[0]
    options = [o for o in first.options if all(o in t.options for t in tables)]
    colours = category_colours(options, first.question.dont_know, style)
    series = []
    for option, colour in zip(options, colours, strict=True):
        cells = [_cell(t.groups[0], None, option) if t.groups else None for t in tables]
        series.append(
            Series(
                clean_text(option),
                [c.pct if c else None for c in cells],
                colour=colour,
                low=[c.ci_low if c else None for c in cells],
                high=[c.ci_high if c else None for c in cells],
            )
        )
    bases = " · ".join(f"{w} {t.groups[0].base}" for w, t in zip(waves, tables, strict=True) if t.groups)
    return ChartData(
        clean_text(style.title or first.question.text),
        t("Hele utvalget, per måling"),
        [clean_text(w) for w in waves],
        series,
        kind=Kind.LINE,
        base=t("n: {groups}", groups=bases),
        weighting=t("Vektet") if first.weighted else t("Uvektet"),
        source=clean_text(first.source),
        decimals=style.decimals,
    )


# --------------------------------------------------------------------------- builders


def _groups(table: Table) -> list:
    """Groups with answers, Totalt first; suppressed ones stay (drawn as ":"), empty ones go."""
    return [g for g in table.groups if g.base > 0]


def _subtitle(table: Table, extra: str = "") -> str:
    parts = []
    if table.spec.benchmark:
        parts.append(t("Eget område mot resten av landet og hele landet"))
    elif table.by_label:
        parts.append(t("Etter {variable}", variable=translated(table.by_label).lower()))
    if table.filters:
        parts.append(", ".join(table.filters))
    if extra:
        parts.append(extra)
    return clean_text(" · ".join(parts) or t("Hele utvalget"))


def _name(group) -> str:
    name = f"{group.label} ({group.letter})" if group.letter else group.label
    return clean_text(name + (LOW_BASE_MARK if group.low_base else ""))


def _base_text(table: Table, groups: list, grid: bool) -> str:
    """n per group; for grids the range over items, since 'vet ikke' and skipped items differ per item."""

    def one(group) -> str:
        return _group_n(group, grid)

    if len(groups) == 1:
        if not grid:
            return t("n = {n}", n=one(groups[0]))
        if table.spec.grid_summary:
            return t("n = {n} per delspørsmål, vet ikke holdt utenfor basen", n=one(groups[0]))
        return t("n = {n} per delspørsmål", n=one(groups[0]))
    listed = " · ".join(f"{g.label} {one(g)}" for g in groups)
    if not grid:
        return clean_text(t("n: {groups}", groups=listed))
    if table.spec.grid_summary:
        return clean_text(t("n per delspørsmål, vet ikke holdt utenfor basen: {groups}", groups=listed))
    return clean_text(t("n per delspørsmål: {groups}", groups=listed))


def _group_n(group, grid: bool) -> str:
    """A group's n ("206", "12*"); a grid's range over its items ("187–201"); ":" when hidden."""
    if group.suppressed:
        return SUPPRESSED
    if not grid:
        return number_label(group.base, 0) + (LOW_BASE_MARK if group.low_base else "")
    bases = [c.base for c in group.cells if c.base is not None]
    low, high = (min(bases), max(bases)) if bases else (group.base, group.base)
    text = number_label(low, 0) if low == high else f"{number_label(low, 0)}–{number_label(high, 0)}"
    return text + (LOW_BASE_MARK if group.low_base else "")


def group_keys(survey: Survey, spec: TableSpec) -> list[str]:
    """The breakdown's whole category list, whatever filters keep: the key to each group's colour.

    Pass it to `chart_model(..., colour_keys=…)` so Rogaland stays the same colour when a filter
    removes Oslo. A benchmark's groups (own area, rest) have fixed roles and need no key.
    """
    if not spec.by or spec.benchmark:
        return []
    variable = survey.variable(spec.by)
    return [str(c) for c in categories(survey.data[variable.column])]


def table_group_colours(
    table: Table, colour_keys: Sequence[str] = (), style: Style | None = None
) -> list[str]:
    """One colour per group with answers (Totalt first), as every chart of `table` draws it.

    For drawings that are not a `ChartData` (the workbook's native chart), so they colour groups alike.
    """
    return group_colours(_colour_slots(table, _groups(table), list(colour_keys)), style or Style())


def _colour_slots(table: Table, groups: list, keys: Sequence[str]) -> list[int | None]:
    """Totalt None; a group its place in `keys` (a merged block "Oslo + Østfold" by its first member);
    a group without a key (no keys given, a benchmark) its place in the table after the keyed ones."""
    if not table.by_label:
        return [0] * len(groups)
    parts = table.groups[1:]
    slots: list[int | None] = []
    for group in groups:
        if group is table.groups[0]:
            slots.append(None)
            continue
        key = group.label if group.label in keys else group.label.split(" + ")[0]
        slots.append(keys.index(key) if key in keys else len(keys) + parts.index(group))
    return slots


def _group_series(group, colour: str, cells: list) -> Series:
    picked = [_cell(group, item, option) for item, option in cells]
    return Series(
        _name(group),
        [None if group.suppressed else c.pct for c in picked],
        [c.sig for c in picked],
        colour,
        [None if group.suppressed else c.ci_low for c in picked],
        [None if group.suppressed else c.ci_high for c in picked],
        suppressed=group.suppressed,
    )


def _ordered(table: Table, order: str, group) -> list[str]:
    """Options in questionnaire order, or by size (largest first) with 'vet ikke' kept last."""
    options = list(table.options)
    if order != "size" or group is None or group.suppressed:
        return options
    dont_know = set(table.question.dont_know)
    value = {c.option: (c.pct if c.pct is not None else c.value) or 0 for c in group.cells}
    return sorted(options, key=lambda o: (o in dont_know, -value.get(o, 0)))


def _bars(table: Table, style: Style, order: str, keys: Sequence[str] = ()) -> ChartData:
    question = table.question
    groups = _groups(table)
    if question.type is QType.NUMERIC:
        shown = [g for g in groups if not g.suppressed]
        mean = table.options[0]  # the engine's first row of a numeric question is the mean
        series = Series(
            _option_name(mean), [_cell(g, None, mean).value for g in shown], colour=style.colours()[0]
        )
        return ChartData(
            "", _subtitle(table, t("gjennomsnitt")), [_name(g) for g in shown], [series], percent=False,
            base=_base_text(table, groups, False),
        )  # fmt: skip
    if question.type is QType.GRID:  # grid summary without breakdown: hemmer and fremmer side by side
        group = groups[0]
        items = [i for i in table.items if i is not None]
        colours = scale_colours(list(table.options), []) if len(table.options) > 2 else _ends()
        series = _item_series(group, items, list(table.options), colours)
        return ChartData(
            "", _subtitle(table), [clean_text(i) for i in items], series, scale=True,
            base=_base_text(table, groups, True),
        )  # fmt: skip
    options = _ordered(table, order, groups[0] if groups else None)
    colours = table_group_colours(table, keys, style)
    series = [
        _group_series(g, colour, [(None, o) for o in options])
        for g, colour in zip(groups, colours, strict=True)
    ]
    return ChartData(
        "", _subtitle(table), [clean_text(o) for o in options], series, base=_base_text(table, groups, False)
    )


def _item_series(group, items: list[str], options: list[str], colours: list[str]) -> list[Series]:
    """One series per option of a grid, one value per item, with the Wilson interval."""
    return [
        Series(
            clean_text(option),
            [_cell(group, item, option).pct for item in items],
            colour=colour,
            low=[_cell(group, item, option).ci_low for item in items],
            high=[_cell(group, item, option).ci_high for item in items],
        )
        for option, colour in zip(options, colours, strict=True)
    ]


def _ends() -> list[str]:
    return [DIVERGING[0], DIVERGING[-1]]


def _stacked(table: Table, style: Style, order: str, group=None) -> ChartData:
    """Options stacked to 100 %: per group for single choice, per item for a grid (one group)."""
    question = table.question
    options = list(table.options)
    dont_know = question.dont_know
    if question.type is QType.GRID:
        group = group or _groups(table)[0]
        items = [i for i in table.items if i is not None]
        series = _item_series(group, items, options, scale_colours(options, dont_know))
        return ChartData(
            "", _subtitle(table), [clean_text(i) for i in items], series, kind=Kind.STACKED, scale=True,
            base=_base_text(table, [group], True),
        )  # fmt: skip
    groups = _groups(table)
    colours = category_colours(options, dont_know, style)
    series = [
        Series(clean_text(o), [None if g.suppressed else _cell(g, None, o).pct for g in groups], colour=c)
        for o, c in zip(options, colours, strict=True)
    ]
    return ChartData(
        "", _subtitle(table), [_name(g) for g in groups], series, kind=Kind.STACKED,
        base=_base_text(table, groups, False),
    )  # fmt: skip


def _diverging_split(table: Table) -> tuple[list[str], list[str], list[str]] | None:
    """Hindering options, promoting options, and those stated beside (middle, 'vet ikke')."""
    question = table.question
    if question.type is not QType.GRID:
        return None
    if table.spec.grid_summary:
        low, high = table.options[0], table.options[-1]
        return [low], [high], []
    points = [o for o in table.options if o not in question.dont_know]
    if len(points) < 4:
        return None
    half = len(points) // 2
    left, right = points[:half], points[len(points) - half :]
    return left, right, [o for o in table.options if o not in left and o not in right]


def _diverging(table: Table, style: Style, order: str, group=None) -> ChartData:
    split = _diverging_split(table)
    assert split is not None, "fitting_kinds offers diverging only for a split scale"
    left, right, beside = split
    group = group or _groups(table)[0]
    items = [i for i in table.items if i is not None]
    options = [*left, *right]
    if table.spec.grid_summary:
        colours = _ends()
    else:
        every = scale_colours(list(table.options), table.question.dont_know)
        colours = [every[table.options.index(o)] for o in options]
    series = _item_series(group, items, options, colours)
    beside_text = []
    for item in items:
        if table.spec.grid_summary:
            cell = _cell(group, item, table.options[0])
            beside_text.append(number_label(cell.base, 0) if cell.base else SUPPRESSED)
        else:
            beside_text.append(
                " · ".join(pct_label(_cell(group, item, o).pct, style.decimals) for o in beside)
            )
    beside_title = "n" if table.spec.grid_summary else " · ".join(_short(o) for o in beside)
    notes = (
        [t("Andel av dem som tok stilling; resten svarte verken hemmer eller fremmer")]
        if table.spec.grid_summary
        else []
    )
    return ChartData(
        "", _subtitle(table), [clean_text(i) for i in items], series, kind=Kind.DIVERGING, scale=True,
        negative=len(left), beside=[clean_text(b) for b in beside_text], notes=notes,
        beside_title=clean_text(beside_title),
        base=_base_text(table, [group], True),
    )  # fmt: skip


def whole_country(values: str) -> str:
    """The reference line in words: "Hele landet 9 %"."""
    return t("Hele landet {values}", values=values)


def _short(option: str) -> str:
    return t("Verken/eller") if option.lower().startswith("verken") else option


def _multiples(table: Table, style: Style, order: str) -> ChartData:
    """A grid broken down by a variable: one panel per group, never silently reduced to Totalt."""
    groups = _groups(table)
    panel_kind = _diverging if table.spec.grid_summary else _stacked
    panels = []
    for group in groups:
        if group.suppressed:
            continue
        panel = panel_kind(table, style, order, group)
        panel.title = _name(group)
        panel.base = _base_text(table, [group], True)
        panel.short_base = t("n = {n}", n=_group_n(group, True))
        panels.append(panel)
    return ChartData(
        "", _subtitle(table), [], [], kind=Kind.MULTIPLES, scale=True, panels=panels,
        base=_base_text(table, groups, True),
    )  # fmt: skip


def _dots(table: Table, style: Style, order: str) -> ChartData:
    """Groups sorted by value, one panel per option (per item for a grid summary), the whole country as a line."""
    question = table.question
    total, groups = table.groups[0], [g for g in _groups(table) if g is not table.groups[0]]
    if question.type is QType.NUMERIC:
        facets = [(None, [table.options[0]])]  # the engine's mean
    elif question.type is QType.GRID:
        facets = [(i, list(table.options)) for i in table.items]
    else:
        facets = [(None, [o]) for o in table.options]
    colours = _ends() if question.type is QType.GRID else [style.colours()[0]]
    shown = [g for g in groups if not g.suppressed]

    def value(group, item, option):
        cell = _cell(group, item, option)
        return cell.value if question.type is QType.NUMERIC else cell.pct

    first_item, first_options = facets[0]
    ranked = sorted(shown, key=lambda g: -(value(g, first_item, first_options[-1]) or 0))
    rows = ranked + [g for g in groups if g.suppressed]
    panels = []
    for item, options in facets:
        series = [
            Series(
                _option_name(o),
                [None if g.suppressed else value(g, item, o) for g in rows],
                [_cell(g, item, o).sig for g in rows],
                colour,
                [None if g.suppressed else _cell(g, item, o).ci_low for g in rows],
                [None if g.suppressed else _cell(g, item, o).ci_high for g in rows],
            )
            for o, colour in zip(options, colours * len(options), strict=False)
        ]
        title = item if item is not None else (options[0] if len(facets) > 1 else "")
        panels.append(
            ChartData(
                clean_text(title or ""), "", [_name(g) for g in rows], series, kind=Kind.DOTS,
                percent=question.type is not QType.NUMERIC,
                references=[value(total, item, o) for o in options],
            )
        )  # fmt: skip
    grid = question.type is QType.GRID
    data = ChartData(
        "", _subtitle(table, t("sortert etter verdi, linjen er hele landet")), [], [], kind=Kind.DOTS,
        percent=question.type is not QType.NUMERIC, base=_base_text(table, [total, *groups], grid),
    )  # fmt: skip
    if len(panels) == 1:
        panel = panels[0]
        data.categories, data.series, data.references = panel.categories, panel.series, panel.references
    else:
        data.panels = panels
    return data


def _table(table: Table, style: Style, order: str) -> ChartData:
    """A small table as the table view shows it: "68 %", letters, ":" for a hidden group, n last.

    Options down and groups across; a grid has its items down and options across (one block of rows
    per group when broken down), so it stays a small table.
    """
    question = table.question
    groups = _groups(table)
    grid = question.type is QType.GRID

    def pct(group, item, option) -> str:
        cell = _cell(group, item, option)
        return f"{pct_label(cell.pct, style.decimals)} {cell.sig}".strip()

    if grid:
        header = ["", *table.options, "n"]
        body = [
            [
                f"{item} – {g.label}" if len(groups) > 1 else item,
                *[pct(g, item, o) for o in table.options],
                _item_base(g, item),
            ]
            for g in groups
            for item in table.items
        ]
    else:
        header = ["", *[_name(g) for g in groups]]
        body = [
            [_option_name(option), *[_text(question, g, option, style) for g in groups]]
            for option in table.options
        ]
        body.append(["n", *[SUPPRESSED if g.suppressed else number_label(g.base, 0) for g in groups]])
    rows = [[clean_text(c) for c in row] for row in [header, *body]]
    return ChartData(
        "", _subtitle(table), [], [], kind=Kind.TABLE, rows=rows, base=_base_text(table, groups, grid),
        percent=question.type not in (QType.NUMERIC, QType.TEXT),
    )  # fmt: skip


def _text(question, group, option: str, style: Style) -> str:
    cell = _cell(group, None, option)
    if question.type is QType.TEXT:
        return number_label(cell.count, 0)
    if question.type is QType.NUMERIC:
        return number_label(cell.value, 1)
    return f"{pct_label(cell.pct, style.decimals)} {cell.sig}".strip()


def _item_base(group, item) -> str:
    base = _cell(group, item, group.cells[0].option).base
    return SUPPRESSED if group.suppressed or base is None else number_label(base, 0)


def _option_name(option: str) -> str:
    """An option as a chart names it: a statistic (mean, median) in the current language, an answer as written."""
    return clean_text(option.label() if isinstance(option, Stat) else option)


def _cell(group, item, option):
    for cell in group.cells:
        if cell.item == item and cell.option == option:
            return cell
    raise KeyError((group.label, item, option))
