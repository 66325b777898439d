"""What a chart of a table shows: categories and series picked from the engine's cells.

Both the matplotlib charts and the native PowerPoint charts draw from this, so
they can never disagree with each other or with the table. Nothing here
computes a percentage; it only selects and arranges the engine's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from barometer_gui.core.schema import QType
from barometer_gui.core.tabulate import Table


@dataclass
class Series:
    name: str
    values: list[float | None]  # percentages 0-100, or plain values when `percent` is False
    marks: list[str] = field(default_factory=list)  # significance letters per value, if any


@dataclass
class ChartData:
    title: str
    subtitle: str
    categories: list[str]
    series: list[Series]
    stacked: bool = False
    percent: bool = True
    notes: list[str] = field(default_factory=list)
    scale: bool = False  # series are points of a scale (low to high), not groups

    @property
    def empty(self) -> bool:
        return not self.categories or not self.series

    def pages(self, max_bars: int = 48, max_categories: int = 16) -> list[ChartData]:
        """Split a chart too crowded for one slide into consecutive parts, "(1/4)" and so on."""
        per_category = 1 if self.stacked else max(len(self.series), 1)
        size = max(1, min(max_categories, max_bars // per_category))
        if len(self.categories) <= size:
            return [self]
        starts = range(0, len(self.categories), size)
        count = len(starts)
        return [
            ChartData(
                self.title,
                f"{self.subtitle} ({number}/{count})",
                self.categories[start : start + size],
                [
                    Series(s.name, s.values[start : start + size], s.marks[start : start + size])
                    for s in self.series
                ],
                self.stacked,
                self.percent,
                list(self.notes),
                self.scale,
            )
            for number, start in enumerate(starts, start=1)
        ]


def chart_data(table: Table, group_label: str | None = None) -> ChartData:
    """Arrange a table for a bar chart; `group_label` picks one group for grid charts."""
    question = table.question
    subtitle = _subtitle(table)
    shown = [g for g in table.groups if not g.suppressed and g.base > 0]
    hidden = [g.label for g in table.groups if g.suppressed and g.base > 0]
    notes = [f"Skjult (for få svar): {', '.join(hidden)}."] if hidden else []

    if question.type is QType.TEXT:
        return ChartData(question.text, subtitle, [], [], notes=["Fritekst vises ikke som diagram."])
    if question.type is QType.NUMERIC:
        values = [_cell(g, None, "Gjennomsnitt").value for g in shown]
        return ChartData(
            question.text,
            subtitle + " – gjennomsnitt",
            [g.label for g in shown],
            [Series("Gjennomsnitt", values)],
            percent=False,
            notes=notes,
        )
    if question.type is QType.GRID and not table.spec.grid_summary:
        group = next((g for g in shown if g.label == group_label), shown[0] if shown else None)
        if group is None:
            return ChartData(question.text, subtitle, [], [], notes=notes)
        items = [i for i in table.items if i is not None]
        series = [
            Series(option, [_cell(group, item, option).pct for item in items]) for option in table.options
        ]
        if len(shown) > 1:
            subtitle += f" – {group.label}"
        return ChartData(question.text, subtitle, items, series, stacked=True, notes=notes, scale=True)
    if question.type is QType.GRID:
        items = [i for i in table.items if i is not None]
        if len(shown) <= 1:
            series = (
                [
                    Series(option, [_cell(shown[0], item, option).pct for item in items])
                    for option in table.options
                ]
                if shown
                else []
            )
            return ChartData(question.text, subtitle, items, series, notes=notes, scale=True)
        option = table.options[-1]
        series = [_group_series(g, [(item, option) for item in items]) for g in shown]
        return ChartData(question.text, f"{subtitle} – andel «{option.lower()}»", items, series, notes=notes)
    series = [_group_series(g, [(None, o) for o in table.options]) for g in shown]
    return ChartData(question.text, subtitle, list(table.options), series, notes=notes)


def _group_series(group, cells: list[tuple[str | None, str]]) -> Series:
    """One group's bars, named with its test letter so the letters on other bars can be read."""
    picked = [_cell(group, item, option) for item, option in cells]
    name = f"{group.label} ({group.letter})" if group.letter else group.label
    if group.low_base:
        name += "*"  # fewer than the low-base limit, as in the table header
    return Series(name, [c.pct for c in picked], [c.sig for c in picked])


def _cell(group, item, option):
    for cell in group.cells:
        if cell.item == item and cell.option == option:
            return cell
    raise KeyError((group.label, item, option))


def _subtitle(table: Table) -> str:
    parts = []
    if table.by_label:
        parts.append(
            f"Etter {table.by_label.lower()}"
            if not table.spec.benchmark
            else "Eget område mot resten av landet"
        )
    if table.filters:
        parts.append(", ".join(table.filters))
    parts.append("vektet" if table.weighted else "uvektet")
    total = table.groups[0].base if table.groups else 0
    parts.append(f"n = {total}")
    return " · ".join(parts)
