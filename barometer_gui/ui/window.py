"""The main window: an indicator browser over one imported survey.

Layout: the question browser on the left; on the right the controls (a wrapping,
hideable panel), the table and, below it in a splitter, the chart (or the
free-text answers). All numbers come from `core.tabulate.tabulate`; the window
only chooses the `TableSpec` and shows the result. Long work (import, export)
runs in `ui.worker.Runner`, with progress in the status bar.
"""

from __future__ import annotations

import html
import itertools
import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# Only Qt and light modules at import: the window shows before pandas, NumPy and matplotlib load
# (benchmarks/bench_startup.py). The data side is imported where it is first used, mostly in the
# worker that reads the file.
from barometer_gui.core import project
from barometer_gui.core.errors import BarometerError, translated
from barometer_gui.core.i18n import LANGUAGES, language, set_language
from barometer_gui.ui.chart_view import ChartView
from barometer_gui.ui.controls import ControlsPanel
from barometer_gui.ui.exports import ExportActions
from barometer_gui.ui.free_text import FreeTextPanel
from barometer_gui.ui.guide import GuideDialog, add_help_actions
from barometer_gui.ui.question_browser import QuestionBrowser
from barometer_gui.ui.report_basket import install_report_menu
from barometer_gui.ui.settings import add_recent, recent_files, settings
from barometer_gui.ui.status import StatusBar
from barometer_gui.ui.table_model import TableModel
from barometer_gui.ui.worker import Runner

if TYPE_CHECKING:
    from barometer_gui.core.mapping import Mapping
    from barometer_gui.core.schema import Survey
    from barometer_gui.core.tabulate import Table, TableSpec
    from barometer_gui.ui.distribution import DistributionView

FOOTNOTE_STYLE = "color: #555555; font-size: 11px;"
BANNER_STYLE = (
    "background: #fff4ce; color: #3d2e00; border: 1px solid #e0c060; border-radius: 3px; padding: 4px 6px;"
)
#: the engine's reason when it will not make a table: readable, not a grey footnote
REFUSAL_STYLE = "color: #9c2a00; font-size: 13px; font-weight: 600;"


def demo_path() -> Path:
    from barometer_gui.core.importer import demo_path

    return demo_path()


def open_with_mapping(path: Path, **options):
    """`core.importer.open_with_mapping`, imported on the first call: in the worker, after the window shows."""
    from barometer_gui.core.importer import open_with_mapping

    return open_with_mapping(path, **options)


def file_filter() -> str:
    return QCoreApplication.translate(
        "MainWindow",
        "Spørreundersøkelser (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.sav *.zsav *.por *.dta);;Alle filer (*)",
    )


