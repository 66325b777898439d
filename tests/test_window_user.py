"""The window driven as an adviser would: pick, break down, filter, compare, copy, save, reopen, switch language."""
# ruff: noqa: F811

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from barometer_gui.core import project
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import demo_path
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.ui.table_layout import build_grid
from barometer_gui.ui.window import MainWindow
from tests.synthetic import make_survey
from tests.window_helpers import choose as _choose
from tests.window_helpers import shown as _shown
from tests.window_helpers import window  # noqa: F401  (a fixture; the tests take it as an argument)


def test_adviser_session_from_question_to_clipboard(window):
    controls = window.controls
    assert window.browser.select("q5")
    _choose(controls.by_combo, "kommunestorrelse")
    expected = tabulate(window.survey, TableSpec("q5", by="kommunestorrelse"))
    assert _shown(window.model) == [[c.text for c in row] for row in build_grid(expected).cells]
    _choose(controls.filter_variable, "fylke")
    county = controls.filter_value.values()[1]
    controls.filter_value.set_checked([county])
    assert f"Fylke = {county}" in window.statusBar().filter_label.text()
    spec = TableSpec("q5", by="kommunestorrelse", where=(("fylke", county),))
    try:
        expected = tabulate(window.survey, spec)
    except (
        BarometerError
    ) as refused:  # a county × size crossing can expose single answers: the engine says no
        assert window.table is None and window.model.rowCount() == 0
        assert window.footnote.text() == refused.message
    else:
        assert _shown(window.model) == [[c.text for c in row] for row in build_grid(expected).cells]
    _choose(controls.by_combo, None)
    expected = tabulate(window.survey, TableSpec("q5", where=(("fylke", county),)))
    assert _shown(window.model) == [[c.text for c in row] for row in build_grid(expected).cells]

    _choose(controls.filter_variable, None)
    _choose(controls.area_type, "fylke")
    _choose(controls.area, county)
    assert not controls.by_combo.isEnabled()
    expected = tabulate(window.survey, TableSpec("q5", benchmark=("fylke", county)))
    assert [g.label for g in window.table.groups] == ["Totalt", county, "Resten av landet"]
    assert _shown(window.model) == [[c.text for c in row] for row in build_grid(expected).cells]

    window.copy_action.trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert [h.split(" (")[0].rstrip("*") for h in lines[0].split("\t")[1:4]] == [
        "Totalt",
        county,
        "Resten av landet",
    ]
    first = expected.groups[0].cells[0]
    assert lines[2].split("\t")[0] == first.option
    assert lines[2].split("\t")[1].startswith(f"{first.pct:.1f}".replace(".", ",") + " %")
    assert "\u00a0" not in QGuiApplication.clipboard().text()


