"""The window's texts: Qt's tr()/translate with resources/translations/barometer_en.ts compiled to .qm.

Fails when a text in barometer_gui/ui/ has no finished English translation, when the .ts or .qm is
behind the code, when a placeholder is lost in translation, and when a visible Qt call gets a raw
literal instead of a translated text. The window, its chart panel, the report wizard, About and
the crash dialog are then switched to English and read back.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from scripts.make_translations import tool
from tests.window_helpers import choose, shown, window  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "barometer_gui" / "ui"
TS = ROOT / "resources" / "translations" / "barometer_en.ts"
QM = TS.with_suffix(".qm")
MARKERS = {"tr", "translate", "QT_TRANSLATE_NOOP"}

#: Qt calls that put text on screen, and which of their positional arguments are that text
VISIBLE = {
    **dict.fromkeys(
        (
            "setText",
            "setWindowTitle",
            "setTitle",
            "setSubTitle",
            "setToolTip",
            "setStatusTip",
            "setWhatsThis",
            "setPlaceholderText",
            "setAccessibleName",
            "setAccessibleDescription",
            "showMessage",
            "addMenu",
            "setInformativeText",
            "setDetailedText",
            "setSuffix",
            "setPrefix",
            "setLabelText",
            "addItem",
            "addRow",
            "QLabel",
            "QPushButton",
            "QCheckBox",
            "QRadioButton",
            "QToolButton",
            "QAction",
            "QMenu",
            "QGroupBox",
            "QDockWidget",
            "QLineEdit",
            "QStandardItem",
            "QListWidgetItem",
            "QTableWidgetItem",
            "set_title",
            "set_xlabel",
            "set_ylabel",
        ),
        (0,),
    ),
    "addTab": (1,),
    "insertItem": (1,),
    "setItemText": (1,),
    "setTabText": (1,),
    "setButtonText": (1,),
    "addButton": (0,),
    "warning": (1, 2),
    "information": (1, 2),
    "question": (1, 2),
    "critical": (1, 2),
    "getText": (1, 2),
    "getOpenFileName": (1, 3),
    "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
    "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,),
    "BarometerError": (0,),
}
#: names that stay the same in every language
NOT_WORDS = {"Barometer"}


# ----------------------------------------------------------------------------- reading code and catalogue


def extracted(source: str) -> set[tuple[str, str]]:
    """(context, text) of every self.tr / QCoreApplication.translate / QT_TRANSLATE_NOOP with literal text.

    self.tr's context is the class it is written in, as pyside6-lupdate and PySide6's tr() use it.
    """
    found = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                args = child.args
                literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
                if child.func.attr == "tr" and literal[:1] == [True] and cls:
                    found.add((cls, args[0].value))
                elif child.func.attr == "translate" and literal[:2] == [True, True]:
                    found.add((args[0].value, args[1].value))
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Name)
                and child.func.id == "QT_TRANSLATE_NOOP"
            ):
                found.add((child.args[0].value, child.args[1].value))
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls)

    visit(ast.parse(source), None)
    return found


def ui_texts() -> set[tuple[str, str]]:
    return set().union(*(extracted(path.read_text(encoding="utf-8")) for path in UI.glob("*.py")))


def catalogue(path: Path = TS) -> dict[tuple[str, str], str | None]:
    """(context, source) → English, or None while the entry is unfinished."""
    entries = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation.get("type") is None and bool(translation.text)
            entries[(name, message.findtext("source"))] = translation.text if finished else None
    return entries


def bypasses(source: str) -> list[str]:
    """Visible Qt calls whose text is a raw literal (also inside an f-string, a sum or a conditional)."""

    def raw(node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            words = node.value.split() if isinstance(node.value, str) else []
            return any(any(c.isalpha() for c in word) and word not in NOT_WORDS for word in words)
        if isinstance(node, ast.JoinedStr):
            return any(raw(part) for part in node.values)
        if isinstance(node, ast.BinOp):
            return raw(node.left) or raw(node.right)
        if isinstance(node, ast.IfExp):
            return raw(node.body) or raw(node.orelse)
        if isinstance(node, ast.List | ast.Tuple):
            return any(raw(element) for element in node.elts)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):  # "…".format(…)
            return node.func.attr == "format" and raw(node.func.value)
        return False

    offenders = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        texts = [node.args[i] for i in VISIBLE.get(name, ()) if i < len(node.args)]
        texts += [k.value for k in node.keywords if k.arg in ("text", "title", "label")]
        if any(raw(text) for text in texts):
            offenders.append(f"{name}: line {node.lineno}")
    return offenders


def fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


# ----------------------------------------------------------------------------- the catalogue


def test_every_window_text_has_a_finished_english_translation():
    english = catalogue()
    missing = sorted(key for key in ui_texts() if english.get(key) is None)
    assert missing == [], f"run scripts/make_translations.py and translate in {TS.name}: {missing}"


def test_catalogue_holds_exactly_what_lupdate_extracts(tmp_path):
    """The test's own reading of the code agrees with pyside6-lupdate's, and the .ts has nothing stale."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path) for path in UI.glob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert set(catalogue(fresh)) == ui_texts()
    assert set(catalogue()) == ui_texts()


