"""fastexcel's sheets as pandas DataFrames, without pyarrow.

fastexcel hands a sheet over as Arrow data (the Arrow PyCapsule interface); its own
`to_pandas()` needs pyarrow (≈ 80 MB in the bundle) only for that step. nanoarrow (≈ 3 MB)
exposes the same data's buffers, and numpy turns them into columns. The columns are those
pyarrow's `to_pandas()` gives: numbers float64 with NaN for empty cells (whole numbers without
gaps int64), text as pandas' `str` dtype with NaN, true/false as bool (object with None when a
cell is empty), date-times and durations as datetime64/timedelta64 in Arrow's unit with NaT,
dates as `datetime.date` objects.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def arrow_to_frame(data: object) -> pd.DataFrame:
    """A DataFrame from any object exporting an Arrow struct array (`__arrow_c_array__`), e.g. a fastexcel sheet."""
    import nanoarrow as na

    table = na.Array(data)
    names = [field.name for field in table.schema.fields]
    frame = pd.DataFrame(
        {index: _column(table.child(index)) for index in range(len(names))},
        index=pd.RangeIndex(len(table)),
    )
    frame.columns = names
    return frame


#: Arrow's number types fastexcel produces (float; int when asked for) and their numpy types.
_NUMBERS = {"DOUBLE": np.float64, "FLOAT": np.float32, "INT64": np.int64, "INT32": np.int32}
_OFFSETS = {"STRING": np.int32, "LARGE_STRING": np.int64}
_UNITS = {"SECOND": "s", "MILLI": "ms", "MICRO": "us", "NANO": "ns"}
_TIMES = {"TIMESTAMP": "datetime64", "DURATION": "timedelta64"}


def _column(array):
    kind = array.schema.type.name
    if kind == "NULL":
        return np.full(len(array), None, dtype=object)
    valid = _validity(array)
    if kind in _NUMBERS:
        values = _values(array, _NUMBERS[kind])
        if valid is None:
            return values
        values = values.astype(np.float64)
        values[~valid] = np.nan
        return values
    if kind == "BOOL":
        values = _bits(array.buffer(1), array.offset, len(array))
        return values if valid is None else _with_none(values, valid)
    if kind in _TIMES and not array.schema.timezone:
        values = _values(array, np.int64).view(f"{_TIMES[kind]}[{_UNITS[array.schema.unit.name]}]")
        if valid is not None:
            values[~valid] = values.dtype.type("NaT")
        return values
    if kind in _OFFSETS:
        return pd.array(_strings(array, _OFFSETS[kind], valid), dtype="str")
    # Dates (and types fastexcel does not produce): Python objects, as pyarrow gives dates.
    values = np.empty(len(array), dtype=object)
    values[:] = array.to_pylist()
    return values


def _values(array, numpy_type) -> np.ndarray:
    """The data buffer as a numpy array of this array's rows (a copy: the Arrow memory is released)."""
    return np.frombuffer(array.buffer(1), dtype=numpy_type)[array.offset : array.offset + len(array)].copy()


def _validity(array) -> np.ndarray | None:
    """True where a cell holds a value; None when no cell is empty (Arrow leaves the bitmap out)."""
    bitmap = array.buffer(0)
    if len(bitmap) == 0:
        return None
    valid = _bits(bitmap, array.offset, len(array))
    return None if valid.all() else valid


def _bits(buffer, offset: int, length: int) -> np.ndarray:
    """Arrow's bitmaps are least-significant bit first."""
    bits = np.unpackbits(np.frombuffer(buffer, dtype=np.uint8), bitorder="little")
    return bits[offset : offset + length].astype(bool)


def _with_none(values: np.ndarray, valid: np.ndarray) -> np.ndarray:
    objects = values.astype(object)
    objects[~valid] = None
    return objects


def _strings(array, offset_type, valid: np.ndarray | None) -> np.ndarray:
    """UTF-8 cells as Python strings, NaN where empty, without a Python loop over the cells.

    The cells lie end to end in one buffer; a NUL byte (which no Excel cell can hold) is put
    between them and the whole buffer is decoded and split once.
    """
    length = len(array)
    offsets = np.frombuffer(array.buffer(1), dtype=offset_type)[array.offset : array.offset + length + 1]
    if length == 0:
        return np.array([], dtype=object)
    data = np.frombuffer(array.buffer(2), dtype=np.uint8)[offsets[0] : offsets[-1]]
    if not data.all():  # a NUL inside a cell: the slow way
        cells = array.to_pylist()
    else:
        joined = np.insert(data, offsets[1:-1] - offsets[0], 0)
        cells = joined.tobytes().decode("utf-8").split("\x00")
    values = np.array(cells, dtype=object)
    if valid is not None:
        values[~valid] = np.nan
    return values
