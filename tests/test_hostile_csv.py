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


def test_old_mac_line_ends_with_ragged_rows_are_read(tmp_path):
    """Bare CR line ends and rows of uneven length (the csv-module path) read like LF files."""
    path = tmp_path / "mac.csv"
    path.write_bytes(b"a;b;c\r1;2\r3;4;5;x\r6;7;8\r")
    frame = read_book(path).sheets["mac"]
    assert list(frame.columns) == ["a", "b", "c", "Kolonne D"]
    assert frame["a"].tolist() == [1.0, 3.0, 6.0]
    assert frame["c"].isna().tolist() == [True, False, False]
    assert frame["Kolonne D"].tolist()[1] == "x"


def test_typing_follows_every_filled_cell_once_per_distinct_text(tmp_path):
    """Trimmed duplicates are one answer; a column is numbers only when every filled cell is one."""
    path = tmp_path / "typer.csv"
    path.write_text(
        "tall;tekst;blandet;tusen;tom\n 1,5 ;Ja; 2;1\u00a0000;\n2; Ja ;nan;12;\n;Nei;3;;\n", encoding="utf-8"
    )
    frame = read_book(path).sheets["typer"]
    assert frame["tall"].tolist()[:2] == [1.5, 2.0] and frame["tall"].isna().tolist() == [False, False, True]
    assert frame["tekst"].tolist() == ["Ja", "Ja", "Nei"]
    assert str(frame["tekst"].dtype) == "str"
    assert frame["blandet"].tolist() == ["2", "nan", "3"]  # "nan" is text, so the column is text
    assert frame["tusen"].tolist()[:2] == [1000.0, 12.0]
    assert list(frame.columns) == ["tall", "tekst", "blandet", "tusen", "tom"]
    assert frame["tom"].isna().all()