def test_compiled_catalogue_is_the_committed_ts(tmp_path):
    compiled = tmp_path / "barometer_en.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run scripts/make_translations.py"


def test_placeholders_spaces_and_shortcuts_survive_translation():
    for (context, source), english in catalogue().items():
        assert english is not None, (context, source)
        assert fields(english) == fields(source), (context, source)
        assert english[:1].isspace() == source[:1].isspace(), (context, source)
        assert english[-1:].isspace() == source[-1:].isspace(), (context, source)
        assert english.replace("&&", "").count("&") <= 1, (context, source)
        assert ("&" in source.replace("&&", "")) == ("&" in english.replace("&&", "")), (context, source)


def test_no_visible_literal_bypasses_translation():
    offenders = {
        path.name: found
        for path in sorted(UI.glob("*.py"))
        if (found := bypasses(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def norwegian_literals(source: str) -> list[str]:
    """String literals that look like bokmål (æ, ø, å or a common Norwegian word) outside translation calls.

    Catches what the visible-call check cannot see: a text kept in a table or a loop variable
    before it reaches the widget. Docstrings are not texts on screen.
    """
    looks_norwegian = re.compile(
        r"[æøåÆØÅ]|\b(og|ikke|til|fra|med|eller|som|av|kan|skal|Opp|Ned|Fjern|Avbryt|Lukk|Lagre|Velg|Neste|Tilbake)\b"
    )
    tree = ast.parse(source)
    exempt = set()
    for node in ast.walk(tree):
        name = ""
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in MARKERS | {"t"}:
            exempt |= {id(sub) for sub in ast.walk(node)}
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            exempt.add(id(body[0].value))
    return [
        f"line {node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in exempt
        and looks_norwegian.search(node.value)
    ]


def test_no_bokmal_literal_outside_translation_calls():
    offenders = {
        path.name: found
        for path in sorted(UI.glob("*.py"))
        if (found := norwegian_literals(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_window_texts_do_not_use_the_core_catalogue():
    """t() is for core and the command line; in ui/ only main.py's lines said before Qt runs use it."""
    for path in UI.glob("*.py"):
        calls = [
            node.lineno
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
        ]
        assert path.name == "main.py" or calls == [], f"{path.name}: t() on lines {calls}"


def test_the_checks_catch_what_they_are_for():
    code = (
        "class Panel(QWidget):\n"
        "    def build(self):\n"
        "        QLabel('Hei')\n"
        "        self.box.setToolTip(f'Vis {n} svar')\n"
        "        QMessageBox.warning(self, 'Barometer', 'Noe gikk galt')\n"
        "        self.title.setText(self.tr('Tittel'))\n"
        "        QCoreApplication.translate('Annet', 'Tekst {n}').format(n=1)\n"
    )
    assert bypasses(code) == ["QLabel: line 3", "setToolTip: line 4", "warning: line 5"]
    assert extracted(code) == {("Panel", "Tittel"), ("Annet", "Tekst {n}")}
    kept = 'BUTTONS = (("Opp", up), ("Ned", down))\nSTYLE = "color: #555555;"\nLABEL = "Skjul små grupper"\n'
    assert sorted(norwegian_literals(kept)) == [
        "line 1: 'Ned'",
        "line 1: 'Opp'",
        "line 3: 'Skjul små grupper'",
    ]


def test_qm_translates_window_texts_and_qt_keeps_bokmal(qapp):
    from barometer_gui.ui.main import install_qt_translations

    try:
        install_qt_translations("en")
        assert QCoreApplication.translate("MainWindow", "&Fil") == "&File"
        assert QCoreApplication.translate("ChartView", "Vis usikkerhet (95 %)") == "Show uncertainty (95%)"
        assert (
            QCoreApplication.translate("ReportBasket", "etter {variable}").format(variable="fylke")
            == "by fylke"
        )
        install_qt_translations("nb")
        assert QCoreApplication.translate("MainWindow", "&Fil") == "&Fil"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    finally:
        install_qt_translations("nb")


def test_a_missing_catalogue_is_said_and_the_window_keeps_bokmal(qapp, monkeypatch, tmp_path, capsys):
    from barometer_gui.core import resources
    from barometer_gui.ui.main import install_qt_translations

    (tmp_path / "translations").mkdir()
    monkeypatch.setattr(resources, "resources_dir", lambda: tmp_path)
    try:
        install_qt_translations("en")
        assert "barometer_en.qm" in capsys.readouterr().err
        assert QCoreApplication.translate("MainWindow", "&Fil") == "&Fil"
    finally:
        monkeypatch.undo()
        install_qt_translations("nb")


# ----------------------------------------------------------------------------- the window in English


def shown_texts(root: QWidget) -> list[str]:
    """Every text a user can see or hear in `root` and its children: labels, buttons, menus, tooltips, …"""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        texts += [action.text() for action in widget.actions()]
    return [text for text in texts if text]


def untranslated(texts: list[str]) -> list[str]:
    """Texts still in bokmål: a source of the window's or core's catalogue whose English differs, shown as it is.

    Core's names the window shows (chart types, palettes, corrections, question types, roles, background
    variables, statistics) count too: the English window must show them in English.
    """
    from barometer_gui.core.i18n import catalogue as core_catalogue

    qt_words = {source for (_, source), english in catalogue().items() if english != source}
    core = {source for source, english in core_catalogue("en").items() if english != source}
    return sorted(text for text in set(texts) if text in qt_words | core)


@pytest.fixture
def english(window):  # noqa: F811 - the fixture from window_helpers
    window.language_actions["en"].trigger()
    yield window
    window.language_actions["nb"].trigger()


def test_window_speaks_english_and_bokmal_again(english, qtbot):
    win = english
    assert [menu.title() for menu in (win.file_menu, win.edit_menu, win.view_menu)] == [
        "&File",
        "&Edit",
        "&View",
    ]
    assert (win.report_menu.title(), win.help_menu.title()) == ("&Report", "&Help")
    assert win.chart.kind_label.text() == "Chart:" and win.chart.whiskers.text() == "Show uncertainty (95%)"
    assert win.report_basket.windowTitle() == "Report"
    assert re.match(r"\d+ respondents, \d+ questions", win.statusBar().currentMessage())
    win.copy_table()  # ExportActions, a mixin: its tr() context is found through the window's classes
    assert win.statusBar().currentMessage() == "Table copied – paste it into Excel, Word or PowerPoint."
    menus = win.findChildren(QMenu)
    assert untranslated(shown_texts(win) + [a.text() for m in menus for a in m.actions()]) == []
    win.language_actions["nb"].trigger()
    assert win.file_menu.title() == "&Fil" and win.chart.kind_label.text() == "Diagram:"
    win.controls.by_combo.setCurrentIndex(win.controls.by_combo.findData("kommunestorrelse"))
    win.add_to_report_action.trigger()
    assert win.report_basket.list.item(0).toolTip() == "etter Kommunestørrelse"
    win.language_actions["en"].trigger()
    assert win.report_basket.list.item(0).toolTip() == "by Municipality size"


def headers(model, orientation: Qt.Orientation) -> list[str]:
    count = model.columnCount() if orientation is Qt.Orientation.Horizontal else model.rowCount()
    return [model.headerData(i, orientation) for i in range(count)]


def test_tables_footnote_and_status_follow_a_language_switch(window, qtbot):  # noqa: F811
    """The open table is made again in the new language: headers, numbers, footnote, status bar and names."""
    win, controls = window, window.controls
    choose(controls.by_combo, "kommunestorrelse")
    choose(controls.filter_variable, "kommunestorrelse")
    kept = controls.filter_value.values()[1:]  # the smallest size class filtered away
    controls.filter_value.set_checked(kept)
    bokmal = shown(win.model)
    assert any(re.fullmatch(r"\d+,\d\u00a0%( [A-D]+)?", text) for row in bokmal for text in row)

    win.language_actions["en"].trigger()
    english = shown(win.model)
    assert english == [[text.replace(",", ".").replace("\u00a0%", "%") for text in row] for row in bokmal]
    assert any(re.fullmatch(r"\d+\.\d%( [A-D]+)?", text) for row in english for text in row)  # «12.5%»
    assert headers(win.model, Qt.Orientation.Horizontal)[0] == "Total"
    assert headers(win.model, Qt.Orientation.Vertical)[0] == "Answers (n)"
    footnote = win.footnote.text()
    assert footnote.startswith("Answers: Total ") and "\nMethod: Pairwise z-tests" in footnote
    assert f"Selection: Municipality size = {' or '.join(kept)}." in footnote
    assert not {"Totalt", "svar", "Kommunestørrelse", "eller"} & set(re.findall(r"\w+", footnote))
    assert win.chart.data.subtitle.startswith("By municipality size · Municipality size = ")
    assert re.fullmatch(
        r"\d+ respondents, \d+ questions \(Coded data with codebook\)\.", win.statusBar().currentMessage()
    )
    assert controls.by_combo.currentText() == "Municipality size"
    assert untranslated(shown_texts(win)) == []
    win.add_to_report_action.trigger()
    win.make_report_action.trigger()  # a report made from the English window is written in English
    options = win.report_wizard.options
    assert options.language.currentData() == "en" and options.fold_below.text() == "0.0%"
    win.report_wizard.reject()

    win.browser.select("q8")  # a number question: statistics by name
    assert headers(win.model, Qt.Orientation.Vertical) == ["Answers (n)", "Mean", "Median"]
    title = win.distribution.figure.axes[0].get_title(loc="left")
    assert title == "Distribution of the answers by municipality size"
    assert all(re.fullmatch(r"\d+\.\d\*?", text) for text in shown(win.model)[1])

    win.browser.select("q1")
    controls.apply({})  # no filter: own area against the country
    choose(controls.area_type, "fylke")
    choose(controls.area, "Vestland")
    assert headers(win.model, Qt.Orientation.Horizontal)[2:] == [
        "Rest of the country",
        "Diff. from the rest\n(percentage points)",
    ]
    differences = [row[-1] for row in shown(win.model)[1:]]
    assert differences and all(re.fullmatch(r"(0|[+−]\d+)\.\d( \*)?", text) for text in differences)

    win.language_actions["nb"].trigger()
    assert [row[-1] for row in shown(win.model)[1:]] == [text.replace(".", ",") for text in differences]
    assert headers(win.model, Qt.Orientation.Horizontal)[0] == "Totalt"
    assert (
        win.footnote.text().startswith("Antall svar: Totalt ") and "Resten av landet" in win.footnote.text()
    )
    assert "\nMetode: Eget område mot resten av landet" in win.footnote.text()
    assert re.match(r"\d+ respondenter, \d+ spørsmål \(", win.statusBar().currentMessage())
    assert controls.area_type.currentText() == "Fylke"
    win.browser.select("q8")
    assert headers(win.model, Qt.Orientation.Vertical) == ["Antall svar (n)", "Gjennomsnitt", "Median"]


def test_wizard_about_crash_mapping_and_guide_in_english(english, qtbot):
    from barometer_gui.core.report.spec import spec_from_views
    from barometer_gui.ui.about import AboutDialog
    from barometer_gui.ui.crash import CrashDialog
    from barometer_gui.ui.guide import show_guide
    from barometer_gui.ui.mapping_dialog import MappingDialog
    from barometer_gui.ui.report_wizard import ReportWizard

    win = english
    win.add_to_report_action.trigger()
    wizard = ReportWizard(win.survey, spec_from_views(win.report_basket.items()), win)
    qtbot.addWidget(wizard)
    pages = [wizard.page(i) for i in wizard.pageIds()]
    assert [page.title() for page in pages] == [
        "Contents",
        "Chart and table",
        "Format and folder",
        "Template",
        "Summary",
    ]
    assert wizard.formats.default_name == "report"
    about = AboutDialog(win)
    crash = CrashDialog("Traceback …", Path("krasj.log"), win)
    mapping = MappingDialog(win.mapping, win.survey.raw_columns, win)
    guide = show_guide(win)
    for dialog in (wizard, about, crash, mapping, guide):
        qtbot.addWidget(dialog)
        assert untranslated(shown_texts(dialog) + [p.subTitle() for p in pages]) == [], type(dialog).__name__
    assert "Components and licences" in about.text.toPlainText()
    assert crash.windowTitle() == "Barometer – unexpected error"
    assert "Importing data" in guide.browser.toPlainText()
    win.language_actions["nb"].trigger()  # an open guide follows the window's language
    assert "Importere data" in guide.browser.toPlainText()
    for dialog in (about, crash, mapping, guide):
        dialog.close()


def test_both_guides_have_the_same_sections_and_stay_offline():
    import re

    guides = [ROOT / "resources" / "guide" / name for name in ("brukerveiledning.html", "user-guide.html")]
    anchors = [re.findall(r'id="([^"]+)"', path.read_text(encoding="utf-8")) for path in guides]
    assert anchors[0] == anchors[1] and len(anchors[0]) >= 7
    for path in guides:
        html = path.read_text(encoding="utf-8")
        assert "http" not in html and "src=" not in html
