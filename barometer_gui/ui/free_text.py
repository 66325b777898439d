"""Free-text answers as a searchable list, each with the respondent's background, exportable to CSV.

Shown instead of the chart for text questions. The rows are the survey's own
answers (after the current filter); nothing is counted here.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from barometer_gui.core.i18n import t
from barometer_gui.ui.table_export import atomic_write_text_bom, inert_text

if TYPE_CHECKING:  # pandas and core.schema load with the data, after the window shows
    import pandas as pd

    from barometer_gui.core.schema import Question, Survey

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


def filter_mask(survey: Survey, where: tuple[tuple[str, str], ...]) -> pd.Series:
    """Respondents inside the filter (values as the controls offer them, so exact labels)."""
    import pandas as pd

    keep = pd.Series(True, index=survey.data.index)
    for name, value in where:
        keep &= survey.data[survey.variable(name).column].astype(str) == value
    return keep


def text_answers(
    survey: Survey, question: Question, where: tuple[tuple[str, str], ...] = ()
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows: the answer first, then each categorical background variable."""
    data = survey.data
    keep = data[question.columns[0]].notna() & filter_mask(survey, where)
    background = [b for b in survey.background if b.kind != "numeric"]
    answers = data.loc[keep, question.columns[0]].astype(str).str.strip()
    answered = answers != ""
    rows_frame = data.loc[keep][answered.to_numpy()]
    columns = [answers[answered]] + [rows_frame[b.column].astype(object) for b in background]
    rows = [["" if _missing(v) else str(v) for v in values] for values in zip(*columns, strict=True)]
    return [t("Svar")] + [b.text for b in background], rows


def _missing(value: object) -> bool:
    return value is None or value != value  # NaN is not equal to itself


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
        self.search.setPlaceholderText(t("Søk i svarene …"))
        self.search.setAccessibleName(t("Søk i fritekstsvarene"))
        self.export_button.setText(t("Eksporter svarene …"))
        self.export_button.setAccessibleName(t("Eksporter fritekstsvarene som CSV"))
        self.view.setAccessibleName(t("Fritekstsvar"))
        self._update_count()

    def show_answers(self, survey: Survey, question: Question, where: tuple[tuple[str, str], ...]) -> None:
        headers, rows = text_answers(survey, question, where)
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
            t("{shown} av {total} svar", shown=self.proxy.rowCount(), total=self.model.rowCount())
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
