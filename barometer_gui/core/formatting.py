"""Number formats in the language text is written in: bokmål «12,5 %», «12 000», «p = 0,012»; English
«12.5%», «12,000», «p = 0.012».

Every front end (window, charts, exports, CLI text, report) formats through these functions, so a
report written in English inside a bokmål window (`i18n.using_language`) gets English numbers too.
Bokmål groups thousands with a narrow no-break space (a thin space that never breaks a number over
two lines) and puts a no-break space before «%»; English uses a comma and no space.
"""

from __future__ import annotations

import math

from barometer_gui.core.i18n import language

NBSP = "\u00a0"
#: bokmål thousands separator: a thin space that keeps the number on one line
THIN = "\u202f"
#: the typographic minus for signed differences
MINUS = "\u2212"
SUPPRESSED = ":"


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _local(text: str) -> str:
    """Python's "1,234.5" in the current language."""
    if language() == "en":
        return text
    return text.replace(",", THIN).replace(".", ",")


def fmt_number(value: float | None, decimals: int = 1) -> str:
    """«1 234,5» / «1,234.5»; a value not shown is «:»."""
    if _missing(value):
        return SUPPRESSED
    return _local(f"{value:,.{decimals}f}")


def fmt_int(value: float | None) -> str:
    """«12 000» / «12,000»."""
    if _missing(value):
        return SUPPRESSED
    return _local(f"{round(value):,}")


def fmt_pct(value: float | None, decimals: int = 1, suppressed_mark: str = SUPPRESSED) -> str:
    """A percentage given as 0–100: «12,5 %» / «12.5%»."""
    if _missing(value):
        return suppressed_mark
    return fmt_number(value, decimals) + ("%" if language() == "en" else f"{NBSP}%")


def fmt_diff(value: float | None, decimals: int = 1) -> str:
    """A signed difference (percentage points): «+3,2», «−1,5», «0,0»."""
    if _missing(value):
        return SUPPRESSED
    text = fmt_number(abs(value), decimals)
    zero = round(abs(value), decimals) == 0
    return text if zero else ("+" if value > 0 else MINUS) + text


def fmt_p(value: float | None) -> str:
    """A p-value: «0,012», «< 0,001»."""
    if value is None:
        return "–"
    if value < 0.001:
        return "< " + _local("0.001")
    return _local(f"{value:.3f}")


def fmt_level(alpha: float) -> str:
    """A significance level as a percentage number: «5» for 0.05, «0,5» for 0.005."""
    percent = alpha * 100
    return fmt_number(percent, 0 if round(percent, 6).is_integer() else 1)


def decimal_mark() -> str:
    """The decimal separator of the current language (CSV and clipboard text)."""
    return "." if language() == "en" else ","


def excel_percent_format(decimals: int = 1) -> str:
    """An Excel/PowerPoint number format for fractions: «0.0 %» (bokmål spacing) or «0.0%».

    The file's format codes always use «.»; the reader's Excel locale shows the decimal comma.
    """
    digits = "0" + ("." + "0" * decimals if decimals else "")
    return digits + ("%" if language() == "en" else " %")
