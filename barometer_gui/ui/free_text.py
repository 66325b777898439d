"""Free-text answers as a searchable list, each with the respondent's background, exportable to CSV.

Shown instead of the chart for text questions. The rows are the survey's own
answers (after the current filter); nothing is counted here.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from barometer_gui.core.errors import BarometerError, translated
from barometer_gui.ui.table_export import atomic_write_text_bom, inert_text

if TYPE_CHECKING:  # pandas and core.schema load with the data, after the window shows
    import pandas as pd

    from barometer_gui.core.schema import Question, Survey

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


def filter_mask(survey: Survey, where: tuple[tuple[str, str], ...]) -> pd.Series:
    """Respondents inside the filter (values as the controls offer them, so exact labels).

    As in the engine: values of one variable are OR-ed, different variables AND-ed.
    """
    chosen: dict[str, list[str]] = {}
    import pandas as pd

    for name, value in where:
        chosen.setdefault(survey.variable(name).column, []).append(value)
    keep = pd.Series(True, index=survey.data.index)
    for column, values in chosen.items():
        keep &= survey.data[column].astype(str).isin(values)
    return keep


def text_answers(
    survey: Survey, question: Question, where: tuple[tuple[str, str], ...] = (), min_base: int = 5
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows: the answer first, then each categorical background variable.

    The answers come from core (`free_text`), the same function the report lists them with, so the
    list holds exactly the respondents the table above counts (the engine's filter rules).
    """
    from barometer_gui.core.free_text import free_text
    from barometer_gui.core.tabulate import TableSpec

    try:
        headers, rows = free_text(
            survey, TableSpec(question.id, where=where, min_base=min_base)
        ).with_background(survey)
    except BarometerError:  # a filter nobody fits: the table above already says so
        headers, rows = [b.text for b in survey.background if b.kind != "numeric"], []
    return [QCoreApplication.translate("FreeTextPanel", "Svar"), *map(translated, headers)], rows


class FreeTextModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []

    def set_rows(self, headers: list[str], rows: list[list[str]]) -> None:
        self.beginResetModel()
        self.headers, self.rows = headers, rows
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return str(section + 1)
        return None


class FreeTextPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = FreeTextModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count = QLabel()
        self.export_button = QPushButton()
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # questionnaire order until the user sorts
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setStretchLastSection(False)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Søk i svarene …"))
        self.search.setAccessibleName(self.tr("Søk i fritekstsvarene"))
        self.export_button.setText(self.tr("Eksporter svarene …"))
        self.export_button.setAccessibleName(self.tr("Eksporter fritekstsvarene som CSV"))
        self.view.setAccessibleName(self.tr("Fritekstsvar"))
        self._update_count()

    def show_answers(
        self, survey: Survey, question: Question, where: tuple[tuple[str, str], ...], min_base: int = 5
    ) -> None:
        headers, rows = text_answers(survey, question, where, min_base)
        self.model.set_rows(headers, rows)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(0, min(520, max(240, self.view.columnWidth(0))))
        self.view.resizeRowsToContents()
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("{shown} av {total} svar").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def visible_rows(self) -> list[list[str]]:
        return [
            [self.proxy.index(r, c).data() for c in range(self.proxy.columnCount())]
            for r in range(self.proxy.rowCount())
        ]

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(self.model.headers)
        for row in self.visible_rows():
            writer.writerow([inert_text(v) for v in row])
        return buffer.getvalue()

    def save_csv(self, path: str) -> None:
        atomic_write_text_bom(path, self.to_csv())
