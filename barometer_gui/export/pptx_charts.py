"""Native, editable PowerPoint charts drawn from a chart model (never from matplotlib).

Deck assembly (slides, titles, footnotes, templates) lives in `export/pptx.py`; this module turns one
`ChartData` into chart shapes in a given box: clustered bars (with native error bars for Wilson
intervals), 100 % stacked bars, diverging bars (a stacked bar with negative values and a number format
that shows them positive), dot plots as XY scatter, line charts, small multiples (one chart per panel)
and a native table. Colours and number formats come from `charts/style.py`, the same values the
matplotlib drawing uses.

Chart workbooks: python-pptx writes each chart's embedded workbook with XlsxWriter's `write()`, which
turns a label starting with "=" into a live formula. Every workbook here is opened with
`strings_to_formulas` (and numbers/urls) off, so every label is stored as text.
"""

from __future__ import annotations

import functools
import math
import textwrap
from contextlib import contextmanager
from dataclasses import replace

from barometer_gui.charts.model import ChartData, Kind, whole_country
from barometer_gui.charts.style import (
    GRID_COLOUR,
    REFERENCE_COLOUR,
    SUPPRESSED,
    TEXT_COLOUR,
    nice,
    text_on,
    value_label,
    wrap,
)
from barometer_gui.core.formatting import excel_percent_format
from barometer_gui.core.i18n import t
from barometer_gui.export.safe import clean_text

#: A segment narrower than this (EMU; 0.42 in) carries no label: "57 %" would not fit inside it.
SMALL_SEGMENT = 384048
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def add_chart(slide, data: ChartData, left: int, top: int, width: int, height: int) -> list:
    """Draw `data` natively in the box; returns the shapes added (one per chart or table)."""
    if data.panels:
        return _panels(slide, data, left, top, width, height)
    if data.kind is Kind.TABLE:
        shapes = [_table(slide, data, left, top, width, height)]
    elif data.kind is Kind.DOTS:
        shapes = [_dots(slide, data, left, top, width, height)]
    elif data.kind is Kind.LINE:
        shapes = [_line(slide, data, left, top, width, height)]
    else:
        shapes = [_category(slide, data, left, top, width, height)]
    for shape in shapes:
        shape._element.nvGraphicFramePr.cNvPr.set("descr", data.alt_text)
    return shapes


# --------------------------------------------------------------------------- safe chart workbooks


@functools.cache
def _safe_classes():
    """Chart data classes whose embedded workbook stores every label as text, never as a formula."""
    from pptx.chart.data import CategoryChartData, XyChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter, XyWorkbookWriter
    from xlsxwriter import Workbook

    class TextOnly:
        @contextmanager
        def _open_worksheet(self, xlsx_file):
            options = {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            }
            workbook = Workbook(xlsx_file, options)
            worksheet = workbook.add_worksheet()
            yield workbook, worksheet
            workbook.close()

    class CategoryWriter(TextOnly, CategoryWorkbookWriter):
        pass

    class XyWriter(TextOnly, XyWorkbookWriter):
        pass

    class SafeCategoryChartData(CategoryChartData):
        @functools.cached_property
        def _workbook_writer(self):
            return CategoryWriter(self)

    class SafeXyChartData(XyChartData):
        @functools.cached_property
        def _workbook_writer(self):
            return XyWriter(self)

    return SafeCategoryChartData, SafeXyChartData


def category_chart_data(number_format: str):
    """python-pptx CategoryChartData whose workbook keeps labels as text (for any chart builder)."""
    return _safe_classes()[0](number_format=number_format)


def xy_chart_data(number_format: str):
    return _safe_classes()[1](number_format=number_format)


# --------------------------------------------------------------------------- bar charts


def _fraction(value: float | None, percent: bool) -> float | None:
    return None if value is None else (value / 100 if percent else value)


def _number_format(data: ChartData) -> str:
    return excel_percent_format(data.decimals) if data.percent else "0.0"


