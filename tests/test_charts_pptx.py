"""Native PowerPoint charts: each form opened with python-pptx holds the engine's numbers, error bars are
schema-ordered XML, suppressed groups carry no value, and chart workbooks hold text, never formulas."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Inches

from barometer_gui.charts.model import Kind, chart_model, fitting_kinds, wave_chart
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.export.pptx_charts import add_chart
from tests.test_charts import wide_survey

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _deck(tmp_path, models) -> Presentation:
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    for data in models:
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        add_chart(slide, data, Inches(0.5), Inches(1), Inches(12), Inches(6))
    path = tmp_path / "diagrammer.pptx"
    deck.save(str(path))
    return Presentation(str(path)), path


def _charts(slide) -> list:
    return [s.chart for s in slide.shapes if s.has_chart]


def _pct(values) -> list:
    return [None if v is None else v / 100 for v in values]


def test_bars_stacked_and_diverging_hold_the_engines_numbers(demo_survey, tmp_path):
    grouped = tabulate(demo_survey, TableSpec("q1", by="type"))
    stacked = tabulate(demo_survey, TableSpec("q1", by="landsdel"))
    grid = tabulate(demo_survey, TableSpec("q6"))
    deck, _ = _deck(
        tmp_path,
        [chart_model(grouped, "bars"), chart_model(stacked, "stacked"), chart_model(grid, "diverging")],
    )
    bars, hundred, diverging = (_charts(slide)[0] for slide in deck.slides)

    assert bars.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    series = {s.name.split(" (")[0].rstrip("*"): s for s in bars.plots[0].series}
    for group in grouped.groups:
        drawn = dict(zip(bars.plots[0].categories, series[group.label].values, strict=True))
        assert drawn == pytest.approx({c.option: c.pct / 100 for c in group.cells})

    assert hundred.chart_type == XL_CHART_TYPE.BAR_STACKED_100
    assert [c.split(" (")[0].rstrip("*") for c in hundred.plots[0].categories] == [
        g.label for g in stacked.groups
    ]
    for series in hundred.plots[0].series:
        expected = [next(c.pct for c in g.cells if c.option == series.name) for g in stacked.groups]
        assert list(series.values) == pytest.approx(_pct(expected))

    assert diverging.chart_type == XL_CHART_TYPE.BAR_STACKED
    cells = grid.groups[0].cells
    every = list(diverging.plots[0].series)
    stand_ins = [s for s in every if all(v is None for v in s.values)]  # legend entries only
    drawn = [s for s in every if s not in stand_ins]
    legend = [s.name for i, s in enumerate(every) if i not in _hidden_entries(diverging)]
    assert legend == [s.name for s in stand_ins] + [s.name for s in drawn if s.name.startswith("Fremmer")]
    assert legend == [
        "Hemmer i stor grad", "Hemmer i noen grad", "Fremmer i noen grad", "Fremmer i stor grad",
    ]  # fmt: skip  # left to right, as the bars are drawn
    for series in drawn:
        expected = [c.pct for c in cells if c.option == series.name]
        sign = -1 if series.name.startswith("Hemmer") else 1
        assert list(series.values) == pytest.approx([sign * v / 100 for v in expected])
    assert {s.name for s in drawn} == {
        "Hemmer i stor grad", "Hemmer i noen grad", "Fremmer i noen grad", "Fremmer i stor grad",
    }  # fmt: skip
    xml = diverging._chartSpace.xml
    assert 'formatCode="0 %;0 %"' in xml  # negative values shown without a minus
    neutral = next(c.pct for c in cells if c.option == "Verken hemmer eller fremmer")
    assert f"{round(neutral)}\u00a0%" in diverging.plots[0].categories[0]  # stated beside


def _hidden_entries(chart) -> set[int]:
    return {
        int(e.find(f"{C}idx").get("val"))
        for e in chart.legend._element.findall(f"{C}legendEntry")
        if e.find(f"{C}delete") is not None and e.find(f"{C}delete").get("val") == "1"
    }


def test_dot_plot_is_an_xy_scatter_with_the_engines_values_and_no_suppressed_point(demo_survey, tmp_path):
    table = _vestfold_hidden(tabulate(demo_survey, TableSpec("q2", by="fylke")))
    data = chart_model(table, "dots")
    deck, _ = _deck(tmp_path, [data])
    charts = _charts(deck.slides[0])
    assert len(charts) == len(table.options)
    hidden = {g.label for g in table.groups if g.suppressed}
    assert hidden == {"Vestfold"}
    for chart, option in zip(charts, table.options, strict=True):
        assert chart.chart_type == XL_CHART_TYPE.XY_SCATTER
        series = {s.name: s for s in chart.plots[0].series}
        expected = {g.label: next(c.pct for c in g.cells if c.option == option) for g in table.groups[1:]}
        dots = series[option]
        rows = len(data.panels[0].categories)
        drawn = {
            data.panels[0].categories[rows - int(y)].split(" (")[0].rstrip("*"): x
            for x, y in zip(_values(dots, "xVal"), _values(dots, "yVal"), strict=True)
        }
        assert not hidden & set(drawn)
        assert drawn == pytest.approx({k: v / 100 for k, v in expected.items() if k not in hidden})
        reference = series["Hele landet"]
        total = next(c.pct for c in table.groups[0].cells if c.option == option)
        assert _values(reference, "xVal") == pytest.approx([total / 100] * 2)


def _vestfold_hidden(table):
    """Vestfold hidden the way the engine hides a group to protect another (the demo's small fylker are merged)."""
    vestfold = next(g for g in table.groups if g.label == "Vestfold")
    vestfold.suppressed = vestfold.secondary = True
    return table


def _values(series, axis: str) -> list[float]:
    return [float(v) for v in series._element.xpath(f"c:{axis}//c:v/text()")]


def test_line_chart_and_table_and_small_multiples(demo_survey, tmp_path):
    first = tabulate(demo_survey, TableSpec("q2"))
    second = tabulate(demo_survey, TableSpec("q2", weight="vekt"))
    line = wave_chart([first, second], ["2022", "2024"])
    grid = tabulate(demo_survey, TableSpec("q6", by="type"))
    small = tabulate(demo_survey, TableSpec("q1", by="type"))
    deck, _ = _deck(tmp_path, [line, chart_model(small, "table"), chart_model(grid, "multiples")])
    chart = _charts(deck.slides[0])[0]
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert list(chart.plots[0].categories) == ["2022", "2024"]
    for series in chart.plots[0].series:
        expected = [
            next(c.pct for c in t.groups[0].cells if c.option == series.name) for t in (first, second)
        ]
        assert list(series.values) == pytest.approx(_pct(expected))
    table = next(s for s in deck.slides[1].shapes if s.has_table).table
    rows = chart_model(small, "table").rows
    assert [[table.cell(r, c).text for c in range(len(rows[0]))] for r in range(len(rows))] == rows
    assert len(_charts(deck.slides[2])) == len([g for g in grid.groups if not g.suppressed])


def test_error_bars_are_schema_ordered_custom_values(demo_survey, tmp_path):
    table = tabulate(demo_survey, TableSpec("q5", benchmark=("fylke", "Vestland")))
    data = chart_model(table, "bars")
    assert data.whiskers
    deck, _ = _deck(tmp_path, [data])
    chart = _charts(deck.slides[0])[0]
    bar_series = ["idx", "order", "tx", "spPr", "invertIfNegative", "pictureOptions", "dPt", "dLbls",
                  "trendline", "errBars", "cat", "val", "shape", "extLst"]  # fmt: skip
    error_bars = ["errDir", "errBarType", "errValType", "noEndCap", "plus", "minus", "val", "spPr", "extLst"]
    # written bottom-up: the last group's series first, the last option's value first
    for ser, group in zip(chart._chartSpace.iter(f"{C}ser"), reversed(table.groups), strict=True):
        tags = [etree.QName(child).localname for child in ser]
        assert "errBars" in tags
        assert [bar_series.index(t) for t in tags] == sorted(bar_series.index(t) for t in tags)
        bars = ser.find(f"{C}errBars")
        inner = [etree.QName(child).localname for child in bars]
        assert [error_bars.index(t) for t in inner] == sorted(error_bars.index(t) for t in inner)
        assert bars.find(f"{C}errBarType").get("val") == "both"
        assert bars.find(f"{C}errValType").get("val") == "cust"
        for side, expected in (
            ("plus", [(c.ci_high - c.pct) / 100 for c in reversed(group.cells)]),
            ("minus", [(c.pct - c.ci_low) / 100 for c in reversed(group.cells)]),
        ):
            literal = bars.find(f"{C}{side}/{C}numLit")
            assert int(literal.find(f"{C}ptCount").get("val")) == len(data.categories)
            values = [float(v) for v in literal.xpath("c:pt/c:v/text()", namespaces={"c": C[1:-1]})]
            assert values == pytest.approx(expected, abs=1e-6)


HOSTILE = [
    '=HYPERLINK("http://x","klikk")',
    "=cmd|' /C calc'!A0",
    "+SUM(A1:A2)",
    "@navn",
    "Ja\x01 takk",
    "-1+1",
]


def test_chart_workbooks_hold_labels_as_text_never_formulas(tmp_path):
    survey = wide_survey(groups=4, labels=HOSTILE, n=300)
    survey.questions[0].text = "=1+1 spørsmål\x02"
    table = tabulate(survey, TableSpec("s", by="fylke"))
    models = [chart_model(table, kind) for kind in fitting_kinds(table)]
    _, path = _deck(tmp_path, models)  # saving and reopening proves the XML is valid
    texts = []
    with zipfile.ZipFile(path) as archive:
        books = [n for n in archive.namelist() if n.startswith("ppt/embeddings/") and n.endswith(".xlsx")]
        assert books
        for name in books:
            book = openpyxl.load_workbook(io.BytesIO(archive.read(name)))
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        assert cell.data_type != "f", (name, cell.coordinate, cell.value)
                        if isinstance(cell.value, str):
                            texts.append(cell.value)
    for label in HOSTILE[:4]:
        assert any(t.startswith(label) for t in texts), label
    assert not any("\x01" in t for t in texts)
    assert any("Ja\ufffd takk" in t for t in texts)


def test_suppressed_group_has_no_value_in_any_native_series(demo_survey, tmp_path):
    table = _vestfold_hidden(tabulate(demo_survey, TableSpec("q1", by="fylke")))
    hidden = [g.label for g in table.groups if g.suppressed]
    assert hidden == ["Vestfold"]
    kinds = [k for k in fitting_kinds(table) if k is not Kind.TABLE]
    deck, _ = _deck(tmp_path, [chart_model(table, k) for k in kinds])
    for slide in deck.slides:
        for chart in _charts(slide):
            categories = (
                list(chart.plots[0].categories) if chart.chart_type != XL_CHART_TYPE.XY_SCATTER else []
            )
            for series in chart.plots[0].series:
                assert not any(series.name.startswith(h) for h in hidden if series.name != "Grupper")
                for category, value in zip(categories, series.values, strict=False):
                    if category.split(" (")[0] in hidden:
                        assert value is None


def test_grouped_bars_read_top_down_in_the_same_order_as_their_legend(demo_survey, tmp_path):
    """Written bottom-up on a normal axis with the legend at the right: PowerPoint then draws the first
    option and the first group at the top and lists the legend top-down in that order, and LibreOffice
    (which lists a horizontal bar chart's legend last series first) agrees; a reversed axis would not."""
    table = tabulate(demo_survey, TableSpec("q1", by="type"))
    data = chart_model(table, "bars")
    deck, _ = _deck(tmp_path, [data])
    chart = _charts(deck.slides[0])[0]
    assert list(chart.plots[0].categories) == list(reversed(data.categories))
    assert [s.name for s in chart.plots[0].series] == [s.name for s in reversed(data.series)]
    assert chart.category_axis._element.find(f"{C}scaling/{C}orientation").get("val") == "minMax"
    assert chart.legend.position == XL_LEGEND_POSITION.RIGHT and chart.legend.include_in_layout


def test_value_labels_sit_past_their_whiskers(demo_survey, tmp_path):
    table = tabulate(demo_survey, TableSpec("q5", benchmark=("fylke", "Vestland")))
    data = chart_model(table, "bars")
    deck, _ = _deck(tmp_path, [data])
    chart = _charts(deck.slides[0])[0]
    layout = chart._chartSpace.find(f".//{C}plotArea/{C}layout/{C}manualLayout")
    share = float(layout.find(f"{C}w").get("val"))
    top = chart.value_axis.maximum_scale
    for plotted, series in zip(chart.plots[0].series, reversed(data.series), strict=True):
        labels = {int(d.find(f"{C}idx").get("val")): d for d in plotted._element.iter(f"{C}dLbl")}
        for index, (value, high) in enumerate(
            zip(reversed(series.values), reversed(series.high), strict=True)
        ):
            if value is None or high is None or high <= value:
                continue
            label = labels[index]
            offset = float(label.find(f"{C}layout/{C}manualLayout/{C}x").get("val"))
            assert offset >= (high - value) / 100 / top * share  # at least to the whisker's end
            assert label.find(f"{C}numFmt").get("formatCode") == "0 %" or label.find(f"{C}tx") is not None


def test_dot_plot_panels_share_one_scale_and_line_up_their_rows(demo_survey, tmp_path):
    """Only the first column names the rows, so every panel's rows must sit at the same heights."""
    data = chart_model(tabulate(demo_survey, TableSpec("q6", grid_summary=True, by="landsdel")), "dots")
    assert len(data.panels) == 8
    deck, _ = _deck(tmp_path, [data])
    charts = _charts(deck.slides[0])
    tops = {round(c.category_axis.maximum_scale, 6) for c in charts}
    assert len(tops) == 1  # one value scale
    for row in (charts[:4], charts[4:]):
        placed = set()
        for chart in row:
            layout = chart._chartSpace.find(f".//{C}plotArea/{C}layout/{C}manualLayout")
            placed.add((layout.find(f"{C}y").get("val"), layout.find(f"{C}h").get("val")))
        assert len(placed) == 1, placed
