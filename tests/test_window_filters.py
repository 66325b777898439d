"""Several values of one filter variable, and numeric questions by group, as the window shows them."""
# ruff: noqa: F811

from __future__ import annotations

import json

import numpy as np
import pytest
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from barometer_gui.charts.distribution import (
    MEAN_COLOUR,
    MEDIAN_COLOUR,
    draw_distribution,
    drawn_groups,
    safe_bins,
)
from barometer_gui.core import project
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import demo_path
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.ui.table_layout import build_grid
from barometer_gui.ui.value_picker import summary
from barometer_gui.ui.window import MainWindow
from tests.synthetic import make_survey
from tests.window_helpers import choose as _choose
from tests.window_helpers import shown as _shown
from tests.window_helpers import window  # noqa: F401  (a fixture)

COUNTIES = ["Agder", "Rogaland", "Oslo"]  # Oslo has one respondent: its safe block is larger


def _expected(survey, spec: TableSpec) -> list[list[str]]:
    return [[c.text for c in row] for row in build_grid(tabulate(survey, spec)).cells]


def test_summary_names_what_fits_then_counts_the_rest():
    assert summary([]) == ""
    assert summary(["Agder"]) == "Agder"
    assert summary(["Agder", "Rogaland", "Oslo"]) == "Agder, Rogaland (+1)"
    assert summary(["Møre og Romsdal", "Vestfold og Telemark", "Oslo"]) == "Møre og Romsdal (+2)"
    assert summary(["A" * 40, "B"], elide=lambda name, more: name[:5] + "…") == "AAAAA… (+1)"


def test_several_counties_filter_the_table_as_the_engine_does(window):
    controls = window.controls
    window.browser.select("q1")
    _choose(controls.filter_variable, "fylke")
    assert window.current_spec().where == ()  # a variable without ticks filters nothing yet
    controls.filter_value.set_checked(COUNTIES)
    where = tuple(("fylke", county) for county in ["Oslo", "Rogaland", "Agder"])  # the variable's own order
    assert window.current_spec().where == where
    spec = TableSpec("q1", where=where)
    assert _shown(window.model) == _expected(window.survey, spec)
    described = tabulate(window.survey, spec).filters
    assert described == window.table.filters and "Oslo eller Rogaland eller Agder" in described[0]
    assert "utvidet til" in described[0], "the one-respondent county is widened to its safe block"
    assert described[0] in window.footnote.text()
    assert controls.filter_value.text() == "Oslo, Rogaland (+1)"
    status = window.statusBar().filter_label
    assert status.text() == "Utvalg: Fylke = Oslo, Rogaland, Agder"
    assert "utvidet til" in status.toolTip()

    _choose(controls.by_combo, "kommunestorrelse")
    spec = spec.with_(by="kommunestorrelse")
    try:
        expected = _expected(window.survey, spec)
    except BarometerError as refused:  # a crossing that could expose a few answers: refused, and said so
        assert window.table is None and window.footnote.text() == refused.message
    else:
        assert _shown(window.model) == expected


def test_two_variables_with_several_values_each(window):
    controls = window.controls
    window.browser.select("q2")
    _choose(controls.filter_variable, "landsdel")
    controls.filter_value.set_checked(["Vestlandet", "Nord-Norge"])
    variable, picker = controls.filters[1]
    _choose(variable, "kommunestorrelse")
    sizes = picker.values()[:2]
    picker.set_checked(sizes)
    where = (
        ("landsdel", "Vestlandet"),
        ("landsdel", "Nord-Norge"),
        *(("kommunestorrelse", s) for s in sizes),
    )
    assert window.current_spec().where == where
    try:
        expected = _expected(window.survey, TableSpec("q2", where=where))
    except BarometerError as refused:
        assert window.table is None and window.footnote.text() == refused.message
    else:
        assert _shown(window.model) == expected
    picker.clear()
    assert window.current_spec().where == where[:2]
    assert _shown(window.model) == _expected(window.survey, TableSpec("q2", where=where[:2]))