def _category(
    slide, data: ChartData, left: int, top: int, width: int, height: int, reach: float | None = None
):
    """Clustered, 100 % stacked or diverging horizontal bars."""
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_TICK_LABEL_POSITION
    from pptx.util import Pt

    clustered = data.kind is Kind.BARS
    if clustered:
        data = bottom_up(data)
    number_format = _number_format(data)
    diverging = data.kind is Kind.DIVERGING
    order = _diverging_order(data) if diverging else list(range(len(data.series)))
    chart_data = category_chart_data(number_format)
    chart_data.categories = [_category_label(data, i) for i in range(len(data.categories))]
    # PowerPoint stacks negative values outward in series order, so the hindering options are written
    # innermost first; empty stand-ins named in the drawn order (left to right) carry their legend entries
    stand_ins = data.negative if diverging else 0
    for index in range(stand_ins):
        chart_data.add_series(
            clean_text(_series_name(data.series[index])), [None] * len(data.categories), number_format
        )
    for index in order:
        series = data.series[index]
        sign = -1 if diverging and index < data.negative else 1
        values = [None if v is None else sign * _fraction(v, data.percent) for v in series.values]
        chart_data.add_series(clean_text(_series_name(series)), values, number_format)
    kind = {
        Kind.STACKED: XL_CHART_TYPE.BAR_STACKED_100,
        Kind.DIVERGING: XL_CHART_TYPE.BAR_STACKED,
    }.get(data.kind, XL_CHART_TYPE.BAR_CLUSTERED)
    frame = slide.shapes.add_chart(kind, left, top, width, height, chart_data)
    chart = frame.chart
    _base_look(chart, data)
    chart.has_title = False
    if not clustered:
        chart.category_axis.reverse_order = True  # first item at the top, as in the table
        # …with the value axis still at the bottom: it crosses the category axis at its last category.
        for crosses in chart.value_axis._element.xpath("c:crosses"):
            crosses.set("val", "max")
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = _rgb(GRID_COLOUR)
    value_axis.tick_labels.number_format = f"{number_format};{number_format}" if diverging else number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.format.line.fill.background()
    unit = 100 if data.percent else 1
    if diverging:
        step = nice((reach or _reach(data)) / (2 if reach else 3))  # a shared reach means a narrow panel
        reach = math.ceil((reach or _reach(data)) / step) * step  # ticks at 0 and whole steps both ways
        value_axis.minimum_scale, value_axis.maximum_scale = -reach / unit, reach / unit
        value_axis.major_unit = step / unit
        chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # names left, not at zero
    elif data.kind is Kind.BARS:
        top = nice(_largest(data) * 1.12)
        value_axis.minimum_scale = 0
        value_axis.maximum_scale = (min(top, 100) if data.percent else top) / unit
    room = _whisker_room(chart, data, width) if clustered and data.whiskers else 0.0
    plot = chart.plots[0]
    plot.gap_width = 50 if len(data.series) > 1 else 70
    plot.overlap = 100 if kind != XL_CHART_TYPE.BAR_CLUSTERED else 0
    drawn = list(plot.series)
    for plotted, index in zip(drawn[:stand_ins], range(stand_ins), strict=True):
        _fill(plotted, data.series[index].colour)
    for plotted, index in zip(drawn[stand_ins:], order, strict=True):
        series = data.series[index]
        _fill(plotted, series.colour)
        plotted.invert_if_negative = False
        labels = plotted.data_labels
        labels.show_value = True
        labels.number_format = f"{number_format};{number_format}" if diverging else number_format
        labels.number_format_is_linked = False
        labels.font.size = Pt(_label_points(data))
        if data.kind is Kind.BARS:
            labels.position = XL_LABEL_POSITION.OUTSIDE_END
            labels.font.color.rgb = _rgb(TEXT_COLOUR)
            _mark_significant(plotted, series, data)
        else:
            labels.position = XL_LABEL_POSITION.CENTER
            labels.font.color.rgb = _rgb(text_on(series.colour))
            span = 2 * reach if diverging else 100.0  # value range across the plot
            _hide_small_labels(plotted, series, SMALL_SEGMENT / (width * 0.7) * span)
        if data.whiskers and series.low and clustered:
            add_error_bars(plotted._element, series.values, series.low, series.high, data.percent)
            _labels_past_whiskers(
                plotted, series.values, series.high, room / (value_axis.maximum_scale * unit)
            )
    _legend(chart, data, len(data.series) > 1, right=clustered)
    if stand_ins and chart.has_legend:
        _hide_legend_entries(chart, range(stand_ins, 2 * stand_ins))  # the drawn hindering series
    return frame


