"""Tables as JSON and CSV, flattened from the one `Table` the engine returns.

Column names and JSON keys are identifiers, the same in every language (with `role` and `stat` saying
what a group or a statistic is); labels and the footnote are words in the current language.
Every text passes `clean_text` (no XML-forbidden control characters, in CSV and JSON too), and CSV text
that a spreadsheet would run as a formula is kept inert with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json

from barometer_gui.core.tabulate import Table
from barometer_gui.export.safe import clean_text, looks_like_formula

CSV_COLUMNS = [
    "question_id",
    "group",
    "role",
    "letter",
    "base",
    "weighted_base",
    "effective_base",
    "suppressed",
    "low_base",
    "item",
    "option",
    "stat",
    "count",
    "pct",
    "ci_low",
    "ci_high",
    "sig",
    "value",
]


def to_json(table: Table) -> str:
    return json.dumps(_clean(table.as_dict()), ensure_ascii=False, indent=2)


def _clean(value: object) -> object:
    """Every string in a JSON-ready structure, cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def rows(table: Table) -> list[dict]:
    """One row per group × item × option: the flat form used by CSV and Excel."""
    out = []
    for group in table.groups:
        for cell in group.cells:
            out.append(
                {
                    "question_id": table.question.id,
                    "group": group.label,
                    "role": str(group.role),
                    "letter": group.letter,
                    "base": group.base,
                    "weighted_base": group.weighted_base,
                    "effective_base": group.effective_base,
                    "suppressed": group.suppressed,
                    "low_base": group.low_base,
                    "item": cell.item,
                    "option": cell.label,
                    "stat": cell.stat.key if cell.stat else None,
                    "count": cell.count,
                    "pct": cell.pct,
                    "ci_low": cell.ci_low,
                    "ci_high": cell.ci_high,
                    "sig": cell.sig,
                    "value": cell.value,
                }
            )
    return out


def to_csv(table: Table, decimal_comma: bool = False) -> str:
    """CSV for programs: '.' decimals and ',' separators in every language; with `decimal_comma` the
    Norwegian Excel flavour (';' separator, '12,5'), chosen by the user, not by the language."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if decimal_comma else ",", lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows(table):
        writer.writerow([_cell(row[c], decimal_comma) for c in CSV_COLUMNS])
    return buffer.getvalue()


def _cell(value: object, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, int):
        return str(value)
    return _inert(clean_text(value))


def _inert(text: str) -> str:
    """Answer labels like "=SUM(...)" or "@navn" would run as formulas in Excel; keep them text."""
    return "'" + text if looks_like_formula(text) else text
