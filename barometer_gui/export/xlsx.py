"""The report as an Excel workbook: a contents sheet with links, one formatted sheet per item.

Percentages are numbers with a percent format (0.125 shown as 12,5 %), with bases, 95 % intervals,
significance letters and their legend, the footnote, frozen headers and a native Excel chart
beside each table. Survey text never becomes a formula: the workbook is opened with
`strings_to_formulas` (and numbers/URLs guessing) off and every text goes through `write_string`.
"""

from __future__ import annotations

import re
from pathlib import Path

from barometer_gui.core.files import atomic_write
from barometer_gui.core.footnote import footnote
from barometer_gui.core.formatting import excel_percent_format
from barometer_gui.core.i18n import t
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.report.content import Block, Report
from barometer_gui.export.safe import clean_text

#: Columns per group: share, interval low, interval high, letters.
PER_GROUP = 4
HEADER_ROW = 5
#: Width of the free-text answer column, in characters.
ANSWER_CHARS = 110


def write_workbook(report: Report, out: str | Path, progress: Progress = no_progress) -> Path:
    def build(temp: Path) -> None:
        import xlsxwriter

        book = xlsxwriter.Workbook(
            str(temp),
            {
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "nan_inf_to_errors": True,
            },
        )
        styles = _styles(book)
        contents = book.add_worksheet(t("Innhold"))
        names = _sheet_names([b.title for b in report.contents])
        questions = report.contents
        for index, (block, name) in enumerate(zip(questions, names, strict=True)):
            progress(
                0.5 + 0.45 * index / len(questions),
                t("Lager ark {n} av {total} …", n=index + 1, total=len(questions)),
            )
            sheet = book.add_worksheet(name)
            if block.kind == "freetext":
                _free_text_sheet(sheet, block, styles)
            else:
                _item_sheet(book, sheet, block, styles)
        _contents(contents, report, names, styles)
        progress(0.97, t("Lagrer …"))
        book.close()

    atomic_write(out, build)
    return Path(out)


def _styles(book) -> dict:
    base = {"font_name": "Calibri", "font_size": 10, "valign": "top"}
    return {
        "title": book.add_format({**base, "bold": True, "font_size": 14, "font_color": "#1F4E79"}),
        "sub": book.add_format({**base, "font_color": "#404040"}),
        "head": book.add_format(
            {**base, "bold": True, "bottom": 1, "text_wrap": True, "bg_color": "#DDEBF7"}
        ),
        "group": book.add_format(
            {**base, "bold": True, "align": "center", "bg_color": "#BDD7EE", "text_wrap": True}
        ),
        "label": book.add_format({**base, "text_wrap": True}),
        "pct": book.add_format({**base, "num_format": excel_percent_format(1)}),
        "ci": book.add_format({**base, "num_format": excel_percent_format(1), "font_color": "#7F7F7F"}),
        "num": book.add_format({**base, "num_format": "#,##0.0"}),
        "int": book.add_format({**base, "num_format": "#,##0", "bold": True, "top": 1}),
        "text": book.add_format(base),
        "note": book.add_format({**base, "font_color": "#404040", "font_size": 9}),  # runs on to the right
        "link": book.add_format({**base, "font_color": "#0563C1", "underline": 1}),
    }


def _text(sheet, row: int, col: int, value: object, style) -> None:
    sheet.write_string(row, col, clean_text(value), style)


def _contents(sheet, report: Report, names: list[str], styles: dict) -> None:
    _text(sheet, 0, 0, report.title, styles["title"])
    _text(sheet, 1, 0, t("Kilde: {source}", source=report.source) if report.source else "", styles["sub"])
    _text(sheet, 3, 0, t("Ark"), styles["head"])
    _text(sheet, 3, 1, t("Innhold"), styles["head"])
    row = 4
    section = ""
    questions = iter(names)
    for block in report.blocks:
        if block.kind == "section":
            section = block.title
            _text(sheet, row, 1, section, styles["group"])
            row += 1
        elif block.kind in ("question", "freetext"):
            name = next(questions)
            # An internal hyperlink record, not a HYPERLINK() formula.
            sheet.write_url(row, 0, f"internal:'{name}'!A1", styles["link"], string=name)
            _text(sheet, row, 1, block.title, styles["label"])
            row += 1
    row += 1
    for line in report.method_text():
        _text(sheet, row, 0, line, styles["note"])
        row += 1
    if report.skipped:
        _text(sheet, row + 1, 0, t("Ikke med (fant ikke spørsmålet i dataene):"), styles["sub"])
        for offset, text in enumerate(report.skipped, start=2):
            _text(sheet, row + offset, 0, text, styles["note"])
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 90)


