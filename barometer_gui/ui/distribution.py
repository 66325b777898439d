"""Numeric questions: the distribution of the answers beside the table's n, mean and median.

Without a breakdown a histogram of everyone inside the filter; with a breakdown or a
comparison one box per group. The groups, their answers and the mean and median are the
engine's (`tabulate`), so the chart shows exactly the table's populations; a suppressed group
is never drawn. The drawing lives in `charts.distribution`.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QVBoxLayout, QWidget

from barometer_gui.charts.distribution import draw_distribution
from barometer_gui.core.tabulate import Table


class DistributionView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.canvas = FigureCanvasQTAgg(Figure(figsize=(7, 3.5), dpi=100))
        self.canvas.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    @property
    def figure(self) -> Figure:
        return self.canvas.figure

    def show_distribution(self, table: Table | None) -> None:
        draw_distribution(self.figure, table)
        self.canvas.draw_idle()
