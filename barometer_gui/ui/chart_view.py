"""An embedded matplotlib canvas that draws a core `Table` with the shared chart code."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from barometer_gui.charts.bars import draw_table
from barometer_gui.core.tabulate import Table


class ChartView(FigureCanvasQTAgg):
    def __init__(self, parent=None) -> None:
        super().__init__(Figure(figsize=(8, 4.5), dpi=100))
        self.setParent(parent)
        self.setMinimumHeight(260)
        self.table: Table | None = None

    def show_table(self, table: Table | None) -> None:
        self.table = table
        if table is None:
            self.figure.clear()
        else:
            draw_table(self.figure, table)
        self.draw_idle()
