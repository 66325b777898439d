"""The table as shown, out of the program: clipboard text, CSV for Excel and an .xlsx workbook.

All three read the same `Grid` the view shows, so a pasted or saved table is the
crosstab on screen (Norwegian decimals, letters, `:`), with the title and the
footnote below it. Only Qt's translation lookup is used (the sheet's name).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from barometer_gui.core.files import atomic_path, atomic_write_text
from barometer_gui.export.safe import clean_text, looks_like_formula
from barometer_gui.ui.table_layout import NBSP, OWN_AREA_COLOUR, Grid

#: Excel number formats for the engine's values behind the texts
FORMATS = {"pct": "0.0 %", "int": "# ##0", "dec": "0.0"}


def _plain(text: str) -> str:
    """Non-breaking spaces become ordinary ones, which Excel and e-mail read everywhere."""
    return text.replace(NBSP, " ").replace("\u202f", " ")


def inert_text(text: str) -> str:
    """A label typed as "=SUM(…)" or "@navn" must stay text in Excel, never run as a formula."""
    text = clean_text(text)
    return "'" + text if looks_like_formula(text) else text


def to_tsv(grid: Grid) -> str:
    """Tab-separated, one line per row: pastes into Excel or Word as the crosstab on screen."""
    return (
        "\n".join("\t".join(_plain(text).replace("\t", " ") for text in row) for row in grid.text_rows())
        + "\n"
    )


def to_excel_csv(grid: Grid, title: str = "", notes: tuple[str, ...] = ()) -> str:
    """CSV as Norwegian Excel opens it by double-click: semicolons, decimal commas (BOM added on write)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    if title:
        writer.writerow([inert_text(title)])
    for row in grid.text_rows():
        writer.writerow([inert_text(_plain(text)) for text in row])
    for note in notes:
        if note:
            writer.writerow([inert_text(note)])
    return buffer.getvalue()


def write_excel_csv(path: str | Path, grid: Grid, title: str = "", notes: tuple[str, ...] = ()) -> None:
    atomic_write_text_bom(path, to_excel_csv(grid, title, notes))


def atomic_write_text_bom(path: str | Path, text: str) -> None:
    """UTF-8 with a byte-order mark, so Excel on Windows reads æ, ø and å correctly."""
    atomic_write_text(path, "\ufeff" + text)


def write_xlsx(path: str | Path, grid: Grid, title: str = "", notes: tuple[str, ...] = ()) -> None:
    """An .xlsx laid out like the view: numbers as numbers (12,5 % is 0.125 formatted), texts as texts."""
    import xlsxwriter

    with atomic_path(path) as temp:
        book = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False, "strings_to_numbers": False})
        sheet = book.add_worksheet(QCoreApplication.translate("TableExport", "Tabell"))
        bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        wrap = book.add_format({"text_wrap": True, "font_color": "#555555"})
        formats: dict[tuple, object] = {}

        def cell_format(cell):
            """Number format, bold for significant cells, the own area shaded as on screen."""
            key = (cell.kind if cell.kind in FORMATS else "", cell.bold, cell.own_area, cell.muted)
            if key not in formats:
                spec = {"align": "right"}
                if key[0]:
                    spec["num_format"] = FORMATS[key[0]]
                if cell.bold:
                    spec["bold"] = True
                if cell.own_area:
                    spec["bg_color"] = OWN_AREA_COLOUR
                if cell.muted:
                    spec["font_color"] = "#666666"
                formats[key] = book.add_format(spec)
            return formats[key]

        row = 0
        if title:
            sheet.write_string(row, 0, clean_text(title), book.add_format({"bold": True, "font_size": 13}))
            row += 2
        for column, header in enumerate(grid.columns, start=1):
            sheet.write_string(row, column, clean_text(header.text), bold)
        for header, cells in zip(grid.rows, grid.cells, strict=True):
            row += 1
            sheet.write_string(row, 0, clean_text(header.text), bold)
            for column, cell in enumerate(cells, start=1):
                plain_number = cell.number is not None and cell.kind in FORMATS and _is_plain(cell.text)
                if plain_number:
                    sheet.write_number(row, column, cell.number, cell_format(cell))
                elif cell.text:
                    sheet.write_string(row, column, clean_text(_plain(cell.text)), cell_format(cell))
        row += 2
        for note in notes:
            if note:
                sheet.merge_range(row, 0, row, max(len(grid.columns), 1), clean_text(note), wrap)
                sheet.set_row(row, 15 * (1 + len(note) // 120))
                row += 1
        sheet.set_column(0, 0, 42)
        sheet.set_column(1, max(len(grid.columns), 1), 16)
        book.close()


def _is_plain(text: str) -> bool:
    """A cell that is only the number (no letters, interval or star) is written as a number."""
    return not any(ch.isalpha() or ch in "*()" for ch in text.replace("%", ""))
