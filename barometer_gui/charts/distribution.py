"""Numeric questions drawn from the engine's groups: a histogram for everyone, box plots per group.

Every population drawn is one of the table's groups (filters, safe blocks and suppression
applied by `tabulate`), each group's answers are the engine's `Group.answers`, and the median
line and mean mark are the table's own cells, never computed here. Only the quartiles and the
10th/90th percentiles are derived here; the whiskers stop at those percentiles and no single
answer is drawn as a point, so a box never shows one respondent's value as an outlier. A
suppressed group (too few answers, or hidden to protect another) gets its row with ":" and is
never drawn. Drawn on a caller's `Figure`, never pyplot.
"""

from __future__ import annotations

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from barometer_gui.charts.style import (
    GRID_COLOUR,
    LOW_BASE_MARK,
    MUTED_TEXT,
    SUPPRESSED,
    TOTAL_COLOUR,
    Style,
    wrap,
)
from barometer_gui.core.formatting import NBSP, fmt_int, fmt_number
from barometer_gui.core.i18n import t
from barometer_gui.core.tabulate import Group, Role, Stat, Table

MEAN, MEDIAN = Stat.MEAN, Stat.MEDIAN
#: whiskers at these percentiles (not min/max), so the extremes, often one known unit, are never drawn
WHISKERS = (10, 90)
MEAN_COLOUR = "#1F4E79"
MEDIAN_COLOUR = "#D55E00"


def statistic(group: Group, name: str) -> float | None:
    """The engine's mean or median of a group (None when hidden or nobody answered)."""
    return next((cell.value for cell in group.cells if cell.option == name), None)


def drawn_groups(table: Table | None) -> list[Group]:
    """The groups a distribution chart draws: the engine's, minus suppressed and empty ones."""
    if table is None:
        return []
    return [g for g in table.groups if not g.suppressed and g.answers is not None and len(g.answers)]


def draw_distribution(figure: Figure, table: Table | None, style: Style | None = None) -> None:
    """Everyone as a histogram; with a breakdown or comparison, one box per group on a shared axis."""
    style = style or Style()
    with matplotlib.rc_context(style.rc()):
        figure.clear()
        figure.set_facecolor("white")
        shown = drawn_groups(table)
        if not shown:
            _message(figure, t("For få svar til å vise fordelingen."))
        elif len(table.groups) == 1:
            note = _histogram(figure.add_subplot(111), table.groups[0], table.spec.min_base, style)
        else:
            _boxes(figure.add_subplot(111), table, style)
            note = _note(table)
        note = note if shown else ""
        if note:
            figure.text(0.01, 0.01, note, color=MUTED_TEXT)
        figure.set_layout_engine(
            "tight", pad=0.6, rect=(0, 0.3 / figure.get_figheight() if note else 0, 1, 1)
        )


def _message(figure: Figure, text: str) -> None:
    axes = figure.add_subplot(111)
    axes.axis("off")
    axes.text(0.5, 0.5, text, ha="center", va="center", color=MUTED_TEXT)


