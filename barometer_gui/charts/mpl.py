"""Matplotlib drawing of a `ChartData` on a caller's `Figure` (never pyplot), in the house style.

The same code draws the window's chart, PNG/SVG/PDF images and the report's pictures. Style is applied
with `matplotlib.rc_context` around each drawing (and each save), never through global rcParams.
Layout is measured, not guessed: title, subtitle and legend sit in a header sized from their
text, the base/source line in a footer, and value labels that would not fit inside their bar are
removed after layout rather than overlapping.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory

from barometer_gui.charts.model import ChartData, Kind, chart_model, whole_country
from barometer_gui.charts.style import (
    GRID_COLOUR,
    MUTED_TEXT,
    REFERENCE_COLOUR,
    SUPPRESSED,
    TEXT_COLOUR,
    WRAP_AT,
    Style,
    nice,
    pct_label,
    text_on,
    value_label,
    wrap,
)
from barometer_gui.core.i18n import t
from barometer_gui.core.tabulate import Table

INCH = 72.0  # points


def render(
    figure: Figure,
    table: Table,
    kind: Kind | str | None = None,
    size: str = "slide",
    style: Style | None = None,
    **options,
) -> ChartData:
    """Draw `table` as `kind` on `figure`, resized to a preset ("slide" 16:9, "a4", …). For reports and images."""
    style = (style or Style()).with_(size=size)
    figure.set_size_inches(*style.figsize)
    return draw_table(figure, table, kind, style, **options)


def draw_table(
    figure: Figure,
    table: Table,
    kind: Kind | str | None = None,
    style: Style | None = None,
    **options,
) -> ChartData:
    """Draw `table` into `figure` (cleared first) and return what was drawn. `options` go to `chart_model`."""
    style = style or Style()
    data = chart_model(table, kind, style, **options)
    draw(figure, data, style)
    return data


def draw(
    figure: Figure,
    data: ChartData,
    style: Style | None = None,
    box: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0),
) -> None:
    """Draw a chart model; the one entry for every chart type.

    `box` (left, bottom, right, top, figure fractions) keeps the chart to part of the figure, so a
    report page can put its own heading, table and footnote around it.
    """
    style = style or Style()
    with matplotlib.rc_context(style.rc()):
        figure.clear()
        figure.set_facecolor("white")
        if data.empty:
            axes = figure.add_axes((box[0], box[1], box[2] - box[0], box[3] - box[1]))
            axes.axis("off")
            axes.text(0.5, 0.5, " ".join(data.notes) or t("Ingen data å vise."), ha="center", va="center")
            figure.set_layout_engine(None)
            return
        header = _header(figure, data, style, box)
        footer = _footer(figure, data, style, box)
        top = box[3] - header / figure.get_figheight()
        bottom = box[1] + footer / figure.get_figheight()
        if data.panels:
            _panels(figure, data, style, box[2] - box[0])
        else:
            axes = figure.add_subplot(111)
            _DRAW[data.kind](axes, data, style)
        figure.set_layout_engine("tight", rect=(box[0] + 0.005, bottom, box[2] - 0.005, top), pad=0.4)
        _fit_labels(figure)


def save(figure: Figure, path: str | Path, style: Style | None = None, dpi: int = 300) -> Path:
    """PNG at 300 dpi, SVG with text as text, PDF with fonts embedded; written whole or not at all."""
    from barometer_gui.core.files import atomic_write

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise ValueError(f"unknown image format {fmt!r}")
    with matplotlib.rc_context((style or Style()).rc()):
        atomic_write(path, lambda temp: figure.savefig(temp, format=fmt, dpi=dpi, facecolor="white"))
    return path


# --------------------------------------------------------------------------- header and footer


def _chars(figure: Figure, size: float, share: float = 0.97) -> int:
    """How many characters of `size` points fit across the figure."""
    return max(20, int(figure.get_figwidth() * share * INCH / (size * 0.55)))


def _header(figure: Figure, data: ChartData, style: Style, box=(0.0, 0.0, 1.0, 1.0)) -> float:
    """Title, subtitle and legend at the top of `box`; returns the header's height in inches."""
    size = style.base_font
    height = figure.get_figheight()
    share = 0.97 * (box[2] - box[0])
    start = (1 - box[3]) * height  # inches from the figure's top to the box's
    x = box[0] + 0.01
    y = 0.12  # inches from the top of the box
    if data.title:
        title = textwrap.fill(data.title, _chars(figure, size * 1.3, share))
        figure.text(x, 1 - (start + y) / height, title, fontsize=size * 1.3, fontweight="bold", va="top")
        y += (title.count("\n") + 1) * size * 1.3 * 1.25 / INCH
    if data.subtitle:
        subtitle = textwrap.fill(data.subtitle, _chars(figure, size, share))
        figure.text(x, 1 - (start + y) / height, subtitle, fontsize=size, color=MUTED_TEXT, va="top")
        y += (subtitle.count("\n") + 1) * size * 1.3 / INCH
    handles = _legend_handles(data)
    if handles:
        labels = [label for _, label in handles]
        longest = max(len(label) for label in labels) + 4
        columns = max(1, min(len(labels), _chars(figure, size * 0.9, share) // longest))
        rows = math.ceil(len(labels) / columns)
        order = _row_major(len(labels), columns)
        figure.legend(
            [handles[i][0] for i in order],
            [labels[i] for i in order],
            loc="upper left",
            bbox_to_anchor=(box[0] + 0.005, 1 - (start + y + 0.02) / height),
            ncols=columns,
            frameon=False,
            fontsize=size * 0.9,
            handlelength=1.2,
            columnspacing=1.2,
            borderaxespad=0,
        )
        y += rows * size * 0.9 * 1.45 / INCH + 0.06
    return y + 0.08


def _row_major(count: int, columns: int) -> list[int]:
    """Matplotlib fills legend columns first; this order makes it read left to right, like the bars."""
    rows, large = divmod(count, columns)
    per_column = [rows + 1] * large + [rows] * (columns - large)
    return [r * columns + c for c in range(columns) for r in range(per_column[c])]


def _legend_handles(data: ChartData) -> list[tuple[object, str]]:
    if data.kind is Kind.TABLE:
        return []
    if data.kind in (Kind.BARS,) and len(data.series) == 1:
        return []
    source = data.panels[0] if data.panels else data
    if data.kind is Kind.DOTS and len(source.series) == 1:
        return []
    if data.kind in (Kind.DOTS, Kind.LINE):
        marker = "o"
        return [
            (
                Line2D(
                    [], [], color=s.colour, marker=marker, linestyle="-" if data.kind is Kind.LINE else ""
                ),
                s.name,
            )
            for s in source.series
        ]
    return [
        (Patch(facecolor=s.colour, edgecolor="#BBBBBB" if _light(s.colour) else s.colour), _legend_name(s))
        for s in source.series
    ]


def _legend_name(series) -> str:
    return f"{series.name} {SUPPRESSED}" if series.suppressed else series.name


def _light(colour: str) -> bool:
    return text_on(colour) != "#FFFFFF"


def _footer(figure: Figure, data: ChartData, style: Style, box=(0.0, 0.0, 1.0, 1.0)) -> float:
    """Base per group, weighting, notes and source, under the chart; returns its height in inches."""
    if not data.footer:
        return 0.08
    size = style.base_font * 0.8
    text = textwrap.fill(data.footer, _chars(figure, size, 0.97 * (box[2] - box[0])))
    y = box[1] + 0.08 / figure.get_figheight()
    figure.text(box[0] + 0.01, y, text, fontsize=size, color=MUTED_TEXT, va="bottom")
    return (text.count("\n") + 1) * size * 1.3 / INCH + 0.16


# --------------------------------------------------------------------------- chart types


def _values(series) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in series.values], dtype=float)


