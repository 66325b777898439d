"""Interval whiskers never meet value labels: matplotlib at the extremes, native labels moved past them."""

from __future__ import annotations

import pytest
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from barometer_gui.charts.model import Kind, chart_model
from barometer_gui.charts.mpl import draw, render
from barometer_gui.charts.style import Style
from barometer_gui.core.tabulate import TableSpec, tabulate
from tests.test_charts import wide_survey


def _whisker_boxes(axes) -> list[tuple[float, float, float, float]]:
    """Each whisker segment and cap as a display box (x0, y0, x1, y1)."""
    boxes = []
    for collection in axes.collections:
        if not isinstance(collection, LineCollection):
            continue
        for segment in collection.get_segments():
            (x0, y0), (x1, y1) = axes.transData.transform(segment)
            boxes.append((min(x0, x1), min(y0, y1) - 0.5, max(x0, x1), max(y0, y1) + 0.5))
    for line in axes.lines:  # the caps: markers at each whisker end
        size = line.get_markersize() / 2 * axes.figure.dpi / 72
        for x, y in axes.transData.transform(line.get_xydata()):
            boxes.append((x - 1, y - size, x + 1, y + size))
    return boxes


def _collisions(figure) -> list:
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    found = []
    for axes in figure.axes:
        whiskers = _whisker_boxes(axes)
        for text in axes.texts:
            if text.get_gid() != "value" or not text.get_visible():
                continue
            box = text.get_window_extent(renderer)
            for x0, y0, x1, y1 in whiskers:
                if box.x0 < x1 and x0 < box.x1 and box.y0 < y1 and y0 < box.y1:
                    found.append((text.get_text(), (x0, y0, x1, y1)))
    return found


@pytest.mark.parametrize(
    ("groups", "options", "by", "kind"),
    [
        (2, 2, None, Kind.BARS),  # 2 categories × 1 group
        (6, 9, "fylke", Kind.BARS),  # the most groups grouped bars take
        (15, 9, "fylke", Kind.DOTS),  # 15 fylker × 9 options: a dot plot
    ],
)
def test_value_labels_never_touch_a_whisker_at_the_extremes(groups, options, by, kind):
    """On a slide, as reports and decks draw them: one page of a chart too crowded for one slide."""
    survey = wide_survey(groups=groups, options=options, n=1500, oslo=80)
    data = chart_model(tabulate(survey, TableSpec("s", by=by)), "bars", whiskers=True)
    assert data.kind is kind and data.whiskers
    style = Style(size="slide")
    figure = Figure(figsize=style.figsize)
    draw(figure, data.pages()[0], style)
    assert any(_whisker_boxes(a) for a in figure.axes), "whiskers are drawn"
    assert not _collisions(figure)


def test_benchmark_labels_sit_past_the_whiskers(demo_survey):
    figure = Figure()
    render(figure, tabulate(demo_survey, TableSpec("q5", benchmark=("fylke", "Vestland"))), size="screen")
    assert not _collisions(figure)


def test_native_dot_labels_are_moved_past_their_whiskers(tmp_path):
    """The dot plot's value labels sit right of the dot: each is offset past its interval's upper end."""
    from pptx import Presentation
    from pptx.util import Inches

    from barometer_gui.export.pptx_charts import add_chart

    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    survey = wide_survey(groups=15, options=2, n=1500, oslo=80)
    data = chart_model(tabulate(survey, TableSpec("s", by="fylke")), "dots", whiskers=True)
    deck = Presentation()
    add_chart(deck.slides.add_slide(deck.slide_layouts[6]), data, 0, 0, Inches(12), Inches(5.4))
    path = tmp_path / "prikker.pptx"
    deck.save(str(path))
    charts = [s.chart for s in Presentation(str(path)).slides[0].shapes if s.has_chart]
    assert len(charts) == len(data.panels) == 2
    for chart, panel in zip(charts, data.panels, strict=True):
        layout = chart._chartSpace.find(f".//{c}plotArea/{c}layout/{c}manualLayout")
        share = float(layout.find(f"{c}w").get("val"))
        span = chart.category_axis.maximum_scale - chart.category_axis.minimum_scale
        dots = next(s for s in chart.plots[0].series if s.name == panel.series[0].name)
        shown = [
            (v, h) for v, h in zip(panel.series[0].values, panel.series[0].high, strict=True) if v is not None
        ]
        labels = {int(d.find(f"{c}idx").get("val")): d for d in dots._element.iter(f"{c}dLbl")}
        assert len(labels) == len(shown)
        for index, (value, high) in enumerate(shown):
            offset = float(labels[index].find(f"{c}layout/{c}manualLayout/{c}x").get("val"))
            assert offset >= (high - value) / 100 / span * share
