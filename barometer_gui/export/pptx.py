"""PowerPoint reports with native, editable charts of the engine's numbers.

One slide per table (a crowded chart continues on the next slides): the question as title, a native bar chart built from
`chart_data` (so it equals the table), and a footnote with base, weighting,
tests and source. python-pptx is imported lazily; it is only needed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from barometer_gui.charts.bars import label_size, series_colours, value_label
from barometer_gui.core.chartdata import ChartData, chart_data
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.files import atomic_write
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.tabulate import Table

#: Percent with a space, as Norwegian writes it (12 %); values are fractions (0.12).
PERCENT = "0 %"


def write_report(
    tables: Sequence[Table],
    out: str | Path,
    template: str | Path | None = None,
    progress: Progress = no_progress,
) -> Path:
    """Write the deck to a temporary file and move it into place when complete."""
    if not tables:
        raise BarometerError("Rapporten har ingen tabeller.")
    presentation = _open_template(template)
    for index, table in enumerate(tables):
        progress(index / len(tables), f"Lager lysbilde {index + 1} av {len(tables)} …")
        add_table_slides(presentation, table, own_layout=template is None)
    progress(0.95, "Lagrer …")
    atomic_write(out, lambda temp: presentation.save(str(temp)))
    progress(1.0, "Ferdig")
    return Path(out)


def _open_template(template: str | Path | None):
    from pptx import Presentation
    from pptx.util import Inches

    if template is None:
        presentation = Presentation()
        presentation.slide_width, presentation.slide_height = Inches(13.333), Inches(7.5)
        return presentation
    try:
        return Presentation(str(template))
    except Exception:  # python-pptx raises zip, XML and key errors for broken templates
        raise BarometerError(f"Malen «{Path(template).name}» kunne ikke åpnes som PowerPoint-fil.") from None


def _layout(presentation):
    """A 'Title Only' layout if the template has one, else the layout with the fewest placeholders."""
    for layout in presentation.slide_layouts:
        if layout.name.lower() in {"title only", "kun tittel", "bare tittel"}:
            return layout
    with_title = [
        lay
        for lay in presentation.slide_layouts
        if any(p.placeholder_format.type == 1 for p in lay.placeholders)
    ]
    candidates = with_title or list(presentation.slide_layouts)
    return min(candidates, key=lambda lay: len(lay.placeholders))


def add_table_slides(presentation, table: Table, own_layout: bool = True) -> int:
    """Add the table's slides (a crowded chart is split over several); returns how many.

    `own_layout` places the title ourselves (our default deck); a user's template keeps its own.
    """
    pages = chart_data(table).pages()
    for page in pages:
        _add_slide(presentation, table, page, own_layout)
    return len(pages)


def _add_slide(presentation, table: Table, data: ChartData, own_layout: bool) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    slide = presentation.slides.add_slide(_layout(presentation))
    width, height = presentation.slide_width, presentation.slide_height
    margin = int(width * 0.04)
    title = slide.shapes.title
    if title is not None:
        title.text = table.question.text
        if own_layout:
            title.left, title.top = margin, int(height * 0.04)
            title.width, title.height = width - 2 * margin, int(height * 0.12)
        for paragraph in title.text_frame.paragraphs:
            if own_layout:
                paragraph.alignment = PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size = Pt(24)
                run.font.bold = own_layout
    top = int(height * 0.22)
    subtitle = slide.shapes.add_textbox(margin, int(height * 0.165), width - 2 * margin, int(height * 0.05))
    subtitle.text_frame.word_wrap = True
    subtitle.text_frame.text = data.subtitle
    subtitle.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    subtitle.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    chart_height = int(height * 0.6)
    if data.empty:
        box = slide.shapes.add_textbox(margin, top, width - 2 * margin, chart_height)
        box.text_frame.text = data.notes[0] if data.notes else "Ingen data å vise."
    else:
        _add_chart(slide, data, margin, top, width - 2 * margin, chart_height)
    foot = slide.shapes.add_textbox(
        margin, top + chart_height + int(height * 0.01), width - 2 * margin, int(height * 0.12)
    )
    frame = foot.text_frame
    frame.word_wrap = True
    frame.text = " ".join([table.footnote(), *data.notes])
    for run in frame.paragraphs[0].runs:
        run.font.size = Pt(9)


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


def _add_chart(slide, data: ChartData, left: int, top: int, width: int, height: int) -> None:
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
