"""A read-only Qt model over one `Table`: answer options as rows, groups as columns.

Sorting reorders a row permutation; the table itself is never changed, so the
numbers shown are exactly the engine's.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from barometer_gui.core.formatting import fmt_int, fmt_number, fmt_p, fmt_pct
from barometer_gui.core.tabulate import Cell, Comparison, Table

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class TableModel(QAbstractTableModel):
    def __init__(self, table: Table | None = None, parent=None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._rows: list[tuple[str | None, str]] = []
        self._cells: list[dict[tuple[str | None, str], Cell]] = []
        self._order: list[int] = []
        self._comparisons: dict[tuple[str | None, str], Comparison] = {}
        self.set_table(table)

    @property
    def table(self) -> Table | None:
        return self._table

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._table = table
        if table is None or not table.groups:
            self._rows, self._cells = [], []
        else:
            self._rows = list(dict.fromkeys((c.item, c.option) for c in table.groups[0].cells))
            self._cells = [{(c.item, c.option): c for c in g.cells} for g in table.groups]
        self._comparisons = {(c.item, c.option): c for c in table.comparisons} if table is not None else {}
        self._order = list(range(len(self._rows)))
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.groups) + (1 if self._comparisons else 0)

    def _is_difference(self, column: int) -> bool:
        return bool(self._comparisons) and self._table is not None and column == len(self._table.groups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._table is None:
            return None
        row = self._order[index.row()]
        if self._is_difference(index.column()):
            return self._difference(self._comparisons.get(self._rows[row]), role)
        group = self._table.groups[index.column()]
        cell = self._cells[index.column()].get(self._rows[row])
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(cell, group.suppressed)
        if role == SORT_ROLE:
            value = cell.value if cell.value is not None else cell.pct
            return -1.0 if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell, group)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (
            group.suppressed or (cell.pct is None and cell.value is None)
        ):
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.FontRole and cell.sig:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self._table is None:
            return None
        if orientation == Qt.Orientation.Horizontal and self._is_difference(section):
            if role == Qt.ItemDataRole.DisplayRole:
                return "Diff. mot resten\n(prosentpoeng)"
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Eget område minus resten av landet; * = signifikant (z-test, effektiv base, 5 % nivå)"
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._table.groups):
            group = self._table.groups[section]
            if role == Qt.ItemDataRole.DisplayRole:
                letter = f" ({group.letter})" if group.letter else ""
                mark = "*" if group.low_base else ""
                return f"{group.label}{letter}\nn = {fmt_int(group.base)}{mark}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    f"{group.label}: {group.base} svar, vektet base {fmt_number(group.weighted_base)}, "
                    f"effektiv base {fmt_number(group.effective_base)}"
                    + (" – skjult (for få svar)" if group.suppressed else "")
                    + (" – lav base" if group.low_base else "")
                )
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._rows)
        ):
            item, option = self._rows[self._order[section]]
            return f"{item} – {option}" if item else option
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._table is None or not 0 <= column < len(self._table.groups):
            return
        if self._is_difference(column):
            return
        self.layoutAboutToBeChanged.emit()
        cells = self._cells[column]

        def key(row: int) -> float:
            cell = cells.get(self._rows[row])
            value = None if cell is None else (cell.value if cell.value is not None else cell.pct)
            return -1.0 if value is None else value

        self._order.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def reset_order(self) -> None:
        self.layoutAboutToBeChanged.emit()
        self._order = list(range(len(self._rows)))
        self.layoutChanged.emit()

    @staticmethod
    def _difference(comparison: Comparison | None, role: int):
        if comparison is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if comparison.diff_rest is None:
                return ":"
            mark = " *" if comparison.significant else ""
            return f"{comparison.diff_rest:+.1f}".replace(".", ",").replace("-", "−") + mark
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and comparison.p_value is not None:
            total = f"{comparison.diff_total:+.1f}".replace(".", ",")
            return f"Mot hele landet: {total} prosentpoeng\np = {fmt_p(comparison.p_value)}"
        if role == SORT_ROLE:
            return comparison.diff_rest if comparison.diff_rest is not None else -1e9
        return None

    @staticmethod
    def _display(cell: Cell, suppressed: bool) -> str:
        if suppressed:
            return ":"
        if cell.value is not None or cell.option in ("Gjennomsnitt", "Median"):
            return fmt_number(cell.value)
        if cell.pct is None and cell.count is not None and cell.option == "Antall svar":
            return fmt_int(cell.count)
        text = fmt_pct(cell.pct)
        return f"{text} {cell.sig}" if cell.sig else text

    @staticmethod
    def _tooltip(cell: Cell, group) -> str:
        if group.suppressed:
            return "Skjult: for få svar i gruppen."
        parts = [f"Antall: {fmt_int(cell.count)} av {fmt_int(cell.base)}"]
        if cell.ci_low is not None:
            parts.append(f"95 % KI: {fmt_pct(cell.ci_low)} – {fmt_pct(cell.ci_high)}")
        if cell.sig:
            parts.append(f"Signifikant høyere enn gruppe {', '.join(cell.sig)}")
        return "\n".join(parts)
