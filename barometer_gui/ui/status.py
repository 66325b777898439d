"""The status bar: which file, how many respondents, which filters, and the progress of long work.

Progress lives here, not in a dialog, so nothing outlives the work: the bar and
its Avbryt button appear while the runner is busy and disappear when it ends.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from barometer_gui.ui.worker import Runner

#: the filter text in the status bar is cut to this many pixels (all of it in the tooltip), so it never widens the window
FILTER_WIDTH = 480


class StatusBar(QStatusBar):
    def __init__(self, runner: Runner, parent=None) -> None:
        super().__init__(parent)
        self.file_label = QLabel()
        self.count_label = QLabel()
        self.filter_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.clicked.connect(runner.cancel)
        for widget in (self.file_label, self.count_label, self.filter_label):
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        self._last = ""
        self.retranslate()
        self._show_progress(False)
        runner.busy_changed.connect(self._busy)
        runner.progressed.connect(self._progressed)
        runner.cancelled.connect(lambda: self.showMessage(self.tr("Avbrutt."), 5000))

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Avbryt"))
        self.cancel_button.setToolTip(self.tr("Avbryt arbeidet som pågår"))
        self.cancel_button.setAccessibleName(self.tr("Avbryt arbeidet som pågår"))
        self.progress.setAccessibleName(self.tr("Framdrift"))

    def set_survey(
        self, file_name: str, respondents: int | None, filters: list[str], applied: list[str] | None = None
    ) -> None:
        """`filters` as chosen, shortened to fit; `applied` (the engine's words, with any widening) in the tooltip."""
        self.file_label.setText(file_name)
        self.count_label.setText(
            self.tr("{n} respondenter").format(n=f"{respondents:,}".replace(",", "\u00a0"))
            if respondents is not None
            else ""
        )
        text = self.tr("Utvalg: {filters}").format(filters="; ".join(filters)) if filters else ""
        metrics = self.filter_label.fontMetrics()
        self.filter_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, FILTER_WIDTH))
        full = self.tr("Utvalg: {filters}").format(filters="; ".join(applied)) if applied else text
        self.filter_label.setToolTip(full)
        self.filter_label.setAccessibleName(full)

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    @Slot(str, bool)
    def _busy(self, title: str, running: bool) -> None:
        self._show_progress(running)
        if running:
            self.progress.setValue(0)
            self._last = title
            self.showMessage(title)
        elif self.currentMessage() == self._last:
            self.clearMessage()

    @Slot(float, str)
    def _progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        if message:
            self._last = message
            self.showMessage(message)
