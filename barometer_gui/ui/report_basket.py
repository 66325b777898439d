"""The report basket: a side panel collecting views for a report, and the window's «Rapport» menu.

«Legg til i rapport» (Ctrl+R) puts the current view (question, breakdown, filters, comparison,
weight) in the basket as a report item; the panel reorders, removes and renames them, and
«Lag rapport …» opens the wizard on them. `install_report_menu(window)` is all the main window
needs to call; it reads only `window.survey`, `window.path`, `window.current_spec()` and
`window.runner`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from barometer_gui.core.errors import BarometerError, translated
from barometer_gui.core.i18n import language

if TYPE_CHECKING:  # the report spec brings pandas: loaded with the data, after the window shows
    from barometer_gui.core.report.spec import Item
    from barometer_gui.core.schema import Survey
    from barometer_gui.core.tabulate import TableSpec

ROLE = Qt.ItemDataRole.UserRole


def details(item: Item) -> str:
    """What sets a question item apart from another on the same question: breakdown, comparison, summary."""
    parts = []
    if item.overrides.get("benchmark"):
        parts.append(
            QCoreApplication.translate("ReportBasket", "{area} mot resten av landet").format(
                area=item.overrides["benchmark"][1]
            )
        )
    elif item.by is not None:
        parts.append(
            QCoreApplication.translate("ReportBasket", "etter {variable}").format(
                variable=translated(item.by.text) or item.by.id
            )
        )
    if item.overrides.get("grid_summary"):
        parts.append(QCoreApplication.translate("ReportBasket", "hemmer/fremmer"))
    if item.kind == "freetext":
        parts.append(
            QCoreApplication.translate("ReportBasket", "fritekstsvar, høyst {limit}").format(limit=item.limit)
            if item.limit
            else QCoreApplication.translate("ReportBasket", "fritekstsvar")
        )
    if item.overrides.get("where"):
        parts.append(
            QCoreApplication.translate("ReportBasket", "utvalg: {filters}").format(
                filters=", ".join(f"{k} = {v}" for k, v in item.overrides["where"])
            )
        )
    return " · ".join(parts)


class ReportBasket(QDockWidget):
    """Report items in order; the list is the single place they live until the wizard opens."""

    make_report = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_basket")
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setWordWrap(True)
        self.list.itemChanged.connect(self._renamed)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        self.up = self._button(buttons, lambda: self.move(-1))
        self.down = self._button(buttons, lambda: self.move(1))
        self.remove = self._button(buttons, self.remove_current)
        self.rename = self._button(buttons, self.rename_current)
        self.make = QPushButton()
        self.make.clicked.connect(self.make_report)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.make)
        self.setWidget(body)
        self.list.model().rowsInserted.connect(self._update)
        self.list.model().rowsRemoved.connect(self._update)
        #: the «Rapport» menu's own entries (install_report_menu), retranslated with the panel
        self.menu_actions: list[QAction] = []
        self._update()
        self.retranslate()

    def retranslate(self) -> None:
        """The panel's and the menu entries' words in the current language (after a language switch)."""
        self.setWindowTitle(self.tr("Rapport"))
        self.hint.setText(self.tr("Tom. Velg et spørsmål og trykk Ctrl+R (Rapport › Legg til i rapport)."))
        for button, text in (
            (self.up, self.tr("Opp")),
            (self.down, self.tr("Ned")),
            (self.remove, self.tr("Fjern")),
            (self.rename, self.tr("Gi nytt navn")),
            (self.make, self.tr("Lag rapport …")),
        ):
            button.setText(text)
        for action, text in zip(
            self.menu_actions, (self.tr("&Legg til i rapport"), self.tr("&Lag rapport …")), strict=False
        ):
            action.setText(text)
        for row in range(self.list.count()):
            entry = self.list.item(row)
            entry.setToolTip(details(entry.data(ROLE)))

    def _button(self, layout: QHBoxLayout, slot) -> QPushButton:
        button = QPushButton()
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def add_view(self, spec: TableSpec, survey: Survey) -> Item:
        """Add a view as an item kept against default settings (the wizard re-bases them).

        A text question becomes a free-text item: its answers listed, with the view's filters.
        """
        from barometer_gui.core.report.spec import view_item

        item = view_item(spec, survey)
        self.add_item(item)
        return item

    def add_item(self, item: Item) -> None:
        entry = QListWidgetItem(self._text(item))
        entry.setData(ROLE, item)
        entry.setToolTip(details(item))
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsEditable)
        entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        self.list.addItem(entry)
        self.list.setCurrentItem(entry)

    def items(self) -> list[Item]:
        return [self.list.item(row).data(ROLE) for row in range(self.list.count())]

    def saved(self) -> list[dict]:
        """The items as plain dicts, for the project file."""
        from barometer_gui.core.report.spec import item_to_dict

        return [item_to_dict(item) for item in self.items()]

    def restore(self, saved: list[dict]) -> None:
        """Items from a project file; a damaged entry is dropped rather than failing the project."""
        from barometer_gui.core.report.spec import item_from_dict

        self.clear()
        for number, data in enumerate(saved, start=1):
            try:
                self.add_item(item_from_dict(data, number))
            except BarometerError:
                continue

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        entry = self.list.takeItem(row)
        self.list.insertItem(target, entry)
        self.list.setCurrentRow(target)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def rename_current(self) -> None:
        entry = self.list.currentItem()
        if entry is not None:
            self.list.editItem(entry)

    def clear(self) -> None:
        self.list.clear()

    def _renamed(self, entry: QListWidgetItem) -> None:
        item = entry.data(ROLE)
        if item is None or entry.text() == self._text(item):
            return
        question_text = item.question.text if item.question else ""
        title = entry.text().strip()
        entry.setData(ROLE, replace(item, title="" if title == question_text else title))

    def _text(self, item: Item) -> str:
        return item.label()

    def _update(self, *_args) -> None:
        empty = self.list.count() == 0
        self.hint.setVisible(empty)
        for button in (self.up, self.down, self.remove, self.rename, self.make):
            button.setEnabled(not empty)


def install_report_menu(window) -> ReportBasket:
    """The «Rapport» menu, the basket dock and the wizard for a main window (the whole wiring)."""
    basket = ReportBasket(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, basket)
    basket.hide()  # shown when the first item is added, so a laptop screen keeps its width for the table
    menu = window.report_menu

    def add() -> None:
        spec = window.current_spec()
        if spec is not None and window.survey is not None:
            item = basket.add_view(spec, window.survey)
            basket.show()
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "ReportBasket", "La til «{item}» i rapporten ({count} elementer)."
                ).format(item=item.label(), count=basket.list.count())
            )

    def make() -> None:
        from barometer_gui.core.report.spec import spec_from_views
        from barometer_gui.ui.report_wizard import ReportWizard

        if window.survey is None:
            return
        source = {"file": window.path.name} if getattr(window, "path", None) else {}
        spec = spec_from_views(basket.items(), source=source)
        spec.settings.language = language()  # the window's language until the wizard says otherwise
        wizard = ReportWizard(window.survey, spec, window, folder=window.path.parent if window.path else None)
        window.report_wizard = wizard  # kept while it runs its report in the background
        wizard.open()

    for slot, key in ((add, QKeySequence("Ctrl+R")), (make, None)):
        action = QAction(window)
        if key is not None:
            action.setShortcut(key)
        action.triggered.connect(slot)
        menu.addAction(action)
        basket.menu_actions.append(action)
    basket.retranslate()
    window.add_to_report_action, window.make_report_action = basket.menu_actions
    menu.addSeparator()
    menu.addAction(basket.toggleViewAction())
    basket.make_report.connect(make)
    window.report_basket = basket
    return basket