def test_the_value_list_works_from_the_keyboard(window, qtbot):
    controls = window.controls
    _choose(controls.filter_variable, "landsdel")
    picker = controls.filter_value
    picker.setFocus()
    seen = {}

    def while_open() -> None:
        seen["focus"] = picker.list.hasFocus() or picker.list.isAncestorOf(picker.list.focusWidget())
        qtbot.keyClick(picker.list, Qt.Key.Key_Space)  # ticks the first value
        qtbot.keyClick(picker.list, Qt.Key.Key_Down)
        qtbot.keyClick(picker.list, Qt.Key.Key_Down)
        qtbot.keyClick(picker.list, Qt.Key.Key_Space)  # and the third
        seen["open"] = picker.popup.isVisible()
        picker.popup.close()

    QTimer.singleShot(50, while_open)
    qtbot.keyClick(picker, Qt.Key.Key_F4)  # opens the list, as on a combo box; returns when it closes
    values = picker.values()
    assert seen["open"] and seen["focus"] and picker.checked() == [values[0], values[2]]
    assert window.current_spec().where == (("landsdel", values[0]), ("landsdel", values[2]))

    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return):
        seen.clear()
        QTimer.singleShot(50, lambda: (seen.update(open=picker.popup.isVisible()), picker.popup.close()))
        qtbot.keyClick(picker, key)
        assert seen == {"open": True}, key
    assert picker.accessibleName() == "Utvalg: verdier"
    assert picker.list.accessibleName() and picker.clear_button.accessibleName()
    assert window.controls.filter_value in window.controls.tab_chain()


def test_many_values_get_a_search_field(window):
    controls = window.controls
    _choose(controls.filter_variable, "fylke")
    picker = controls.filter_value
    assert not picker.search.isHidden()
    picker.search.setText("tr")
    visible = [
        picker.list.item(r).text() for r in range(picker.list.count()) if not picker.list.item(r).isHidden()
    ]
    assert visible == [v for v in picker.values() if "tr" in v.casefold()] and visible
    _choose(controls.filter_variable, "type")
    assert picker.search.isHidden() and picker.search.text() == ""


def test_project_round_trip_keeps_several_values(window, qtbot, tmp_path, monkeypatch):
    controls = window.controls
    window.browser.select("q8")
    _choose(controls.filter_variable, "landsdel")
    controls.filter_value.set_checked(["Vestlandet", "Nord-Norge", "Trøndelag"])
    _choose(controls.filters[1][0], "type")
    controls.filters[1][1].set_checked(["Kommune"])
    target = tmp_path / "flere.barometer"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = window.save_project()
    stored = json.loads(saved.read_text(encoding="utf-8"))["selections"]["where"]
    assert stored == [list(pair) for pair in window.current_spec().where] and len(stored) == 4

    other = MainWindow()
    qtbot.addWidget(other)
    other.open_project(saved)
    qtbot.waitUntil(lambda: not other.runner.busy and other.survey is not None, timeout=60000)
    assert other.controls.where() == window.controls.where()
    assert other.current_spec() == window.current_spec()
    assert other.footnote.text() == window.footnote.text()  # the same table, or the same refusal
    assert other.controls.filter_value.checked() == window.controls.filter_value.checked()
    assert len(other.controls.filter_value.checked()) == 3
    other.close()


@pytest.mark.parametrize(
    "where",
    [
        [["landsdel", "Vestlandet"]],  # a project from before multi-value filters: one value per variable
        [["landsdel", "Vestlandet"], ["nope", "x"], "garbage", [1, 2], ["landsdel", "Ukjent"]],
    ],
)
def test_old_and_odd_project_filters_load(window, qtbot, tmp_path, where):
    path = project.save(
        project.Project(str(demo_path()), selections={"question": "q1", "where": where}),
        tmp_path / "p.barometer",
    )
    window.open_project(path)
    qtbot.waitUntil(lambda: not window.runner.busy and window.project_path == path, timeout=60000)
    assert window.controls.where() == (("landsdel", "Vestlandet"),)
    assert _shown(window.model) == _expected(
        window.survey, TableSpec("q1", where=(("landsdel", "Vestlandet"),))
    )


# --------------------------------------------------------------------------- numeric questions by group


