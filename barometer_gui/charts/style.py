"""The house style, one value each, read by the matplotlib drawing and the native PowerPoint charts alike.

Colours are chosen for projectors and colour-blind readers: every bar colour of the qualitative
palettes has at least 3:1 contrast against white (WCAG 2.1, non-text contrast; tested). Ordered
scales (hemmer … fremmer) get a diverging scale; unordered categories never do. 'Vet ikke' is a
visible mid grey, never near-white. Nothing here touches matplotlib's global rcParams: `rc()` gives
the settings for a `matplotlib.rc_context` around one drawing.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from barometer_gui.core.formatting import fmt_number, fmt_pct
from barometer_gui.core.i18n import t

#: Qualitative palettes (darkened Okabe–Ito; Paul Tol's muted dark half; a calm blue-first set), ten colours
#: each; the first six are the most distinct (grouped bars never use more than six groups).
PALETTES: dict[str, list[str]] = {
    "standard": [
        "#0072B2",
        "#D55E00",
        "#007A5A",
        "#B8478E",
        "#A66C00",
        "#5B4B9E",
        "#2F7FB5",
        "#8F2D56",
        "#6B7F00",
        "#9C4A1A",
    ],
    "tol": [
        "#332288",
        "#117733",
        "#CC6677",
        "#AA4499",
        "#882255",
        "#4477AA",
        "#999933",
        "#2E6E8E",
        "#9C4A1A",
        "#5B4B9E",
    ],
    "blaa": [
        "#1F4E79",
        "#C1440E",
        "#3B7A57",
        "#8E6C8A",
        "#B07A00",
        "#5E81AC",
        "#9C4A1A",
        "#6B7F00",
        "#8F2D56",
        "#007A5A",
    ],
}


def palette_name(key: str) -> str:
    """A palette's name for the user, in the current language."""
    return {"standard": t("Standard (Okabe–Ito)"), "tol": t("Tol (dempet)"), "blaa": t("Blå først")}[key]


class TranslatedNames(Mapping):
    """Key → name for the user, translated each time it is read (a dict built at import would keep the
    language of that moment)."""

    def __init__(self, keys: Iterable, name: Callable[[Any], str]) -> None:
        self._keys, self._name = tuple(keys), name

    def __getitem__(self, key) -> str:
        if key not in self._keys:
            raise KeyError(key)
        return self._name(key)

    def __iter__(self) -> Iterator:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


PALETTE_NAMES: Mapping[str, str] = TranslatedNames(PALETTES, palette_name)

#: Totalt / the whole country: a dark neutral, so it reads as the reference, never as one of the groups.
TOTAL_COLOUR = "#4D4D4D"
#: 'Vet ikke', 'ikke relevant': a grey that stays visible on a projector (3.4:1 on white).
DONT_KNOW_COLOUR = "#8C8C8C"
#: Hindering (red) to promoting (blue); the middle is a light neutral drawn with a grey edge.
DIVERGING = ["#B2182B", "#D6604D", "#D9D9D9", "#4393C3", "#2166AC"]
#: Ordered scales without a natural middle (e.g. 1-4): light to dark blue.
SEQUENTIAL = ["#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B"]
TEXT_COLOUR = "#222222"
MUTED_TEXT = "#555555"
GRID_COLOUR = "#E3E3E3"
REFERENCE_COLOUR = "#4D4D4D"
FONT_FAMILY = ["DejaVu Sans", "Arial", "Liberation Sans", "sans-serif"]

#: Figure sizes in inches: a whole 16:9 slide, the chart area of our own slides, A4 text width.
SIZES: dict[str, tuple[float, float]] = {
    "screen": (8.0, 4.8),
    "slide": (13.333, 7.5),
    "slide-chart": (12.27, 4.5),
    "a4": (6.7, 4.6),
    "a4-landscape": (10.2, 6.2),
}
#: Base font size per size preset (points); the user can override it.
BASE_FONT = {"screen": 9.0, "slide": 14.0, "slide-chart": 12.0, "a4": 8.5, "a4-landscape": 9.5}

WRAP_AT = 34  # characters per line of a category label
MAX_GROUPED = 6  # more groups than this get a dot plot or small multiples, never repeated colours
SUPPRESSED = ":"  # SSB's mark for a value not shown
LOW_BASE_MARK = "*"