def _label(value: float, data: ChartData, mark: str = "") -> str:
    return value_label(value, data.percent, mark, data.decimals)


def _axis_format(axes, data: ChartData, absolute: bool = False) -> None:
    def fmt(x, _pos):
        x = abs(x) if absolute else x
        return pct_label(x, 0) if data.percent else value_label(x, False)

    axes.xaxis.set_major_formatter(fmt)


def _tidy(axes, grid: bool = True) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    axes.tick_params(axis="x", length=0)
    if grid:
        axes.grid(axis="x", color=GRID_COLOUR, linewidth=0.8)
    axes.set_axisbelow(True)


def _categories(axes, categories: list[str], style: Style, positions=None) -> None:
    """Category labels wrapped and sized so that neighbours never touch, however many rows there are."""
    height = axes.get_position().height * axes.figure.get_figheight() * INCH * 0.9
    pitch = height / max(len(categories), 1)  # points per row
    for width in (WRAP_AT, 60, 200):
        labels = [wrap(c, width) for c in categories]
        lines = max(label.count("\n") + 1 for label in labels) if labels else 1
        size = min(style.base_font, pitch * 0.8 / (lines * 1.25))
        if size >= style.base_font * 0.8:
            break
    axes.set_yticks(np.arange(len(categories)) if positions is None else positions, labels)
    axes.tick_params(axis="y", labelsize=max(size, 4.0))


