"""Native, editable PowerPoint charts drawn from a chart model (never from matplotlib).

Deck assembly (slides, titles, footnotes, templates) lives in `export/pptx.py`;
this module only turns one `ChartData` into one chart shape in a given box.
"""

from __future__ import annotations

from barometer_gui.charts.bars import label_size, series_colours, value_label
from barometer_gui.charts.model import ChartData

#: Percent with a space, as Norwegian writes it (12 %); values are fractions (0.12).
PERCENT = "0 %"


def _mark_significant(chart, data: ChartData, number_format: str) -> None:
    """Write the significance letters into the labels of the bars that carry them (as the table does)."""
    from pptx.enum.chart import XL_LABEL_POSITION
    from pptx.util import Pt

    for plotted, series in zip(chart.plots[0].series, data.series, strict=True):
        if not any(series.marks):
            continue
        # A point with its own label needs the series' labels spelled out, or the others vanish.
        labels = plotted.data_labels
        labels.show_value = True
        labels.number_format = number_format
        labels.number_format_is_linked = False
        labels.font.size = Pt(label_size(data))
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        for index, (value, mark) in enumerate(zip(series.values, series.marks, strict=False)):
            if mark and value is not None:
                frame = plotted.points[index].data_label.text_frame
                frame.text = value_label(value, data.percent, mark)
                frame.paragraphs[0].runs[0].font.size = Pt(label_size(data))
                frame.paragraphs[0].runs[0].font.bold = True


def add_chart(slide, data: ChartData, left: int, top: int, width: int, height: int) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
    from pptx.util import Pt

    number_format = PERCENT if data.percent else "0.0"
    chart_data_ = CategoryChartData(number_format=number_format)
    chart_data_.categories = data.categories
    for series in data.series:
        values = [None if v is None else (v / 100 if data.percent else v) for v in series.values]
        chart_data_.add_series(series.name, values, number_format)
    kind = XL_CHART_TYPE.BAR_STACKED_100 if data.stacked else XL_CHART_TYPE.BAR_CLUSTERED
    chart = slide.shapes.add_chart(kind, left, top, width, height, chart_data_).chart
    chart.font.size = Pt(11)
    chart.category_axis.reverse_order = True  # first option at the top, as in the table
    # …with the value axis still at the bottom: it crosses the category axis at its last category.
    # python-pptx has no setter for the value axis' own crossing, so set the OOXML element.
    for crosses in chart.value_axis._element.xpath("c:crosses"):
        crosses.set("val", "max")
    chart.category_axis.tick_labels.font.size = Pt(11)
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.tick_labels.number_format = number_format
    value_axis.tick_labels.number_format_is_linked = False
    if data.percent and not data.stacked:
        value_axis.maximum_scale = 1.0
        value_axis.minimum_scale = 0.0
    plot = chart.plots[0]
    plot.gap_width = 60 if len(data.series) > 1 else 80
    if not data.stacked:
        plot.overlap = 0
    plot.has_data_labels = True
    labels = plot.data_labels
    # In stacked bars a label on a sliver is unreadable: hide labels under 4 %.
    labels.number_format = f'[<0.04]"";{PERCENT}' if data.stacked else number_format
    labels.number_format_is_linked = False
    labels.font.size = Pt(label_size(data))
    if not data.stacked:
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    for series, colour in zip(chart.series, series_colours(data), strict=True):
        fill = series.format.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(colour.lstrip("#"))
    _mark_significant(chart, data, number_format)
    chart.has_legend = len(data.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(10)