def test_save_and_reopen_a_project(window, qtbot, tmp_path, monkeypatch):
    controls = window.controls
    window.browser.select("q6")
    controls.summary_box.setChecked(True)
    _choose(controls.weight_combo, "vekt")
    _choose(controls.by_combo, "landsdel")
    window.report_basket.add_view(window.current_spec(), window.survey)
    target = tmp_path / "mitt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = window.save_project()
    assert saved == tmp_path / "mitt.barometer"
    raw = json.loads(saved.read_text(encoding="utf-8"))
    assert (
        raw["format"] == "barometer-project"
        and raw["version"] == 1
        and raw["report"] == window.report_basket.saved()
    )

    other = MainWindow()
    qtbot.addWidget(other)
    other.open_project(saved)
    qtbot.waitUntil(lambda: not other.runner.busy and other.survey is not None, timeout=60000)
    assert other.browser.current_id() == "q6"
    assert other.table.spec == window.table.spec
    assert other.report_basket.saved() == window.report_basket.saved() != []
    assert other.windowTitle().endswith("mitt.barometer")
    other.close()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"format": "barometer-project", "version": 99, "data_file": "x.xlsx"}', "nyere versjon"),
        ('{"format": "barometer-project", "vers', "skadet"),
    ],
)
def test_newer_or_damaged_project_is_explained_and_never_overwritten(
    window, tmp_path, monkeypatch, content, words
):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    path = tmp_path / "gammel.barometer"
    path.write_text(content, encoding="utf-8")
    window.open_project(path)
    assert shown and words in shown[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert window.save_project(ask=True) is None
    assert "Lagrer ikke over" in shown[-1]
    assert path.read_text(encoding="utf-8") == content


def test_switch_to_english_and_back(window):
    window.controls.by_combo.setCurrentIndex(window.controls.by_combo.findData("type"))
    window.language_actions["en"].trigger()
    assert window.file_menu.title() == "&File" and window.help_menu.title() == "&Help"
    assert window.model.headerData(0, Qt.Orientation.Vertical) == "Answers (n)"
    assert window.controls.by_combo.currentData() == "type", "selections survive the switch"
    assert window.settings.value("language") == "en"
    window.language_actions["nb"].trigger()
    assert window.file_menu.title() == "&Fil"


def test_menus_and_shortcuts(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Fil", "&Rediger", "&Vis", "&Rapport", "&Hjelp"]
    shortcuts = {
        window.open_action: "Ctrl+O",
        window.copy_action: "Ctrl+C",
        window.save_project_action: "Ctrl+S",
        window.add_to_report_action: "Ctrl+R",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut().toString() == keys
    taken = [a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(taken) == len(set(taken)), "no shortcut does two things"


def test_table_options_transpose_and_intervals(window):
    controls = window.controls
    _choose(controls.by_combo, "type")
    rows, columns = window.model.rowCount(), window.model.columnCount()
    controls.transposed_box.setChecked(True)
    assert (window.model.rowCount(), window.model.columnCount()) == (columns, rows)
    assert window.transpose_action.isChecked()
    controls.transposed_box.setChecked(False)
    window.intervals_action.trigger()
    cell = window.table.groups[0].cells[0]
    assert f"({cell.ci_low:.1f}".replace(".", ",") in window.model.data(window.model.index(1, 0))


def test_free_text_is_a_searchable_list_with_background(window, tmp_path, monkeypatch):
    window.browser.select("q9")
    panel = window.free_text
    assert window.lower.currentWidget() is panel
    assert panel.model.headers[0] == "Svar" and "Fylke" in panel.model.headers
    total = panel.proxy.rowCount()
    assert total == window.table.groups[0].base
    word = panel.model.rows[0][0].split()[0]
    panel.search.setText(word)
    assert 0 < panel.proxy.rowCount() <= total
    out = tmp_path / "svar.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_free_text()
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("Svar;")


def test_exports_as_shown(window, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    _choose(window.controls.by_combo, "type")
    csv_path, xlsx_path, png_path = tmp_path / "t.csv", tmp_path / "t.xlsx", tmp_path / "d.svg"
    for path, action in (
        (csv_path, window.export_csv),
        (xlsx_path, window.export_xlsx),
        (png_path, window.save_chart),
    ):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, p=path, **k: (str(p), ""))
        action()
    text = csv_path.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    lines = text.decode("utf-8-sig").splitlines()
    assert lines[0] == window.table.question.text and ";Totalt" in lines[1]
    sheet = load_workbook(xlsx_path).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, float)]
    assert window.table.groups[0].cells[0].pct / 100 in values
    assert png_path.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_recent_files_are_deduplicated_capped_and_skip_missing(tmp_path):
    from barometer_gui.ui.settings import RECENT_LIMIT, add_recent, recent_files, settings

    store = settings()
    files = [tmp_path / f"f{i}.xlsx" for i in range(RECENT_LIMIT + 3)]
    for path in files:
        path.write_text("x")
        add_recent(store, path)
    add_recent(store, files[0])
    add_recent(store, files[0])
    files[-1].unlink()
    found = recent_files(store)
    assert found[0] == files[0].resolve() and len(found) == len(set(found)) <= RECENT_LIMIT
    assert files[-1].resolve() not in found


def test_reopens_last_file_and_view(qtbot, window):
    window.browser.select("q7")
    _choose(window.controls.by_combo, "landsdel")
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.start()
    qtbot.waitUntil(lambda: not again.runner.busy and again.survey is not None, timeout=60000)
    assert again.browser.current_id() == "q7" and again.controls.by_combo.currentData() == "landsdel"
    again.close()


def _load(qtbot, win, survey):
    win._opened(("synthetic.xlsx", survey, None), {}, None)


@pytest.mark.parametrize("case", ["one respondent", "nobody answered", "all suppressed"])
def test_edge_cases_show_colons_not_crashes(qtbot, case):
    win = MainWindow()
    qtbot.addWidget(win)
    sizes = {"Nord": 1} if case == "one respondent" else None
    _load(qtbot, win, make_survey(group_sizes=sizes))
    if case == "nobody answered":
        win.browser.select("blank")
    if case == "all suppressed":
        win.controls.min_base.setValue(1000)
    _choose(win.controls.by_combo, "region")
    texts = [t for row in _shown(win.model) for t in row]
    assert texts and ":" in texts
    assert ": = for få svar" in win.footnote.text()
    win.chart.figure.canvas.draw()


def test_empty_file_gives_a_message(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    win = MainWindow()
    qtbot.addWidget(win)
    empty = tmp_path / "tom.csv"
    empty.write_text("", encoding="utf-8")
    win.open_file(empty)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert win.survey is None and shown[0]


def test_fits_a_laptop_at_150_percent(window, qtbot):
    """1366×768 at 150 % leaves 911×512 logical pixels: the window must still fit and show every control."""
    assert window.minimumSizeHint().width() <= 911 and window.minimumSizeHint().height() <= 512
    window.resize(QSize(911, 512))
    qtbot.wait(50)
    for widget in window.controls.findChildren(type(window.controls.by_combo)):
        right = widget.mapTo(window, widget.rect().topRight()).x()
        assert right <= 911, widget.accessibleName()
    window.resize(QSize(1366, 768))
    qtbot.wait(50)
    assert window.view.height() > 100 and window.chart.height() > 100
    picture = window.grab()
    assert (picture.width(), picture.height()) == (1366, 768)
    for widget in window.controls.findChildren(type(window.controls.by_combo)):
        if widget.isVisibleTo(window):
            assert (
                widget.mapTo(window, widget.rect().bottomRight()).y()
                < window.view.mapTo(window, window.view.rect().topLeft()).y()
            )


def test_splitter_and_geometry_are_remembered(qtbot, window):
    window.splitter.setSizes([123, 400])
    window.resize(760, 540)  # within the offscreen screen, which restoreGeometry clamps to
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.size() == QSize(760, 540)
    stored = again.settings.value("window/table_chart_splitter")
    assert stored is not None and again.splitter.saveState() == stored


def test_every_control_has_an_accessible_name(window):
    controls = window.controls
    pickers = [picker for _, picker in controls.filters]
    for widget in (*controls.combos(), *pickers, controls.min_base, window.view, window.browser.search):
        assert widget.accessibleName()


def test_help_signs_dialog(window, monkeypatch):
    from barometer_gui.ui.help_signs import SignsDialog, signs_html

    shown = []
    monkeypatch.setattr(SignsDialog, "exec", lambda dialog: shown.append(dialog.windowTitle()))
    window.signs_action.trigger()
    assert shown == ["Hva betyr tegnene?"]
    assert "Effektiv base" in signs_html() and ":" in signs_html()


def test_dropping_a_project_opens_it(window, qtbot, tmp_path):
    saved = project.save(
        project.Project(str(demo_path()), selections={"question": "q2"}), tmp_path / "p.barometer"
    )
    window.open_path(saved)
    qtbot.waitUntil(lambda: not window.runner.busy and window.browser.current_id() == "q2", timeout=60000)


def test_numeric_question_shows_mean_median_n_and_a_distribution(window):
    window.browser.select("q8")
    assert window.lower.currentWidget() is window.distribution
    total = window.table.groups[0]
    rows = [window.model.headerData(r, Qt.Orientation.Vertical) for r in range(window.model.rowCount())]
    assert rows == ["Antall svar (n)", "Gjennomsnitt", "Median"]
    axes = window.distribution.figure.axes[0]
    assert len(axes.patches) >= 3, "a histogram, not one bar (sparse bars merged to min_base answers)"
    mean = next(c.value for c in total.cells if c.option == "Gjennomsnitt")
    assert any(line.get_xdata()[0] == mean for line in axes.lines)


def test_ctrl_c_in_the_table_copies_the_whole_table_and_the_chart_copies_as_image(window, qtbot):
    _choose(window.controls.by_combo, "type")
    window.view.setFocus()
    window.view.setCurrentIndex(window.model.index(1, 1))
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    assert len(text.splitlines()) == window.model.rowCount() + 1 and "\t" in text
    window.copy_chart_action.trigger()
    assert not QGuiApplication.clipboard().image().isNull()


def test_two_filters_are_combined_with_and(window):
    controls = window.controls
    assert controls.boxes["filter2"].isHidden()
    _choose(controls.filter_variable, "landsdel")
    controls.filter_value.set_checked(["Vestlandet"])
    assert not controls.boxes["filter2"].isHidden()
    second_variable, second_value = controls.filters[1]
    _choose(second_variable, "type")
    second_value.set_checked(["Kommune"])
    where = (("landsdel", "Vestlandet"), ("type", "Kommune"))
    assert window.current_spec().where == where
    try:
        expected = tabulate(window.survey, TableSpec("q1", where=where))
    except BarometerError as refused:  # a crossing that could expose single answers: the engine says no
        assert window.table is None and window.footnote.text() == refused.message
    else:
        assert _shown(window.model) == [[c.text for c in row] for row in build_grid(expected).cells]
    assert (
        window.statusBar().filter_label.text()
        == "Utvalg: Landsdel = Vestlandet; Kommune/fylkeskommune = Kommune"
    )
    assert window.view_state()["where"] == [list(pair) for pair in where]


def test_tab_follows_the_reading_order(window):
    order, widget = [], window.browser.search
    for _ in range(6):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
    assert order[:3] == [window.browser.search, window.browser.tree, window.controls.by_combo]


def test_opening_another_survey_shows_its_first_question(window, qtbot, tmp_path):
    from tests.builders import codebook_book

    window.browser.select("q9")
    other = codebook_book(tmp_path / "annen.xlsx")
    window.open_file(other)
    qtbot.waitUntil(lambda: not window.runner.busy and window.path == other, timeout=60000)
    assert window.table is not None and window.table.question.id == window.browser.current_id()
    assert window.table.question in window.survey.questions


def test_crash_rescue_writes_a_project_that_reopens_the_same_view(window, tmp_path):
    window.browser.select("q2")
    window.report_basket.add_view(window.current_spec(), window.survey)
    rescued = tmp_path / "redning.barometer"
    window.rescue_project(rescued)
    saved = project.load(rescued)
    assert saved.data_file == str(demo_path().resolve())
    assert saved.report == window.report_basket.saved() != []
    assert saved.selections == window.view_state()


def test_import_notes_are_shown_in_a_banner(window):
    assert window.banner.isHidden() == (not window.survey.warnings)
    window._show_banner(["Spørsmålet «q9» ser ut som fritekst og vises som tekst.", "En til."])
    assert window.banner.isVisible() and "fritekst" in window.banner.text() and "2" in window.banner.text()
    window._show_banner([])
    assert window.banner.isHidden()


@pytest.mark.parametrize("accept", [True, False])
def test_a_codebook_beside_the_data_is_offered_and_used_when_accepted(qtbot, tmp_path, monkeypatch, accept):
    from pathlib import Path

    data = Path(__file__).parent / "data"
    for name in ("nettskjema_koder.txt", "nettskjema_kodebok.csv"):
        (tmp_path / name).write_bytes((data / name).read_bytes())
    asked = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes if accept else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_file(tmp_path / "nettskjema_koder.txt")
    qtbot.waitUntil(lambda: not win.runner.busy and win.survey is not None, timeout=60000)
    assert len(asked) == 1 and "nettskjema_kodebok.csv" in asked[0]
    labelled = win.survey.question("strategi").options == ["Ja", "Nei", "Vet ikke"]
    assert labelled == accept
    win.close()
