"""How a `Table` is laid out on screen: one grid of formatted cells that the view, the clipboard,
the CSV and the Excel export all read, so what is copied or saved is what is shown.

No arithmetic happens here: every number is read from the engine's `Table`
(`core.tabulate.tabulate`) and only formatted, in the language shown (`core.formatting`). What
the signs (letters, `*`, `:`) mean is said once, in the footnote under the table (`core.footnote`);
a cell's tooltip gives its own reason. No widgets (only Qt's translation lookup), so it is
tested directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from barometer_gui.core.formatting import fmt_diff, fmt_int, fmt_number, fmt_p, fmt_pct

if TYPE_CHECKING:  # core.schema and core.tabulate bring pandas: loaded with the data, after the window shows
    from barometer_gui.core.tabulate import Cell, Comparison, Group, Table

NBSP = "\u00a0"
#: the own area's shade in the view and in the Excel export
OWN_AREA_COLOUR = "#fff4d6"


@dataclass
class GridCell:
    text: str = ""
    tooltip: str = ""
    #: the engine's value behind the text (fraction for percentages), for sorting and Excel
    number: float | None = None
    #: Excel number format for `number`: "pct", "int" or "dec"
    kind: str = ""
    muted: bool = False
    bold: bool = False
    own_area: bool = False


@dataclass
class Header:
    text: str
    tooltip: str = ""
    own_area: bool = False
    low_base: bool = False


@dataclass
class Grid:
    rows: list[Header]
    columns: list[Header]
    cells: list[list[GridCell]]
    #: leading rows that are bases: they stay on top when sorting
    fixed_rows: int = 0

    def transposed(self) -> Grid:
        cells = [[self.cells[r][c] for r in range(len(self.rows))] for c in range(len(self.columns))]
        return Grid(self.columns, self.rows, cells, 0)

    def text_rows(self) -> list[list[str]]:
        """Header row then one row per table row, as displayed (line breaks folded)."""
        head = ["", *(_flat(h.text) for h in self.columns)]
        body = [[_flat(h.text), *(c.text for c in row)] for h, row in zip(self.rows, self.cells, strict=True)]
        return [head, *body]


def _flat(text: str) -> str:
    return " ".join(text.split("\n"))


def build_grid(table: Table | None, transposed: bool = False, intervals: bool = False) -> Grid:
    """Options × groups (or items × scale for an ungrouped grid), base rows first."""
    if table is None or not table.groups:
        return Grid([], [], [])
    grid = _items_grid(table, intervals) if _items_by_scale(table) else _options_grid(table, intervals)
    return grid.transposed() if transposed else grid


def _items_by_scale(table: Table) -> bool:
    from barometer_gui.core.schema import QType

    return table.question.type is QType.GRID and len(table.groups) == 1 and not table.comparisons


def _options_grid(table: Table, intervals: bool) -> Grid:
    from barometer_gui.core.schema import QType

    groups = table.groups
    own = 1 if table.spec.benchmark else None
    columns = [_group_header(g, table, g_index == own) for g_index, g in enumerate(groups)]
    # Free text has one row, the number of answers; a base row above it would say the same again.
    base_rows = _base_rows(table) if table.question.type is not QType.TEXT else []
    rows = [h for h, _ in base_rows]
    cells = [
        [_base_cell(g, getter, g_index == own) for g_index, g in enumerate(groups)] for _, getter in base_rows
    ]
    first = {(c.item, c.option): c for c in groups[0].cells}
    keys = list(first)
    lookup = [{(c.item, c.option): c for c in g.cells} for g in groups]
    for key in keys:
        item, label = key[0], first[key].label  # a statistic's name in the language shown
        rows.append(Header(f"{item} – {label}" if item else label))
        cells.append(
            [
                _value_cell(lookup[g_index].get(key), g, table, intervals, g_index == own)
                for g_index, g in enumerate(groups)
            ]
        )
    if table.comparisons:
        columns.append(
            Header(
                QCoreApplication.translate("TableLayout", "Diff. mot resten\n(prosentpoeng)"),
                QCoreApplication.translate(
                    "TableLayout",
                    "Eget område minus resten av landet; * = signifikant (z-test, effektiv base, {level} % nivå)",
                ).format(level=int(table.spec.alpha * 100)),
            )
        )
        diffs = {(c.item, c.option): c for c in table.comparisons}
        for row in cells[: len(base_rows)]:
            row.append(GridCell())
        for row, key in zip(cells[len(base_rows) :], keys, strict=True):
            row.append(_difference_cell(diffs.get(key)))
    return Grid(rows, columns, cells, len(base_rows))


def _items_grid(table: Table, intervals: bool) -> Grid:
    """A grid question without breakdown: items as rows, the scale as columns, n per item."""
    group = table.groups[0]
    options = table.options
    columns = [
        Header(
            QCoreApplication.translate("TableLayout", "Antall svar (n)"),
            QCoreApplication.translate("TableLayout", "Antall som svarte på delspørsmålet (uvektet)"),
        )
    ]
    columns += [Header(option) for option in options]
    lookup = {(c.item, c.option): c for c in group.cells}
    rows, cells = [], []
    for item in table.items:
        first = lookup.get((item, options[0]))
        base = None if first is None or group.suppressed else first.base
        rows.append(Header(item or ""))
        row = [GridCell(fmt_int(base) if base is not None else ":", number=base, kind="int", muted=True)]
        row += [_value_cell(lookup.get((item, o)), group, table, intervals, False) for o in options]
        cells.append(row)
    return Grid(rows, columns, cells, 0)


def _letters_shown(table: Table) -> bool:
    """Own area against the country shows its test once, as the starred difference column, not as letters too."""
    return not table.comparisons


def _group_header(group: Group, table: Table, own: bool) -> Header:
    letter = f" ({group.letter})" if group.letter and _letters_shown(table) else ""
    mark = "*" if group.low_base else ""
    tip = QCoreApplication.translate(
        "TableLayout", "{label}: {n} svar, vektet base {weighted}, effektiv base {effective}"
    ).format(
        label=group.label,
        n=fmt_int(group.base),
        weighted=fmt_number(group.weighted_base),
        effective=fmt_number(group.effective_base),
    )
    if group.suppressed:
        tip += " – " + _suppressed_reason(group, table)
    if group.low_base:
        tip += " – " + QCoreApplication.translate(
            "TableLayout", "lav base: færre enn {n} svar, tolk med forsiktighet"
        ).format(n=table.spec.low_base)
    if own:
        tip += " – " + QCoreApplication.translate("TableLayout", "ditt område")
    return Header(f"{group.label}{letter}{mark}", tip, own, group.low_base)


def _base_rows(table: Table) -> list[tuple[Header, object]]:
    rows = [
        (
            Header(
                QCoreApplication.translate("TableLayout", "Antall svar (n)"),
                QCoreApplication.translate("TableLayout", "Uvektet antall som svarte (basen for prosentene)"),
            ),
            lambda g: (g.base, "int"),
        )
    ]
    if table.weighted:
        rows += [
            (
                Header(
                    QCoreApplication.translate("TableLayout", "Vektet base"),
                    QCoreApplication.translate("TableLayout", "Summen av vektene i gruppen"),
                ),
                lambda g: (g.weighted_base, "dec"),
            ),
            (
                Header(
                    QCoreApplication.translate("TableLayout", "Effektiv base"),
                    QCoreApplication.translate(
                        "TableLayout", "Kish' effektive base: vektet utvalg tilsvarer så mange svar"
                    ),
                ),
                lambda g: (g.effective_base, "dec"),
            ),
        ]
    return rows


def _base_cell(group: Group, getter, own: bool) -> GridCell:
    value, kind = getter(group)
    text = fmt_int(value) if kind == "int" else fmt_number(value)
    mark = "*" if group.low_base and kind == "int" else ""
    return GridCell(text + mark, number=value, kind=kind, muted=True, own_area=own)


def _suppressed_reason(group: Group, table: Table) -> str:
    if group.secondary:
        return QCoreApplication.translate(
            "TableLayout",
            "skjult for å beskytte en annen liten gruppe (ellers kunne den regnes ut fra totalen)",
        )
    return QCoreApplication.translate("TableLayout", "skjult: færre enn {n} svar").format(
        n=table.spec.min_base
    )


def _value_cell(cell: Cell | None, group: Group, table: Table, intervals: bool, own: bool) -> GridCell:
    from barometer_gui.core.tabulate import Stat

    if cell is None:
        return GridCell(own_area=own)
    if group.suppressed:
        return GridCell(":", _suppressed_reason(group, table).capitalize(), muted=True, own_area=own)
    if cell.stat in (Stat.MEAN, Stat.MEDIAN) or cell.value is not None:
        return GridCell(fmt_number(cell.value), number=cell.value, kind="dec", own_area=own)
    if cell.pct is None and cell.count is not None and cell.stat is Stat.ANSWERS:
        return GridCell(fmt_int(cell.count), number=cell.count, kind="int", own_area=own)
    if cell.pct is None:
        why = QCoreApplication.translate(
            "TableLayout", "Skjult: færre enn {n} svar på dette delspørsmålet"
        ).format(n=table.spec.min_base)
        return GridCell(":", why, muted=True, own_area=own)
    sig = cell.sig if _letters_shown(table) else ""
    text = fmt_pct(cell.pct)
    if intervals and cell.ci_low is not None:
        text += f" ({fmt_number(cell.ci_low)}–{fmt_number(cell.ci_high)})"
    if sig:
        text += f" {sig}"
    tips = [
        QCoreApplication.translate("TableLayout", "Antall: {count} av {base}").format(
            count=fmt_int(cell.count), base=fmt_int(cell.base)
        )
    ]
    if cell.ci_low is not None:
        tips.append(
            QCoreApplication.translate("TableLayout", "95 % KI: {low} – {high}").format(
                low=fmt_pct(cell.ci_low), high=fmt_pct(cell.ci_high)
            )
        )
    if sig:
        tips.append(
            QCoreApplication.translate("TableLayout", "Signifikant høyere enn gruppe {letters}").format(
                letters=", ".join(sig)
            )
        )
    return GridCell(text, "\n".join(tips), number=cell.pct / 100, kind="pct", bold=bool(sig), own_area=own)


def _difference_cell(comparison: Comparison | None) -> GridCell:
    if comparison is None:
        return GridCell()
    if comparison.diff_rest is None:
        return GridCell(
            ":",
            QCoreApplication.translate("TableLayout", "Skjult fordi en av gruppene er skjult"),
            muted=True,
        )
    mark = " *" if comparison.significant else ""
    text = fmt_diff(comparison.diff_rest) + mark
    total = fmt_diff(comparison.diff_total)
    tip = QCoreApplication.translate("TableLayout", "Mot hele landet: {total} prosentpoeng").format(
        total=total
    )
    if comparison.p_value is not None:
        tip += f"\np = {fmt_p(comparison.p_value)}"
    return GridCell(text, tip, number=comparison.diff_rest, kind="dec", bold=comparison.significant)