def _hide_legend_entries(chart, indices) -> None:
    """Leave series out of the legend (c:legendEntry/c:delete, right after c:legendPos)."""
    for index in sorted(indices, reverse=True):
        entry = chart.legend._element.makeelement(f"{{{_C}}}legendEntry", {})
        etree_sub(entry, "idx", str(index))
        etree_sub(entry, "delete", "1")
        chart.legend._element.insert(1, entry)


def _whisker_room(chart, data: ChartData, width: int) -> float:
    """Fix the plot area (names left, legend right) so a label can be moved past its whisker exactly.

    Returns the plot's width as a share of the chart's: value axis units convert to label offsets
    (c:dLbl/c:manualLayout, a share of the chart's width) only when that width is known.
    """
    inches = width / 914400
    longest = max((len(line) for c in data.categories for line in wrap(c).splitlines()), default=8)
    names = min(0.4, (longest * 12 * 0.55 / 72 + 0.2) / inches)
    legend = max(len(s.name) for s in data.series) * 11 * 0.55 / 72 + 0.5 if len(data.series) > 1 else 0.1
    share = max(0.3, 1 - names - legend / inches - 0.02)
    _plot_layout(chart, names, 0.03, share, 0.85)
    return share


def _labels_past_whiskers(plotted, values: list, ends: list, per_unit: float) -> None:
    """Move each value label from its bar's end past its whisker's end, so the two never meet.

    `per_unit` is the chart width share of one value unit. The moved label keeps the series' number
    format and font (a point's own c:dLbl would otherwise fall back to the defaults).
    """
    from copy import deepcopy

    from lxml import etree

    shared = plotted._element.find(f"{{{_C}}}dLbls")
    for leader in shared.findall(f"{{{_C}}}showLeaderLines"):  # a line to the moved label would pass
        leader.set("val", "0")  # for a whisker
    for index, (value, high) in enumerate(zip(values, ends, strict=False)):
        if value is None or high is None or high <= value:
            continue
        label = plotted.points[index].data_label._get_or_add_dLbl()
        if label.find(f"{{{_C}}}tx") is None:  # a plain value label: give it the series' format
            for tag in ("numFmt", "txPr"):
                mine, theirs = label.find(f"{{{_C}}}{tag}"), shared.find(f"{{{_C}}}{tag}")
                if theirs is None:
                    continue
                if mine is not None:
                    label.replace(mine, deepcopy(theirs))
                elif tag == "numFmt":
                    label.find(f"{{{_C}}}spPr").addprevious(deepcopy(theirs))
                else:
                    label.find(f"{{{_C}}}spPr").addnext(deepcopy(theirs))
        layout = etree.Element(f"{{{_C}}}layout")
        manual = etree.SubElement(layout, f"{{{_C}}}manualLayout")
        etree.SubElement(manual, f"{{{_C}}}x").set("val", f"{(high - value) * per_unit + 0.004:.4f}")
        etree.SubElement(manual, f"{{{_C}}}y").set("val", "0")
        label.find(f"{{{_C}}}idx").addnext(layout)  # c:layout comes right after c:idx


def _title_lines(text: str, width: int) -> int:
    """How many lines a chart title of 12 pt bold takes in a frame `width` EMU wide (an estimate)."""
    per_line = max(8, int(width / 914400 * 0.9 * 72 / (12 * 0.62)))  # titles wrap inside the frame
    return sum(len(textwrap.wrap(part, per_line) or [""]) for part in text.splitlines()) if text else 0


def _dot_plot_area(chart, height: int, lines: int) -> float:
    """Fix a dot plot's plot area under a title of `lines` lines, above the axis labels; returns its width.

    The names are a series inside the plot, so the plot spans the chart's width. Panels pass the most
    lines of any panel's title, so their rows line up.
    """
    inches_high = height / 914400
    y = min(0.5, (0.25 + lines * 12 * 1.45 / 72) / inches_high)
    _plot_layout(chart, 0.01, y, 0.97, max(0.3, 1 - y - 0.4 / inches_high))
    return 0.97


