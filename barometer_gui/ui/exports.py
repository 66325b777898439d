"""The window's copy, save and export actions: the table as shown, the chart, free text, PowerPoint.

A mixin of `MainWindow` (it uses the window's table, model, chart, runner and
status bar); kept apart so the window module holds layout and state only.
Everything written goes through an atomic write; errors come back as one
Norwegian message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.files import check_output_path
from barometer_gui.core.i18n import language
from barometer_gui.ui import table_export

if TYPE_CHECKING:  # core.schema brings pandas: loaded with the data, after the window shows
    from barometer_gui.core.schema import Survey


def check_not_input(path: str | Path, survey: Survey | None, *also: str | Path | None) -> None:
    """Raise BarometerError when `path` is the data file or saved mapping `survey` was read from (or `also`).

    The save dialogs let a user pick any file, the open data file too; input files are never modified.
    """
    inputs = (survey.source or None, survey.saved_mapping or None) if survey is not None else ()
    check_output_path(path, *inputs, *also)


class ExportActions:
    def _notes(self) -> tuple[str, ...]:
        return (self.footnote.text(),)

    def copy_table(self) -> None:
        if self.table is None:
            return
        QGuiApplication.clipboard().setText(table_export.to_tsv(self.model.grid))
        self.statusBar().showMessage(
            self.tr("Tabellen er kopiert – lim den inn i Excel, Word eller PowerPoint."), 6000
        )

    def copy_chart(self) -> None:
        if self.table is None:
            return
        QGuiApplication.clipboard().setImage(self.shown_canvas().grab().toImage())
        self.statusBar().showMessage(self.tr("Diagrammet er kopiert som bilde."), 6000)

    def _ask_save(self, title: str, suffix: str, filters: str) -> Path | None:
        suggestion = (
            self.path.with_name(f"{self.path.stem}-{self.table.question.id}{suffix}") if self.path else ""
        )
        name, _ = QFileDialog.getSaveFileName(self, title, str(suggestion), filters)
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(suffix)
        return path

    def _write(self, path: Path, writer) -> None:
        try:
            check_not_input(path, self.survey)
            writer(path)
        except BarometerError as exc:
            self._failed(exc.message)
            return
        self.statusBar().showMessage(self.tr("Lagret {path}").format(path=path), 8000)

    def export_xlsx(self) -> None:
        self._export_table(
            self.tr("Eksporter tabell til Excel"), ".xlsx", self.tr("Excel (*.xlsx)"), table_export.write_xlsx
        )

    def export_csv(self) -> None:
        self._export_table(
            self.tr("Eksporter tabell som CSV"),
            ".csv",
            self.tr("CSV for Excel (*.csv)"),
            table_export.write_excel_csv,
        )

    def _export_table(self, title: str, suffix: str, filters: str, writer) -> None:
        """The table as shown, with its title and footnote, through `writer(path, grid, title, notes)`."""
        if self.table is None:
            return
        path = self._ask_save(title, suffix, filters)
        if path:
            grid, heading, notes = self.model.grid, self.table.question.text, self._notes()
            self._write(path, lambda target: writer(target, grid, heading, notes))

    def save_chart(self) -> None:
        from barometer_gui.core.files import atomic_write

        if self.table is None:
            return
        path = self._ask_save(
            self.tr("Lagre diagram"),
            ".png",
            self.tr("PNG-bilde (*.png);;SVG-vektorgrafikk (*.svg);;PDF (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".png", ".svg", ".pdf"):
            self._failed(self.tr("Velg .png, .svg eller .pdf som filtype for diagrammet."))
            return
        figure = self.shown_canvas().figure
        self._write(
            path,
            lambda p: atomic_write(
                p, lambda temp: figure.savefig(temp, dpi=200, format=p.suffix[1:].lower())
            ),
        )

    def export_free_text(self) -> None:
        from barometer_gui.core.schema import QType

        if self.table is None or self.table.question.type is not QType.TEXT:
            return
        path = self._ask_save(self.tr("Eksporter fritekstsvar"), ".csv", self.tr("CSV for Excel (*.csv)"))
        if path:
            self._write(path, self.free_text.save_csv)

    def export_pptx(self) -> None:
        """Every question but free text with the current settings (choose a subset with Rapport › Lag rapport)."""
        from barometer_gui.core.report import run_report
        from barometer_gui.core.report.spec import Settings, question_item, spec_from_views
        from barometer_gui.core.schema import QType

        if self.survey is None or self.runner.busy:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Eksporter til PowerPoint"),
            str(self.path.with_suffix(".pptx")) if self.path else "barometer.pptx",
            self.tr("PowerPoint (*.pptx)"),
        )
        if not name:
            return
        if not name.lower().endswith(".pptx"):
            name += ".pptx"
        try:
            check_not_input(name, self.survey)
        except BarometerError as exc:
            self._failed(exc.message)
            return
        spec = self.current_spec()
        survey = self.survey
        views = [
            question_item(
                spec.with_(question=q.id, grid_summary=spec.grid_summary and q.type is QType.GRID),
                Settings(),
                q.text,
            )
            for q in survey.questions
            if q.type is not QType.TEXT
        ]
        report = spec_from_views(views, source={"file": self.path.name if self.path else ""})
        report.settings.language = language()  # the deck speaks the window's language
        self.runner.start(
            self.tr("Lager PowerPoint …"),
            lambda progress: run_report(survey, report, name, progress).path,
            lambda path: self.statusBar().showMessage(self.tr("Lagret {path}").format(path=path)),
            self._failed,
        )
