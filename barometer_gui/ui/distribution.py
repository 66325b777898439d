"""Numeric questions: the distribution of the answers beside the table's n, mean and median.

Without a breakdown a histogram of everyone inside the filter; with a breakdown or a
comparison one box per group. The groups, their answers and the mean and median are the
engine's (`tabulate`), so the chart shows exactly the table's populations; a suppressed group
is never drawn. The drawing lives in `charts.distribution`.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from barometer_gui.charts.distribution import draw_distribution
from barometer_gui.core.tabulate import Table

#: the canvas is never shorter than this, and grows (then scrolls) with the number of groups
MIN_HEIGHT = 260
PIXELS_PER_GROUP = 30
FRAME_HEIGHT = 130  # title, axis, legend and note


class DistributionView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.canvas = FigureCanvasQTAgg(Figure(figsize=(7, 3.5), dpi=100))
        self.canvas.setMinimumHeight(MIN_HEIGHT)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    @property
    def figure(self) -> Figure:
        return self.canvas.figure

    def show_distribution(self, table: Table | None) -> None:
        groups = len(table.groups) if table is not None else 1
        self.canvas.setMinimumHeight(max(MIN_HEIGHT, groups * PIXELS_PER_GROUP + FRAME_HEIGHT))
        draw_distribution(self.figure, table)
        self.canvas.draw_idle()