def bottom_up(data: ChartData) -> ChartData:
    """Clustered bars written in the order PowerPoint draws them: last category and last group first.

    A horizontal bar chart draws categories, and the groups within each, from the bottom up. Reversing
    the category axis (c:orientation maxMin) puts the first group on top, but then LibreOffice lists
    the legend upside down (it always lists a horizontal bar chart's series last first), while
    PowerPoint's vertical legend follows the bars. With the data written bottom-up on a normal axis and
    the legend at the right, both read top to bottom in the order of the table and the matplotlib chart.
    """

    def flipped(values: list) -> list:
        return list(reversed(values))

    return replace(
        data,
        categories=flipped(data.categories),
        beside=flipped(data.beside),
        series=[
            replace(
                s, values=flipped(s.values), marks=flipped(s.marks), low=flipped(s.low), high=flipped(s.high)
            )
            for s in reversed(data.series)
        ],
    )


def _diverging_order(data: ChartData) -> list[int]:
    """PowerPoint stacks negative values outward in series order: the option next to zero comes first."""
    return [*reversed(range(data.negative)), *range(data.negative, len(data.series))]


def _category_label(data: ChartData, index: int) -> str:
    """Category text; the diverging chart states neutral and 'vet ikke' beside each item."""
    label = data.categories[index]
    if data.beside:
        label += f"\n({data.beside_title}: {data.beside[index]})"
    return clean_text(label)


def _series_name(series) -> str:
    return f"{series.name} :" if series.suppressed else series.name


def _reach(data: ChartData) -> float:
    sides = [data.series[: data.negative], data.series[data.negative :]]
    return max(
        (sum(s.values[i] or 0 for s in side) for side in sides for i in range(len(data.categories))),
        default=1.0,
    )


def _largest(data: ChartData) -> float:
    ends = [
        v for s in data.series for v in (s.high if data.whiskers and s.high else s.values) if v is not None
    ]
    return max(ends, default=1.0)


def _label_points(data: ChartData) -> int:
    """Value labels in points, smaller as the bars get thinner."""
    bars = len(data.categories) * (len(data.series) if data.kind is Kind.BARS else 1)
    return 12 if bars <= 12 else 10 if bars <= 24 else 9 if bars <= 36 else 8


def _base_look(chart, data: ChartData) -> None:
    from pptx.util import Pt

    chart.font.size = Pt(12)
    chart.font.color.rgb = _rgb(TEXT_COLOUR)
    chart.category_axis.tick_labels.font.size = Pt(12 if len(data.categories) <= 12 else 10)
    chart.category_axis.format.line.color.rgb = _rgb("999999")
    chart.category_axis.has_major_gridlines = False


def _legend(chart, data: ChartData, show: bool, right: bool = False) -> None:
    """Legend above the chart; at the right for clustered bars, where it lists the groups top to bottom."""
    from pptx.enum.chart import XL_LEGEND_POSITION
    from pptx.util import Pt

    chart.has_legend = show
    if show:
        chart.legend.position = XL_LEGEND_POSITION.RIGHT if right else XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = right  # beside the plot, never over the bars
        chart.legend.font.size = Pt(11)


def _fill(plotted, colour: str) -> None:
    fill = plotted.format.fill
    fill.solid()
    fill.fore_color.rgb = _rgb(colour)


def _rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


def _mark_significant(plotted, series, data: ChartData) -> None:
    """Write the significance letters into the labels of the bars that carry them (as the table does)."""
    from pptx.util import Pt

    for index, (value, mark) in enumerate(zip(series.values, series.marks, strict=False)):
        if mark and value is not None:
            frame = plotted.points[index].data_label.text_frame
            frame.text = value_label(value, data.percent, mark, data.decimals)
            frame.paragraphs[0].runs[0].font.size = Pt(_label_points(data))
            frame.paragraphs[0].runs[0].font.bold = True


def _hide_small_labels(plotted, series, smallest: float) -> None:
    """A label on a sliver is unreadable and overlaps its neighbours: delete it (c:dLbl/c:delete)."""
    from lxml import etree

    dlbls = plotted._element.find(f"{{{_C}}}dLbls")
    for index in reversed(range(len(series.values))):
        value = series.values[index]
        if value is not None and abs(value) >= smallest:
            continue
        label = etree.SubElement(dlbls, f"{{{_C}}}dLbl")
        etree.SubElement(label, f"{{{_C}}}idx").set("val", str(index))
        etree.SubElement(label, f"{{{_C}}}delete").set("val", "1")
        dlbls.remove(label)
        dlbls.insert(0, label)  # c:dLbl elements come first in c:dLbls


