"""Charts draw on a plain Figure (Agg, no display) for every question type and edge case."""

from __future__ import annotations

import io
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from barometer_gui.charts.model import Kind, chart_data, chart_model, fitting_kinds
from barometer_gui.charts.mpl import draw_table, render
from barometer_gui.charts.style import Style
from barometer_gui.core.schema import Background, QType, Question, Survey
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


# --------------------------------------------------------------------------- extremes and defects


def wide_survey(
    groups: int = 15,
    options: int = 9,
    n: int = 900,
    labels: list[str] | None = None,
    oslo: int = 2,
) -> Survey:
    """`groups` fylker × `options` answer options; a tiny Oslo (the default, 2) is merged with a neighbour."""
    rng = np.random.default_rng(7)
    names = ["Oslo", *[f"Fylke {chr(65 + i)} med et ganske langt navn" for i in range(groups - 1)]]
    region = ["Oslo"] * oslo + list(rng.choice(names[1:], size=n - oslo))
    answers = labels or [f"Svaralternativ nummer {i + 1} med en lang tekst" for i in range(options)]
    values = rng.choice(answers, size=n)
    data = pd.DataFrame(
        {
            "s": pd.Categorical(values, categories=answers, ordered=True),
            "bg::fylke": pd.Categorical(region, categories=names, ordered=True),
        }
    )
    questions = [Question("s", "Et spørsmål med mange svar", QType.SINGLE, ["s"], answers)]
    return Survey(data, questions, [Background("fylke", "Fylke", "categorical", "bg::fylke")], "test")


def _drawn_texts(figure) -> list:
    return [t for ax in figure.axes for t in ax.texts if t.get_visible() and t.get_text()]


def _overlaps(boxes) -> list:
    return [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a.x0 < b.x1 - 1 and b.x0 < a.x1 - 1 and a.y0 < b.y1 - 1 and b.y0 < a.y1 - 1
    ]


def test_fifteen_fylker_get_a_dot_plot_not_clustered_bars_with_repeated_colours():
    table = tabulate(wide_survey(oslo=60), TableSpec("s", by="fylke"))  # every fylke large enough
    kinds = fitting_kinds(table)
    assert kinds[0] is Kind.DOTS and Kind.BARS not in kinds
    data = chart_model(table)
    assert len(data.panels) == 9
    assert all(len(p.categories) == 15 for p in data.panels)


@pytest.mark.parametrize("kind", ["dots", "stacked", "table"])
def test_fifteen_groups_by_nine_options_draw_without_colliding_labels(kind, tmp_path):
    table = tabulate(wide_survey(), TableSpec("s", by="fylke"))
    figure = Figure(figsize=(13.333, 7.5))
    data = render(figure, table, kind, size="slide")
    assert data.kind is Kind(kind)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    for axes in figure.axes:
        boxes = [t.get_window_extent(renderer) for t in axes.texts if t.get_gid() in ("value", "inside")]
        assert not _overlaps(boxes), f"{kind}: value labels overlap"
        ticks = [t.get_window_extent(renderer) for t in axes.get_yticklabels() if t.get_text()]
        assert not _overlaps(ticks), f"{kind}: category labels overlap"


def test_twenty_options_and_six_groups_in_grouped_bars_do_not_collide():
    survey = wide_survey(groups=6, options=20, n=1200, oslo=60)  # every fylke its own group
    table = tabulate(survey, TableSpec("s", by="fylke"))
    figure = Figure(figsize=(8, 30))  # the window grows the canvas with the bars
    data = draw_table(figure, table, "bars")
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts if t.get_gid() == "value"]
    assert len(data.series) == 7 and len(boxes) == 20 * 7  # Totalt, Oslo and five fylker
    assert not _overlaps(boxes)


def test_value_axis_follows_the_data_not_0_to_100(demo_survey):
    table = tabulate(demo_survey, TableSpec("q3"))
    largest = max(c.pct for c in table.groups[0].cells)
    figure = Figure()
    draw_table(figure, table, "bars")
    low, high = figure.axes[0].get_xlim()
    assert low == 0 and largest < high < largest * 1.6 and high < 100


def test_legend_reads_in_the_order_of_the_bars(demo_survey):
    table = tabulate(demo_survey, TableSpec("q1", by="landsdel"))
    figure = Figure(figsize=(6, 5))
    data = draw_table(figure, table, "bars")
    legend = figure.legends[0]
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    entries = [(t.get_window_extent(renderer), t.get_text()) for t in legend.get_texts()]
    reading = [text for box, text in sorted(entries, key=lambda e: (-round(e[0].y0), e[0].x0))]
    assert reading == [s.name for s in data.series]
    # …and the bars of one option run top to bottom in that same order
    first_option = [p for p in figure.axes[0].patches][:: len(data.categories)]
    assert [p.get_y() for p in first_option] == sorted(p.get_y() for p in first_option)


def test_norwegian_decimals_in_drawn_labels(demo_survey):
    figure = Figure()
    draw_table(figure, tabulate(demo_survey, TableSpec("q5")), "bars", Style(decimals=1))
    labels = [t.get_text() for t in _drawn_texts(figure) if t.get_gid() == "value"]
    assert labels and all("," in label and "." not in label for label in labels)
    assert all(label.endswith("\u00a0%") for label in labels)


