"""The window's chart panel offers only the chart types that fit the table, and keeps the user's choice."""

from __future__ import annotations

from barometer_gui.charts.model import Kind, fitting_kinds
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.ui.chart_view import ChartView
from tests.window_helpers import choose, window  # noqa: F401 - the window fixture


def test_chart_panel_offers_the_fitting_types_and_keeps_the_choice(qtbot, demo_survey):
    view = ChartView()
    qtbot.addWidget(view)
    by_fylke = tabulate(demo_survey, TableSpec("q1", by="fylke"))
    view.show_table(by_fylke)
    assert view.offered() == fitting_kinds(by_fylke)
    assert Kind.BARS not in view.offered() and view.kind is Kind.DOTS
    assert view.figure.axes

    with qtbot.waitSignal(view.kindChanged):
        view.set_kind(Kind.STACKED)
    assert view.kind is Kind.STACKED

    by_type = tabulate(demo_survey, TableSpec("q1", by="type"))
    view.show_table(by_type)
    assert view.kind is Kind.STACKED  # still fits: kept

    grid = tabulate(demo_survey, TableSpec("q6", by="type", grid_summary=True))
    view.show_table(grid)
    assert view.offered() == [Kind.MULTIPLES, Kind.TABLE]
    assert view.kind is Kind.MULTIPLES  # stacked does not fit a grid summary: the best type instead

    view.show_table(None)
    assert view.kind is None and not view.kind_box.isEnabled()


def test_order_whiskers_and_palette_redraw(qtbot, demo_survey):
    view = ChartView()
    qtbot.addWidget(view)
    view.show_table(tabulate(demo_survey, TableSpec("q5", by="type")))
    assert view.kind is Kind.BARS
    view.order_box.setCurrentIndex(view.order_box.findData("size"))
    values = view.data.series[0].values  # Totalt, largest first (q5 has no 'vet ikke' to keep last)
    assert values == sorted(values, reverse=True)
    view.whiskers.setChecked(True)
    assert view.data.whiskers
    view.palette_box.setCurrentIndex(view.palette_box.findData("tol"))
    assert view.data.series[1].colour == "#332288"


def test_font_size_and_title_are_the_users(qtbot, demo_survey):
    view = ChartView()
    qtbot.addWidget(view)
    table = tabulate(demo_survey, TableSpec("q2"))
    view.show_table(table)
    view.font_size.setValue(12)
    view.title_edit.setText("Øremerkede midler")
    view.title_edit.editingFinished.emit()
    assert view.data.title == "Øremerkede midler"
    title = next(t for t in view.figure.texts if t.get_text() == "Øremerkede midler")
    assert title.get_fontsize() == 12 * 1.3
    view.show_table(tabulate(demo_survey, TableSpec("q2", by="type")))  # same question: title kept
    assert view.data.title == "Øremerkede midler"
    view.show_table(tabulate(demo_survey, TableSpec("q1")))
    assert view.data.title == demo_survey.question("q1").text


def test_window_chart_keeps_each_groups_colour_when_a_filter_removes_another(window, qtbot):  # noqa: F811
    """The window passes the breakdown's whole category list, so colours follow the group, not its place."""

    def colours() -> dict[str, str]:
        series, groups = window.chart.data.series, window.table.groups
        assert len(series) == len(groups)  # bars: one series per group, Totalt first
        return {g.name: s.colour for g, s in zip(groups, series, strict=True)}

    controls = window.controls
    choose(controls.by_combo, "kommunestorrelse")
    window.chart.set_kind(Kind.BARS)
    before = colours()
    classes = [name for name in before if name]  # "" is Totalt
    choose(controls.filter_variable, "kommunestorrelse")
    controls.filter_value.set_checked(classes[1:])  # the first size class filtered away
    after = colours()
    assert classes[0] not in after and len(after) == len(before) - 1
    assert after == {name: before[name] for name in after}
    assert len(set(after.values())) == len(after)