def add_error_bars(
    ser, values: list, low: list, high: list, percent: bool = True, direction: str | None = None
) -> None:
    """Wilson whiskers as native error bars: `c:errBars` with custom plus/minus, in schema order.

    CT_BarSer/CT_LineSer: … dLbls, trendline*, errBars, cat, val …; CT_ScatterSer: … errBars{0,2}, xVal, yVal.
    """
    from lxml import etree

    def q(tag: str) -> str:
        return f"{{{_C}}}{tag}"

    bars = etree.Element(q("errBars"))
    if direction:
        etree.SubElement(bars, q("errDir")).set("val", direction)
    etree.SubElement(bars, q("errBarType")).set("val", "both")
    etree.SubElement(bars, q("errValType")).set("val", "cust")
    etree.SubElement(bars, q("noEndCap")).set("val", "0")
    scale = 100 if percent else 1
    for tag, pairs in (("plus", zip(high, values, strict=True)), ("minus", zip(values, low, strict=True))):
        literal = etree.SubElement(etree.SubElement(bars, q(tag)), q("numLit"))
        etree.SubElement(literal, q("formatCode")).text = "General"
        etree.SubElement(literal, q("ptCount")).set("val", str(len(values)))
        for index, (a, b) in enumerate(pairs):
            if a is None or b is None:
                continue
            point = etree.SubElement(literal, q("pt"))
            point.set("idx", str(index))
            etree.SubElement(point, q("v")).text = repr(round(max(a - b, 0.0) / scale, 6))
    line = etree.SubElement(
        etree.SubElement(bars, q("spPr")), "{http://schemas.openxmlformats.org/drawingml/2006/main}ln"
    )
    line.set("w", "9525")
    fill = etree.SubElement(line, "{http://schemas.openxmlformats.org/drawingml/2006/main}solidFill")
    etree.SubElement(fill, "{http://schemas.openxmlformats.org/drawingml/2006/main}srgbClr").set(
        "val", "333333"
    )
    following = ("cat", "val", "xVal", "yVal", "shape", "smooth", "extLst")
    for child in ser:
        if etree.QName(child).localname in following:
            child.addprevious(bars)
            return
    ser.append(bars)


# --------------------------------------------------------------------------- dot plot, line, table


