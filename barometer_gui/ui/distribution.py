"""Numeric questions: the distribution of the answers (histogram), with the engine's mean and median marked.

The table shows n, mean and median per group from `tabulate`; this view adds
the shape for everyone inside the current filter. The lines are the engine's
numbers; matplotlib only bins the answers. Too few answers (the table's
suppression) draws nothing, so a histogram never shows single respondents.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QVBoxLayout, QWidget

from barometer_gui.core.formatting import fmt_number
from barometer_gui.core.schema import Question, Survey
from barometer_gui.core.tabulate import Table
from barometer_gui.ui.free_text import filter_mask


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

    def show_distribution(self, survey: Survey, question: Question, table: Table | None) -> None:
        figure = self.figure
        figure.clear()
        axes = figure.add_subplot(111)
        total = table.groups[0] if table is not None and table.groups else None
        if total is None or total.suppressed or total.base == 0:
            axes.axis("off")
            axes.text(
                0.5,
                0.5,
                self.tr("For få svar til å vise fordelingen."),
                ha="center",
                va="center",
                color="#555555",
            )
            self.canvas.draw_idle()
            return
        keep = filter_mask(survey, table.spec.where).to_numpy()
        values = pd.to_numeric(survey.data[question.columns[0]], errors="coerce").to_numpy(dtype=float)[keep]
        values = values[np.isfinite(values)]
        axes.hist(values, bins=min(30, max(5, int(np.sqrt(len(values))))), color="#5b9bd5", edgecolor="white")
        cells = {c.option: c.value for c in total.cells}
        for option, style, colour in (("Gjennomsnitt", "-", "#1f4e79"), ("Median", "--", "#ed7d31")):
            value = cells.get(option)
            if value is not None:
                label = (
                    self.tr("Gjennomsnitt {value}").format(value=fmt_number(value))
                    if option == "Gjennomsnitt"
                    else self.tr("Median {value}").format(value=fmt_number(value))
                )
                axes.axvline(value, linestyle=style, color=colour, linewidth=2, label=label)
        axes.set_title(
            self.tr("Fordeling av svarene (n = {n})").format(n=total.base),
            loc="left",
            fontsize=11,
            fontweight="bold",
        )
        axes.set_ylabel(self.tr("Antall svar"))
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(frameon=False, loc="upper right")
        figure.tight_layout()
        self.canvas.draw_idle()
