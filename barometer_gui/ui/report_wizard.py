"""The report wizard: content → chart and table options → formats and folder → template → summary.

It only edits a `ReportSpec` (which can be saved and opened as «rapportoppsett») and then hands
it to `run_report` in the window's worker pattern, with progress and Avbryt. Cancelling leaves
nothing behind: `run_report` stages every file and moves them in only when all are complete.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from barometer_gui.charts.model import KIND_LABELS, Kind
from barometer_gui.core.errors import BarometerError, translated
from barometer_gui.core.formatting import fmt_pct
from barometer_gui.core.i18n import LANGUAGES
from barometer_gui.core.report.resolve import find_question
from barometer_gui.core.report.run import FORMATS, run_report
from barometer_gui.core.report.spec import Item, Ref, ReportSpec, load_spec, recorded_source, save_spec
from barometer_gui.core.schema import QType, Survey
from barometer_gui.core.stats import CORRECTIONS, correction_name
from barometer_gui.ui.exports import check_not_input
from barometer_gui.ui.report_basket import details
from barometer_gui.ui.worker import Runner

ROLE = Qt.ItemDataRole.UserRole
KIND_MARK = {"title": "▣", "section": "§", "question": "▤", "freetext": "✎", "text": "¶"}
#: Global settings the options page sets for every item (an item's own value for them is dropped).
GLOBAL = ("weight", "min_base", "low_base", "correction")


def spec_filter() -> str:
    return QCoreApplication.translate("ReportWizard", "Rapportoppsett (*.json)")


class ReportWizard(QWizard):
    def __init__(
        self, survey: Survey, spec: ReportSpec, parent: QWidget | None = None, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lag rapport"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(900, 640)
        self.survey = survey
        self.spec = spec
        self.folder = folder or Path.home()
        self.runner = Runner(self)
        self.result = None
        self.content = ContentPage(self)
        self.options = OptionsPage(self)
        self.formats = FormatsPage(self)
        self.template = TemplatePage(self)
        self.summary = SummaryPage(self)
        for page in (self.content, self.options, self.formats, self.template, self.summary):
            self.addPage(page)
        for button, text in (
            (QWizard.WizardButton.FinishButton, self.tr("Lag rapport")),
            (QWizard.WizardButton.BackButton, self.tr("< Tilbake")),
            (QWizard.WizardButton.NextButton, self.tr("Neste >")),
            (QWizard.WizardButton.CancelButton, self.tr("Avbryt")),
            (QWizard.WizardButton.CustomButton1, self.tr("Lagre rapportoppsett …")),
            (QWizard.WizardButton.CustomButton2, self.tr("Åpne rapportoppsett …")),
        ):
            self.setButtonText(button, text)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.customButtonClicked.connect(self._custom)
        self.set_spec(spec)

    # ----------------------------------------------------------------- the spec

    def set_spec(self, spec: ReportSpec) -> None:
        self.spec = spec
        for page in (self.content, self.options, self.formats, self.template):
            page.load(spec)

    def current_spec(self) -> ReportSpec:
        """The spec as the pages show it now (the pages write into `self.spec` as they change)."""
        self.content.store(self.spec)
        self.options.store(self.spec)
        self.template.store(self.spec)
        return self.spec

    def _custom(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.save_spec_as()
        else:
            self.open_spec()

    def save_spec_as(self, name: str | None = None) -> None:
        if name is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Lagre rapportoppsett"),
                str(self.folder / self.tr("rapportoppsett.json")),
                spec_filter(),
            )
        if not name:
            return
        try:
            spec = self.current_spec()
            spec.source = recorded_source(self.data_file(), name)  # so it reruns headless without FILE
            save_spec(spec, name)
        except BarometerError as exc:
            QMessageBox.warning(self, "Barometer", exc.message)

    def data_file(self) -> Path | None:
        """The open data file (None for the demo data, which every installation has)."""
        from barometer_gui.core.importer import demo_path

        if not self.survey.source:
            return None
        path = Path(self.survey.source)
        return None if path.resolve() == demo_path().resolve() else path

    def open_spec(self, name: str | None = None) -> None:
        if name is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Åpne rapportoppsett"), str(self.folder), spec_filter()
            )
        if not name:
            return
        try:
            self.set_spec(load_spec(name))
        except BarometerError as exc:
            QMessageBox.warning(self, "Barometer", exc.message)

    # ----------------------------------------------------------------- running

    def accept(self) -> None:
        """Finish starts the report in the worker; the wizard closes when it is written."""
        if self.runner.busy:
            return
        spec, targets, survey = self.current_spec(), self.formats.targets(), self.survey
        try:
            for target in targets:
                check_not_input(target, survey, spec.settings.template)
        except BarometerError as exc:
            self._failed(exc.message)
            return
        task = self.runner.start(
            self.tr("Lager rapporten …"),
            lambda progress: run_report(survey, spec, targets, progress),
            self._done,
            self._failed,
        )
        task.cancelled.connect(self._cancelled)

    def _done(self, result) -> None:
        self.result = result
        if result.skipped:
            QMessageBox.information(self, "Barometer", result.summary())
        parent = self.parent()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(result.summary())
        super().accept()

    @Slot()
    def _cancelled(self) -> None:
        self.summary.status.setText(self.tr("Avbrutt. Ingen filer ble skrevet."))

    def _failed(self, message: str) -> None:
        self.summary.status.setText(message)
        QMessageBox.warning(self, "Barometer", message)

    def reject(self) -> None:
        if self.runner.task is not None:
            self.runner.task.cancel()
            self.runner.wait()
        super().reject()


class ContentPage(QWizardPage):
    """What goes in, in which order: items from the basket, sections, text, more questions."""

    def __init__(self, wizard: ReportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Innhold"))
        self.setSubTitle(
            self.tr("Velg hva rapporten skal inneholde og i hvilken rekkefølge. Dra for å flytte.")
        )
        self.report_title = QLineEdit()
        self.list = QListWidget()
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._selected)
        self.list.model().rowsInserted.connect(lambda *_: self.completeChanged.emit())
        self.list.model().rowsRemoved.connect(lambda *_: self.completeChanged.emit())
        self.questions = QComboBox()
        for question in wizard.survey.questions:
            self.questions.addItem(question.text, question.id)
        self.item_title = QLineEdit()
        self.item_title.setPlaceholderText(self.tr("Tittel (tom: spørsmålsteksten)"))
        self.item_title.editingFinished.connect(self._edit)
        self.item_text = QPlainTextEdit()
        self.item_text.setPlaceholderText(self.tr("Tekst (for tittel-, del- og tekstelementer)"))
        self.item_text.setMaximumHeight(80)
        self.item_text.textChanged.connect(self._edit)
        self.chart = QComboBox()
        self.chart.addItem(self.tr("Diagram (det som passer best)"), "auto")
        for kind, label in KIND_LABELS.items():  # a kind that does not fit the item falls back to the best
            if kind is not Kind.LINE:
                self.chart.addItem(self.tr("Diagram: {kind}").format(kind=label.lower()), kind.value)
        self.chart.addItem(self.tr("Bare tabell"), "none")
        self.chart.currentIndexChanged.connect(self._edit)
        self.by = QComboBox()
        self.by.addItem(self.tr("Ingen (bare totalt)"), None)
        for variable in wizard.survey.background:
            if variable.kind != "numeric":
                self.by.addItem(translated(variable.text), variable.id)
        self.by.currentIndexChanged.connect(self._edit)
        self.table = QCheckBox(self.tr("Tabell i tillegg (eget lysbilde)"))
        self.table.toggled.connect(self._edit)
        self.limit = QSpinBox()
        self.limit.setRange(0, 10000)
        self.limit.setSpecialValueText(self.tr("alle"))
        self.limit.setToolTip(
            self.tr("Fritekst: vis høyst så mange svar (et tilfeldig utvalg; antallet står i fotnoten)")
        )
        self.limit.valueChanged.connect(self._edit)
        self.preview = QLabel()
        self.preview.setMinimumSize(390, 240)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setWordWrap(True)

        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Opp"), lambda: self._move(-1)),
            (self.tr("Ned"), lambda: self._move(1)),
            (self.tr("Fjern"), self._remove),
            (self.tr("Ny del …"), lambda: self._add_text("section")),
            (self.tr("Ny tekst …"), lambda: self._add_text("text")),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        add = QHBoxLayout()
        add.addWidget(self.questions, 1)
        add_button = QPushButton(self.tr("Legg til spørsmål"))
        add_button.clicked.connect(self._add_question)
        add.addWidget(add_button)

        details = QFormLayout()
        details.addRow(self.tr("Tittel:"), self.item_title)
        details.addRow(self.tr("Tekst:"), self.item_text)
        details.addRow(self.tr("Del opp etter:"), self.by)
        details.addRow(self.tr("Vis som:"), self.chart)
        details.addRow("", self.table)
        details.addRow(self.tr("Høyst antall svar:"), self.limit)
        details.addRow(self.preview)
        details.addRow(self.note)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        left.addLayout(add)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(details, 2)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Rapportens tittel:"), self.report_title)
        layout.addLayout(form)
        layout.addLayout(columns, 1)

    def load(self, spec: ReportSpec) -> None:
        self.report_title.setText(spec.title)
        self.list.clear()
        for item in spec.items:
            self._append(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def store(self, spec: ReportSpec) -> None:
        spec.title = self.report_title.text().strip() or spec.title
        spec.items = self.items()

    def items(self) -> list[Item]:
        return [self.list.item(row).data(ROLE) for row in range(self.list.count())]

    def isComplete(self) -> bool:
        return any(item.kind in ("question", "freetext") for item in self.items())

    def _append(self, item: Item) -> None:
        entry = QListWidgetItem()
        entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        self._show(entry, item)
        self.list.addItem(entry)

    def _show(self, entry: QListWidgetItem, item: Item) -> None:
        entry.setData(ROLE, item)
        extra = self.tr(" + tabell") if item.kind == "question" and item.table else ""
        extra += self.tr(" (bare tabell)") if item.kind == "question" and item.chart == "none" else ""
        more = details(item) if item.kind in ("question", "freetext") else ""
        entry.setText(f"{KIND_MARK[item.kind]}  {item.label()}{extra}" + (f"  ({more})" if more else ""))

    def _current(self) -> tuple[QListWidgetItem | None, Item | None]:
        entry = self.list.currentItem()
        return entry, (entry.data(ROLE) if entry is not None else None)

    def _selected(self, *_args) -> None:
        _entry, item = self._current()
        widgets = (self.item_title, self.item_text, self.chart, self.table, self.by, self.limit)
        for widget in widgets:
            widget.blockSignals(True)
        is_question = item is not None and item.kind == "question"
        self.item_title.setText(item.title if item else "")
        self.item_text.setPlainText(item.text if item else "")
        free = item is not None and item.kind == "freetext"
        self.item_text.setEnabled(item is not None and not is_question and not free)
        self.limit.setEnabled(free)
        self.limit.setValue(item.limit if free else 0)
        self.chart.setEnabled(is_question)
        self.table.setEnabled(is_question)
        self.by.setEnabled(is_question and not (item and item.overrides.get("benchmark")))
        if item is not None:
            self.chart.setCurrentIndex(max(0, self.chart.findData(item.chart)))
            self.table.setChecked(item.table)
            by = item.by.id if item.by else None
            if self.by.findData(by) < 0:  # a breakdown by another question's answers: keep it selectable
                self.by.addItem(translated(item.by.text) or by, by)
            self.by.setCurrentIndex(self.by.findData(by))
        for widget in widgets:
            widget.blockSignals(False)
        self._preview(item)

    def _preview(self, item: Item | None) -> None:
        """A small picture of the item's chart, from the same engine and chart code as the report."""
        self.preview.clear()
        self.note.clear()
        if item is not None and item.kind == "freetext":
            self._free_text_note(item)
            return
        if item is None or item.kind != "question" or item.question is None:
            return
        from barometer_gui.core.report.content import question_block
        from barometer_gui.export.images import chart_png

        try:
            block = question_block(self.wizard_.survey, self.wizard_.spec, item)
        except BarometerError as exc:
            self.note.setText(self.tr("Blir hoppet over: {reason}").format(reason=exc.message))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(chart_png(block))
        self.preview.setPixmap(pixmap)
        shown = block.chart().kind
        unfit = item.chart not in ("auto", "none", shown.value)
        fallback = (
            self.tr("«{chosen}» passer ikke her; viser «{shown}». ").format(
                chosen=KIND_LABELS[Kind(item.chart)], shown=KIND_LABELS[shown]
            )
            if unfit
            else ""
        )
        self.note.setText(fallback + block.note)

    def _free_text_note(self, item: Item) -> None:
        """What a free-text item will list (or why it lists nothing), from the same core function."""
        from barometer_gui.core.report.content import free_text_block

        try:
            block = free_text_block(self.wizard_.survey, self.wizard_.spec, item)
        except BarometerError as exc:
            self.note.setText(self.tr("Blir hoppet over: {reason}").format(reason=exc.message))
            return
        shown = self.tr("{n} ulike svar listes. ").format(n=len(block.answers)) if block.answers else ""
        self.note.setText(shown + block.footnote)

    def _edit(self, *_args) -> None:
        entry, item = self._current()
        if item is None:
            return
        changed = replace(item, title=self.item_title.text().strip(), text=self.item_text.toPlainText())
        if item.kind == "freetext":
            changed = replace(changed, limit=self.limit.value())
        if item.kind == "question":
            by = self.by.currentData()
            changed = replace(
                changed,
                chart=self.chart.currentData(),
                table=self.table.isChecked(),
                by=Ref(by, self.by.currentText()) if by else None,
            )
        self._show(entry, changed)
        if (changed.by, changed.chart) != (item.by, item.chart):  # the preview follows both
            self._preview(changed)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        if row < 0 or not 0 <= row + step < self.list.count():
            return
        entry = self.list.takeItem(row)
        self.list.insertItem(row + step, entry)
        self.list.setCurrentRow(row + step)

    def _remove(self) -> None:
        if self.list.currentRow() >= 0:
            self.list.takeItem(self.list.currentRow())

    def _add_text(self, kind: str, title: str | None = None) -> None:
        if title is None:
            title, ok = QInputDialog.getText(
                self,
                "Barometer",
                self.tr("Overskrift for delen:") if kind == "section" else self.tr("Overskrift:"),
            )
            if not ok:
                return
        self._append(Item(kind, title.strip()))
        self.list.setCurrentRow(self.list.count() - 1)

    def _add_question(self) -> None:
        question = self.wizard_.survey.question(self.questions.currentData())
        kind = "freetext" if question.type is QType.TEXT else "question"  # text answers are listed
        self._append(Item(kind, question=Ref(question.id, question.text)))
        self.list.setCurrentRow(self.list.count() - 1)


