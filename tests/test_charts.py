"""Charts draw on a plain Figure (Agg, no display) for every question type and edge case."""

from __future__ import annotations

import io

import pytest
from matplotlib.figure import Figure

from barometer_gui.charts.model import Kind, chart_data, fitting_kinds
from barometer_gui.charts.mpl import draw_table
from barometer_gui.core.tabulate import TableSpec, tabulate
from tests.synthetic import make_survey


@pytest.mark.parametrize(
    "spec",
    [
        TableSpec("q1"),
        TableSpec("q1", by="kommunestorrelse"),
        TableSpec("q5", by="type", weight="vekt"),
        TableSpec("q6"),
        TableSpec("q6", grid_summary=True),
        TableSpec("q6", grid_summary=True, by="landsdel"),
        TableSpec("q8", by="type"),
        TableSpec("q9"),
    ],
)
def test_every_question_type_draws(demo_survey, spec, tmp_path):
    table = tabulate(demo_survey, spec)
    figure = Figure(figsize=(8, 5))
    data = draw_table(figure, table)
    figure.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 5000
    if not data.empty and data.kind is Kind.BARS:
        bars = [p for ax in figure.axes for p in ax.patches]
        assert len(bars) == len(data.categories) * len(data.series)


def test_chart_values_are_the_table_values(demo_survey):
    table = tabulate(demo_survey, TableSpec("q1", by="type"))
    data = chart_data(table)
    for series, group in zip(data.series, [g for g in table.groups if g.base > 0], strict=True):
        assert series.values == [None if group.suppressed else c.pct for c in group.cells]


@pytest.mark.parametrize("sizes", [{"Nord": 0}, {"Nord": 1}, {"Nord": 3, "Sør": 2}])
def test_empty_one_row_and_all_suppressed(sizes):
    survey = make_survey(group_sizes={k: v for k, v in sizes.items() if v} or {"Nord": 0})
    for question in ("s", "m", "g", "x", "blank"):
        table = tabulate(survey, TableSpec(question, by="region"))
        for kind in fitting_kinds(table):
            figure = Figure()
            draw_table(figure, table, kind)
            figure.savefig(io.BytesIO(), format="png")
