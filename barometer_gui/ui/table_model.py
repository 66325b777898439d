"""A read-only Qt model over one `Table`, laid out by `table_layout.build_grid`.

Sorting reorders a row permutation (base rows stay on top); the table itself is
never changed, so the numbers shown are exactly the engine's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from barometer_gui.ui.table_layout import OWN_AREA_COLOUR, Grid, build_grid

if TYPE_CHECKING:  # core.tabulate brings pandas: loaded with the data, after the window shows
    from barometer_gui.core.tabulate import Table

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OWN_AREA = QColor(OWN_AREA_COLOUR)
MUTED = QColor("#666666")

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class TableModel(QAbstractTableModel):
    def __init__(self, table: Table | None = None, parent=None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._grid = Grid([], [], [])
        self._order: list[int] = []
        self.set_table(table)

    @property
    def table(self) -> Table | None:
        return self._table

    @property
    def grid(self) -> Grid:
        """The grid in display order (after sorting)."""
        rows = [self._grid.rows[r] for r in self._order]
        cells = [self._grid.cells[r] for r in self._order]
        return Grid(rows, self._grid.columns, cells, self._grid.fixed_rows)

    def set_table(self, table: Table | None, transposed: bool = False, intervals: bool = False) -> None:
        self.beginResetModel()
        self._table = table
        self._grid = build_grid(table, transposed, intervals)
        self._order = list(range(len(self._grid.rows)))
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._grid.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._grid.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self._grid.cells[self._order[index.row()]][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == SORT_ROLE:
            return -1e9 if cell.number is None else cell.number
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and cell.muted:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.BackgroundRole and cell.own_area:
            return QBrush(OWN_AREA)
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            return _bold()
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        headers = self._grid.columns if orientation == Qt.Orientation.Horizontal else self._grid.rows
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._order):
            section = self._order[section]
        if not 0 <= section < len(headers):
            return None
        header = headers[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return header.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return header.tooltip or None
        if role == Qt.ItemDataRole.BackgroundRole and header.own_area:
            return QBrush(OWN_AREA)
        if role == Qt.ItemDataRole.FontRole and header.own_area:
            return _bold()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._grid.columns):
            return
        self.layoutAboutToBeChanged.emit()
        fixed = self._grid.fixed_rows

        def key(row: int) -> float:
            number = self._grid.cells[row][column].number
            return -1e9 if number is None else number

        body = sorted(
            range(fixed, len(self._grid.rows)), key=key, reverse=order == Qt.SortOrder.DescendingOrder
        )
        self._order = list(range(fixed)) + body
        self.layoutChanged.emit()

    def reset_order(self) -> None:
        self.layoutAboutToBeChanged.emit()
        self._order = list(range(len(self._grid.rows)))
        self.layoutChanged.emit()


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