def test_grid_by_a_variable_is_never_reduced_to_totalt(demo_survey):
    table = tabulate(demo_survey, TableSpec("q6", by="type", grid_summary=True))
    data = chart_model(table)
    assert data.kind is Kind.MULTIPLES
    assert [p.title.split(" (")[0] for p in data.panels] == ["Totalt", "Kommune", "Fylkeskommune"]
    for panel, group in zip(data.panels, table.groups, strict=True):
        assert [s.name for s in panel.series] == ["Hemmer", "Fremmer"]  # both sides, not only "fremmer"
        for series in panel.series:
            assert series.values == [c.pct for c in group.cells if c.option == series.name]


def test_summary_base_says_vet_ikke_was_left_out(demo_survey):
    table = tabulate(demo_survey, TableSpec("q6", grid_summary=True))
    data = chart_model(table)
    bases = [c.base for c in table.groups[0].cells]
    assert f"n = {min(bases)}–{max(bases)} per delspørsmål, vet ikke holdt utenfor basen" in data.footer
    assert max(bases) < table.groups[0].base  # the engine's group base (206) is not the chart's base


def test_every_chart_carries_base_source_and_weighting(demo_survey):
    table = tabulate(demo_survey, TableSpec("q1", by="fylke", weight="vekt"))
    for kind in fitting_kinds(table):
        data = chart_model(table, kind, source="KS 2024")
        assert "Kilde: KS 2024." in data.footer
        assert "Vektet (vekt)" in data.footer
        assert "Rogaland 12*" in data.footer  # n per group, low base marked
        assert "Oslo + Østfold 8*" in data.footer  # small fylker merged, not hidden
        assert "Fylke: Oslo og Østfold er slått sammen" in data.footer


def _suppressed_rows(demo_survey, kind):
    """q1 by fylke with Vestfold hidden the way the engine hides a group to protect another (secondary).

    Small fylker are merged now (Oslo + Østfold), so the demo has no hidden fylke of its own.
    """
    table = tabulate(demo_survey, TableSpec("q1", by="fylke"))
    vestfold = next(g for g in table.groups if g.label == "Vestfold")
    vestfold.suppressed = vestfold.secondary = True
    figure = Figure(figsize=(13.333, 7.5))
    render(figure, table, kind, size="slide")
    return ["Vestfold"], figure


@pytest.mark.parametrize("kind", ["dots", "stacked"])
def test_a_suppressed_group_is_drawn_nowhere_and_shown_as_colon(demo_survey, kind):
    hidden, figure = _suppressed_rows(demo_survey, kind)
    for axes in figure.axes:
        labels = [t.get_text() for t in axes.get_yticklabels()]
        rows = [i for i, label in enumerate(labels) if label.split(" (")[0] in hidden]
        if not labels:
            continue
        assert len(rows) == len(hidden) == 1
        for row in rows:
            on_row = [p for p in axes.patches if p.get_y() <= row <= p.get_y() + p.get_height()]
            assert all(p.get_width() == 0 for p in on_row)
            points = [o for c in axes.collections for o in c.get_offsets() if abs(o[1] - row) < 0.5]
            assert not points
            texts = [t.get_text() for t in axes.texts if abs(_y(t) - row) < 0.4]
            assert texts and set(texts) == {":"}


def _y(text) -> float:
    return text.xy[1] if hasattr(text, "xy") else text.get_position()[1]


def test_whiskers_are_drawn_when_an_interval_end_passes_its_value(demo_survey):
    """Vestlandet has no «Under utarbeiding» (0 %); Wilson's weighted lower end lands a hair above 0."""
    table = tabulate(demo_survey, TableSpec("q1", weight="vekt", benchmark=("landsdel", "Vestlandet")))
    cell = next(c for g in table.groups for c in g.cells if g.label == "Vestlandet" and c.pct == 0)
    assert cell.ci_low > cell.pct  # the case that made matplotlib refuse negative error bars
    figure = Figure()
    data = draw_table(figure, table)
    assert data.whiskers
    segments = [s for c in figure.axes[0].collections for s in c.get_segments()]
    assert len(segments) == sum(1 for g in table.groups for c in g.cells if c.pct is not None)
    assert all(s[0][0] <= s[1][0] for s in segments)


def test_small_multiples_go_one_row_of_panels_to_a_slide(demo_survey):
    data = chart_model(tabulate(demo_survey, TableSpec("q6", by="landsdel")))
    assert data.kind is Kind.MULTIPLES and len(data.panels) == 6
    pages = data.pages()
    assert [len(p.panels) for p in pages] == [3, 3]
    assert [p.title for page in pages for p in page.panels] == [p.title for p in data.panels]
    assert pages[1].subtitle.endswith("(2/2)")


def test_dot_plot_panels_go_one_row_to_a_slide_in_equal_parts():
    data = chart_model(tabulate(wide_survey(), TableSpec("s", by="fylke")), "dots")
    assert len(data.panels) == 9
    pages = data.pages()
    assert [len(p.panels) for p in pages] == [5, 4]
    assert [p.title for page in pages for p in page.panels] == [p.title for p in data.panels]
    assert [p.subtitle[-5:] for p in pages] == ["(1/2)", "(2/2)"]
    five = replace(data, panels=data.panels[:5])
    assert five.pages() == [five]


@pytest.mark.parametrize(
    "by", ["type", "landsdel"]
)  # three panels and six: an even count once undid the order
def test_panels_read_top_down_in_questionnaire_order(demo_survey, by):
    figure = Figure(figsize=(12, 7))
    data = draw_table(figure, tabulate(demo_survey, TableSpec("q6", by=by)))
    assert data.kind is Kind.MULTIPLES
    for axes in figure.axes:
        low, high = axes.get_ylim()
        assert low > high, "first item at the top"