def _boxes(figure: Figure) -> tuple[int, list[float], list[float]]:
    """How many boxes are drawn, and the medians and means they show."""
    axes = figure.axes[0]
    medians = [line.get_xdata()[0] for line in axes.lines if line.get_color() == MEDIAN_COLOUR]
    means = [line.get_xdata()[0] for line in axes.lines if line.get_marker() == "D" and len(line.get_xdata())]
    return len(axes.patches), medians, means


@pytest.mark.parametrize("by", ["kommunestorrelse", "sentralitet"])
def test_numeric_question_by_group_is_the_engines(window, by):
    window.browser.select("q8")
    _choose(window.controls.by_combo, by)
    assert window.lower.currentWidget() is window.distribution
    expected = tabulate(window.survey, TableSpec("q8", by=by))
    assert _shown(window.model) == [[c.text for c in row] for row in build_grid(expected).cells]
    drawn = drawn_groups(window.table)
    assert [g.label for g in drawn] == [g.label for g in expected.groups if not g.suppressed and g.base]
    boxes, medians, means = _boxes(window.distribution.figure)
    assert boxes == len(drawn)
    stat = {
        name: [c.value for g in drawn for c in g.cells if c.option == name]
        for name in ("Median", "Gjennomsnitt")
    }
    assert sorted(medians) == sorted(stat["Median"]) and sorted(means) == sorted(stat["Gjennomsnitt"])
    for group, engine in zip(window.table.groups, expected.groups, strict=True):
        assert group.suppressed == engine.suppressed
        assert (group.answers is None) == (engine.answers is None)
        if engine.answers is not None:
            assert np.array_equal(group.answers, engine.answers)
    labels = [tick.get_text() for tick in window.distribution.figure.axes[0].get_yticklabels()]
    assert len(labels) == len(expected.groups)  # a hidden group keeps its row, with ':' and no box


def test_a_suppressed_group_is_never_drawn(demo_survey):
    table = tabulate(demo_survey, TableSpec("q8", by="sentralitet"))
    hidden = [g for g in table.groups if g.suppressed]
    assert hidden and all(g.answers is None for g in hidden)
    everyone = tabulate(demo_survey, TableSpec("q8", by="sentralitet", min_base=1000))
    assert all(g.suppressed and g.answers is None for g in everyone.groups)
    figure = Figure()
    draw_distribution(figure, everyone)
    assert not figure.axes[0].patches and not figure.axes[0].lines


def test_weighted_groups_say_what_is_weighted(demo_survey):
    table = tabulate(demo_survey, TableSpec("q8", by="landsdel", weight="vekt"))
    figure = Figure()
    draw_distribution(figure, table)
    notes = " ".join(text.get_text() for text in figure.texts)
    assert "gjennomsnittet er vektet" in notes
    _, _, means = _boxes(figure)
    assert sorted(means) == sorted(
        c.value for g in drawn_groups(table) for c in g.cells if c.option == "Gjennomsnitt"
    )


def test_one_group_is_a_histogram_with_the_engines_lines(demo_survey):
    table = tabulate(
        demo_survey, TableSpec("q8", where=(("landsdel", "Vestlandet"), ("landsdel", "Nord-Norge")))
    )
    figure = Figure()
    draw_distribution(figure, table)
    axes = figure.axes[0]
    counts, _edges, width = safe_bins(table.groups[0].answers, table.spec.min_base)
    assert len(axes.patches) == len(counts) >= 2
    shown = [p.get_height() * p.get_width() / width for p in axes.patches]  # answers per bar, by area
    assert np.allclose(shown, counts) and sum(counts) == table.groups[0].base
    assert all(c == 0 or c >= table.spec.min_base for c in counts)
    lines = {line.get_color(): line.get_xdata()[0] for line in axes.lines}
    cells = {c.option: c.value for c in table.groups[0].cells}
    assert lines == {MEAN_COLOUR: cells["Gjennomsnitt"], MEDIAN_COLOUR: cells["Median"]}


@pytest.mark.parametrize("min_base", [1, 3, 5, 20])
def test_histogram_bars_hold_min_base_answers_or_none(min_base):
    rng = np.random.default_rng(7)
    values = np.concatenate([rng.gamma(2, 1, 60), [40.0], [95.0, 96.0]])  # a far tail of single units
    counts, edges, width = safe_bins(values, min_base)
    assert counts.sum() == len(values) and len(edges) == len(counts) + 1
    assert all(c == 0 or c >= min_base for c in counts)
    assert edges[0] == values.min() and edges[-1] == values.max()
    assert np.allclose(np.diff(edges) / width, np.round(np.diff(edges) / width))  # whole unmerged bins


