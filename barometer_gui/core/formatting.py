"""Norwegian number formats: 12,5 %, 1 234, p = 0,012."""

from __future__ import annotations

import math

NBSP = "\u00a0"


def fmt_pct(value: float | None, decimals: int = 1, suppressed_mark: str = ":") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return suppressed_mark
    return f"{value:.{decimals}f}".replace(".", ",") + f"{NBSP}%"


def fmt_number(value: float | None, decimals: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ":"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")


def fmt_int(value: float | None) -> str:
    if value is None:
        return ":"
    return f"{round(value):,}".replace(",", NBSP)


def fmt_p(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 0.001:
        return "< 0,001"
    return f"{value:.3f}".replace(".", ",")
