"""fastexcel's sheets become the DataFrames pyarrow's to_pandas() gave, without pyarrow (core/arrow_frame.py)."""

from __future__ import annotations

import datetime as dt
import importlib.util

import fastexcel
import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook

from barometer_gui.core.arrow_frame import arrow_to_frame
from barometer_gui.core.readers import read_book

HEADER = ["tall", "desimal", "tekst", "sant", "dato", "tidspunkt", "varighet", "blandet", "tom", "sist"]
ROWS = [
    [
        1,
        1.5,
        "Ja",
        True,
        dt.date(2024, 1, 2),
        dt.datetime(2024, 1, 2, 3, 4, 5),
        dt.timedelta(hours=1, minutes=30),
        7,
        None,
        "æøå – «x»",
    ],
    [None, None, None, None, None, None, None, "tekst", None, None],
    [
        3,
        -2.25,
        "Nei ",
        False,
        dt.date(1999, 12, 31),
        dt.datetime(2000, 2, 29, 23, 59, 59),
        dt.timedelta(days=2),
        None,
        None,
        "b",
    ],
    [4, None, "Vet ikke", None, None, None, None, True, None, "c"],
]


@pytest.fixture
def workbook(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    flags = book.create_sheet("Flagg")  # booleans with no empty cell stay bool
    flags.append(["valgt"])
    for value in (True, False, True):
        flags.append([value])
    path = tmp_path / "typer.xlsx"
    book.save(path)
    return path


def _sheet(path, name="Data", **options):
    return fastexcel.read_excel(str(path)).load_sheet(name, **options)


def test_every_cell_type_with_empty_cells(workbook):
    frame = arrow_to_frame(_sheet(workbook))
    assert list(frame.columns) == HEADER
    assert isinstance(frame.index, pd.RangeIndex) and len(frame) == 4
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes == {
        "tall": "float64",
        "desimal": "float64",
        "tekst": "str",
        "sant": "object",
        "dato": "datetime64[ms]",
        "tidspunkt": "datetime64[ms]",
        "varighet": "timedelta64[ms]",
        "blandet": "str",
        "tom": "str",
        "sist": "str",
    }
    assert frame["tall"].tolist()[::2] == [1.0, 3.0] and np.isnan(frame["tall"][1])
    assert frame["desimal"].isna().tolist() == [False, True, False, True]
    assert frame["desimal"][2] == -2.25
    # text keeps its spaces (headers and cells are cleaned later), empty cells are NaN
    assert frame["tekst"][0] == "Ja" and frame["tekst"][2] == "Nei " and frame["tekst"][3] == "Vet ikke"
    assert frame["tekst"].isna().tolist() == [False, True, False, False]
    assert frame["sist"][0] == "æøå – «x»" and frame["sist"].isna().tolist() == [False, True, False, False]
    assert frame["sant"].tolist() == [True, None, False, None]
    assert [type(v) for v in frame["sant"]] == [bool, type(None), bool, type(None)]
    assert frame["dato"][0] == pd.Timestamp("2024-01-02") and frame["dato"][2] == pd.Timestamp("1999-12-31")
    assert frame["tidspunkt"][2] == pd.Timestamp("2000-02-29 23:59:59")
    assert frame["dato"].isna().tolist() == frame["tidspunkt"].isna().tolist() == [False, True, False, True]
    assert frame["varighet"][0] == pd.Timedelta(minutes=90) and frame["varighet"][2] == pd.Timedelta(days=2)
    assert frame["varighet"].isna().tolist() == [False, True, False, True]
    # a column mixing numbers, text and booleans is text, as fastexcel writes them
    assert frame["blandet"].tolist()[:2] == ["7", "tekst"] and frame["blandet"][3] == "true"
    assert frame["tom"].isna().all()


def test_booleans_without_empty_cells_stay_bool(workbook):
    frame = arrow_to_frame(_sheet(workbook, "Flagg"))
    assert frame["valgt"].dtype == bool
    assert frame["valgt"].tolist() == [True, False, True]


def test_rows_skipped_and_limited_and_no_header(workbook):
    frame = arrow_to_frame(_sheet(workbook, header_row=None, skip_rows=2, n_rows=2, use_columns=[0, 2, 9]))
    assert frame.shape == (2, 3)
    assert frame.iloc[:, 0].isna().tolist() == [True, False] and frame.iloc[1, 0] == 3.0
    assert frame.iloc[:, 1].isna().tolist() == [True, False] and frame.iloc[1, 1] == "Nei "
    assert frame.iloc[:, 2].isna().tolist() == [True, False] and frame.iloc[1, 2] == "b"


def test_dates_asked_for_as_dates_are_date_objects(workbook):
    frame = arrow_to_frame(_sheet(workbook, dtypes={"dato": "date"}))
    assert frame["dato"].dtype == object
    assert frame["dato"].tolist() == [dt.date(2024, 1, 2), None, dt.date(1999, 12, 31), None]


def test_integers_asked_for_keep_int64_or_become_float_with_gaps(workbook):
    frame = arrow_to_frame(_sheet(workbook, dtypes={"tall": "int"}, n_rows=1))
    assert frame["tall"].dtype == np.int64 and frame["tall"].tolist() == [1]
    gaps = arrow_to_frame(_sheet(workbook, dtypes={"tall": "int"}))
    assert gaps["tall"].dtype == np.float64 and gaps["tall"].isna().tolist() == [False, True, False, False]


def test_read_book_hands_over_the_same_columns(workbook):
    frame = read_book(workbook, sheet="Data").sheets["Data"]
    assert str(frame["tekst"].dtype) == "str" and frame["tall"].dtype == np.float64
    assert frame["sant"].tolist() == [True, None, False, None]


def test_pyarrow_is_not_installed():
    """The bundle is under 300 MB because pyarrow is gone; nothing may bring it back unnoticed."""
    assert importlib.util.find_spec("pyarrow") is None, (
        "pyarrow is installed: a dependency pulls it in again, or this environment predates its removal "
        "(python3 -m uv sync --group test removes it)"
    )