def _survey(case: str):
    if case == "one respondent":
        return make_survey(group_sizes={"Nord": 1})
    survey = make_survey(n=0 if case == "empty" else 60)
    if case == "all missing":
        survey.data["x"] = np.nan
    return survey


@pytest.mark.parametrize("case", ["empty", "all missing", "one respondent"])
def test_numeric_and_filter_views_survive_thin_data(qtbot, case):
    win = MainWindow()
    qtbot.addWidget(win)
    win._opened(("synthetic.xlsx", _survey(case), None), {}, None)
    win.browser.select("x")
    for by in (None, "region"):
        _choose(win.controls.by_combo, by)
        win.distribution.figure.canvas.draw()
        assert win.lower.currentWidget() is win.distribution
        shown = drawn_groups(win.table)
        assert all(g.base >= win.controls.min_base.value() for g in shown)
        assert shown or case != "empty" or win.table is None or not win.table.groups[0].base
    picker = win.controls.filter_value
    _choose(win.controls.filter_variable, "region")
    picker.set_checked(picker.values())
    win.distribution.figure.canvas.draw()
    assert win.controls.where() == tuple(("region", v) for v in picker.values())
    picker.clear()
    assert win.controls.where() == ()


def test_copy_and_save_take_the_distribution_of_a_number_question(window, tmp_path, monkeypatch):
    window.browser.select("q8")
    _choose(window.controls.by_combo, "landsdel")
    assert window.shown_canvas() is window.distribution.canvas
    target = tmp_path / "fordeling.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_chart()
    assert target.read_bytes().startswith(b"\x89PNG")
    window.browser.select("q1")
    assert window.shown_canvas() is window.chart.canvas


def test_the_filter_row_fits_a_laptop_at_150_percent(window, qtbot):
    """1366×768 at 150 % is 911×512 logical pixels: the ticked-values buttons stay inside, above the table."""
    controls = window.controls
    _choose(controls.filter_variable, "fylke")
    controls.filter_value.set_checked(["Møre og Romsdal", "Vestfold", "Troms", "Oslo"])
    window.resize(911, 512)
    qtbot.wait(50)
    top_of_table = window.view.mapTo(window, window.view.rect().topLeft()).y()
    for _, picker in controls.filters:
        corner = picker.mapTo(window, picker.rect().bottomRight())
        assert corner.x() <= 911 and corner.y() < top_of_table
    assert controls.filter_value.text().endswith("(+3)") or controls.filter_value.text().endswith("(+2)")
    assert window.minimumSizeHint().width() <= 911


def test_own_area_against_the_country_as_boxes(window):
    controls = window.controls
    window.browser.select("q8")
    _choose(controls.area_type, "fylke")
    _choose(controls.area, "Agder")
    expected = tabulate(window.survey, TableSpec("q8", benchmark=("fylke", "Agder")))
    assert _shown(window.model) == [[c.text for c in row] for row in build_grid(expected).cells]
    figure = window.distribution.figure
    boxes, medians, _ = _boxes(figure)
    assert boxes == len(drawn_groups(expected)) == 3
    assert sorted(medians) == sorted(
        c.value for g in expected.groups for c in g.cells if c.option == "Median"
    )
    own = figure.axes[0].get_yticklabels()[1]
    assert own.get_text().startswith(expected.groups[1].label) and own.get_fontweight() == "bold"


def test_switching_language_keeps_the_ticks(window):
    controls = window.controls
    _choose(controls.filter_variable, "landsdel")
    controls.filter_value.set_checked(["Vestlandet", "Sørlandet"])
    before = controls.where()
    window.set_language("en")
    assert controls.where() == before and controls.filter_value.accessibleName() == "Filter: values"
    assert controls.filters[1][0].count() == len(controls.categorical()) + 1  # filled once, not twice
    window.set_language("nb")
    assert (
        controls.where() == before and controls.filter_value.text() == "Sørlandet, Vestlandet"
    )  # the variable's order