def _dots(
    slide, data: ChartData, left: int, top: int, width: int, height: int, title: str = "", names: bool = True,
    lines: int | None = None, limit: float | None = None,
):  # fmt: skip
    """Cleveland dot plot as an XY scatter: one row per group (y = rank), sorted, the whole country dashed.

    The group names are the labels of a marker-less series at the left end of the axis (a scatter has no
    category axis); a suppressed group gets its name and ":" there, and no point anywhere.
    """
    from pptx.chart.datalabel import DataLabels
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_MARKER_STYLE
    from pptx.util import Pt

    rows = len(data.categories)
    unit = 100 if data.percent else 1
    number_format = _number_format(data)
    references = [r for r in data.references if r is not None]
    top_value = nice(max(limit or _largest(data), *references, 1.0) * 1.15)  # panels share `limit`
    step = nice(top_value / 4)
    room = math.ceil(top_value * 0.55 / step) * step if names else 0.0  # the name column, left of zero
    chart_data = xy_chart_data(number_format)
    if names:  # first: LibreOffice scales a scatter wrongly when a longer series comes after shorter ones
        column = chart_data.add_series(t("Grupper"), number_format=number_format)
        for rank in range(rows):
            column.add_data_point(-room / unit, rows - rank)
    points_of = []
    for series in data.series:
        xy = chart_data.add_series(clean_text(series.name), number_format=number_format)
        points = [rank for rank, value in enumerate(series.values) if value is not None]
        for rank in points:  # a suppressed group gets no point at all
            xy.add_data_point(series.values[rank] / unit, rows - rank)
        points_of.append(points)
    reference_series = references[:1] if len(data.series) == 1 else references
    for reference in reference_series:
        line = chart_data.add_series(t("Hele landet"), number_format=number_format)
        line.add_data_point(reference / unit, 0.4)
        line.add_data_point(reference / unit, rows + 0.6)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, left, top, width, height, chart_data)
    chart = frame.chart
    chart.font.size = Pt(10)
    x_axis, y_axis = chart.category_axis, chart.value_axis
    x_axis.minimum_scale, x_axis.maximum_scale = -room / unit, top_value / unit
    x_axis.major_unit = step / unit
    # no ticks in the name column (negative), nor past 100 % where the axis only makes room for labels;
    # the thresholds allow for the rounding of tick positions counted from the axis' negative start
    x_axis.tick_labels.number_format = (
        f'[>1.0001]"";[<-0.0001]"";{number_format}' if data.percent else f"{number_format};;{number_format}"
    )
    x_axis.tick_labels.number_format_is_linked = False
    x_axis.has_major_gridlines = False
    y_axis.minimum_scale, y_axis.maximum_scale = 0.4, rows + 0.6
    y_axis.has_major_gridlines = True
    y_axis.major_unit = 1
    y_axis.major_gridlines.format.line.color.rgb = _rgb(GRID_COLOUR)
    y_axis.tick_labels.number_format = '""'
    y_axis.tick_labels.number_format_is_linked = False
    y_axis.format.line.fill.background()
    y_axis.major_tick_mark = 2  # XL_TICK_MARK.NONE
    # labels moved past whiskers need a fixed plot area (a known width; panels get the same title room
    # so their rows line up); otherwise the application lays the plot out, which uses the height best
    fixed = lines is not None or (data.whiskers and len(data.series) == 1)
    heading = _title_lines(_dot_title(data, title), width) if lines is None else lines
    share = _dot_plot_area(chart, height, heading) if fixed else 0.0
    plotted = list(chart.plots[0].series)
    size = Pt(9 if rows > 10 else 10)
    if names:
        shape = plotted.pop(0)
        shape.marker.style = XL_MARKER_STYLE.NONE
        shape.format.line.fill.background()
        for rank, name in enumerate(data.categories):
            label = shape.points[rank].data_label
            hidden = all(s.values[rank] is None for s in data.series)
            label.text_frame.text = clean_text(f"{name} {SUPPRESSED}" if hidden else name)
            label.text_frame.paragraphs[0].runs[0].font.size = size
            label.position = XL_LABEL_POSITION.RIGHT
            label.text_frame.word_wrap = False  # one line per name: rows stay apart
    for shape, series, points in zip(plotted, data.series, points_of, strict=False):
        shape.format.line.fill.background()
        shape.marker.style = XL_MARKER_STYLE.CIRCLE
        shape.marker.size = 9
        shape.marker.format.fill.solid()
        shape.marker.format.fill.fore_color.rgb = _rgb(series.colour)
        shape.marker.format.line.color.rgb = _rgb("FFFFFF")
        labels = DataLabels(shape._element.get_or_add_dLbls())  # XySeries has no data_labels property
        labels.number_format, labels.number_format_is_linked = number_format, False
        if len(data.series) == 1:
            for point, rank in enumerate(points):
                label = shape.points[point].data_label
                label.text_frame.text = value_label(series.values[rank], data.percent, "", data.decimals)
                label.text_frame.paragraphs[0].runs[0].font.size = size
                label.position = XL_LABEL_POSITION.RIGHT
                _white_behind(label._get_or_add_dLbl())  # readable where it crosses the reference line
        if data.whiskers and series.low:
            ends = [series.high[r] for r in points]
            add_error_bars(
                shape._element, [series.values[r] for r in points], [series.low[r] for r in points],
                ends, data.percent, direction="x",
            )  # fmt: skip
            if len(data.series) == 1:  # beside the dot the label would sit on the whisker: move it past
                per_unit = share / ((top_value + room) / unit) / unit
                _labels_past_whiskers(shape, [series.values[r] for r in points], ends, per_unit)
    for shape, reference, series in zip(
        plotted[len(data.series) :], reference_series, data.series, strict=False
    ):
        shape.marker.style = XL_MARKER_STYLE.NONE
        shape.format.line.color.rgb = _rgb(REFERENCE_COLOUR if len(data.series) == 1 else series.colour)
        shape.format.line.width = Pt(1.25)
        shape.format.line.dash_style = 4  # MSO_LINE_DASH_STYLE.DASH
        if title or len(data.series) > 1:
            continue  # in the title instead: labels of several lines would overlap
        label = shape.points[1].data_label
        label.text_frame.text = whole_country(value_label(reference, data.percent, "", data.decimals))
        label.text_frame.paragraphs[0].runs[0].font.size = size
        label.position = XL_LABEL_POSITION.ABOVE
    chart.has_legend = len(data.series) > 1 and names
    if chart.has_legend:
        _legend(chart, data, True)
        first = 1 if names else 0
        hide = [0] if names else []
        hide += list(range(first + len(data.series), first + len(data.series) + len(reference_series)))
        _hide_legend_entries(chart, hide)  # only the options in the legend
    if title:
        _title(chart, _dot_title(data, title))
    else:
        chart.has_title = False
    return frame