def _free_text_sheet(sheet, block: Block, styles: dict) -> None:
    """The answers one to a row, always written as text (an answer like «=1+1» stays what was typed)."""
    _text(sheet, 0, 0, block.title, styles["title"])
    _text(sheet, 1, 0, block.subtitle, styles["sub"])
    if block.note:
        _text(sheet, 2, 0, block.note, styles["sub"])
    top = HEADER_ROW - 1
    _text(sheet, top, 0, t("Svar"), styles["head"])
    for row, answer in enumerate(block.answers, start=top + 1):
        _text(sheet, row, 0, answer, styles["label"])
        lines = sum(max(1, -(-len(part) // ANSWER_CHARS)) for part in answer.splitlines() or [""])
        if lines > 1:  # spreadsheets do not grow a wrapped row by themselves when the file is opened
            sheet.set_row(row, 13.5 * lines)
    _text(sheet, top + 2 + len(block.answers), 0, block.footnote, styles["note"])
    sheet.freeze_panes(top + 1, 0)
    sheet.set_column(0, 0, ANSWER_CHARS)


def _item_sheet(book, sheet, block: Block, styles: dict) -> None:
    grid = block.grid()
    _text(sheet, 0, 0, block.title, styles["title"])
    _text(sheet, 1, 0, block.subtitle, styles["sub"])
    if block.note:
        _text(sheet, 2, 0, block.note, styles["sub"])
    top = HEADER_ROW - 1
    _text(sheet, top, 0, "", styles["group"])
    _text(sheet, top + 1, 0, t("Svaralternativ"), styles["head"])
    for g, name in enumerate(grid.headers()):
        first = 1 + g * PER_GROUP
        sheet.merge_range(top, first, top, first + PER_GROUP - 1, "", styles["group"])
        _text(sheet, top, first, name, styles["group"])
        heads = (
            (t("Andel"), t("Nedre 95 %"), t("Øvre 95 %"), t("Sig."))
            if grid.percent
            else (t("Verdi"), "", "", "")
        )
        for k, head in enumerate(heads):
            _text(sheet, top + 1, first + k, head, styles["head"])
    diff_col = 1 + len(grid.groups) * PER_GROUP
    if grid.diff_header:
        _text(sheet, top + 1, diff_col, grid.diff_header, styles["head"])
    row = top + 2
    for r in grid.rows:
        _text(sheet, row, 0, r.label, styles["label"])
        for g, (cell, group) in enumerate(zip(r.cells, grid.groups, strict=True)):
            first = 1 + g * PER_GROUP
            if cell is None or group.suppressed:
                _text(sheet, row, first, ":", styles["text"])
                continue
            if grid.percent and cell.pct is not None:
                sheet.write_number(row, first, cell.pct / 100, styles["pct"])
                for k, bound in ((1, cell.ci_low), (2, cell.ci_high)):
                    if bound is not None:
                        sheet.write_number(row, first + k, bound / 100, styles["ci"])
                if cell.sig:
                    _text(sheet, row, first + 3, cell.sig, styles["text"])
            elif not grid.percent and (cell.value is not None or cell.count is not None):
                sheet.write_number(
                    row, first, cell.value if cell.value is not None else cell.count, styles["num"]
                )
            else:
                _text(sheet, row, first, ":", styles["text"])
        if grid.diff_header and r.diff is not None:
            sheet.write_number(row, diff_col, r.diff, styles["num"])
        row += 1
    last_data = row - 1
    _text(sheet, row, 0, t("Antall svar (n)"), styles["head"])
    for g, group in enumerate(grid.groups):
        sheet.write_number(row, 1 + g * PER_GROUP, group.base, styles["int"])
    assert block.table is not None
    if block.table.weighted:  # unweighted, the effective number is n again: a row that only confuses
        _text(sheet, row + 1, 0, t("Effektivt antall (vektet)"), styles["text"])
        for g, group in enumerate(grid.groups):
            sheet.write_number(row + 1, 1 + g * PER_GROUP, round(group.effective_base, 1), styles["num"])
    notes = footnote(block.table).lines()  # the item's note stands under the subtitle
    if any(group.letter for group in grid.groups):
        pairs = ", ".join(f"{g.letter} = {g.label}" for g in grid.groups if g.letter)
        notes.append(
            t(
                "Sig.: bokstaven(e) viser hvilke grupper andelen er statistisk sikkert høyere enn ({pairs}).",
                pairs=pairs,
            )
        )
    for offset, note in enumerate(n for n in notes if n):
        _text(sheet, row + 3 + offset, 0, note, styles["note"])
    sheet.freeze_panes(top + 2, 1)
    sheet.set_column(0, 0, 46)
    sheet.set_column(1, diff_col, 10)
    if grid.diff_header:
        sheet.set_column(diff_col, diff_col, 18)
    if grid.percent and grid.rows and not all(g.suppressed for g in grid.groups):  # a chart needs a series
        _chart(book, sheet, grid, block.group_colours(), top + 2, last_data, diff_col + 2)


def _chart(book, sheet, grid, colours: list[str], first_row: int, last_row: int, column: int) -> None:
    """A native bar chart of the share columns, beside the table, reading the sheet's own cells; each
    group in the colour the deck and the pictures give it."""
    chart = book.add_chart({"type": "bar"})
    name = sheet.get_name().replace("'", "''")
    for g, group in enumerate(grid.groups):
        if group.suppressed:
            continue
        col = 1 + g * PER_GROUP
        chart.add_series(
            {
                "name": [sheet.get_name(), HEADER_ROW - 1, col],
                "categories": f"='{name}'!$A${first_row + 1}:$A${last_row + 1}",
                "values": [sheet.get_name(), first_row, col, last_row, col],
                "data_labels": {"value": True, "num_format": excel_percent_format(0)},
                "fill": {"color": colours[g]},
                "border": {"none": True},
            }
        )
    chart.set_y_axis({"reverse": True})
    chart.set_x_axis(
        {"num_format": excel_percent_format(0), "min": 0, "max": 1, "major_gridlines": {"visible": True}}
    )
    chart.set_legend({"position": "bottom"})
    chart.set_size(
        {"width": 620, "height": max(320, 26 * (last_row - first_row + 1) * max(1, len(grid.groups) // 2))}
    )
    chart.set_title({"none": True})
    sheet.insert_chart(HEADER_ROW - 1, column, chart)


def _sheet_names(titles: list[str]) -> list[str]:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique, numbered in report order."""
    names = []
    for number, title in enumerate(titles, start=1):
        text = re.sub(r"[\[\]:*?/\\']", " ", clean_text(title))
        text = " ".join(text.split())
        names.append(f"{number} {text}"[:31].rstrip())
    return names
