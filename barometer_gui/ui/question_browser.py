"""The question list: questionnaire order with numbers, sections when the import found them,
a type icon per question, search by text or id, and the background variables apart at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QHeaderView, QLineEdit, QStyledItemDelegate, QTreeView, QVBoxLayout, QWidget

from barometer_gui.core.errors import translated

if TYPE_CHECKING:  # core.schema brings pandas: loaded with the data, after the window shows
    from barometer_gui.core.schema import QType, Survey

ID_ROLE = Qt.ItemDataRole.UserRole + 10
KIND_ROLE = Qt.ItemDataRole.UserRole + 11
#: by QType's values (a QType is its str value, so `TYPE_MARK[question.type]` finds it)
TYPE_MARK = {"single": "◉", "multi": "☑", "grid": "▦", "numeric": "#", "text": "✎"}


def type_names() -> dict[QType, str]:
    from barometer_gui.core.schema import QType

    return {
        QType.SINGLE: QCoreApplication.translate("QuestionBrowser", "Ett svar"),
        QType.MULTI: QCoreApplication.translate("QuestionBrowser", "Flere svar"),
        QType.GRID: QCoreApplication.translate("QuestionBrowser", "Matrise (delspørsmål på samme skala)"),
        QType.NUMERIC: QCoreApplication.translate("QuestionBrowser", "Tall"),
        QType.TEXT: QCoreApplication.translate("QuestionBrowser", "Fritekst"),
    }


def _icon(mark: str, colour: str = "#1f4e79") -> QIcon:
    """A crisp icon at 1× and 2× from one glyph, so it stays sharp at 125–200 % scaling."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(16 * scale, 16 * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        font = QFont()
        font.setPixelSize(13)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(QRect(0, 0, 16, 16), Qt.AlignmentFlag.AlignCenter, mark)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the list's current width, so whole questions can be read."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.columnWidth(0) - self.tree.indentation() * (depth + 1) - 16 - 12
        if width <= 40:
            return hint
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        box = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(hint.width(), max(hint.height(), box.height() + 6))


class QuestionBrowser(QWidget):
    question_selected = Signal(str)
    variable_activated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterRole(Qt.ItemDataRole.ToolTipRole)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        # Whole question texts, wrapped to the list's width (the header is hidden but sizes the column).
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.viewport().installEventFilter(self)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self._icons = {qtype: _icon(mark) for qtype, mark in TYPE_MARK.items()}
        self._background_icon = _icon("◆", "#7f6084")
        self.retranslate()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_column()
        return super().eventFilter(watched, event)

    def _fit_column(self) -> None:
        """The one column is exactly as wide as the visible list, so wrapped text is never cut off."""
        self.tree.header().resizeSection(0, self.tree.viewport().width())
        self.tree.doItemsLayout()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Søk i spørsmålene …"))
        self.search.setAccessibleName(self.tr("Søk i spørsmålene"))
        self.tree.setAccessibleName(self.tr("Spørsmål og bakgrunnsvariabler"))

    def fill(self, survey: Survey) -> None:
        current = self.current_id()
        self.model.clear()
        names = type_names()
        questions = QStandardItem(self.tr("Spørsmål"))
        questions.setSelectable(False)
        self.model.appendRow(questions)
        sections: dict[str, QStandardItem] = {}
        for number, question in enumerate(survey.questions, start=1):
            item = QStandardItem(self._icons[question.type], f"{number}. {question.text}")
            item.setData(question.id, ID_ROLE)
            item.setData("question", KIND_ROLE)
            item.setToolTip(f"{number}. {question.text}\n{question.id} · {names[question.type]}")
            section = getattr(question, "section", "") or ""
            parent = questions
            if section:
                if section not in sections:
                    sections[section] = QStandardItem(section)
                    sections[section].setSelectable(False)
                    sections[section].setToolTip(section)
                    questions.appendRow(sections[section])
                parent = sections[section]
            parent.appendRow(item)
        background = QStandardItem(self.tr("Bakgrunnsvariabler (dobbeltklikk: del opp etter)"))
        background.setSelectable(False)
        self.model.appendRow(background)
        for variable in survey.background:
            item = QStandardItem(self._background_icon, translated(variable.text))
            item.setData(variable.id, ID_ROLE)
            item.setData("background", KIND_ROLE)
            item.setToolTip(f"{translated(variable.text)}\n{variable.id}")
            background.appendRow(item)
        self.tree.expandAll()
        self._fit_column()
        if not self.select(current) and survey.questions:
            self.select(survey.questions[0].id)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def _items(self, kind: str) -> list[QStandardItem]:
        found = []

        def walk(parent: QStandardItem) -> None:
            for row in range(parent.rowCount()):
                child = parent.child(row)
                if child.data(KIND_ROLE) == kind:
                    found.append(child)
                walk(child)

        walk(self.model.invisibleRootItem())
        return found

    def question_ids(self) -> list[str]:
        return [item.data(ID_ROLE) for item in self._items("question")]

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        if index.isValid() and index.data(KIND_ROLE) == "question":
            return index.data(ID_ROLE)
        return None

    def select(self, question_id: str | None) -> bool:
        for item in self._items("question"):
            if item.data(ID_ROLE) == question_id:
                index = self.proxy.mapFromSource(item.index())
                if index.isValid():
                    self.tree.setCurrentIndex(index)
                    self.tree.scrollTo(index)
                    return True
        return False

    def _current_changed(self, current, _previous) -> None:
        if current.isValid() and current.data(KIND_ROLE) == "question":
            self.question_selected.emit(current.data(ID_ROLE))

    def _activated(self, index) -> None:
        if index.data(KIND_ROLE) == "background":
            self.variable_activated.emit(index.data(ID_ROLE))