def _white_behind(label) -> None:
    """Give a data label (c:dLbl) a white fill, so a line passing behind it never strikes its text."""
    from lxml import etree

    drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
    shape = label.find(f"{{{_C}}}spPr")
    if shape is None:
        shape = etree.Element(f"{{{_C}}}spPr")
        later = [label.find(f"{{{_C}}}{tag}") for tag in ("txPr", "dLblPos", "showLegendKey")]
        next(e for e in later if e is not None).addprevious(shape)
    for child in list(shape):
        shape.remove(child)
    etree.SubElement(etree.SubElement(shape, f"{{{drawing}}}solidFill"), f"{{{drawing}}}srgbClr").set(
        "val", "FFFFFF"
    )


def _dot_title(data: ChartData, title: str) -> str:
    """A dot panel's title with the whole country's value under it."""
    return f"{title}\n{data.reference_text}" if title and data.reference_text else title


def etree_sub(parent, tag: str, value: str):
    from lxml import etree

    child = etree.SubElement(parent, f"{{{_C}}}{tag}")
    child.set("val", value)
    return child


def _line(slide, data: ChartData, left: int, top: int, width: int, height: int):
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_MARKER_STYLE
    from pptx.util import Pt

    number_format = _number_format(data)
    chart_data = category_chart_data(number_format)
    chart_data.categories = [clean_text(c) for c in data.categories]
    for series in data.series:
        chart_data.add_series(
            clean_text(series.name), [_fraction(v, data.percent) for v in series.values], number_format
        )
    frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, left, top, width, height, chart_data)
    chart = frame.chart
    _base_look(chart, data)
    chart.value_axis.minimum_scale = 0
    chart.value_axis.maximum_scale = nice(_largest(data) * 1.1) / (100 if data.percent else 1)
    chart.value_axis.tick_labels.number_format = number_format
    chart.value_axis.tick_labels.number_format_is_linked = False
    chart.value_axis.major_gridlines.format.line.color.rgb = _rgb(GRID_COLOUR)
    for plotted, series in zip(chart.plots[0].series, data.series, strict=True):
        plotted.smooth = False
        plotted.format.line.color.rgb = _rgb(series.colour)
        plotted.format.line.width = Pt(2.25)
        plotted.marker.style = XL_MARKER_STYLE.CIRCLE
        plotted.marker.size = 8
        plotted.marker.format.fill.solid()
        plotted.marker.format.fill.fore_color.rgb = _rgb(series.colour)
        plotted.marker.format.line.color.rgb = _rgb(series.colour)
        labels = plotted.data_labels
        labels.show_value = True
        labels.number_format = number_format
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.ABOVE
        labels.font.size = Pt(10)
        labels.font.color.rgb = _rgb(series.colour)
    _legend(chart, data, len(data.series) > 1)
    return frame