@dataclass(frozen=True)
class Style:
    """What a user may set for a chart; everything else is house style."""

    palette: str = "standard"
    font_size: float | None = None  # None: the size preset's base font
    title: str | None = None  # None: the question text
    size: str = "screen"
    decimals: int = 0

    def with_(self, **changes) -> Style:
        return replace(self, **changes)

    @property
    def base_font(self) -> float:
        return self.font_size or BASE_FONT.get(self.size, 9.0)

    @property
    def figsize(self) -> tuple[float, float]:
        return SIZES.get(self.size, SIZES["screen"])

    def colours(self) -> list[str]:
        return PALETTES.get(self.palette, PALETTES["standard"])

    def rc(self) -> dict:
        """matplotlib settings for one drawing, applied with `matplotlib.rc_context`, never globally."""
        size = self.base_font
        return {
            "font.family": "sans-serif",
            "font.sans-serif": FONT_FAMILY,
            "font.size": size,
            "axes.titlesize": size * 1.25,
            "axes.labelsize": size,
            "xtick.labelsize": size * 0.9,
            "ytick.labelsize": size,
            "legend.fontsize": size * 0.9,
            "text.color": TEXT_COLOUR,
            "axes.edgecolor": "#999999",
            "axes.labelcolor": TEXT_COLOUR,
            "xtick.color": MUTED_TEXT,
            "ytick.color": TEXT_COLOUR,
            "svg.fonttype": "none",  # SVG text stays text
            "pdf.fonttype": 42,  # TrueType fonts embedded in PDF
            "ps.fonttype": 42,
            "axes.unicode_minus": False,
        }


def group_colours(slots: list[int | None], style: Style) -> list[str]:
    """Each group's colour from its fixed slot (its place in the breakdown's full list); None is Totalt.

    A slot keeps its colour whichever other groups a filter leaves in the chart, so a group has the
    same colour in every chart. Only when two slots share a colour (more categories than colours)
    does the later group in this chart take the next free one.
    """
    palette = style.colours()
    taken: set[str] = set()
    out = []
    for slot in slots:
        if slot is None:
            out.append(TOTAL_COLOUR)
            continue
        index = slot % len(palette)
        for step in range(len(palette)):
            if palette[(index + step) % len(palette)] not in taken:
                index = (index + step) % len(palette)
                break
        taken.add(palette[index])
        out.append(palette[index])
    return out


def scale_colours(options: list[str], dont_know: list[str]) -> list[str]:
    """Ordered scale points red → blue (or light → dark without a middle); 'vet ikke' grey."""
    points = [o for o in options if o not in dont_know]
    count = len(points)
    if count >= 3 and count % 2 == 1:
        steps = [round(i * (len(DIVERGING) - 1) / (count - 1)) for i in range(count)]
        ramp = [DIVERGING[s] for s in steps]
    elif count >= 2:
        ramp = [SEQUENTIAL[round(i * (len(SEQUENTIAL) - 1) / (count - 1))] for i in range(count)]
    else:
        ramp = [SEQUENTIAL[-1]] * count
    by_point = dict(zip(points, ramp, strict=True))
    return [DONT_KNOW_COLOUR if o in dont_know else by_point[o] for o in options]


def category_colours(options: list[str], dont_know: list[str], style: Style) -> list[str]:
    """Unordered categories: the qualitative palette, 'vet ikke' grey."""
    colours = style.colours()
    out, index = [], 0
    for option in options:
        if option in dont_know:
            out.append(DONT_KNOW_COLOUR)
        else:
            out.append(colours[index % len(colours)])
            index += 1
    return out


def relative_luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(colour: str, background: str = "#FFFFFF") -> float:
    """WCAG contrast ratio between two colours."""
    a, b = sorted((relative_luminance(colour), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_on(colour: str) -> str:
    """White or near-black, whichever reads better on a bar of `colour`."""
    return "#FFFFFF" if contrast(colour, "#FFFFFF") >= contrast(colour, TEXT_COLOUR) else TEXT_COLOUR


def nice(value: float) -> float:
    """A round axis end just above `value` (18 → 20, 43 → 45, 68 → 70): never a fixed 0-100 %."""
    if value <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(value))
    for factor in (1, 1.2, 1.4, 1.5, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10):
        if factor * step >= value * (1 - 1e-9):
            return factor * step
    return 10 * step


# --------------------------------------------------------------------------- Norwegian labels


def pct_label(value: float | None, decimals: int = 0) -> str:
    """ "68 %", "12,5 %"; a value that is not shown is ":". The program's one percent format, per language."""
    return fmt_pct(value, decimals, SUPPRESSED)


def number_label(value: float | None, decimals: int = 1) -> str:
    """ "1 234,5": the program's one number format (a narrow no-break space between thousands)."""
    return fmt_number(value, decimals)


def value_label(value: float | None, percent: bool, mark: str = "", decimals: int = 0) -> str:
    """A bar's label, with the significance letters the table shows."""
    text = pct_label(value, decimals) if percent else number_label(value, 1)
    return f"{text} {mark}" if mark and value is not None else text


def wrap(label: str, width: int = WRAP_AT) -> str:
    """Wrap at word boundaries (never cut): the whole label is always shown."""
    return "\n".join(textwrap.wrap(label, width, break_long_words=False) or [""])
