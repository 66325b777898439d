"""The same colour for the same group in every chart: a filter that removes groups shifts no colour."""

from __future__ import annotations

from pptx import Presentation
from pptx.util import Inches

from barometer_gui.charts.model import chart_model, group_keys
from barometer_gui.charts.style import TOTAL_COLOUR, Style, group_colours
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.export.pptx_charts import add_chart

ALL = TableSpec("q1", by="landsdel")
VESTLAND = TableSpec("q1", by="landsdel", where=(("fylke", "Vestland"),))  # only Vestlandet is left


def _colours(data) -> dict[str, str]:
    return {s.name.split(" (")[0].rstrip("*"): s.colour for s in data.series}


def _native_colours(data, tmp_path) -> dict[str, str]:
    deck = Presentation()
    add_chart(deck.slides.add_slide(deck.slide_layouts[6]), data, 0, 0, Inches(10), Inches(5))
    path = tmp_path / "farger.pptx"
    deck.save(str(path))
    chart = next(s.chart for s in Presentation(str(path)).slides[0].shapes if s.has_chart)
    return {
        s.name.split(" (")[0].rstrip("*"): "#" + str(s.format.fill.fore_color.rgb)
        for s in chart.plots[0].series
    }


def test_a_group_keeps_its_colour_when_a_filter_removes_the_others(demo_survey, tmp_path):
    whole = chart_model(tabulate(demo_survey, ALL), "bars", colour_keys=group_keys(demo_survey, ALL))
    table = tabulate(demo_survey, VESTLAND)
    assert [g.label for g in table.groups] == ["Totalt", "Vestlandet"]
    part = chart_model(table, "bars", colour_keys=group_keys(demo_survey, VESTLAND))
    assert _colours(part)["Vestlandet"] == _colours(whole)["Vestlandet"]
    assert _colours(part)["Totalt"] == _colours(whole)["Totalt"] == TOTAL_COLOUR
    # …in the native PowerPoint chart too, drawn from the same model
    assert _native_colours(part, tmp_path) == _colours(part)
    # without the key the remaining group would take the first colour: the defect this fixes
    assert _colours(chart_model(table, "bars"))["Vestlandet"] != _colours(whole)["Vestlandet"]


def test_every_group_of_the_full_breakdown_gets_its_own_colour(demo_survey):
    data = chart_model(tabulate(demo_survey, ALL), "bars", colour_keys=group_keys(demo_survey, ALL))
    colours = list(_colours(data).values())
    assert len(set(colours)) == len(colours)


def test_slots_that_share_a_colour_are_kept_apart_in_one_chart():
    style = Style()
    palette = style.colours()
    same = group_colours([None, 1, 1 + len(palette), 4], style)  # the 2nd and 12th category of 15
    assert same[0] == TOTAL_COLOUR and same[1] == palette[1] and same[3] == palette[4]
    assert same[2] not in (same[1], same[3])
    assert group_colours([4], style) == [palette[4]]  # alone, a slot always has its own colour
