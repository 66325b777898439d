"""A compact control for ticking several values of one variable: a button that drops down a checkable list.

The button says what is ticked in a few words ("Agder, Rogaland (+1)") so the filter row
stays as narrow as a combo box on a 1366×768 laptop; the full list is in its tooltip. The
drop-down is a menu holding the list, so it opens with Space, Enter, Alt+↓ or F4, the arrows move,
Space ticks, Escape closes, and a click on a value never closes it. A search field appears
when a variable has many values (kommuner). Nothing is tabulated here: the panel turns the
ticks into `where` pairs (values of one variable are OR-ed by the engine).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

#: more values than this get a search field above the list
SEARCH_FROM = 10
#: widest text on the button, in pixels, before names give way to "(+n)"
TEXT_WIDTH = 190


def summary(checked: list[str], fits=lambda text: len(text) <= 28, elide=lambda name, room: name) -> str:
    """ "Agder, Rogaland (+1)": two names if they fit, else one (shortened by `elide` if need be) and how many more."""
    for shown in (2, 1):
        rest = len(checked) - shown
        text = ", ".join(checked[:shown]) + (f" (+{rest})" if rest > 0 else "")
        if len(checked) >= shown and fits(text):
            return text
    more = f" (+{len(checked) - 1})" if len(checked) > 1 else ""
    return elide(checked[0], more) + more if checked else ""


class ValuePicker(QToolButton):
    """Ticks values of one variable; `changed` fires after every tick or untick."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_rows)
        self.list = QListWidget()
        self.list.itemChanged.connect(self._ticked)
        self.list.itemActivated.connect(self._toggle)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.clear_button)
        self.panel = panel
        self.popup = QMenu(self)
        action = QWidgetAction(self.popup)
        action.setDefaultWidget(panel)
        self.popup.addAction(action)
        self.popup.aboutToShow.connect(self._opening)
        self.setMenu(self.popup)
        self._quiet = False
        self.retranslate()
        self.set_values([])

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Søk i verdiene …"))
        self.search.setAccessibleName(self.tr("Søk i verdiene"))
        self.list.setAccessibleName(self.tr("Verdier å ta med (mellomrom krysser av)"))
        self.clear_button.setText(self.tr("Fjern alle kryss"))
        self.clear_button.setAccessibleName(self.tr("Fjern alle kryss"))
        self._update_text()

    # ------------------------------------------------------------------ values

    def set_values(self, values: list[str], checked: list[str] = ()) -> None:
        """Offer `values` (in their order) with `checked` ticked; no signal."""
        self._quiet = True
        self.list.clear()
        for value in values:
            item = QListWidgetItem(value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.search.clear()
        self.search.setVisible(len(values) > SEARCH_FROM)
        self._quiet = False
        self.setEnabled(bool(values))
        self._update_text()

    def values(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def checked(self) -> list[str]:
        """The ticked values, in the variable's order."""
        return [
            self.list.item(row).text()
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, values: list[str]) -> None:
        """Tick exactly `values` (unknown ones are ignored), then say so once."""
        self._quiet = True
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.text() in values else Qt.CheckState.Unchecked)
        self._quiet = False
        self._ticked()

    def clear(self) -> None:
        self.set_checked([])

    # ------------------------------------------------------------------ behaviour

    def _ticked(self, *_args) -> None:
        if self._quiet:
            return
        self._update_text()
        self.changed.emit()

    def _toggle(self, item: QListWidgetItem) -> None:
        """Enter or a double-click on a value ticks it too, not only Space or the box."""
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _filter_rows(self, text: str) -> None:
        wanted = text.casefold().strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def _opening(self) -> None:
        rows = self.list.count()
        height = self.list.sizeHintForRow(0) * min(max(rows, 1), 12) + 2 * self.list.frameWidth() + 2
        self.list.setFixedHeight(height)
        self.list.setMinimumWidth(max(self.width(), self.list.sizeHintForColumn(0) + 40))
        if rows and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        focus = self.search if self.search.isVisibleTo(self.panel) else self.list
        QTimer.singleShot(0, focus.setFocus)

    def paintEvent(self, _event) -> None:
        """Drawn as a combo box, so the filter row reads as one kind of control (the text never under an arrow)."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.currentText = self.text()
        option.frame = True
        if self.popup.isVisible():
            option.state |= QStyle.StateFlag.State_On
        painter = QStylePainter(self)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def sizeHint(self) -> QSize:
        """As wide as a combo box showing the longest text this button can show."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        text = QSize(TEXT_WIDTH, self.fontMetrics().height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space, Enter, Alt+↓ and F4 open the list, as on a combo box."""
        opens = event.key() in (Qt.Key.Key_F4, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens and self.isEnabled():
            self.showMenu()
            return
        super().keyPressEvent(event)

    def _update_text(self) -> None:
        checked = self.checked()
        metrics = self.fontMetrics()
        if not self.list.count():
            text = ""
        elif not checked:
            text = self.tr("Velg verdier …")
        else:
            text = summary(
                checked,
                lambda candidate: metrics.horizontalAdvance(candidate) <= TEXT_WIDTH,
                lambda name, more: metrics.elidedText(
                    name, Qt.TextElideMode.ElideRight, TEXT_WIDTH - metrics.horizontalAdvance(more)
                ),
            )
        self.setText(text)
        tip = "\n".join(checked) if checked else self.tr("Ingen verdier valgt: alle respondenter er med")
        self.setToolTip(tip)
        self.setAccessibleDescription(", ".join(checked) if checked else tip)
