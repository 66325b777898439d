"""The main window: an indicator browser over one imported survey."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from barometer_gui.core import mapping_store, stats
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import demo_path, open_with_mapping
from barometer_gui.core.mapping import Mapping
from barometer_gui.core.schema import QType, Survey
from barometer_gui.core.tabulate import Table, TableSpec, tabulate
from barometer_gui.ui.chart_view import ChartView
from barometer_gui.ui.report_basket import install_report_menu
from barometer_gui.ui.table_model import TableModel
from barometer_gui.ui.worker import Runner

TYPE_MARK = {QType.SINGLE: "◉", QType.MULTI: "☑", QType.GRID: "▦", QType.NUMERIC: "#", QType.TEXT: "✎"}
FILE_FILTER = "Spørreundersøkelser (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Alle filer (*)"


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Barometer")
        self.resize(1280, 820)
        self.survey: Survey | None = None
        self.mapping: Mapping | None = None
        self.path: Path | None = None
        self.table: Table | None = None
        self.runner = Runner(self)
        self.setAcceptDrops(True)
        self._build_menu()
        self._build_body()
        install_report_menu(self)
        self.statusBar().showMessage(
            "Åpne en eksportfil fra spørreundersøkelsen (Fil › Åpne, eller dra fila hit), eller se på demodataene."
        )

    # ----------------------------------------------------------------- layout

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&Fil")
        self.open_action = self._action(
            menu, "&Åpne undersøkelse …", self.choose_file, QKeySequence.StandardKey.Open
        )
        self._action(menu, "Åpne &demodata", lambda: self.open_file(demo_path()))
        menu.addSeparator()
        self.mapping_action = self._action(menu, "&Kobling av spørsmål …", self.edit_mapping)
        self.notes_action = self._action(menu, "&Merknader fra importen …", self.show_notes)
        self.export_action = self._action(
            menu, "Eksporter til &PowerPoint …", self.export_pptx, QKeySequence("Ctrl+E")
        )
        self.csv_action = self._action(menu, "Eksporter tabell som &CSV …", self.export_csv)
        menu.addSeparator()
        self._action(menu, "&Avslutt", self.close, QKeySequence.StandardKey.Quit)
        for action in (self.mapping_action, self.notes_action, self.export_action, self.csv_action):
            action.setEnabled(False)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_body(self) -> None:
        self.questions = QListWidget()
        self.questions.setWordWrap(True)
        self.questions.setMinimumWidth(300)
        self.questions.currentItemChanged.connect(lambda *_: self.refresh())

        self.by_combo = QComboBox()
        self.weight_combo = QComboBox()
        self.filter_combo = QComboBox()
        self.compare_combo = QComboBox()
        self.min_base = QSpinBox()
        self.min_base.setRange(0, 1000)
        self.min_base.setValue(5)
        self.summary_box = QCheckBox("Hemmer/fremmer (topp/bunn to)")
        for combo in self._combos():
            combo.currentIndexChanged.connect(lambda *_: self.refresh())
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(14)
        self.min_base.valueChanged.connect(lambda *_: self.refresh())
        self.summary_box.toggled.connect(lambda *_: self.refresh())

        controls = QHBoxLayout()
        for label, widget in (
            ("Del opp etter:", self.by_combo),
            ("Utvalg:", self.filter_combo),
            ("Sammenlign:", self.compare_combo),
            ("Vekt:", self.weight_combo),
            ("Minste base:", self.min_base),
        ):
            controls.addWidget(QLabel(label))
            controls.addWidget(widget)
        controls.addWidget(self.summary_box)
        controls.addStretch(1)

        self.title = QLabel("")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.model = TableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setDefaultSectionSize(130)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAlternatingRowColors(True)
        self.chart = ChartView()
        self.footnote = QLabel("")
        self.footnote.setWordWrap(True)
        self.footnote.setStyleSheet("color: #555555; font-size: 11px;")
        self.footnote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(controls)
        right_layout.addWidget(self.title)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setSizes([300, 420])
        right_layout.addWidget(splitter, 1)
        right_layout.addWidget(self.footnote)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.questions)
        body.addWidget(right)
        body.setSizes([330, 950])
        self.setCentralWidget(body)

    # ----------------------------------------------------------------- import

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Åpne undersøkelse", "", FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path, mapping: Mapping | None = None) -> None:
        if self.runner.busy:
            return

        def work(progress):
            survey, used = open_with_mapping(path, mapping=mapping, progress=progress)
            stats.preload()  # the statistics libraries load here, not on the first click
            return path, survey, used

        self.runner.start(f"Leser «{Path(path).name}» …", work, self._opened, self._failed)

    def _opened(self, result) -> None:
        path, survey, mapping = result
        self.path, self.survey, self.mapping = Path(path), survey, mapping
        self.setWindowTitle(f"Barometer – {self.path.name}")
        self._fill_controls()
        for action in (self.mapping_action, self.export_action, self.csv_action):
            action.setEnabled(True)
        self.notes_action.setEnabled(bool(survey.warnings))
        message = f"{survey.respondents} respondenter, {len(survey.questions)} spørsmål ({_layout_name(survey.layout)})."
        if survey.warnings:
            message += f" {len(survey.warnings)} merknad(er) – se Fil › Merknader fra importen."
        self.statusBar().showMessage(message)

    def show_notes(self) -> None:
        """What the import noticed and handled (merged headers, unlabelled codes, duplicate headers)."""
        if self.survey is None or not self.survey.warnings:
            return
        box = QMessageBox(self)
        box.setWindowTitle("Merknader fra importen")
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(f"{len(self.survey.warnings)} merknad(er) for «{self.path.name if self.path else ''}»:")
        box.setDetailedText("\n".join(self.survey.warnings))
        box.setInformativeText("\n".join(f"• {w}" for w in self.survey.warnings[:8]))
        box.exec()

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, "Barometer", message)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.by_combo, self.weight_combo, self.filter_combo, self.compare_combo)

    def _fill_controls(self) -> None:
        survey = self.survey
        assert survey is not None
        for combo in self._combos():
            combo.blockSignals(True)
            combo.clear()
        self.by_combo.addItem("Ingen (bare totalt)", None)
        categorical = [b for b in survey.background if b.kind != "numeric"]
        for variable in categorical:
            self.by_combo.addItem(variable.text, variable.id)
        singles = [q for q in survey.questions if q.type is QType.SINGLE]
        if singles:
            self.by_combo.insertSeparator(self.by_combo.count())
            for question in singles:
                self.by_combo.addItem(f"Svar på: {_short(question.text)}", question.id)
        self.weight_combo.addItem("Uvektet", None)
        for weight in survey.weights:
            self.weight_combo.addItem(weight, weight)
        self.filter_combo.addItem("Alle respondenter", None)
        self.compare_combo.addItem("Ingen sammenligning", None)
        for variable, value in _category_values(survey, categorical):
            self.filter_combo.addItem(f"{variable.text}: {value}", (variable.id, str(value)))
            self.compare_combo.addItem(f"{value} mot resten av landet", (variable.id, str(value)))
        for combo in self._combos():
            combo.blockSignals(False)
        self.questions.blockSignals(True)
        self.questions.clear()
        for question in survey.questions:
            item = QListWidgetItem(f"{TYPE_MARK[question.type]}  {question.text}")
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            item.setToolTip(f"{question.id} · {question.type}")
            self.questions.addItem(item)
        self.questions.blockSignals(False)
        self.questions.setCurrentRow(0)
        self.refresh()

    # ----------------------------------------------------------------- tables

    def current_spec(self) -> TableSpec | None:
        item = self.questions.currentItem()
        if self.survey is None or item is None:
            return None
        where = self.filter_combo.currentData()
        compare = self.compare_combo.currentData()
        question = self.survey.question(item.data(Qt.ItemDataRole.UserRole))
        self.by_combo.setEnabled(compare is None)
        return TableSpec(
            question=question.id,
            by=None if compare else self.by_combo.currentData(),
            benchmark=tuple(compare) if compare else None,
            where=(tuple(where),) if where else (),
            weight=self.weight_combo.currentData(),
            min_base=self.min_base.value(),
            grid_summary=self.summary_box.isChecked() and question.type is QType.GRID,
        )

    def refresh(self) -> None:
        spec = self.current_spec()
        if spec is None:
            return
        question = self.survey.question(spec.question)
        self.summary_box.setEnabled(question.type is QType.GRID)
        try:
            self.table = tabulate(self.survey, spec)
        except BarometerError as exc:
            self.table = None
            self.footnote.setText(exc.message)
        self.title.setText(question.text)
        self.model.set_table(self.table)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.resizeRowsToContents()
        self.view.resizeColumnsToContents()
        self.chart.show_table(self.table)
        if self.table is not None:
            self.footnote.setText(self.table.footnote())

    # ----------------------------------------------------------------- mapping and export

    def edit_mapping(self) -> None:
        from barometer_gui.ui.mapping_dialog import MappingDialog

        if self.mapping is None or self.path is None or self.survey is None:
            return
        dialog = MappingDialog(self.mapping, self.survey.raw_columns, self)
        if dialog.exec():
            mapping = dialog.mapping()
            try:
                mapping_store.save(mapping)
            except BarometerError as exc:
                self._failed(exc.message)
            self.open_file(self.path, mapping)

    def export_pptx(self) -> None:
        from barometer_gui.core.report import run_report
        from barometer_gui.core.report.spec import Settings, question_item, spec_from_views

        if self.survey is None or self.runner.busy:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Eksporter til PowerPoint", _suggest(self.path, ".pptx"), "PowerPoint (*.pptx)"
        )
        if not name:
            return
        if not name.lower().endswith(".pptx"):
            name += ".pptx"
        spec = self.current_spec()
        survey = self.survey
        # Every question but free text, with the current settings (choose a subset with Rapport › Lag rapport).
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
        self.runner.start(
            "Lager PowerPoint …",
            lambda progress: run_report(survey, report, name, progress).path,
            lambda path: self.statusBar().showMessage(f"Lagret {path}"),
            self._failed,
        )

    def export_csv(self) -> None:
        from barometer_gui.core.files import atomic_write_text
        from barometer_gui.export.tables import to_csv

        if self.table is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Eksporter tabell", _suggest(self.path, ".csv"), "CSV (*.csv)"
        )
        if not name:
            return
        try:
            atomic_write_text(name, to_csv(self.table, decimal_comma=True))
        except BarometerError as exc:
            self._failed(exc.message)
            return
        self.statusBar().showMessage(f"Lagret {name}")

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Dropping an export file (or a SurveyXact CSV folder) on the window opens it."""
        local = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.open_file(Path(local[0]))

    def closeEvent(self, event) -> None:
        if self.runner.task is not None:
            self.runner.task.cancel()
        self.runner.wait()
        super().closeEvent(event)


def _category_values(survey: Survey, variables) -> list:
    """(variable, value) for every category present in the data, in the variable's own order."""
    pairs = []
    for variable in variables:
        column = survey.data[variable.column]
        present = set(column.dropna().unique())
        values = column.cat.categories if hasattr(column, "cat") else sorted(present, key=str)
        pairs += [(variable, value) for value in values if value in present]
    return pairs


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _suggest(path: Path | None, suffix: str) -> str:
    return str(path.with_suffix(suffix)) if path else f"barometer{suffix}"


def _layout_name(layout: str) -> str:
    return {
        "surveyxact": "SurveyXact",
        "codebook": "data med kodebok",
        "question_headers": "spørsmålstekst som overskrift",
        "joined": "ett felt per flervalg",
    }.get(layout, layout)