def _bar_points(axes, slots: int, share: float) -> float:
    """Roughly how tall one bar is, in points (before layout: the plot takes ~62 % of the figure)."""
    return axes.figure.get_figheight() * 0.62 * INCH / max(slots, 1) * share


def _label_size(axes, slots: int, share: float, style: Style) -> float:
    """Value labels no taller than the bar they belong to, so neighbours can never overlap."""
    return max(5.0, min(style.base_font * 0.9, _bar_points(axes, slots, share) * 0.9))


def _reach(values: np.ndarray, series) -> np.ndarray:
    """Where a value's mark ends: its whisker's end when that lies beyond the value (labels go past it)."""
    if not series.high:
        return values
    return np.fmax(values, np.array([np.nan if v is None else v for v in series.high], dtype=float))


def _whiskers(axes, x: np.ndarray, y: np.ndarray, series, cap: float = 2.5) -> None:
    """Interval lines through each value; `cap` (points) is kept within the bar, off its neighbours' labels."""
    low = np.array([np.nan if v is None else v for v in series.low], dtype=float)
    high = np.array([np.nan if v is None else v for v in series.high], dtype=float)
    ok = np.isfinite(x) & np.isfinite(low) & np.isfinite(high)
    if not ok.any():
        return
    # a benchmark's interval may be computed on another base than the bar it sits on: never negative
    err = np.clip(np.vstack([x[ok] - low[ok], high[ok] - x[ok]]), 0, None)
    axes.errorbar(
        x[ok],
        y[ok],
        xerr=err,
        fmt="none",
        ecolor="#333333",
        elinewidth=0.9,
        capsize=cap,
        capthick=0.9,
        zorder=3,
    )


def _bars(axes, data: ChartData, style: Style) -> None:
    count = len(data.series)
    positions = np.arange(len(data.categories))
    height = 0.8 / count
    size = _label_size(axes, len(data.categories) * count, 0.72, style)
    largest = 0.0
    for index, series in enumerate(data.series):
        values = _values(series)
        reach = _reach(values, series) if data.whiskers else values
        largest = max(largest, float(np.nanmax(reach)) if np.isfinite(reach).any() else 0.0)
        offsets = positions - 0.4 + height * (index + 0.5)
        axes.barh(offsets, np.nan_to_num(values), height=height * 0.9, color=series.colour, zorder=2)
        if data.whiskers and series.low:
            _whiskers(
                axes, values, offsets, series, min(2.5, _bar_points(axes, len(positions) * count, 0.72) * 0.3)
            )
        marks = series.marks or [""] * len(values)
        for y, value, end, mark in zip(offsets, values, reach, marks, strict=True):
            text = _label(value, data, mark) if np.isfinite(value) else SUPPRESSED
            x = end if np.isfinite(end) else 0.0
            axes.annotate(
                text, (x, y), xytext=(3, 0), textcoords="offset points", va="center", ha="left",
                fontsize=size, color=TEXT_COLOUR, gid="value",
            )  # fmt: skip
    _categories(axes, data.categories, style)
    if not axes.yaxis_inverted():  # panels share their y axis: inverting twice would undo it
        axes.invert_yaxis()
    axes.set_xlim(0, nice(largest) * 1.12 if largest > 0 else 1)
    _axis_format(axes, data)
    _tidy(axes)