def _table(slide, data: ChartData, left: int, top: int, width: int, height: int):
    """A native table: options down, groups across, ":" for a suppressed group."""
    from pptx.util import Pt

    header = data.rows[0]
    row_height = min(int(height / max(len(data.rows), 1)), int(Pt(26)))
    frame = slide.shapes.add_table(len(data.rows), len(header), left, top, width, row_height * len(data.rows))
    table = frame.table
    first = int(width * (0.45 if len(header) <= 4 else 0.3))
    table.columns[0].width = first
    for column in range(1, len(header)):
        table.columns[column].width = int((width - first) / (len(header) - 1))
    for r, row in enumerate(data.rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = clean_text(text)
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.alignment = 1 if c == 0 else 3  # left / right
            for run in paragraph.runs:
                run.font.size = Pt(12 if len(data.rows) <= 12 else 10)
                run.font.bold = r == 0
    return frame


def _panels(slide, data: ChartData, left: int, top: int, width: int, height: int) -> list:
    """Small multiples: one native chart per panel, side by side (two rows when there are many).

    Only the first column carries the category names (and the legend); every panel's plot area is
    placed by hand at the same height, so rows line up across the charts.
    """
    from pptx.enum.chart import XL_TICK_LABEL_POSITION

    count = len(data.panels)
    columns = count if count <= 5 else math.ceil(count / 2)
    rows = math.ceil(count / columns)
    gap = int(width * 0.01)
    names = int(width * 0.2)
    cell_width = int((width - names - gap * (columns - 1)) / columns)
    cell_height = int((height - gap * (rows - 1)) / rows)
    shapes = []
    diverging = [p for p in data.panels if p.kind is Kind.DIVERGING]
    shared = max(_reach(p) for p in diverging) if diverging else None  # one scale for every panel
    dots = [p for p in data.panels if p.kind is Kind.DOTS]
    # every dot panel: the same title room (plus a legend row when there is one) and the same scale
    heading = max((_title_lines(_dot_title(p, p.title), cell_width) for p in dots), default=0)
    heading += 1 if any(len(p.series) > 1 for p in dots) else 0
    limit = max((max(_largest(p), *[r for r in p.references if r is not None]) for p in dots), default=None)
    for index, panel in enumerate(data.panels):
        first = index % columns == 0
        x = left + (index % columns) * (cell_width + gap) + (0 if first else names)
        y = top + (index // columns) * (cell_height + gap)
        box = cell_width + (names if first else 0)
        panel.decimals, panel.whiskers = data.decimals, data.whiskers
        if panel.kind is Kind.DOTS:
            frame = _dots(slide, panel, x, y, box, cell_height, panel.title, first, heading, limit)
        else:
            # the n per item drawn beside in matplotlib goes into the panel's title here: panels are narrow
            title = f"{panel.title}\n{panel.short_base}" if panel.beside_title == "n" else panel.title
            panel = replace(panel, beside=[], beside_title="") if panel.beside_title == "n" else panel
            frame = _category(slide, panel, x, y, box, cell_height, shared)
            _title(frame.chart, title)
            frame.chart.has_legend = index == 0
            if frame.chart.has_legend:
                _legend(frame.chart, panel, True)
            if not first:
                frame.chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
            share = names / box if first else 0.0
            _plot_layout(frame.chart, share + 0.02, 0.3, 1 - share - 0.05, 0.6)
        frame._element.nvGraphicFramePr.cNvPr.set("descr", clean_text(f"{data.alt_text} {panel.title}."))
        shapes.append(frame)
    return shapes


def _plot_layout(chart, x: float, y: float, w: float, h: float) -> None:
    """Place the inner plot area at fractions of the chart frame (c:plotArea/c:layout/c:manualLayout)."""
    area = chart._chartSpace.find(f".//{{{_C}}}plotArea")
    layout = area.find(f"{{{_C}}}layout")
    if layout is None:
        layout = area.makeelement(f"{{{_C}}}layout", {})
        area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    manual = etree_sub(layout, "manualLayout", "")
    del manual.attrib["val"]
    etree_sub(manual, "layoutTarget", "inner")
    etree_sub(manual, "xMode", "edge")
    etree_sub(manual, "yMode", "edge")
    for tag, value in (("x", x), ("y", y), ("w", w), ("h", h)):
        etree_sub(manual, tag, f"{value:.4f}")


def _title(chart, text: str) -> None:
    from pptx.util import Pt

    chart.has_title = True
    chart.chart_title.text_frame.text = clean_text(text)
    run = chart.chart_title.text_frame.paragraphs[0].runs[0]
    run.font.size, run.font.bold = Pt(12), True
