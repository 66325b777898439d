"""The one place the report exporters reach the chart code (charts/model, charts/bars, export/pptx_charts).

The chart modules are being extended (new kinds, error bars, a style module, a Figure-drawing
function for PDF and images); when they land, only this adapter changes. Nothing here computes a
number: it hands the engine's `Table` to the chart code and sets what a report adds around it
(alternative text, the own area emphasised).
"""

from __future__ import annotations

from matplotlib.figure import Figure

from barometer_gui.charts.bars import draw_table
from barometer_gui.charts.model import ChartData, chart_data
from barometer_gui.core.tabulate import Table
from barometer_gui.export.pptx_charts import add_chart

#: The own area in a comparison: strong; the rest of the country and the whole country: greys.
OWN_AREA = "1F4E79"
OTHERS = ("A6A6A6", "D0D0D0")


def chart_pages(table: Table) -> list[ChartData]:
    """The chart of `table`, split into parts when it is too crowded for one slide."""
    return chart_data(table).pages()


def add_native_chart(slide, table: Table, data: ChartData, box: tuple[int, int, int, int], alt: str):
    """A native, editable chart of `data` in `box` (left, top, width, height); returns its shape."""
    add_chart(slide, data, *box)
    shape = slide.shapes[-1]
    set_alt_text(shape, alt)
    shape.chart.has_title = False  # the slide title says it; PowerPoint would repeat a lone series' name
    if table.spec.benchmark and not data.stacked:
        _emphasise_own_area(shape.chart, table)
    return shape


def set_alt_text(shape, text: str) -> None:
    """Alternative text is `descr` on the shape's p:cNvPr (charts, pictures and tables alike)."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def _emphasise_own_area(chart, table: Table) -> None:
    from pptx.dml.color import RGBColor

    greys = iter(OTHERS)
    for series in chart.plots[0].series:
        colour = _colour_for(series.name, table, greys)
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(colour)


def _colour_for(name: str, table: Table, greys) -> str:
    own = table.spec.benchmark[1].casefold()
    return OWN_AREA if name.casefold().startswith(own) else next(greys, OTHERS[-1])


def _emphasise_own_bars(axes, table: Table) -> None:
    """The same emphasis as on slides: own area strong, the others grey (bars and legend keys)."""
    greys = iter(OTHERS)
    colours = {}
    for container in axes.containers:
        colours[container.get_label()] = "#" + _colour_for(container.get_label(), table, greys)
        for bar in container:
            bar.set_facecolor(colours[container.get_label()])
    legend = axes.get_legend()
    if legend is not None:
        for handle, text in zip(legend.legend_handles, legend.texts, strict=False):
            if text.get_text() in colours:
                handle.set_facecolor(colours[text.get_text()])


def draw_chart_only(figure: Figure, table: Table, rect: tuple[float, float, float, float]) -> ChartData:
    """The chart of `table` laid out inside `rect` (left, bottom, right, top) of `figure`.

    The page around it (title, subtitle, footnote) is the report's, so the chart's own title and
    caption are taken off; the legend and the bars stay exactly as on screen.
    """
    data = draw_table(figure, table)
    for text in list(figure.texts):
        text.remove()
    for axes in figure.axes:
        axes.set_title("", loc="left")
        if table.spec.benchmark and not data.stacked:
            _emphasise_own_bars(axes, table)
    figure.set_layout_engine("tight", rect=rect)
    return data