def _segments(axes, data: ChartData, style: Style, lefts: list[np.ndarray], widths: list[np.ndarray]) -> None:
    positions = np.arange(len(data.categories))
    size = _label_size(axes, len(data.categories), 0.7, style)
    for series, left, width in zip(data.series, lefts, widths, strict=True):
        edge = "#BBBBBB" if _light(series.colour) else "white"
        axes.barh(positions, width, left=left, color=series.colour, height=0.7, edgecolor=edge, linewidth=0.5)
        for x, w, y in zip(left, width, positions, strict=True):
            if np.isfinite(w) and abs(w) > 0:
                axes.text(
                    x + w / 2, y, _label(abs(w), data), ha="center", va="center", fontsize=size,
                    color=text_on(series.colour), gid="inside",
                )  # fmt: skip
    _categories(axes, data.categories, style)
    if not axes.yaxis_inverted():  # panels share their y axis: inverting twice would undo it
        axes.invert_yaxis()


def _stacked(axes, data: ChartData, style: Style) -> None:
    left = np.zeros(len(data.categories))
    lefts, widths = [], []
    for series in data.series:
        values = np.nan_to_num(_values(series))
        lefts.append(left.copy())
        widths.append(values)
        left += values
    _segments(axes, data, style, lefts, widths)
    size = _label_size(axes, len(data.categories), 0.7, style)
    for y, series_values in enumerate(zip(*[s.values for s in data.series], strict=True)):
        if all(v is None for v in series_values):
            axes.text(1, y, SUPPRESSED, va="center", ha="left", fontsize=size, gid="value")
    axes.set_xlim(0, 100)
    _axis_format(axes, data)
    _tidy(axes)


def _diverging(axes, data: ChartData, style: Style, limit: float | None = None) -> None:
    count = len(data.categories)
    lefts, widths = [], []
    negative = np.zeros(count)
    for series in reversed(data.series[: data.negative]):  # the option next to zero first
        values = np.nan_to_num(_values(series))
        negative -= values
        lefts.insert(0, negative.copy())
        widths.insert(0, values)
    positive = np.zeros(count)
    for series in data.series[data.negative :]:
        values = np.nan_to_num(_values(series))
        lefts.append(positive.copy())
        widths.append(values)
        positive += values
    _segments(axes, data, style, lefts, widths)
    reach = limit or nice(max(float(-negative.min()), float(positive.max()), 1.0))
    axes.set_xlim(-reach, reach)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=4 if limit else 6, symmetric=True))
    axes.axvline(0, color=TEXT_COLOUR, linewidth=1.0, zorder=3)
    _axis_format(axes, data, absolute=True)
    _tidy(axes)
    if data.beside:
        where = blended_transform_factory(axes.transAxes, axes.transData)
        for y, text in enumerate(data.beside):
            axes.text(1.02, y, text, transform=where, va="center", ha="left", fontsize=style.base_font * 0.85)
        axes.text(
            1.02, -0.75, data.beside_title, transform=where, va="bottom", ha="left",
            fontsize=style.base_font * 0.85, color=MUTED_TEXT, fontweight="bold",
        )  # fmt: skip
    axes.set_xlabel(t("◀ Hemmer        Fremmer ▶"), color=MUTED_TEXT)


