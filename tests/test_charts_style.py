"""House style: colour contrast, Norwegian number formats, wrapping, and no global matplotlib state."""

from __future__ import annotations

import matplotlib
import pytest
from matplotlib.figure import Figure

from barometer_gui.charts.mpl import draw_table
from barometer_gui.charts.style import (
    DIVERGING,
    DONT_KNOW_COLOUR,
    PALETTES,
    TOTAL_COLOUR,
    Style,
    contrast,
    nice,
    number_label,
    pct_label,
    scale_colours,
    value_label,
    wrap,
)
from barometer_gui.core.tabulate import TableSpec, tabulate


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_bar_colour_has_3_to_1_contrast_on_white(name):
    for colour in PALETTES[name]:
        assert contrast(colour) >= 3.0, (name, colour, round(contrast(colour), 2))


def test_grey_for_vet_ikke_total_and_scale_ends_are_visible():
    for colour in (DONT_KNOW_COLOUR, TOTAL_COLOUR, DIVERGING[0], DIVERGING[-1]):
        assert contrast(colour) >= 3.0
    assert contrast("#FFFFFF") == pytest.approx(1.0)
    assert contrast("#000000") == pytest.approx(21.0)


def test_palettes_are_distinct_and_unordered_categories_never_get_the_scale():
    assert len({tuple(p) for p in PALETTES.values()}) == 3
    options = ["Hemmer mye", "Hemmer litt", "Nøytral", "Fremmer litt", "Fremmer mye", "Vet ikke"]
    colours = scale_colours(options, ["Vet ikke"])
    assert colours[-1] == DONT_KNOW_COLOUR
    assert colours[0] == DIVERGING[0] and colours[4] == DIVERGING[-1]


def test_norwegian_number_formats():
    assert pct_label(68.4) == "68\u00a0%"
    assert pct_label(12.5, 1) == "12,5\u00a0%"
    assert pct_label(None) == ":"
    assert number_label(1234567.25, 1) == "1\u202f234\u202f567,2"
    assert value_label(31.0, True, "AB") == "31\u00a0% AB"
    assert value_label(2.25, False) == "2,2"


def test_value_axis_end_is_round_and_close_to_the_largest_value():
    assert nice(17.3) == 18
    assert nice(43) == 45
    assert nice(68) == 70
    assert nice(0.7) == pytest.approx(0.7)
    assert nice(101) == 120


def test_long_labels_are_wrapped_whole_never_cut():
    label = "Forsknings- og utdanningsinstitusjoner i hele regionen og i nabofylkene som vi samarbeider med jevnlig"
    wrapped = wrap(label, 20)
    assert wrapped.replace("\n", " ") == label
    assert all(len(line) <= 24 for line in wrapped.splitlines())


def test_style_never_touches_global_rcparams(demo_survey):
    before = dict(matplotlib.rcParams)
    draw_table(Figure(), tabulate(demo_survey, TableSpec("q1", by="type")), style=Style(font_size=20))
    after = dict(matplotlib.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()


def test_user_title_and_font_size_are_used(demo_survey):
    figure = Figure()
    draw_table(figure, tabulate(demo_survey, TableSpec("q2")), style=Style(title="Egen tittel", font_size=15))
    title = next(t for t in figure.texts if t.get_text() == "Egen tittel")
    assert title.get_fontsize() == pytest.approx(15 * 1.3)


def test_chart_numbers_use_the_programs_one_number_format():
    """Charts format through core/formatting (made language-aware there), never a format of their own."""
    from barometer_gui.core.formatting import fmt_number, fmt_pct

    for value, decimals in ((68.4, 0), (12.55, 1), (0.0, 0), (None, 0), (float("nan"), 1)):
        assert pct_label(value, decimals) == fmt_pct(value, decimals, ":")
    assert number_label(1234.5, 1) == fmt_number(1234.5, 1)
