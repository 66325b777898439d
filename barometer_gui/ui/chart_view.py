"""An embedded matplotlib canvas that draws a core `Table` with the shared chart code."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QScrollArea

from barometer_gui.charts.bars import draw_table
from barometer_gui.core.tabulate import Table

MIN_HEIGHT = 300
PIXELS_PER_BAR = 12
BARS_THAT_FIT = 30


class ChartView(QScrollArea):
    """The chart grows with the number of bars and scrolls, instead of squeezing 58 items into view."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.canvas = FigureCanvasQTAgg(Figure(figsize=(8, 4.5), dpi=100))
        self.setWidget(self.canvas)
        self.setWidgetResizable(True)
        self.setMinimumHeight(260)
        self.table: Table | None = None

    @property
    def figure(self) -> Figure:
        return self.canvas.figure

    def show_table(self, table: Table | None) -> None:
        self.table = table
        if table is None:
            self.figure.clear()
            self.canvas.setMinimumHeight(MIN_HEIGHT)
        else:
            data = draw_table(self.figure, table)
            bars = len(data.categories) * (1 if data.stacked else max(len(data.series), 1))
            tall = bars > BARS_THAT_FIT
            self.canvas.setMinimumHeight(bars * PIXELS_PER_BAR + 160 if tall else MIN_HEIGHT)
        self.canvas.draw_idle()