class OptionsPage(QWizardPage):
    """Settings for every chart and table: weight, bases, correction, small options."""

    def __init__(self, wizard: ReportWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Diagram og tabell"))
        self.setSubTitle(self.tr("Gjelder alle spørsmålene i rapporten."))
        self.weight = QComboBox()
        self.weight.addItem(self.tr("Uvektet"), None)
        for weight in wizard.survey.weights:
            self.weight.addItem(weight, weight)
        self.min_base = QSpinBox()
        self.min_base.setRange(0, 1000)
        self.low_base = QSpinBox()
        self.low_base.setRange(0, 10000)
        self.correction = QComboBox()
        for key in CORRECTIONS:
            self.correction.addItem(correction_name(key), key)  # core's name, in the language shown
        self.fold_below = QDoubleSpinBox()
        self.fold_below.setRange(0, 50)
        # «0,0 %» / «0.0%» as the tables write it; the decimal mark is the window's locale (ui.main)
        self.fold_below.setSuffix(fmt_pct(0, 0).removeprefix("0"))
        self.fold_below.setDecimals(1)
        self.fold_mode = QComboBox()
        self.fold_mode.addItem(self.tr("Slå sammen til «Andre»"), "andre")
        self.fold_mode.addItem(self.tr("Utelat"), "omit")
        self.all_tables = QCheckBox(self.tr("Tabell for alle spørsmål"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        form = QFormLayout(self)
        form.addRow(self.tr("Rapportens språk:"), self.language)
        form.addRow(self.tr("Vekt:"), self.weight)
        form.addRow(self.tr("Skjul grupper med færre svar enn:"), self.min_base)
        form.addRow(self.tr("Merk grupper med færre svar enn:"), self.low_base)
        form.addRow(self.tr("Korreksjon for mange sammenligninger:"), self.correction)
        form.addRow(self.tr("Små svaralternativer (under):"), self.fold_below)
        form.addRow(self.tr("… vises som:"), self.fold_mode)
        form.addRow("", self.all_tables)
        note = QLabel(
            self.tr(
                "Alternativer under grensen i alle grupper slås sammen (enkeltvalg) eller utelates (flervalg); "
                "det står i fotnoten. 0 % viser alle."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)

    def load(self, spec: ReportSpec) -> None:
        s = spec.settings
        self.weight.setCurrentIndex(max(0, self.weight.findData(s.weight)))
        self.min_base.setValue(s.min_base)
        self.low_base.setValue(s.low_base)
        self.correction.setCurrentIndex(max(0, self.correction.findData(s.correction)))
        self.fold_below.setValue(s.fold_below)
        self.fold_mode.setCurrentIndex(max(0, self.fold_mode.findData(s.fold_mode)))
        self.all_tables.setChecked(False)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))

    def store(self, spec: ReportSpec) -> None:
        s = spec.settings
        chosen = {
            "weight": self.weight.currentData(),
            "min_base": self.min_base.value(),
            "low_base": self.low_base.value(),
            "correction": self.correction.currentData(),
        }
        changed = [k for k in GLOBAL if getattr(s, k) != chosen[k]]
        for key in changed:
            setattr(s, key, chosen[key])
        s.fold_below = self.fold_below.value()
        s.fold_mode = self.fold_mode.currentData()
        s.language = self.language.currentData()
        items = []
        for item in spec.items:
            if item.kind == "question":  # free-text items take only filters (min. base is the report's)
                overrides = {k: v for k, v in item.overrides.items() if k not in changed}
                item = replace(item, overrides=overrides, table=item.table or self.all_tables.isChecked())
            items.append(item)
        spec.items = items


class FormatsPage(QWizardPage):
    def __init__(self, wizard: ReportWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Format og mappe"))
        self.setSubTitle(self.tr("Velg ett eller flere formater og hvor rapporten skal lagres."))
        names = {".png": self.tr("PNG-bilder"), ".svg": self.tr("SVG-bilder")}  # the others are names
        self.checks = {
            suffix: QCheckBox(f"{names.get(suffix, FORMATS[suffix])} ({suffix})") for suffix in FORMATS
        }
        self.checks[".pptx"].setChecked(True)
        self.folder = QLineEdit(str(wizard.folder))
        #: the file name offered until the report has a title
        self.default_name = self.tr("rapport")
        self.name = QLineEdit(self.default_name)
        browse = QPushButton(self.tr("Bla gjennom …"))
        browse.clicked.connect(self._browse)
        layout = QVBoxLayout(self)
        for check in self.checks.values():
            check.toggled.connect(lambda *_: self.completeChanged.emit())
            layout.addWidget(check)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Mappe:")))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        form = QFormLayout()
        form.addRow(self.tr("Filnavn (uten endelse):"), self.name)
        layout.addLayout(form)
        hint = QLabel(
            self.tr("Bilder (PNG 300 dpi, SVG) lagres som én fil per spørsmål i en mappe med dette navnet.")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.name.textChanged.connect(lambda *_: self.completeChanged.emit())
        self.folder.textChanged.connect(lambda *_: self.completeChanged.emit())

    def load(self, spec: ReportSpec) -> None:
        if spec.title and self.name.text() == self.default_name:
            self.name.setText(
                "".join(c for c in spec.title if c not in '<>:"/\\|?*').strip() or self.default_name
            )

    def set_formats(self, suffixes: list[str]) -> None:
        for suffix, check in self.checks.items():
            check.setChecked(suffix in suffixes)

    def targets(self) -> list[Path]:
        folder = Path(self.folder.text().strip())
        name = self.name.text().strip()
        # PNG and SVG both write a folder named after the report: give SVG its own when both are chosen.
        chosen = [s for s, check in self.checks.items() if check.isChecked()]
        return [
            folder / (f"{name} svg{s}" if s == ".svg" and ".png" in chosen else f"{name}{s}") for s in chosen
        ]

    def isComplete(self) -> bool:
        return bool(self.name.text().strip() and self.folder.text().strip() and self.targets())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Velg mappe"), self.folder.text())
        if folder:
            self.folder.setText(folder)


class TemplatePage(QWizardPage):
    def __init__(self, wizard: ReportWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Mal"))
        self.setSubTitle(
            self.tr("PowerPoint-rapporten bygger på en mal: titler, farger og oppsett kommer fra den.")
        )
        self.default = QRadioButton(self.tr("Standardmal (16:9, Barometer)"))
        self.own = QRadioButton(self.tr("Egen mal (.pptx eller .potx):"))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Bla gjennom …"))
        browse.clicked.connect(self._browse)
        self.layouts = QLabel()
        self.layouts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.default)
        row = QHBoxLayout()
        row.addWidget(self.own)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        layout.addWidget(self.layouts)
        layout.addStretch(1)
        for widget in (self.default, self.own):
            widget.toggled.connect(self._changed)
        self.path.textChanged.connect(self._changed)

    def load(self, spec: ReportSpec) -> None:
        self.path.setText(spec.settings.template or "")
        (self.own if spec.settings.template else self.default).setChecked(True)

    def store(self, spec: ReportSpec) -> None:
        spec.settings.template = self.path.text().strip() if self.own.isChecked() else None

    def isComplete(self) -> bool:
        return self.default.isChecked() or Path(self.path.text().strip()).is_file()

    def _changed(self, *_args) -> None:
        self.layouts.clear()
        if self.own.isChecked() and Path(self.path.text().strip()).is_file():
            from barometer_gui.export.pptx import open_template

            try:
                deck = open_template(self.path.text().strip())
                names = ", ".join(layout.name for layout in deck.slide_layouts)
                self.layouts.setText(self.tr("Oppsett i malen: {names}").format(names=names))
            except BarometerError as exc:
                self.layouts.setText(exc.message)
        self.completeChanged.emit()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Velg mal"), "", self.tr("PowerPoint-mal (*.pptx *.potx)")
        )
        if name:
            self.path.setText(name)
            self.own.setChecked(True)


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ReportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Oppsummering"))
        self.setSubTitle(self.tr("Trykk «Lag rapport». Du kan avbryte underveis; da blir ingenting lagret."))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard_
        spec = wizard.current_spec()
        questions = [i for i in spec.items if i.kind in ("question", "freetext") and i.question is not None]
        missing = [i.label() for i in questions if find_question(wizard.survey, i.question)[0] is None]
        free = sum(i.kind == "freetext" for i in questions)
        lines = [
            f"<b>{spec.title}</b>",
            self.tr(
                "{questions} spørsmål, {free} med fritekstsvar, {sections} deler, {texts} tekster."
            ).format(
                questions=len(questions) - free,
                free=free,
                sections=sum(i.kind == "section" for i in spec.items),
                texts=sum(i.kind == "text" for i in spec.items),
            ),
            self.tr("Filer: {files}").format(files=", ".join(str(t) for t in wizard.formats.targets())),
            self.tr("Mal: {template}").format(
                template=spec.settings.template or self.tr("standardmal (16:9)")
            ),
        ]
        if spec.settings.fold_below:
            lines.append(
                self.tr("Alternativer under {limit} % vises som «Andre» eller utelates.").format(
                    limit=f"{spec.settings.fold_below:g}"
                )
            )
        if missing:
            lines.append(
                self.tr("Blir hoppet over (fant ikke spørsmålet): {items}").format(items="; ".join(missing))
            )
        self.text.setText("<br>".join(lines))
        self.status.clear()
