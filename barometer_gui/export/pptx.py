"""The report as a PowerPoint deck built on a template's own layouts and placeholders.

Title slide, section slides, one slide per chart (a crowded chart continues on the next), a native
table slide where the item asks for one, text slides, and a method slide at the end. Every chart
is native and editable, carries alternative text, and the speaker notes hold its table as text.
The user's template (.pptx or .potx) decides the look: the title goes into the layout's title
placeholder and the chart into its content placeholder's box. python-pptx is imported lazily.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.files import atomic_write
from barometer_gui.core.i18n import t
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.report.content import (
    Block,
    Report,
    alt_text,
    answer_pages,
    foot_lines,
    free_text_notes,
    table_lines,
    table_text,
)
from barometer_gui.export.pptx_charts import add_chart
from barometer_gui.export.safe import clean_text

TITLE, BODY, CENTER_TITLE, SUBTITLE, OBJECT = 1, 2, 3, 4, 7
TEMPLATE = "barometer-16x9.pptx"
#: Rows of a native table per slide; more continue on the next slide.
TABLE_ROWS = 14


def write_deck(
    report: Report, out: str | Path, template: str | Path | None = None, progress: Progress = no_progress
) -> Path:
    """Build the whole deck in memory, then write it to a temporary file renamed into place."""
    deck = Deck(open_template(template))
    total = len(report.blocks) or 1
    for index, block in enumerate(report.blocks):
        progress(
            0.5 + 0.45 * index / total, t("Lager lysbilder ({n} av {total}) …", n=index + 1, total=total)
        )
        deck.add(block, report)
    deck.method(report)
    deck.number_slides()
    progress(0.97, t("Lagrer …"))
    atomic_write(out, lambda temp: deck.presentation.save(str(temp)))
    return Path(out)


def open_template(template: str | Path | None):
    """The user's .pptx/.potx (its slides removed), or the shipped 16:9 template."""
    from pptx import Presentation

    path = Path(template) if template else default_template()
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".potx":
            data = _potx_as_pptx(data)
        presentation = Presentation(io.BytesIO(data))
    except FileNotFoundError:
        raise BarometerError("Fant ikke malen «{name}».", name=path.name) from None
    except Exception:  # python-pptx raises zip, XML and key errors for broken templates
        raise BarometerError("Malen «{name}» kunne ikke åpnes som PowerPoint-fil.", name=path.name) from None
    _remove_slides(presentation)
    return presentation


def default_template() -> Path:
    """The shipped clean 16:9 template, found like every resource (source, wheel or bundle)."""
    from barometer_gui.core.resources import resource

    return resource("templates", TEMPLATE)


