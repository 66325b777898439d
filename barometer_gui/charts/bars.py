"""Bar charts of tables, publication style, drawn onto a caller's `Figure`."""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.figure import Figure

from barometer_gui.charts.model import ChartData, chart_data
from barometer_gui.core.formatting import fmt_number
from barometer_gui.core.tabulate import Table

#: Colour-blind-safe blues and accents; the first colour is the total.
PALETTE = [
    "#1f4e79",
    "#5b9bd5",
    "#ed7d31",
    "#70ad47",
    "#ffc000",
    "#7f6084",
    "#a5a5a5",
    "#264478",
    "#9e480e",
    "#43682b",
]
#: Diverging scale for grids: hindering red, neutral grey, promoting blue, 'vet ikke' light.
DIVERGING = ["#b2182b", "#ef8a62", "#d9d9d9", "#67a9cf", "#2166ac"]


def draw_table(figure: Figure, table: Table, group_label: str | None = None) -> ChartData:
    """Draw `table` into `figure` (cleared first) and return what was drawn."""
    data = chart_data(table, group_label)
    figure.clear()
    axes = figure.add_subplot(111)
    if data.empty:
        axes.axis("off")
        axes.text(
            0.5,
            0.5,
            data.notes[0] if data.notes else "Ingen data å vise.",
            ha="center",
            va="center",
            fontsize=11,
            color="#555555",
        )
        return data
    if data.stacked:
        _stacked(axes, data)
    else:
        _clustered(axes, data)
    axes.set_title(textwrap.fill(data.title, 70), loc="left", fontsize=11, fontweight="bold")
    figure.text(
        0.01,
        0.01,
        " ".join([data.subtitle, *data.notes]),
        fontsize=8,
        color="#555555",
        ha="left",
        va="bottom",
    )
    _style(axes)
    # Re-laid out at every draw, so the chart stays tidy when a window or export resizes it.
    figure.set_layout_engine("tight", rect=(0, 0.04, 1, 1))
    return data


def label_size(data: ChartData) -> int:
    """Value labels in points, smaller as the bars get thinner (charts and slides alike)."""
    bars = len(data.categories) * (1 if data.stacked else len(data.series))
    return 9 if bars <= 24 else 8 if bars <= 36 else 7


def value_label(value: float, percent: bool, mark: str = "") -> str:
    """Bar label in Norwegian format, with the significance letters the table shows."""
    text = f"{fmt_number(value, 0)} %" if percent else fmt_number(value, 1)
    return f"{text} {mark}" if mark else text


def _labels(categories: list[str], width: int = 38) -> list[str]:
    return [textwrap.fill(c, width) for c in categories]


def _clustered(axes, data: ChartData) -> None:
    count = len(data.series)
    colours = series_colours(data)
    height = 0.8 / count
    positions = np.arange(len(data.categories))
    largest = max((v for s in data.series for v in s.values if v is not None), default=0) or 1
    for index, series in enumerate(data.series):
        values = np.array([np.nan if v is None else v for v in series.values], dtype=float)
        offsets = positions - 0.4 + height * (index + 0.5)
        bars = axes.barh(
            offsets,
            np.nan_to_num(values),
            height=height * 0.92,
            color=colours[index],
            label=series.name,
        )
        marks = series.marks or [""] * len(values)
        for bar, value, mark in zip(bars, values, marks, strict=True):
            if np.isfinite(value):
                text = value_label(value, data.percent, mark)
                axes.text(
                    bar.get_width() + largest * 0.01,
                    bar.get_y() + bar.get_height() / 2,
                    text,
                    va="center",
                    fontsize=label_size(data) - 1,
                )
    axes.set_yticks(positions, _labels(data.categories))
    axes.invert_yaxis()
    if data.percent:
        axes.set_xlim(0, min(100, largest * 1.15) if largest > 0 else 100)
        axes.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0f} %")
    else:
        axes.set_xlim(0, largest * 1.2)
        axes.xaxis.set_major_formatter(lambda x, _pos: fmt_number(x, 1))
    if count > 1:
        _legend(axes, count)


def _stacked(axes, data: ChartData) -> None:
    positions = np.arange(len(data.categories))
    left = np.zeros(len(data.categories))
    colours = series_colours(data)
    for index, series in enumerate(data.series):
        values = np.array([0.0 if v is None else v for v in series.values])
        axes.barh(positions, values, left=left, color=colours[index], label=series.name, height=0.7)
        for x, width, y in zip(left, values, positions, strict=True):
            if width >= 6:
                dark = colours[index] in (DIVERGING[0], DIVERGING[-1], PALETTE[0])
                axes.text(
                    x + width / 2,
                    y,
                    f"{width:.0f}",
                    ha="center",
                    va="center",
                    fontsize=label_size(data) - 1,
                    color="white" if dark else "black",
                )
        left += values
    axes.set_yticks(positions, _labels(data.categories))
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0f} %")
    _legend(axes, len(data.series))


def _legend(axes, count: int) -> None:
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.07),
        ncols=min(count, 3 if count > 4 else count),
        frameon=False,
        fontsize=8,
    )


def series_colours(data: ChartData) -> list[str]:
    """Groups get the palette; scale points (and hemmer/fremmer) run red to blue, 'vet ikke' light."""
    if not data.scale:
        return [PALETTE[i % len(PALETTE)] for i in range(len(data.series))]
    if not data.stacked and len(data.series) == 2:
        return [DIVERGING[0], DIVERGING[-1]]
    return stack_colours(len(data.series))


def stack_colours(count: int) -> list[str]:
    if count <= 1:
        return PALETTE[:1]
    substantive = count - 1 if count > 5 else count
    steps = np.linspace(0, len(DIVERGING) - 1, substantive).round().astype(int)
    colours = [DIVERGING[i] for i in steps]
    return colours + ["#f2f2f2"] * (count - len(colours))


def _style(axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0, labelsize=8)
    axes.tick_params(axis="x", labelsize=8)
    axes.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    axes.set_axisbelow(True)
