"""PowerPoint reports with native, editable charts of the engine's numbers.

One slide per table (a crowded chart continues on the next slides): the question as title, a native bar chart built from
`chart_data` (so it equals the table), and a footnote with base, weighting,
tests and source. python-pptx is imported lazily; it is only needed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from barometer_gui.charts.model import ChartData, chart_data
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.files import atomic_write
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.tabulate import Table
from barometer_gui.export.pptx_charts import add_chart


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
        add_chart(slide, data, margin, top, width - 2 * margin, chart_height)
    foot = slide.shapes.add_textbox(
        margin, top + chart_height + int(height * 0.01), width - 2 * margin, int(height * 0.12)
    )
    frame = foot.text_frame
    frame.word_wrap = True
    frame.text = " ".join([table.footnote(), *data.notes])
    for run in frame.paragraphs[0].runs:
        run.font.size = Pt(9)
