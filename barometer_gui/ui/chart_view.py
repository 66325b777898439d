"""The window's chart panel: a chart-type choice offering only the types that fit the table, and the chart.

The panel owns its controls, so the window only calls `show_table`. The choice of type, order and
interval whiskers is kept while the user moves between tables (a type that does not fit the next
table falls back to that table's best type).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from barometer_gui.charts.style import PALETTE_NAMES, Style

if TYPE_CHECKING:  # matplotlib and the chart model (pandas) load on first use, after the window shows
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    from barometer_gui.charts.model import ChartData, Kind
    from barometer_gui.core.tabulate import Table

MIN_HEIGHT = 300
PIXELS_PER_ROW = 14
ROWS_THAT_FIT = 30


class ChartView(QWidget):
    """Chart type, order, whiskers and palette above a canvas that grows (and scrolls) with the rows."""

    kindChanged = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table: Table | None = None
        self.data: ChartData | None = None
        self.colour_keys: Sequence[str] = ()  # the breakdown's whole category list (`group_keys`)
        self.chosen: Kind | None = None  # the user's choice; None = the best fitting type

        self.kind_box = QComboBox()
        # sized by its items each time the table changes (it is empty when the window first shows)
        self.kind_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.order_box = QComboBox()
        for order in ("questionnaire", "size"):
            self.order_box.addItem("", order)
        self.whiskers = QCheckBox()
        self.palette_box = QComboBox()
        for key in PALETTE_NAMES:
            self.palette_box.addItem("", key)  # named in retranslate()
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind_box)
        self.palette_label = QLabel()
        self.palette_label.setBuddy(self.palette_box)
        controls.addWidget(self.kind_label)
        controls.addWidget(self.kind_box)
        controls.addWidget(self.order_box)
        controls.addWidget(self.whiskers)
        controls.addWidget(self.palette_label)
        controls.addWidget(self.palette_box)
        self.font_size = QSpinBox()
        self.font_size.setRange(6, 24)
        self.font_size.setValue(int(Style().base_font))
        controls.addWidget(self.font_size)
        self.title_edit = QLineEdit()
        self.title_edit.setClearButtonEnabled(True)
        controls.addWidget(self.title_edit, 1)

        self._canvas: FigureCanvasQTAgg | None = None
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setMinimumHeight(240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.scroll, 1)

        self.kind_box.activated.connect(self._kind_chosen)
        self.order_box.currentIndexChanged.connect(self._redraw)
        self.whiskers.toggled.connect(self._redraw)
        self.palette_box.currentIndexChanged.connect(self._redraw)
        self.font_size.valueChanged.connect(self._redraw)
        self.title_edit.editingFinished.connect(self._redraw)
        self.retranslate()

    def retranslate(self) -> None:
        """The panel's own words in the current language (the window calls it after a language switch)."""
        self.kind_label.setText(self.tr("Diagram:"))
        self.kind_box.setToolTip(self.tr("Diagramtyper som passer til denne tabellen"))
        self.kind_box.setAccessibleName(self.tr("Diagramtype"))
        self.order_box.setItemText(0, self.tr("Spørreskjemaets rekkefølge"))
        self.order_box.setItemText(1, self.tr("Sortert etter størrelse"))
        self.order_box.setAccessibleName(self.tr("Rekkefølge"))
        self.whiskers.setText(self.tr("Vis usikkerhet (95 %)"))
        self.palette_label.setText(self.tr("Farger:"))
        for index, name in enumerate(
            PALETTE_NAMES.values()
        ):  # core's catalogue, read in the current language
            self.palette_box.setItemText(index, name)
        self.palette_box.setAccessibleName(self.tr("Farger"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setToolTip(self.tr("Grunnstørrelse for teksten i diagrammet"))
        self.font_size.setAccessibleName(self.tr("Skriftstørrelse"))
        self.title_edit.setPlaceholderText(self.tr("Tittel (tom: spørsmålsteksten)"))
        self.title_edit.setAccessibleName(self.tr("Diagramtittel"))

    @property
    def canvas(self) -> FigureCanvasQTAgg:
        """The matplotlib canvas, made on first use so that the window can show before matplotlib loads."""
        if self._canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self._canvas = FigureCanvasQTAgg(Figure(figsize=(8, 4.5), dpi=100))
            self.scroll.setWidget(self._canvas)
        return self._canvas

    @property
    def figure(self) -> Figure:
        return self.canvas.figure

    @property
    def kind(self) -> Kind | None:
        return self.data.kind if self.data else None

    def offered(self) -> list[Kind]:
        return [self.kind_box.itemData(i) for i in range(self.kind_box.count())]

    def set_kind(self, kind: Kind | str) -> None:
        """Choose a chart type (as the combo box does); ignored if it does not fit the current table."""
        from barometer_gui.charts.model import Kind

        index = self.kind_box.findData(Kind(kind))
        if index >= 0:
            self.kind_box.setCurrentIndex(index)
            self._kind_chosen(index)

    @property
    def style(self) -> Style:
        """What the user set: palette, font size and title (the title only for the table it was typed for)."""
        return Style(
            palette=self.palette_box.currentData() or "standard",
            font_size=float(self.font_size.value()),
            title=self.title_edit.text().strip() or None,
        )

    def show_table(self, table: Table | None, colour_keys: Sequence[str] = ()) -> None:
        """Offer the types that fit `table` and draw it; `colour_keys` keep each group's colour under filters."""
        from barometer_gui.charts.model import KIND_LABELS, fitting_kinds

        if table is not self.table and (
            table is None or self.table is None or table.question != self.table.question
        ):
            self.title_edit.clear()  # a typed title belongs to one question
        self.table = table
        self.colour_keys = colour_keys
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        kinds = fitting_kinds(table) if table is not None else []
        for kind in kinds:
            self.kind_box.addItem(KIND_LABELS[kind], kind)
        current = self.chosen if self.chosen in kinds else (kinds[0] if kinds else None)
        if current is not None:
            self.kind_box.setCurrentIndex(kinds.index(current))
        self.kind_box.blockSignals(False)
        self.kind_box.setEnabled(bool(kinds))
        self._redraw()

    def _kind_chosen(self, index: int) -> None:
        self.chosen = self.kind_box.itemData(index)
        self._redraw()
        if self.chosen is not None:
            self.kindChanged.emit(str(self.chosen))

    def _redraw(self, *_args) -> None:
        from barometer_gui.charts.model import Kind
        from barometer_gui.charts.mpl import draw_table

        table = self.table
        if table is None:
            self.data = None
            self.figure.clear()
            self.canvas.setMinimumHeight(MIN_HEIGHT)
            self.canvas.draw_idle()
            return
        kind = self.kind_box.currentData()
        self.order_box.setVisible(kind is Kind.BARS)
        self.whiskers.setVisible(kind in (Kind.BARS, Kind.DOTS))
        whiskers = self.whiskers.isChecked() or bool(table.spec.benchmark)
        style = self.style
        rows = _rows(table, kind)
        self.canvas.setMinimumHeight(rows * PIXELS_PER_ROW + 200 if rows > ROWS_THAT_FIT else MIN_HEIGHT)
        self.data = draw_table(
            self.figure,
            table,
            kind,
            style,
            order=self.order_box.currentData(),
            whiskers=whiskers,
            colour_keys=self.colour_keys,
        )
        self.canvas.draw_idle()


def _rows(table: Table, kind: Kind | None) -> int:
    """Bars or rows the chart will draw, to decide when the canvas must grow and scroll."""
    from barometer_gui.charts.model import Kind

    items = max(len([i for i in table.items if i is not None]), 1)
    groups = max(len([g for g in table.groups if g.base > 0]), 1)
    if kind in (Kind.STACKED, Kind.DIVERGING, Kind.MULTIPLES):
        return items if table.question.type == "grid" else groups
    if kind is Kind.DOTS:
        return groups
    return len(table.options) * items * (groups if kind is Kind.BARS else 1)
