"""Odd CSV files: mixed encodings, mojibake, files cut off mid-row, absurd widths (issue 12 items 6, 7, 11)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import open_survey
from barometer_gui.core.readers import MAX_COLUMNS, read_book

HEADER = "Kommunenummer;Hvor fornøyd er du?;Hvor enig er du?\n"
ANSWERS = ["Fornøyd", "Misfornøyd", "Verken eller"]
SCALE = ["Helt enig", "Helt uenig", "Delvis enig"]


def _lines(rows: int = 30) -> list[str]:
    return [f"{301 + i};{ANSWERS[i % 3]};{SCALE[i % 3]}\n" for i in range(rows)]


def _options(path: Path, question: str = "Hvor fornøyd er du?") -> list[str]:
    survey = open_survey(path, use_saved_mapping=False)
    return next(q for q in survey.questions if q.text == question).options


def test_mixed_utf8_and_cp1252_lines_give_one_option_and_a_warning(tmp_path):
    path = tmp_path / "blandet.csv"
    lines = _lines()
    data = HEADER.encode("utf-8") + b"".join(
        line.encode("cp1252" if i % 4 == 0 else "utf-8") for i, line in enumerate(lines)
    )
    path.write_bytes(data)
    assert sorted(_options(path)) == sorted(ANSWERS)
    warnings = open_survey(path, use_saved_mapping=False).warnings
    assert any("Windows-1252" in w and "blander" in w for w in warnings)


def test_mojibake_is_repaired_with_a_warning(tmp_path):
    path = tmp_path / "mojibake.csv"
    lines = _lines()
    lines[4] = lines[4].replace("Misfornøyd", "Misfornøyd".encode().decode("cp1252"))
    assert "MisfornÃ¸yd" in lines[4]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    assert sorted(_options(path)) == sorted(ANSWERS)
    warnings = open_survey(path, use_saved_mapping=False).warnings
    assert any("«Ã¸» for «ø»" in w for w in warnings)


def test_plain_windows_1252_file_reads_without_warning(tmp_path):
    path = tmp_path / "ansi.csv"
    path.write_bytes((HEADER + "".join(_lines())).encode("cp1252"))
    assert sorted(_options(path)) == sorted(ANSWERS)
    assert read_book(path).notes == []


CUTS = {
    # the file ends after the first letters of an answer in a middle column: too few fields
    "mid-row": (lambda text: text + "330;Hel", True),
    # the last column's answer is a stump of another answer in the same column
    "last field": (lambda text: text + "330;Fornøyd;Hel", True),
    # the cut falls inside a quoted answer
    "open quote": (lambda text: text + '330;"Fornøyd;Hel', True),
    # a complete last row without a final line break is a whole respondent
    "no final newline": (lambda text: text + "330;Fornøyd;Helt enig", False),
}


@pytest.mark.parametrize("case", sorted(CUTS))
def test_a_row_cut_off_at_the_end_is_dropped_with_a_warning(tmp_path, case):
    cut, partial = CUTS[case]
    path = tmp_path / "avkuttet.csv"
    path.write_text(cut(HEADER + "".join(_lines())), encoding="utf-8")
    survey = open_survey(path, use_saved_mapping=False)
    assert survey.respondents == (30 if partial else 31)
    options = [o for q in survey.questions for o in q.options]
    assert "Hel" not in options
    warned = any("avkuttet" in w for w in survey.warnings)
    assert warned is partial


def test_quoted_multiline_answers_still_read(tmp_path):
    path = tmp_path / "flerlinje.csv"
    text = 'Kommunenummer;Kommentar\n301;"to\nlinjer"\n1101;"én linje"'
    path.write_text(text, encoding="utf-8")
    frame = read_book(path).sheets["flerlinje"]
    assert list(frame["Kommentar"]) == ["to\nlinjer", "én linje"]


def test_ragged_rows_are_padded(tmp_path):
    path = tmp_path / "ujevn.csv"
    path.write_text("a;b;c\n1;2\n3;4;5;\n6;7;8\n", encoding="utf-8")
    frame = read_book(path).sheets["ujevn"]
    assert frame.shape == (3, 3)
    assert frame["c"].isna().tolist() == [True, False, False]


def test_numbers_with_decimal_comma_and_blank_rows(tmp_path):
    path = tmp_path / "tall.csv"
    path.write_text("a;b\n1,5;x\n;;\n\n2;y\n ; \n", encoding="utf-8")
    frame = read_book(path).sheets["tall"]
    assert frame["a"].tolist() == [1.5, 2.0]
    assert frame["b"].tolist() == ["x", "y"]


@pytest.mark.parametrize("columns", [MAX_COLUMNS + 1, 2_000_000])
def test_wider_than_excel_is_refused_quickly(tmp_path, columns):
    path = tmp_path / "bred.csv"
    path.write_text(";".join(f"v{i}" for i in range(columns)) + "\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(BarometerError, match="kolonner"):
        open_survey(path, use_saved_mapping=False)
    assert time.perf_counter() - start < 10