def _dots(axes, data: ChartData, style: Style, limit: float | None = None, panel: bool = False) -> None:
    positions = np.arange(len(data.categories))
    height = axes.get_position().height * 0.8 * axes.figure.get_figheight() * INCH  # before layout, roughly
    pitch = height / max(len(data.categories), 1)  # points per row
    size = min(style.base_font * 0.8, pitch * 0.6)
    shift = 0.18 if len(data.series) > 1 else 0.0
    for index, series in enumerate(data.series):
        values = _values(series)
        y = positions + (index - (len(data.series) - 1) / 2) * shift
        if data.whiskers and series.low:
            _whiskers(axes, values, y, series)
        axes.scatter(
            values, y, s=(size * 1.1) ** 2, color=series.colour, zorder=4, edgecolors="white", linewidths=0.6
        )
        if len(data.series) == 1:
            ends = _reach(values, series) if data.whiskers else values  # past the whisker, never on it
            for value, end, row in zip(values, ends, y, strict=True):
                if np.isfinite(value):
                    axes.annotate(
                        _label(value, data), (end, row), xytext=(6, 0), textcoords="offset points",
                        va="center", fontsize=size, color=MUTED_TEXT, gid="value", zorder=5,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.4},  # over the reference line
                    )  # fmt: skip
    for row, values in enumerate(zip(*[s.values for s in data.series], strict=True)):
        if all(v is None for v in values):
            axes.annotate(
                SUPPRESSED, (0, row), xytext=(2, 0), textcoords="offset points", va="center",
                fontsize=size, gid="value",
            )  # fmt: skip
    for series, reference in zip(data.series, data.references, strict=False):
        if reference is not None:
            colour = REFERENCE_COLOUR if len(data.series) == 1 else series.colour
            axes.axvline(reference, color=colour, linestyle="--", linewidth=1.0, zorder=1)
            if panel:
                continue
            axes.annotate(
                whole_country(_label(reference, data)), (reference, 1), xytext=(0, 3),
                xycoords=blended_transform_factory(axes.transData, axes.transAxes),
                textcoords="offset points", ha="center", va="bottom", fontsize=size, color=colour,
            )  # fmt: skip
    _categories(axes, data.categories, style)
    axes.set_ylim(len(data.categories) - 0.5, -0.5)
    largest = limit or max([_largest(data), *[r for r in data.references if r is not None]], default=1)
    axes.set_xlim(0, nice(largest) * 1.1)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=3 if panel else 6))
    _axis_format(axes, data)
    _tidy(axes)
    axes.grid(axis="y", color=GRID_COLOUR, linewidth=0.5)


def _extent(data: ChartData) -> float:
    """How far the value axis must reach (shared by small multiples so panels compare)."""
    if data.kind is Kind.DIVERGING:
        sides = [data.series[: data.negative], data.series[data.negative :]]
        return max(sum(s.values[i] or 0 for s in side) for side in sides for i in range(len(data.categories)))
    return max([_largest(data), *[r for r in data.references if r is not None]])


def _largest(data: ChartData) -> float:
    values = [
        v for s in data.series for v in (s.high if data.whiskers and s.high else s.values) if v is not None
    ]
    return max(values, default=1.0)


def _line(axes, data: ChartData, style: Style) -> None:
    x = np.arange(len(data.categories))
    for series in data.series:
        values = _values(series)
        axes.plot(x, values, color=series.colour, marker="o", linewidth=2, markersize=style.base_font * 0.6)
        if data.whiskers and series.low:
            low = np.array([np.nan if v is None else v for v in series.low], dtype=float)
            high = np.array([np.nan if v is None else v for v in series.high], dtype=float)
            axes.fill_between(x, low, high, color=series.colour, alpha=0.12, linewidth=0)
        last = np.flatnonzero(np.isfinite(values))
        if last.size:
            i = last[-1]
            axes.annotate(
                _label(values[i], data), (x[i], values[i]), xytext=(6, 0), textcoords="offset points",
                va="center", fontsize=style.base_font * 0.85, color=series.colour, gid="value",
            )  # fmt: skip
    axes.set_xticks(x, data.categories)
    axes.set_xlim(-0.3, len(x) - 0.4)
    axes.set_ylim(0, nice(_largest(data)) * 1.05)
    axes.yaxis.set_major_formatter(lambda v, _p: pct_label(v, 0) if data.percent else value_label(v, False))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="y", color=GRID_COLOUR, linewidth=0.8)
    axes.set_axisbelow(True)


