"""Text that is safe to write into any output file Barometer makes.

Survey answers are typed by strangers. Two things in them break or endanger
outputs: characters XML 1.0 forbids (a stray \\x01 makes PowerPoint and Excel
files unreadable) and cells that a spreadsheet would run as a formula. Every
exporter passes its text through `clean_text`; spreadsheet writers also write
labels as strings (never through a formula-guessing `write()`).
"""

from __future__ import annotations

import re

# XML 1.0 allows tab, newline, carriage return and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: A cell starting with one of these is read as a formula by Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_text(value: object) -> str:
    """The text of `value` with characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _XML_FORBIDDEN.sub("\ufffd", "" if value is None else str(value))


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)