class MainWindow(ExportActions, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.survey: Survey | None = None
        self.mapping: Mapping | None = None
        self.path: Path | None = None
        self.project_path: Path | None = None
        self.table: Table | None = None
        self.settings = settings()
        self.runner = Runner(self)
        self.setAcceptDrops(True)
        self.setStatusBar(StatusBar(self.runner, self))
        self._build_body()
        self._build_menu()
        self.report_basket = install_report_menu(self)
        self.runner.busy_changed.connect(self._busy_changed)
        self._restore_layout()
        self.retranslate()

    # ----------------------------------------------------------------- layout

    def _build_body(self) -> None:
        self.browser = QuestionBrowser()
        self.browser.question_selected.connect(lambda _id: self.refresh())
        self.browser.variable_activated.connect(self._break_down_by)
        self.controls = ControlsPanel()
        self.controls.changed.connect(self.refresh)

        self.title = QLabel("")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.controls_button = QToolButton()
        self.controls_button.setCheckable(True)
        self.controls_button.setChecked(True)
        self.controls_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.controls_button.toggled.connect(self._show_controls)

        self.model = TableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setDefaultSectionSize(120)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.footnote = QLabel("")
        self.footnote.setWordWrap(True)
        self.footnote.setStyleSheet(FOOTNOTE_STYLE)
        self.footnote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        table_pane = QWidget()
        table_layout = QVBoxLayout(table_pane)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.view, 1)
        table_layout.addWidget(self.footnote)

        self.chart = ChartView()
        self.chart.setMinimumHeight(120)
        self._distribution: DistributionView | None = None  # made when a numeric question is shown
        self.free_text = FreeTextPanel()
        self.free_text.export_button.clicked.connect(self.export_free_text)
        self.lower = QStackedWidget()
        for pane in (self.chart, self.free_text):
            self.lower.addWidget(pane)

        #: what the import was unsure about (plausibility checks, header rows, respondent rule), in view
        self.banner = QLabel("")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.linkActivated.connect(lambda _link: self.show_notes())
        self.banner.hide()

        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        for box in self.controls.view_options:
            heading.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.controls_button, 0, Qt.AlignmentFlag.AlignTop)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 4, 6, 4)
        right_layout.addWidget(self.banner)
        right_layout.addLayout(heading)
        right_layout.addWidget(self.controls)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("table_chart_splitter")
        self.splitter.addWidget(table_pane)
        self.splitter.addWidget(self.lower)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 360])
        #: until the user drags the splitter, the table pane takes what its rows need and the chart the rest
        self.splitter_fitted = True
        self.splitter.splitterMoved.connect(self._splitter_moved)
        right_layout.addWidget(self.splitter, 1)

        self.body = QSplitter(Qt.Orientation.Horizontal)
        self.body.setObjectName("browser_splitter")
        self.body.addWidget(self.browser)
        self.body.addWidget(right)
        self.body.setStretchFactor(1, 1)
        self.body.setSizes([260, 1000])
        self.setCentralWidget(self.body)
        self._set_tab_order()

    @property
    def distribution(self) -> DistributionView:
        """The histogram pane for numeric questions; made on first use, as it needs pandas and matplotlib."""
        if self._distribution is None:
            from barometer_gui.ui.distribution import DistributionView

            self._distribution = DistributionView()
            self.lower.addWidget(self._distribution)
        return self._distribution

    def _set_tab_order(self) -> None:
        """Tab goes as the eye reads: search, questions, the controls, the table, then the chart or answers."""
        chain = [
            self.browser.search,
            self.browser.tree,
            *self.controls.tab_chain(),
            *self.controls.view_options,
            self.controls_button,
            self.view,
            self.free_text.search,
            self.free_text.view,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_menu(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        #: the report branch plugs its basket and wizard in here
        self.report_menu = bar.addMenu("")
        #: the user guide (F1) and About come from the help branch; "Hva betyr tegnene?" is here
        self.help_menu = bar.addMenu("")

        self.open_action = self._action(self.file_menu, self.choose_file, QKeySequence.StandardKey.Open)
        self.demo_action = self._action(self.file_menu, lambda: self.open_file(demo_path()))
        self.recent_menu = QMenu(self)
        self.file_menu.addMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.open_project_action = self._action(self.file_menu, self.choose_project)
        self.save_project_action = self._action(
            self.file_menu, self.save_project, QKeySequence.StandardKey.Save
        )
        self.save_project_as_action = self._action(
            self.file_menu, lambda: self.save_project(ask=True), QKeySequence("Ctrl+Shift+S")
        )
        self.file_menu.addSeparator()
        self.mapping_action = self._action(self.file_menu, self.edit_mapping)
        self.notes_action = self._action(self.file_menu, self.show_notes)
        self.file_menu.addSeparator()
        self.xlsx_action = self._action(self.file_menu, self.export_xlsx)
        self.csv_action = self._action(self.file_menu, self.export_csv)
        self.save_chart_action = self._action(self.file_menu, self.save_chart)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.close, QKeySequence.StandardKey.Quit)

        self.copy_action = self._action(self.edit_menu, self.copy_table, QKeySequence.StandardKey.Copy)
        self.copy_chart_action = self._action(self.edit_menu, self.copy_chart, QKeySequence("Ctrl+Shift+C"))
        self.edit_menu.addSeparator()
        self.find_action = self._action(self.edit_menu, self._find_question, QKeySequence.StandardKey.Find)

        self.browser_action = self._toggle(self.view_menu, self.browser.setVisible, True)
        self.controls_action = self._toggle(self.view_menu, self.controls_button.setChecked, True)
        self.controls_button.toggled.connect(self.controls_action.setChecked)
        self.view_menu.addSeparator()
        self.transpose_action = self._toggle(self.view_menu, self.controls.transposed_box.setChecked, False)
        self.controls.transposed_box.toggled.connect(self.transpose_action.setChecked)
        self.intervals_action = self._toggle(self.view_menu, self.controls.intervals_box.setChecked, False)
        self.controls.intervals_box.toggled.connect(self.intervals_action.setChecked)
        self.view_menu.addSeparator()
        self.language_menu = QMenu(self)
        self.view_menu.addMenu(self.language_menu)
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == language())
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.pptx_action = self._action(self.report_menu, self.export_pptx)
        self.signs_action = self._action(self.help_menu, self.show_signs)
        self.guide_action, self.about_action = add_help_actions(self.help_menu, self)
        self._set_data_actions()

    def _action(self, menu: QMenu, slot, shortcut=None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _toggle(self, menu: QMenu, slot, checked: bool) -> QAction:
        action = QAction(self, checkable=True)
        action.setChecked(checked)
        action.toggled.connect(slot)
        menu.addAction(action)
        return action

    def retranslate(self) -> None:
        """Every text of the window in the current language (called again after a language switch)."""
        texts = {
            self.open_action: self.tr("&Åpne undersøkelse …"),
            self.demo_action: self.tr("Åpne &demodata"),
            self.open_project_action: self.tr("Åpne &prosjekt …"),
            self.save_project_action: self.tr("&Lagre prosjekt"),
            self.save_project_as_action: self.tr("Lagre prosjekt &som …"),
            self.mapping_action: self.tr("&Kobling av spørsmål …"),
            self.notes_action: self.tr("&Merknader fra importen …"),
            self.xlsx_action: self.tr("Eksporter tabell til &Excel …"),
            self.csv_action: self.tr("Eksporter tabell som &CSV (Excel) …"),
            self.save_chart_action: self.tr("Lagre &diagram (PNG, SVG, PDF) …"),
            self.quit_action: self.tr("&Avslutt"),
            self.copy_action: self.tr("&Kopier tabell"),
            self.copy_chart_action: self.tr("Kopier &diagram som bilde"),
            self.find_action: self.tr("&Søk i spørsmålene"),
            self.browser_action: self.tr("&Spørsmålsliste"),
            self.controls_action: self.tr("&Valg over tabellen"),
            self.transpose_action: self.tr("&Bytt rader og kolonner"),
            self.intervals_action: self.tr("Vis &konfidensintervall"),
            self.pptx_action: self.tr("Alle spørsmål til &PowerPoint …"),
            self.signs_action: self.tr("&Hva betyr tegnene?"),
            self.guide_action: self.tr("&Brukerveiledning"),
            self.about_action: self.tr("&Om Barometer"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.file_menu.setTitle(self.tr("&Fil"))
        self.edit_menu.setTitle(self.tr("&Rediger"))
        self.view_menu.setTitle(self.tr("&Vis"))
        self.report_menu.setTitle(self.tr("&Rapport"))
        self.help_menu.setTitle(self.tr("&Hjelp"))
        self.recent_menu.setTitle(self.tr("&Nylig brukt"))
        self.language_menu.setTitle(self.tr("&Språk / Language"))
        self.controls_button.setText(self.tr("Valg"))
        self.controls_button.setToolTip(self.tr("Vis eller skjul valgene over tabellen"))
        self.controls_button.setAccessibleName(self.tr("Vis eller skjul valgene"))
        self.view.setAccessibleName(self.tr("Tabell"))
        self.chart.setAccessibleName(self.tr("Diagram"))
        self.browser.retranslate()
        self.controls.retranslate()
        self.chart.retranslate()
        self.free_text.retranslate()
        self.report_basket.retranslate()
        self.statusBar().retranslate()
        for guide in self.findChildren(GuideDialog):
            guide.retranslate()
        self._update_title()
        if self.survey is None:
            self.statusBar().showMessage(
                self.tr(
                    "Åpne en eksportfil fra spørreundersøkelsen (Fil › Åpne, eller dra fila hit), eller se på demodataene."
                )
            )
        else:
            self.refresh()
            self._show_survey_summary()

    def set_language(self, code: str) -> None:
        set_language(code)
        self.settings.setValue("language", language())
        from barometer_gui.ui.main import install_qt_translations

        install_qt_translations(language())
        for other, action in self.language_actions.items():
            action.setChecked(other == language())
        if self.survey is not None:
            self.browser.fill(self.survey)
        self.retranslate()

    def _find_question(self) -> None:
        self.browser_action.setChecked(True)
        self.browser.search.setFocus()
        self.browser.search.selectAll()

    def _show_controls(self, shown: bool) -> None:
        self.controls.setVisible(shown)
        self.controls_button.setArrowType(Qt.ArrowType.UpArrow if shown else Qt.ArrowType.DownArrow)

    def _set_data_actions(self) -> None:
        loaded = self.survey is not None
        for action in (
            self.mapping_action,
            self.save_project_action,
            self.save_project_as_action,
            self.xlsx_action,
            self.csv_action,
            self.save_chart_action,
            self.copy_action,
            self.copy_chart_action,
            self.pptx_action,
        ):
            action.setEnabled(loaded)
        self.notes_action.setEnabled(loaded and bool(self.survey.warnings))

    def _update_title(self) -> None:
        name = self.project_path.name if self.project_path else (self.path.name if self.path else "")
        self.setWindowTitle(f"Barometer – {name}" if name else "Barometer")

    # ----------------------------------------------------------------- settings

    def _restore_layout(self) -> None:
        store = self.settings
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._fit_to_screen()
        for splitter in (self.splitter, self.body):
            state = store.value(f"window/{splitter.objectName()}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
        self.splitter_fitted = store.value("window/splitter_fitted", "true") in (True, "true")
        self.controls_button.setChecked(store.value("window/controls", "true") in (True, "true"))
        self.browser_action.setChecked(store.value("window/browser", "true") in (True, "true"))

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        if available is None:
            self.resize(1280, 760)
            return
        width = min(1600, int(available.width() * 0.92))
        self.resize(width, min(1000, int(available.height() * 0.9)))
        self.body.setSizes([max(220, int(width * 0.22)), width - max(220, int(width * 0.22))])

    def _save_layout(self) -> None:
        store = self.settings
        store.setValue("window/geometry", self.saveGeometry())
        for splitter in (self.splitter, self.body):
            store.setValue(f"window/{splitter.objectName()}", splitter.saveState())
        store.setValue("window/splitter_fitted", self.splitter_fitted)
        store.setValue("window/controls", self.controls_button.isChecked())
        store.setValue("window/browser", self.browser_action.isChecked())
        if self.path is not None:
            store.setValue("last/file", str(self.path))
            store.setValue("last/view", json.dumps(self.view_state(), ensure_ascii=False))
        store.sync()

    def view_state(self) -> dict:
        return {**self.controls.selections(), "question": self.browser.current_id()}

    # ----------------------------------------------------------------- opening

    def start(self, path: Path | None = None) -> None:
        """At start-up: the file given, else the last file with its view, else the demo."""
        if path is not None:
            self.open_path(path)
            return
        last = self.settings.value("last/file")
        if last and Path(str(last)).exists():
            try:
                view = json.loads(str(self.settings.value("last/view") or "{}"))
            except ValueError:
                view = {}
            self.open_file(Path(str(last)), selections=view if isinstance(view, dict) else {})
        else:
            self.open_file(demo_path())

    def open_path(self, path: Path) -> None:
        """A data file or a .barometer project, whichever it is."""
        if Path(path).suffix.lower() == project.SUFFIX:
            self.open_project(Path(path))
        else:
            self.open_file(Path(path))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Åpne undersøkelse"), self._folder(), file_filter()
        )
        if name:
            self.open_file(Path(name))

    def _folder(self) -> str:
        return str(self.path.parent) if self.path else ""

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = recent_files(self.settings)
        for path in files:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not files:
            empty = self.recent_menu.addAction(self.tr("(ingen)"))
            empty.setEnabled(False)

    def open_file(
        self, path: Path, mapping: Mapping | None = None, selections: dict | None = None, project_path=None
    ) -> None:
        if self.runner.busy:
            self.statusBar().showMessage(
                self.tr("Vent til arbeidet som pågår er ferdig, eller avbryt det."), 5000
            )
            return

        codebook = self._offer_codebook(Path(path)) if mapping is None else None

        def work(progress):
            survey, used = open_with_mapping(path, mapping=mapping, progress=progress, codebook=codebook)
            return path, survey, used

        def opened(result) -> None:
            self._opened(result, selections or {}, project_path)

        self.runner.start(
            self.tr("Leser «{name}» …").format(name=Path(path).name), work, opened, self._failed
        )

    def _offer_codebook(self, path: Path) -> Path | None:
        """A codebook file beside the data (SoSci values, Nettskjema or Kobo codebooks): ask to use it."""
        from barometer_gui.core.codebook_files import codebook_beside

        try:
            found = codebook_beside(path)
        except OSError:
            return None
        if not found:
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Kodebok funnet"),
            self.tr(
                "Ved siden av «{data}» ligger «{codebook}», som ser ut som en kodebok. Bruke den til "
                "spørsmålstekster, svaralternativer og rekkefølge?"
            ).format(data=path.name, codebook=found[0].name),
        )
        return found[0] if answer == QMessageBox.StandardButton.Yes else None

    def _opened(self, result, selections: dict, project_path: Path | None) -> None:
        path, survey, mapping = result
        self.path, self.survey, self.mapping = Path(path), survey, mapping
        self.project_path = project_path
        if project_path is None:
            self.report_basket.clear()
        add_recent(self.settings, project_path or self.path)
        self._update_title()
        # Filling the list and the controls signals a change each time; one table (and chart) at the
        # end is enough, and drawing it twice more cost a fifth of the start-up.
        with QSignalBlocker(self.browser), QSignalBlocker(self.controls):
            self.browser.fill(survey)
            self.controls.fill(survey, selections)
            self.browser.select(selections.get("question"))
        self.refresh()
        self._set_data_actions()
        self._show_survey_summary()

    def _show_survey_summary(self) -> None:
        """Respondents, questions and import notes in the status bar, and the first note above the table."""
        from barometer_gui.core.mapping import layout_name

        survey = self.survey
        message = self.tr("{n} respondenter, {q} spørsmål ({layout}).").format(
            n=survey.respondents, q=len(survey.questions), layout=layout_name(survey.layout)
        )
        if survey.warnings:
            message += " " + self.tr("{n} merknad(er) – se Fil › Merknader fra importen.").format(
                n=len(survey.warnings)
            )
        self.statusBar().showMessage(message)
        self._show_banner(self._import_notes())

    def _import_notes(self) -> list[str]:
        """The import notes in the language of this moment (they were written when the file was read)."""
        return [translated(note) for note in self.survey.warnings] if self.survey is not None else []

    def _show_banner(self, warnings: list[str]) -> None:
        """The first import note in view above the table, so a guess is never silently behind the numbers."""
        self.banner.setVisible(bool(warnings))
        if warnings:
            first = html.escape(warnings[0] if len(warnings[0]) <= 220 else warnings[0][:217] + "…")
            more = (
                self.tr("Se alle {n} merknader").format(n=len(warnings))
                if len(warnings) > 1
                else self.tr("Vis merknaden")
            )
            self.banner.setText(
                self.tr("⚠ {note} <a href='#merknader'>{more}</a>").format(note=first, more=more)
            )

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, "Barometer", message)

    def _busy_changed(self, _title: str, running: bool) -> None:
        for action in (self.open_action, self.demo_action, self.open_project_action, self.pptx_action):
            action.setEnabled(not running and (action is not self.pptx_action or self.survey is not None))

    def show_notes(self) -> None:
        """What the import noticed and handled (merged headers, unlabelled codes, duplicate headers)."""
        if self.survey is None or not self.survey.warnings:
            return
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Merknader fra importen"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(
            self.tr("{n} merknad(er) for «{name}»:").format(
                n=len(self.survey.warnings), name=self.path.name if self.path else ""
            )
        )
        notes = self._import_notes()
        box.setDetailedText("\n".join(notes))
        box.setInformativeText("\n".join(f"• {w}" for w in notes[:8]))
        box.exec()

    def show_signs(self) -> None:
        from barometer_gui.ui.help_signs import SignsDialog

        SignsDialog(self).exec()

    # ----------------------------------------------------------------- projects

    def choose_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Åpne prosjekt"), self._folder(), self.tr("Barometer-prosjekt (*.barometer)")
        )
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> None:
        from barometer_gui.core.mapping import Mapping

        try:
            saved = project.load(path)
            mapping = Mapping.from_json(json.dumps(saved.mapping)) if saved.mapping else None
        except BarometerError as exc:
            self._failed(exc.message)
            return
        if not Path(saved.data_file).exists():
            self._failed(
                self.tr("Fant ikke datafila «{name}» som prosjektet bruker.").format(name=saved.data_file)
            )
            return
        self.report_basket.restore(saved.report)
        self.open_file(Path(saved.data_file), mapping, saved.selections, project_path=Path(path))

    def current_project(self) -> project.Project:
        """The open survey, mapping, view and report basket as a project (needs an open survey)."""
        return project.Project(
            data_file=str(self.path.resolve()),
            mapping=json.loads(self.mapping.to_json()) if self.mapping else None,
            selections=self.view_state(),
            report=self.report_basket.saved(),
        )

    def rescue_project(self, path: Path) -> None:
        """After a crash: a copy of the open work, so the adviser can reopen it (the crash dialog names it)."""
        if self.survey is not None and self.path is not None:
            project.save(self.current_project(), path)

    def save_project(self, ask: bool = False) -> Path | None:
        if self.survey is None or self.path is None:
            return None
        target = self.project_path
        if ask or target is None:
            suggestion = str(target or self.path.with_suffix(project.SUFFIX))
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lagre prosjekt"), suggestion, self.tr("Barometer-prosjekt (*.barometer)")
            )
            if not name:
                return None
            target = Path(name)
        try:
            target = project.save(self.current_project(), target)
        except BarometerError as exc:
            self._failed(exc.message)
            return None
        self.project_path = target
        add_recent(self.settings, target)
        self._update_title()
        self.statusBar().showMessage(self.tr("Lagret {path}").format(path=target), 8000)
        return target

    # ----------------------------------------------------------------- tables

    def current_spec(self) -> TableSpec | None:
        from barometer_gui.core.schema import QType
        from barometer_gui.core.tabulate import TableSpec

        question_id = self.browser.current_id()
        if self.survey is None or question_id is None:
            return None
        question = self.survey.question(question_id)
        controls = self.controls
        benchmark = controls.benchmark()
        return TableSpec(
            question=question.id,
            by=None if benchmark else controls.by_combo.currentData(),
            benchmark=benchmark,
            where=controls.where(),
            weight=controls.weight_combo.currentData(),
            min_base=controls.min_base.value(),
            grid_summary=controls.summary_box.isChecked() and question.type is QType.GRID,
        )

    def refresh(self) -> None:
        from barometer_gui.charts.model import group_keys
        from barometer_gui.core.schema import QType
        from barometer_gui.core.tabulate import tabulate

        spec = self.current_spec()
        if spec is None:
            return
        question = self.survey.question(spec.question)
        self.controls.summary_box.setEnabled(question.type is QType.GRID)
        try:
            self.table = tabulate(self.survey, spec)
            self.footnote.setText(self.table.footnote())
            self.footnote.setStyleSheet(FOOTNOTE_STYLE)
        except BarometerError as exc:  # e.g. a crossing that could reveal single answers: say why, plainly
            self.table = None
            self.footnote.setText(exc.message)
            self.footnote.setStyleSheet(REFUSAL_STYLE)
        self.title.setText(question.text)
        self.model.set_table(
            self.table, self.controls.transposed_box.isChecked(), self.controls.intervals_box.isChecked()
        )
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.resizeColumnsToContents()
        self.view.resizeRowsToContents()
        if question.type is QType.TEXT:
            self.free_text.show_answers(self.survey, question, spec.where, spec.min_base)
            self.lower.setCurrentWidget(self.free_text)
        elif question.type is QType.NUMERIC:
            self.distribution.show_distribution(self.table)
            self.lower.setCurrentWidget(self.distribution)
        else:
            self.chart.show_table(self.table, group_keys(self.survey, spec))
            self.lower.setCurrentWidget(self.chart)
        self._fit_table_pane()
        self.statusBar().set_survey(
            self.path.name if self.path else "",
            self.survey.respondents,
            self.controls.filter_texts(),
            self.table.filters if self.table is not None else None,
        )

    def shown_canvas(self):
        """The chart on screen (a number question's distribution, or the table's chart): what copy and save take."""
        return (
            self.distribution.canvas if self.lower.currentWidget() is self.distribution else self.chart.canvas
        )

    def _splitter_moved(self, *_args) -> None:
        self.splitter_fitted = False

    def _fit_table_pane(self) -> None:
        """Give the table what its rows need (at most 55 % of the height) and the chart the rest."""
        if not self.splitter_fitted:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        view = self.view
        rows = sum(view.rowHeight(r) for r in range(self.model.rowCount()))
        needed = view.horizontalHeader().height() + rows + 2 * view.frameWidth() + 4
        if view.horizontalScrollBar().maximum() > 0:
            needed += view.horizontalScrollBar().sizeHint().height()
        if self.footnote.text():
            needed += self.footnote.heightForWidth(max(self.footnote.width(), 200)) + 6
        table = max(min(needed, int(total * 0.55)), min(120, total // 2))
        self.splitter.blockSignals(True)
        self.splitter.setSizes([table, total - table])
        self.splitter.blockSignals(False)

    def _break_down_by(self, variable_id: str) -> None:
        combo = self.controls.by_combo
        index = combo.findData(variable_id)
        if index >= 0:
            self.controls.area_type.setCurrentIndex(0)
            combo.setCurrentIndex(index)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_table_pane()

    # ----------------------------------------------------------------- mapping

    def edit_mapping(self) -> None:
        from barometer_gui.core import mapping_store
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
            self.open_file(self.path, mapping, self.view_state(), self.project_path)

    # ----------------------------------------------------------------- desktop manners

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Dropping an export file, a SurveyXact CSV folder or a .barometer project opens it."""
        local = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.open_path(Path(local[0]))

    def closeEvent(self, event) -> None:
        """Closing while work runs cancels it and waits for the thread, so the exit is clean."""
        self._save_layout()
        if self.runner.busy:
            self.hide()  # the window goes at once; the work stops at its next progress report
        self.runner.shutdown()
        super().closeEvent(event)