def _table(axes, data: ChartData, style: Style) -> None:
    axes.axis("off")
    header, *body = data.rows
    first = max(len(r[0]) for r in data.rows)
    width = min(48, max(first, 12))
    cells = [[textwrap.fill(r[0], width), *r[1:]] for r in body]
    table = axes.table(
        cellText=cells, colLabels=[wrap(h, 16) for h in header], loc="upper left", cellLoc="right"
    )
    table.auto_set_font_size(False)
    table.set_fontsize(style.base_font)
    lines = [max(c.count("\n") for c in row) + 1 for row in [header, *cells]]
    unit = 1 / max(sum(lines) + 1, 1)
    for (row, column), cell in table.get_celld().items():
        cell.set_edgecolor(GRID_COLOUR)
        cell.visible_edges = "B"
        cell.set_height(unit * lines[row] * 0.95)
        if column == 0:
            cell.set_text_props(ha="left")
            cell.set_width(0.5)
        else:
            cell.set_width(0.5 / max(len(header) - 1, 1))
        if row == 0:
            cell.set_text_props(fontweight="bold")
        if row == len(body) and body[-1][0] == "n":  # the base row
            cell.set_text_props(color=MUTED_TEXT)


def _panels(figure: Figure, data: ChartData, style: Style, share: float = 1.0) -> None:
    """Small multiples: the same chart per group (or per option), sharing categories and value axis."""
    count = len(data.panels)
    columns = count if count <= 5 else math.ceil(count / math.ceil(count / 5))
    rows = math.ceil(count / columns)
    grid = figure.subplots(rows, columns, squeeze=False, sharey=True)
    limit = max(_extent(p) for p in data.panels)
    for axes, panel in zip(grid.flat, data.panels, strict=False):
        panel.decimals = data.decimals
        chars = _chars(figure, style.base_font * 1.2, 0.97 * share)
        title = wrap(panel.title, max(14, int(chars / columns) - 3))
        if panel.kind is Kind.DOTS:
            _dots(axes, panel, style, limit, panel=True)
            title += f"\n{panel.reference_text}" if panel.reference_text else ""
        elif panel.kind is Kind.DIVERGING:
            _diverging(axes, panel, style, nice(limit))
        else:
            _DRAW[panel.kind](axes, panel, style)
            axes.set_xticks([0, 50, 100])  # narrow panels: three ticks, never touching the next panel's
        axes.set_title(title, loc="left", fontsize=style.base_font, fontweight="bold")
    for axes in list(grid.flat)[count:]:
        axes.axis("off")


_DRAW = {
    Kind.BARS: _bars,
    Kind.STACKED: _stacked,
    Kind.DIVERGING: _diverging,
    Kind.DOTS: _dots,
    Kind.LINE: _line,
    Kind.TABLE: _table,
}


# --------------------------------------------------------------------------- after layout


def _fit_labels(figure: Figure) -> None:
    """Remove labels wider than the segment they sit in; widen the value axis for labels past its end."""
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.execute(figure)
    if not hasattr(figure.canvas, "get_renderer"):  # a bare Figure: measure with Agg, as PNG export does
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(figure)
    renderer = figure.canvas.get_renderer()
    for axes in figure.axes:
        texts = [t for t in axes.texts if t.get_gid() == "inside"]
        bars = list(axes.patches)
        for text in texts:
            box = text.get_window_extent(renderer)
            x, y = text.get_position()
            home = next((b for b in bars if _contains(b, x, y)), None)
            if home is None or box.width > home.get_window_extent(renderer).width - 2:
                text.remove()
        outside = [t for t in axes.texts if t.get_gid() == "value"]
        right = max((t.get_window_extent(renderer).x1 for t in outside), default=0)
        limit = axes.get_window_extent(renderer).x1
        if right > limit:
            low, high = axes.get_xlim()
            axes.set_xlim(
                low, high + (high - low) * (right - limit + 4) / axes.get_window_extent(renderer).width
            )


def _contains(bar, x: float, y: float) -> bool:
    x0, y0 = bar.get_x(), bar.get_y()
    return (
        min(x0, x0 + bar.get_width()) <= x <= max(x0, x0 + bar.get_width())
        and y0 <= y <= y0 + bar.get_height()
    )