def _potx_as_pptx(data: bytes) -> bytes:
    """A .potx is a .pptx whose main part has the template content type; python-pptx wants the other."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"presentationml.template.main+xml", b"presentationml.presentation.main+xml"
                )
            target.writestr(info, content)
    return buffer.getvalue()


def _remove_slides(presentation) -> None:
    """A template may carry example slides; the report starts from its layouts only."""
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


class Deck:
    def __init__(self, presentation) -> None:
        self.presentation = presentation
        self.width, self.height = presentation.slide_width, presentation.slide_height
        layouts = list(presentation.slide_layouts)
        self.title_layout = _layout(layouts, {CENTER_TITLE}, ("title slide", "tittellysbilde"))
        self.section_layout = _layout(layouts, {TITLE}, ("section header", "inndelingsoverskrift", "section"))
        self.content_layout = _layout(layouts, {TITLE, OBJECT}, ("title and content", "tittel og innhold"))

    def add(self, block: Block, report: Report) -> None:
        if block.kind == "title":
            self.title(block.title or report.title, block.text or report.source)
        elif block.kind == "section":
            slide = self.presentation.slides.add_slide(self.section_layout)
            _fill_title(slide, block.title)
            _fill_body(slide, block.text, keep_empty=False)
        elif block.kind == "text":
            self.text(block.title, block.text.splitlines())
        elif block.kind == "freetext":
            self.free_text(block)
        else:
            self.question(block)

    def title(self, title: str, subtitle: str) -> None:
        slide = self.presentation.slides.add_slide(self.title_layout)
        _fill_title(slide, title)
        _fill_body(slide, subtitle, keep_empty=False)

    def text(self, title: str, lines: list[str]):
        slide = self.presentation.slides.add_slide(self.content_layout)
        _fill_title(slide, title)
        body = _content_placeholder(slide)
        if body is None:
            left, top, width, height = self._content_box(slide)
            body = slide.shapes.add_textbox(left, top, width, height)
        frame = body.text_frame
        frame.word_wrap = True
        frame.text = clean_text(lines[0] if lines else "")
        for line in lines[1:]:
            frame.add_paragraph().text = clean_text(line)
        _fit(body, lines, _style_size(slide, "p:bodyStyle", 28))
        return slide

    def question(self, block: Block) -> None:
        from pptx.util import Pt

        table = block.table
        assert table is not None and block.item is not None
        notes = table_text(block)
        if block.item.chart != "none":
            pages = block.chart().pages()
            for number, data in enumerate(pages, start=1):
                slide, box = self._frame(block, number, len(pages))
                if data.empty:
                    text = slide.shapes.add_textbox(*box)
                    text.text_frame.text = clean_text(" ".join(data.notes) or t("Ingen data å vise."))
                    text.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
                else:
                    for shape in add_chart(slide, data, *box):
                        set_alt_text(shape, clean_text(alt_text(block)))  # the report's names the main result
                slide.notes_slide.notes_text_frame.text = clean_text(notes)
        if block.item.table or block.item.chart == "none":
            self._table_slides(block, notes)

    def free_text(self, block: Block) -> None:
        """The answers as text, continued over as many slides as they need; the notes say how they are shown.

        With no answers to show (none, or too few to show safely) one slide says why in its body.
        """
        from pptx.util import Pt

        size = 14 if block.answers else 18
        shown = block if block.answers else replace(block, footnote="")
        first, box = self._frame(shown, 1, 1)
        width, height = box[2] / 12700, box[3] / 12700  # points
        pages = (
            answer_pages(block.answers, int(width / (size * 0.48)), int(height / (size * 1.2)))
            if block.answers
            else [[block.footnote]]
        )
        for number, answers in enumerate(pages, start=1):
            slide = first if number == 1 else self._frame(shown, number, len(pages))[0]
            if number == 1 and len(pages) > 1:
                _fill_title(slide, f"{block.title} (1/{len(pages)})")
            frame = slide.shapes.add_textbox(*box).text_frame
            frame.word_wrap = True
            for index, answer in enumerate(answers):
                paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
                paragraph.text = clean_text(("• " if block.answers else "") + answer)
                paragraph.space_after = Pt(size * 0.3)
                for run in paragraph.runs:
                    run.font.size = Pt(size)
            slide.notes_slide.notes_text_frame.text = clean_text(free_text_notes(block))

    def _frame(self, block: Block, number: int, count: int):
        """A content slide with title, subtitle and footnote; returns the box left for chart or table."""
        from pptx.util import Pt

        slide = self.presentation.slides.add_slide(self.content_layout)
        _fill_title(slide, block.title + (f" ({number}/{count})" if count > 1 else ""))
        left, top, width, height = self._content_box(slide)
        per_line = max(1, int(width / 12700 / (14 * 0.5)))  # characters of the 14 pt subtitle per line
        line = int(self.height * 0.05) * min(3, -(-len(block.subtitle) // per_line))
        subtitle = slide.shapes.add_textbox(left, top, width, line)
        _write(subtitle, block.subtitle, Pt(14), colour="404040")
        foot_height = int(self.height * 0.11)
        foot = slide.shapes.add_textbox(left, top + height - foot_height, width, foot_height)
        _write(foot, "\n".join(foot_lines(block)), Pt(10), colour="404040")
        return slide, (left, top + line, width, height - line - foot_height)

    def _content_box(self, slide) -> tuple[int, int, int, int]:
        """The layout's content placeholder box (removed from the slide), or the space under the title."""
        body = _content_placeholder(slide)
        if body is not None:
            box = (body.left, body.top, body.width, body.height)
            body._element.getparent().remove(body._element)
            return box
        title = slide.shapes.title
        top = (title.top + title.height) if title is not None else int(self.height * 0.05)
        margin = int(self.width * 0.05)
        return margin, top, self.width - 2 * margin, self.height - top - int(self.height * 0.08)

    def _table_slides(self, block: Block, notes: str) -> None:
        grid = block.grid()
        chunks = [grid.rows[i : i + TABLE_ROWS] for i in range(0, len(grid.rows), TABLE_ROWS)] or [[]]
        for number, rows in enumerate(chunks, start=1):
            slide, box = self._frame(block, number, len(chunks))
            alt = t("Tabell: {title}. {subtitle}", title=block.title, subtitle=block.subtitle)
            _native_table(slide, grid, rows, box, clean_text(alt))
            slide.notes_slide.notes_text_frame.text = clean_text(notes)

    def method(self, report: Report) -> None:
        if report.contents:
            self.text(t("Om tallene"), report.method_text())

    def number_slides(self) -> None:
        """A slide number field on every slide but the first (it renders in PowerPoint and LibreOffice)."""
        from pptx.oxml.ns import qn
        from pptx.util import Pt

        width, height = int(self.width * 0.08), int(self.height * 0.05)
        for slide in list(self.presentation.slides)[1:]:
            box = slide.shapes.add_textbox(
                self.width - width - int(self.width * 0.02), self.height - height, width, height
            )
            paragraph = box.text_frame.paragraphs[0]
            paragraph.alignment = 3  # right
            run = paragraph.add_run()
            run.text = "‹#›"
            run.font.size = Pt(10)
            field = paragraph._p.makeelement(
                qn("a:fld"), {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"}
            )
            field.append(run._r.find(qn("a:rPr")))
            text = field.makeelement(qn("a:t"), {})
            text.text = str(list(self.presentation.slides).index(slide) + 1)
            field.append(text)
            run._r.addprevious(field)
            run._r.getparent().remove(run._r)


def _layout(layouts, wanted: set[int], names: tuple[str, ...]):
    """A layout by name, else the one holding the wanted placeholder types with the fewest others."""
    for layout in layouts:
        if layout.name.casefold() in names:
            return layout

    def types(layout) -> set[int]:
        return {int(p.placeholder_format.type) for p in layout.placeholders}

    fitting = [
        lay for lay in layouts if wanted <= types(lay) or (OBJECT in wanted and {TITLE, BODY} <= types(lay))
    ]
    fitting = (
        fitting or [lay for lay in layouts if TITLE in types(lay) or CENTER_TITLE in types(lay)] or layouts
    )
    return min(fitting, key=lambda lay: len(lay.placeholders))


def _content_placeholder(slide):
    for shape in slide.placeholders:
        if (
            int(shape.placeholder_format.type) in (OBJECT, BODY, SUBTITLE)
            and shape.placeholder_format.idx != 0
        ):
            return shape
    return None


def _fill_title(slide, text: str) -> None:
    title = slide.shapes.title
    if title is None:
        return
    title.text = clean_text(text)
    _fit(title, [text], _style_size(slide, "p:titleStyle", 44))


def _style_size(slide, style: str, default: int) -> int:
    """The template's own level-1 size (points) for titles or body text."""
    sizes = slide.slide_layout.slide_master._element.xpath(f"./p:txStyles/{style}/a:lvl1pPr/a:defRPr/@sz")
    return int(sizes[0]) // 100 if sizes else default


def _fit(shape, paragraphs: list[str], size: int) -> None:
    """Shrink the text only when it would overflow its box at the template's size (a rough estimate,
    0.52 em per character, 1.2 line height): long questions in a small title placeholder stay inside."""
    from pptx.util import Pt

    width, height = shape.width / 12700, shape.height / 12700  # points
    start = size
    while size > 12:
        per_line = max(1, int(width / (size * 0.52)))
        lines = sum(max(1, -(-len(p) // per_line)) for p in paragraphs)
        if lines * size * 1.2 <= height:
            break
        size -= 2
    if size != start:
        for paragraph in shape.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(size)


def _fill_body(slide, text: str, keep_empty: bool) -> None:
    body = _content_placeholder(slide)
    if body is None:
        return
    if text or keep_empty:
        body.text_frame.text = clean_text(text)
    else:
        body._element.getparent().remove(body._element)


def _write(shape, text: str, size, colour: str) -> None:
    from pptx.dml.color import RGBColor

    frame = shape.text_frame
    frame.word_wrap = True
    frame.text = clean_text(text)
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = size
            run.font.color.rgb = RGBColor.from_string(colour)


def _native_table(slide, grid, rows, box, alt: str) -> None:
    from pptx.util import Pt

    headers, body = table_lines(grid, rows)
    lines = [headers, *body]
    left, top, width, height = box
    width = min(
        width, int(Pt(230) + Pt(95) * (len(headers) - 1))
    )  # a two-column table need not span the slide
    row_height = min(int(height / len(lines)), Pt(26))
    shape = slide.shapes.add_table(len(lines), len(headers), left, top, width, row_height * len(lines))
    table = shape.table
    first = int(width * (0.34 if len(headers) > 4 else 0.45))
    table.columns[0].width = first
    for index in range(1, len(headers)):
        table.columns[index].width = int((width - first) / (len(headers) - 1))
    size = Pt(12 if len(headers) <= 5 else 10 if len(headers) <= 9 else 8)
    for r, line in enumerate(lines):
        for c, text in enumerate(line):
            cell = table.cell(r, c)
            cell.text = clean_text(text)
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.alignment = 1 if c == 0 else 3
            for run in paragraph.runs:
                run.font.size = size
                run.font.bold = r == 0
    set_alt_text(shape, alt)


def set_alt_text(shape, text: str) -> None:
    """Alternative text is `descr` on the shape's p:cNvPr (charts, pictures and tables alike)."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)