def safe_bins(values: np.ndarray, min_base: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Counts and edges of equal-width bins, neighbours merged until every bar holds `min_base` answers or none.

    A bar is a count like a table cell, so the table's rule applies: a tail bar of one or two
    answers would show where a single unit lies. Returns the counts, the edges and the width of
    an unmerged bin (a merged bar's height is its count per unmerged width, so areas stay true).
    """
    counts, edges = np.histogram(values, bins=min(30, max(5, int(np.sqrt(len(values))))))
    width = float(edges[1] - edges[0])
    counts, edges = [int(c) for c in counts], [float(e) for e in edges]
    while len(counts) > 1:
        small = [i for i, c in enumerate(counts) if 0 < c < min_base]
        if not small:
            break
        i = min(small, key=lambda k: counts[k])
        j = min(
            (k for k in (i - 1, i + 1) if 0 <= k < len(counts)), key=lambda k: (counts[k] == 0, counts[k])
        )
        low, high = min(i, j), max(i, j)
        counts[low : high + 1] = [counts[low] + counts[high]]
        del edges[high]
    return np.array(counts), np.array(edges), width


def _histogram(axes, group: Group, min_base: int, style: Style) -> str:
    """The group's answers in bars of at least `min_base` answers; returns the note to print under it."""
    counts, edges, width = safe_bins(group.answers, min_base)
    widths = np.diff(edges)
    merged = bool(np.any(widths > width * 1.001))
    axes.bar(
        edges[:-1],
        counts * width / widths if merged else counts,
        width=widths,
        align="edge",
        color=style.colours()[0],
        alpha=0.75,
        edgecolor="white",
    )
    mean, median = statistic(group, MEAN), statistic(group, MEDIAN)
    if mean is not None:
        axes.axvline(
            mean, color=MEAN_COLOUR, linewidth=2, label=t("Gjennomsnitt {value}", value=fmt_number(mean))
        )
    if median is not None:
        text = t("Median {value}", value=fmt_number(median))
        axes.axvline(median, linestyle="--", color=MEDIAN_COLOUR, linewidth=2, label=text)
    axes.set_title(t("Fordeling av svarene (n = {n})", n=fmt_int(group.base)), loc="left", fontweight="bold")
    axes.set_ylabel(t("Antall svar"))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(_number))
    _tidy(axes, "y")
    axes.legend(frameon=False, loc="upper right")
    if not merged:
        return ""
    return t(
        "Søyler med færre enn {n} svar er slått sammen med naboen; en bred søyles høyde er antall svar per "
        "intervall på {width}.",
        n=min_base,
        width=fmt_number(width, 2),
    )


def _boxes(axes, table: Table, style: Style) -> None:
    """One row per group in the table's order, Totalt on top; hidden groups keep their row with ':'."""
    groups = table.groups
    rows = np.arange(len(groups))[::-1]  # the first group (Totalt) at the top
    colour = style.colours()[0]
    labels = []
    for group, row in zip(groups, rows, strict=True):
        labels.append(_group_label(group, table))
        if group.suppressed or group.answers is None or not len(group.answers):
            reason = (
                t("skjult for å beskytte en annen gruppe") if group.secondary else t("skjult: for få svar")
            )
            axes.text(
                0.01,
                row,
                reason,
                transform=axes.get_yaxis_transform(),
                va="center",
                color=MUTED_TEXT,
            )
            continue
        own = bool(table.spec.benchmark) and group is groups[1]
        fill = TOTAL_COLOUR if group.role is Role.TOTAL else colour
        low, q1, q3, high = np.percentile(group.answers, [WHISKERS[0], 25, 75, WHISKERS[1]])
        box = {
            "med": statistic(group, MEDIAN),
            "q1": q1,
            "q3": q3,
            "whislo": low,
            "whishi": high,
            "fliers": [],
        }
        mean = statistic(group, MEAN)
        if mean is not None:
            box["mean"] = mean
        axes.bxp(
            [box],
            positions=[row],
            orientation="horizontal",
            manage_ticks=False,
            widths=0.55,
            showmeans=mean is not None,
            showfliers=False,
            patch_artist=True,
            boxprops={"facecolor": fill, "alpha": 0.7 if own else 0.35, "edgecolor": fill},
            whiskerprops={"color": fill},
            capprops={"color": fill},
            medianprops={"color": MEDIAN_COLOUR, "linewidth": 2.2},
            meanprops={
                "marker": "D",
                "markerfacecolor": MEAN_COLOUR,
                "markeredgecolor": "white",
                "markersize": 7,
            },
        )
    axes.set_yticks(rows, labels)
    axes.set_ylim(-0.7, len(groups) - 0.3)
    if table.spec.benchmark:  # the own area stands out, as in the table
        axes.get_yticklabels()[1].set_fontweight("bold")
        title = t("Fordeling av svarene: eget område mot resten av landet")
    else:
        title = t("Fordeling av svarene etter {by}", by=(table.by_label or "").lower())
    axes.set_title(title, loc="left", fontweight="bold")
    _tidy(axes, "x")
    axes.legend(
        handles=[
            Patch(facecolor=colour, alpha=0.35, edgecolor=colour, label=t("Midterste halvdel (25–75 %)")),
            Line2D([], [], color=colour, label=t("Strek: 10–90 % av svarene")),
            Line2D([], [], color=MEDIAN_COLOUR, linewidth=2.2, label=t("Median")),
            Line2D([], [], color="none", marker="D", markerfacecolor=MEAN_COLOUR, label=t("Gjennomsnitt")),
        ],
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        ncols=4,
    )


def _note(table: Table) -> str:
    """What the marks mean, as the table's legend says it: low base, and what weighting applies to."""
    parts = []
    if any(g.low_base for g in table.groups):
        parts.append(t("* færre enn {n} svar, tolk med forsiktighet.", n=table.spec.low_base))
    if table.weighted:
        parts.append(t("Boks og median er uvektet; gjennomsnittet er vektet."))
    return " ".join(parts)


def _group_label(group: Group, table: Table) -> str:
    mark = LOW_BASE_MARK if group.low_base else ""
    n = fmt_int(group.base) if not group.suppressed else SUPPRESSED
    return wrap(group.label, 28) + f" (n = {n}{mark})"


def _tidy(axes, grid: str) -> None:
    """House look, and Norwegian numbers on both axes (2,5 and 1 000)."""
    axes.xaxis.set_major_formatter(FuncFormatter(_number))
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis=grid, color=GRID_COLOUR, linewidth=0.8)
    axes.set_axisbelow(True)


def _number(value: float, _position=None) -> str:
    return f"{value:,.6g}".replace(",", NBSP).replace(".", ",")
