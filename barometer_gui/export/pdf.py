"""The report as a printable A4 landscape PDF, drawn with matplotlib's PDF backend.

Why matplotlib: the charts are already matplotlib drawings (the same as on screen), it is a
dependency anyway (no new package in the installer), its PDF backend embeds TrueType fonts
(`pdf.fonttype` 42) so text stays selectable and searchable, and a page is just a `Figure`, so
pages need no second layout engine. A title page, then per item the chart with its table beside
it (or on the next page when the table is large), footnotes and page numbers; a method page ends.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from barometer_gui.core.files import atomic_write
from barometer_gui.core.i18n import t
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.report.content import (
    Block,
    Grid,
    Report,
    answer_pages,
    foot_lines,
    table_lines,
    wrapped_lines,
)
from barometer_gui.export.safe import clean_text

A4_LANDSCAPE = (11.69, 8.27)
BLUE, GREY = "#1F4E79", "#404040"
#: A table this small fits beside the chart; larger ones get their own pages of TABLE_ROWS rows.
SIDE_ROWS, SIDE_COLUMNS, TABLE_ROWS = 14, 4, 24
#: Free-text answers: characters per line and lines per page at ANSWER_SIZE points.
ANSWER_SIZE, ANSWER_WIDTH, ANSWER_LINES = 10, 140, 25
#: Fonts embedded as TrueType (text selectable); survey text is text, never mathtext: an answer or label
#: with two «$» would otherwise be parsed as a formula (and a stray «\frac{» stops the whole file).
FONTS = {"pdf.fonttype": 42, "svg.fonttype": "none", "font.family": "DejaVu Sans", "text.parse_math": False}


def write_pdf(report: Report, out: str | Path, progress: Progress = no_progress) -> Path:
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    pages = plan(report)

    def build(temp: Path) -> None:
        with (
            rc_context(FONTS),
            PdfPages(str(temp), metadata={"Title": clean_text(report.title), "Creator": "Barometer"}) as pdf,
        ):
            # One Figure for every page: its renderer, and so matplotlib's cache of text sizes
            # (tick labels, option and group names repeat from page to page), lives for the whole file.
            figure = Figure(figsize=A4_LANDSCAPE)
            FigureCanvasAgg(figure)  # a renderer to measure line heights with
            for number, draw in enumerate(pages, start=1):
                progress(
                    0.5 + 0.45 * number / len(pages),
                    t("Lager side {n} av {total} …", n=number, total=len(pages)),
                )
                figure.clear()
                draw(figure)
                if number > 1:
                    page = t("Side {n} av {total}", n=number, total=len(pages))
                    figure.text(0.97, 0.02, page, ha="right", fontsize=8, color=GREY)
                pdf.savefig(figure)

    atomic_write(out, build)
    return Path(out)


def plan(report: Report) -> list[Callable]:
    """One drawing function per page, so page numbers know the total before anything is drawn."""
    pages: list[Callable] = [lambda f: _title_page(f, report)]
    for block in report.blocks:
        if block.kind == "question":
            pages += _question_pages(block)
        elif block.kind == "freetext":
            pages += _free_text_pages(block)
        elif block.kind in ("section", "text"):
            pages.append(
                lambda f, b=block: _text_page(f, b.title, b.text.splitlines(), large=b.kind == "section")
            )
    if report.contents:
        pages.append(lambda f: _text_page(f, t("Om tallene"), report.method_text()))
    return pages


def _question_pages(block: Block) -> list[Callable]:
    grid = block.grid()
    beside = len(grid.rows) <= SIDE_ROWS and len(grid.groups) <= SIDE_COLUMNS
    chart = block.item is None or block.item.chart != "none"
    pages: list[Callable] = []
    if chart:
        pages.append(lambda f: draw_item(f, block, grid if beside else None))
    if not chart or not beside:
        chunks = [grid.rows[i : i + TABLE_ROWS] for i in range(0, len(grid.rows), TABLE_ROWS)] or [[]]
        for rows in chunks:
            pages.append(lambda f, r=rows: _table_page(f, block, grid, r))
    return pages


def _free_text_pages(block: Block) -> list[Callable]:
    """The answers, one text per page (hanging bullets), continued over as many pages as they need."""
    if not block.answers:
        return [lambda f: _answers_page(f, block, [], block.footnote)]
    pages = answer_pages(block.answers, ANSWER_WIDTH, ANSWER_LINES)
    return [lambda f, a=answers: _answers_page(f, block, a, "") for answers in pages]


def _answers_page(figure, block: Block, answers: list[str], message: str) -> None:
    _heading(figure, block)
    lines = []
    for answer in answers:
        wrapped = wrapped_lines(answer, ANSWER_WIDTH)
        lines += ["•  " + wrapped[0], *("    " + w for w in wrapped[1:])]
    text = "\n".join(lines) if answers else textwrap.fill(message, 110)
    figure.text(
        0.03,
        0.84,
        clean_text(text),
        fontsize=ANSWER_SIZE if answers else 14,
        color="#202020",
        va="top",
        linespacing=1.45,
    )
    if answers:
        _footer(figure, block)


def draw_item(figure, block: Block, grid: Grid | None) -> None:
    """Title, subtitle, chart (and the table beside it when given), footnote: one item on one Figure."""
    assert block.table is not None
    right = 0.6 if grid is not None else 0.98
    draw_chart_only(figure, block, (0.02, 0.2, right, 0.86))
    _heading(figure, block)
    if grid is not None:
        _draw_table(figure, grid, grid.rows, (0.62, 0.22, 0.36, 0.62))
    _footer(figure, block)


def draw_chart_only(
    figure, block: Block, box: tuple[float, float, float, float], size: str = "a4-landscape"
) -> None:
    """The item's chart (charts/mpl, as on screen) inside `box` (left, bottom, right, top) of `figure`.

    The page around it says the title, subtitle, base and source, so the chart's own are left off;
    legend, bars, whiskers and the own area's colour stay exactly as in the chart model.
    """
    from barometer_gui.charts.mpl import draw
    from barometer_gui.charts.style import Style

    data = replace(block.chart(), title="", subtitle="", base="", weighting="", notes=[], source="")
    draw(figure, data, Style(size=size), box)
    freeze_layout(figure)


def freeze_layout(figure) -> None:
    """Keep the layout the chart has just computed (charts/mpl lays out before fitting its labels).

    Left switched on, matplotlib's tight layout runs again when the page is saved: a dry-run render
    with the PDF backend that measures every text anew, about a tenth of the PDF's time, for a
    layout that moves nothing by more than a point.
    """
    if figure.get_layout_engine() is not None:
        figure.set_layout_engine(None)


def _strong(figure, at: tuple[float, float], text: str, size: float, va: str) -> None:
    figure.text(*at, text, fontsize=size, fontweight="bold", color=BLUE, va=va)


def _heading(figure, block: Block) -> None:
    _strong(figure, (0.03, 0.955), textwrap.fill(clean_text(block.title), 95), 15, "top")
    figure.text(0.03, 0.88, clean_text(block.subtitle), fontsize=10, color=GREY, va="top")


def _footer(figure, block: Block) -> None:
    lines = [wrapped for line in foot_lines(block) for wrapped in textwrap.wrap(clean_text(line), 190)]
    figure.text(0.03, 0.165, "\n".join(lines), fontsize=7.5, color=GREY, va="top", linespacing=1.4)


def _table_page(figure, block: Block, grid: Grid, rows) -> None:
    _heading(figure, block)
    _draw_table(figure, grid, rows, (0.03, 0.22, 0.94, 0.62))
    _footer(figure, block)


def _draw_table(figure, grid: Grid, rows, box) -> None:
    """The table as one text block per column, rows aligned by the font's own line height.

    A Text per cell (matplotlib.table) costs ~100 text layouts a page; columns cost ~10, which
    keeps a 40-item PDF within seconds. Labels are shortened to one line so rows stay aligned.
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Rectangle

    headers, body = table_lines(grid, rows)
    left, bottom, width, height = box
    size = 8 if len(headers) <= 6 else 6.5 if len(headers) <= 10 else 5.5
    page_width_pt = figure.get_figwidth() * 72
    first = 0.42 if len(headers) > 2 else 0.7
    step = (1 - first) / max(len(headers) - 1, 1)
    chars = int(first * width * page_width_pt / (size * 0.56))
    columns = [[textwrap.shorten(clean_text(line[0]), chars, placeholder="…") for line in body]]
    columns += [[line[c] for line in body] for c in range(1, len(headers))]
    _, glyphs, _ = figure.canvas.get_renderer().get_text_width_height_descent(
        "lp", FontProperties(size=size), ismath=False
    )
    line = 1.6 * glyphs / (figure.get_figheight() * figure.dpi)
    header_height = 4.8 * size / 72 / figure.get_figheight()
    top = bottom + height - header_height
    shade = {"transform": figure.transFigure, "lw": 0}
    figure.add_artist(Rectangle((left, top), width, header_height, color="#DDEBF7", **shade))
    for r in range(1, len(body) - 1, 2):
        figure.add_artist(
            Rectangle((left, top - (r + 1) * line - 0.25 * line), width, line, color="#F2F2F2", **shade)
        )
    for c, (header, values) in enumerate(zip(headers, columns, strict=True)):
        x = left + 0.005 if c == 0 else left + width * (first + step * c) - 0.005
        align = "left" if c == 0 else "right"
        wrap = max(6, int(step * width * page_width_pt / (size * 0.6)))
        figure.text(
            x,
            top + header_height / 2,
            textwrap.fill(header, wrap),
            fontsize=size,
            fontweight="bold",
            ha=align,
            va="center",
        )
        figure.text(
            x,
            top - 0.25 * line,
            "\n".join(values),
            fontsize=size,
            ha=align,
            va="top",
            linespacing=1.6,
            color="#202020",
        )


def _title_page(figure, report: Report) -> None:
    _strong(figure, (0.08, 0.6), textwrap.fill(clean_text(report.title), 50), 30, "bottom")
    lines = [
        t("Kilde: {source}", source=report.source) if report.source else "",
        t("{n} spørsmål", n=len(report.contents)),
    ]
    title = next((b for b in report.blocks if b.kind == "title"), None)
    if title is not None and title.text:
        lines.insert(0, title.text)
    figure.text(
        0.08,
        0.55,
        clean_text("\n".join(x for x in lines if x)),
        fontsize=13,
        color=GREY,
        va="top",
        linespacing=1.6,
    )


def _text_page(figure, title: str, lines: list[str], large: bool = False) -> None:
    if large:
        figure.text(0.08, 0.5, clean_text(title), fontsize=28, fontweight="bold", color=BLUE, va="center")
        return
    figure.text(0.05, 0.92, clean_text(title), fontsize=20, fontweight="bold", color=BLUE, va="top")
    wrapped = [textwrap.fill(clean_text(line), 130) for line in lines]
    figure.text(0.05, 0.82, "\n\n".join(wrapped), fontsize=11, color=GREY, va="top", linespacing=1.4)
