"""Reading raw tables from survey exports, safely.

Every file is sniffed by its bytes (not its extension), checked against size
limits, and read with the fastest reader that handles it: fastexcel (calamine,
Rust) for .xlsx/.xls/.ods after `archive.check_workbook_zip` has inflated and
measured every part, pandas' C reader for text files (the csv module for
rows of uneven length). Text is decoded line by line where encodings are mixed,
and a row cut off at the end of a file is dropped; both leave a note for the
user. Cells stay as the survey tool wrote them; headers are cleaned
(merged/two-row headers joined, blanks and duplicates named). Nothing here
writes to disk, and input files are opened read-only.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from barometer_gui.core.archive import (
    GAP_ROWS,
    MAX_COLUMNS,
    check_workbook_zip,
    refuse_oversized,
    too_wide,
)
from barometer_gui.core.arrow_frame import arrow_to_frame
from barometer_gui.core.errors import BarometerError, Message
from barometer_gui.core.i18n import t
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.words import N_

MAX_FILE_BYTES = 400 * 1024 * 1024
MAX_TEXT_BYTES = 400 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

logging.getLogger("fastexcel").setLevel(logging.ERROR)


@dataclass
class RawBook:
    """The sheets of one export, by name, as DataFrames with cleaned headers."""

    kind: str
    sheets: dict[str, pd.DataFrame]
    notes: list[str] = field(default_factory=list)


def read_book(path: str | Path, sheet: str | None = None, progress: Progress = no_progress) -> RawBook:
    path = Path(path)
    if path.is_dir():
        return _read_csv_folder(path, progress)
    head = _head(path)
    if path.suffix.lower() in {".sav", ".zsav", ".por", ".dta"}:  # SPSS/Stata: read with pyreadstat
        from barometer_gui.core.importers import spss

        return spss.read(path)
    if head.startswith(ZIP_MAGIC):
        return _read_excel(path, sheet, progress, zipped=True)
    if head.startswith(OLE_MAGIC):
        _refuse_encrypted(path)
        return _read_excel(path, sheet, progress, zipped=False)
    if head.startswith(b"PK"):
        raise BarometerError("«{name}» er en skadet eller ufullstendig Excel-fil.", name=path.name)
    sibling_folder = surveyxact_csv_folder(path)
    if sibling_folder is not None:
        return _read_csv_folder(sibling_folder, progress)
    frame, notes = read_csv_table(path, progress)
    return RawBook("csv", {path.stem: frame}, notes)


def _head(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise BarometerError("Fant ikke fila «{path}».", path=path) from None
    except PermissionError:
        raise BarometerError("Har ikke tilgang til å lese «{name}».", name=path.name) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if size == 0:
        raise BarometerError("«{name}» er tom (0 byte).", name=path.name)
    if size > MAX_FILE_BYTES:
        raise BarometerError(
            "«{name}» er for stor ({size} MB; grensen er {limit} MB).",
            name=path.name,
            size=size // 2**20,
            limit=MAX_FILE_BYTES // 2**20,
        )
    return head


def _unreadable(path: Path, exc: OSError) -> BarometerError:
    return BarometerError("Kunne ikke lese «{name}»: {reason}.", name=path.name, reason=exc.strerror or exc)


# --------------------------------------------------------------------------- Excel


def _refuse_encrypted(path: Path) -> None:
    """Password-protected .xlsx files are OLE containers with an EncryptedPackage stream."""
    with path.open("rb") as handle:
        blob = handle.read(8 * 2**20)
    for marker in ("EncryptedPackage", "EncryptionInfo"):
        if marker.encode("utf-16-le") in blob:
            raise BarometerError(
                "«{name}» er passordbeskyttet. Fjern passordet i Excel (Fil › Info › Beskytt arbeidsbok) og prøv igjen.",
                name=path.name,
            )


def _read_excel(path: Path, sheet: str | None, progress: Progress, zipped: bool) -> RawBook:
    import fastexcel

    extents = check_workbook_zip(path) if zipped else {}
    # Before calamine sees the file (it loads an .ods whole on opening): one sheet reaching
    # XFD1048576 would abort the process. Parts without a sheet name are always checked.
    for name, extent in extents.items():
        if sheet is None or name == sheet or name.endswith(".xml"):
            refuse_oversized(extent, name.removesuffix(".xml"), path)
    progress(0.05, t("Åpner arbeidsboka …"))
    try:
        reader = fastexcel.read_excel(str(path))
    except Exception as exc:  # calamine reports broken files in many ways
        raise _excel_failure(path, exc) from None
    names = list(reader.sheet_names)
    if sheet is not None:
        if sheet not in names:
            raise BarometerError(
                "Arbeidsboka har ikke arket «{sheet}». Ark: {sheets}.", sheet=sheet, sheets=", ".join(names)
            )
        names = [sheet]
    sheets: dict[str, pd.DataFrame] = {}
    notes: list[str] = []
    for index, name in enumerate(names):
        progress(0.1 + 0.6 * index / max(len(names), 1), t("Leser arket «{name}» …", name=name))
        try:
            # SurveyXact's Labels sheet (variable, code, label) has no header row.
            extent = extents.get(name)
            rows = extent.rows_to_read() if extent else None
            frame, sheet_notes = _load_sheet(reader, name, name.strip().lower() != "labels", rows)
            if extent and rows and rows < extent.value_row:
                sheet_notes.append(_stray_rows_note(name, extent))
        except BarometerError:
            raise
        except Exception as exc:
            raise _excel_failure(path, exc, name) from None
        sheets[name] = frame
        notes += sheet_notes
    return RawBook("excel", sheets, notes)


def _stray_rows_note(sheet: str, extent) -> Message:
    return Message(
        "Arket «{sheet}»: {count} rad(er) langt under dataene (til rad {row}, etter over {gap} tomme rader) "
        "er ikke tatt med som svar. Slett dem i Excel hvis de ikke hører til.",
        sheet=sheet,
        count=extent.rows_below_gap,
        row=extent.value_row,
        gap=GAP_ROWS,
    )


def _excel_failure(path: Path, exc: Exception, sheet: str | None = None) -> BarometerError:
    text = str(exc).lower()
    if "password" in text or "encrypt" in text:
        return BarometerError(
            "«{name}» er passordbeskyttet. Fjern passordet i Excel og prøv igjen.", name=path.name
        )
    if sheet:
        return BarometerError(
            "«{name}» kunne ikke leses som Excel-fil (arket «{sheet}»); den kan være skadet eller i et ukjent format.",
            name=path.name,
            sheet=sheet,
        )
    return BarometerError(
        "«{name}» kunne ikke leses som Excel-fil; den kan være skadet eller i et ukjent format.",
        name=path.name,
    )


def _load_sheet(reader, name: str, header: bool, rows: int | None) -> tuple[pd.DataFrame, list[str]]:
    """Load a sheet once when its header is clean; peek at the first rows only when it is not.

    `rows` is the sheet's last row with a value (from the zip check): formatted or empty cells
    below it are not read, and blank rows left at the bottom are dropped, since they are no
    respondents.
    """

    def limit(header_rows: int) -> dict[str, int]:
        return {"n_rows": max(rows - header_rows, 0)} if rows else {}

    if not header:
        frame = arrow_to_frame(reader.load_sheet(name, header_row=None, **limit(0)))
        frame.columns = list(range(frame.shape[1]))
        return _without_trailing_blank_rows(frame), []
    sheet = reader.load_sheet(name, header_row=0, **limit(1))
    columns = sheet.available_columns()
    names = [c.name for c in columns]
    if not any(c.column_name_from == "generated" for c in columns) and not _renamed_duplicates(names):
        return _without_trailing_blank_rows(arrow_to_frame(sheet)), []
    peek = arrow_to_frame(reader.load_sheet(name, header_row=None, n_rows=3))
    if peek.shape[1] == 0 or peek.dropna(how="all").empty:
        return pd.DataFrame(), []
    top = [list(peek.iloc[i]) for i in range(min(len(peek), 3))]
    names, header_rows, notes = clean_header(top, name)
    frame = arrow_to_frame(
        reader.load_sheet(
            name, header_row=None, column_names=names, skip_rows=header_rows, **limit(header_rows)
        )
    )
    frame.columns = names[: frame.shape[1]]
    return _without_trailing_blank_rows(frame), notes


def _without_trailing_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of empty strings at the bottom of a sheet (cleared cells, formatting) are no respondents."""
    if frame.empty or not _is_blank_row(frame.iloc[-1]):
        return frame
    filled = np.zeros(len(frame), dtype=bool)
    for _, column in frame.items():
        if column.dtype.kind in "iufb":
            filled |= column.notna().to_numpy()
        else:
            filled |= (column.astype("string").str.strip().fillna("") != "").to_numpy(dtype=bool)
    last = int(np.flatnonzero(filled)[-1]) + 1 if filled.any() else 0
    return frame.iloc[:last]


def _is_blank_row(row: pd.Series) -> bool:
    return all(
        value is None or _isnan(value) or (isinstance(value, str) and not value.strip()) for value in row
    )


def _renamed_duplicates(names: list[str]) -> bool:
    """fastexcel renames a repeated header "X" to "X_1"; then the real header row must be read."""
    present = set(names)
    return any(
        re.fullmatch(r"(.+)_\d+", n) and re.fullmatch(r"(.+)_\d+", n).group(1) in present for n in names
    )


def clean_header(rows: list[list[object]], sheet: str) -> tuple[list[str], int, list[str]]:
    """Column names from the first rows: join a merged two-row header, name blanks, number duplicates."""
    first = [_text(v) for v in rows[0]]
    second = [_text(v) for v in rows[1]] if len(rows) > 1 else []
    header_rows = 1
    notes: list[str] = []
    merged = any(not cell for cell in first[1:]) and any(first) and _looks_like_subheader(first, second, rows)
    if merged:
        header_rows = 2
        names, group = [], ""
        for top, sub in zip(first, second, strict=False):
            group = top or group
            names.append(f"{group} - {sub}" if group and sub and sub != group else (sub or group))
        notes.append(
            Message(
                "Arket «{sheet}» har overskrift over to rader (sammenslåtte celler); de er slått sammen.",
                sheet=sheet,
            )
        )
    else:
        names = first
    cleaned: list[str] = []
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name:
            name = f"Kolonne {_column_letter(index)}"
            notes.append(
                Message(
                    "Arket «{sheet}»: kolonne {column} mangler overskrift.",
                    sheet=sheet,
                    column=_column_letter(index),
                )
            )
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            notes.append(
                Message("Arket «{sheet}»: overskriften «{name}» står flere ganger.", sheet=sheet, name=name)
            )
            name = f"{name} ({seen[key]})"
        else:
            seen[key] = 1
        cleaned.append(name)
    return cleaned, header_rows, notes


def _looks_like_subheader(first: list[str], second: list[str], rows: list[list[object]]) -> bool:
    """A second header row is text (no numbers), fills the columns the first leaves blank, and data follows."""
    if not second or len(rows) < 3:
        return False
    if any(not s for s, f in zip(second, first, strict=False) if not f):
        return False
    if any(_is_number(v) for v in rows[1] if v is not None and not _isnan(v)):
        return False
    return second != [_text(v) for v in rows[2]]


def _is_number(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        float(value.strip().replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return False
    return True


def _text(value: object) -> str:
    if value is None or _isnan(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _isnan(value: object) -> bool:
    return isinstance(value, float) and value != value


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --------------------------------------------------------------------------- CSV

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PDF = N_("«{name}» er en PDF-fil, ikke en eksport fra en spørreundersøkelse (tekstfil eller Excel).")
_IMAGE = N_("«{name}» er et bilde, ikke en eksport fra en spørreundersøkelse (tekstfil eller Excel).")
_NOT_EXPORTS = {b"%PDF": _PDF, b"\x89PNG": _IMAGE, b"\xff\xd8\xff": _IMAGE, b"GIF8": _IMAGE}
#: Bytes 0x80-0xBF (UTF-8 continuation bytes) as Windows-1252 shows them; 5 undefined ones pass as C1 controls.
_CP1252_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_CONT = f"[{re.escape(_CP1252_CONTINUATION)}]"
#: UTF-8 read as Windows-1252: «Ã¸» for «ø», «â€“» for «–». Norwegian text turns into a sequence
#: starting with Ã, Â or â, so a plain substring test screens a file before the slower regex.
_MOJIBAKE = re.compile(f"(?:[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}})+")


def decode_text(data: bytes, name: str) -> tuple[str, list[str], bytes | None]:
    """Decode an export line by line and repair mojibake; say what was repaired.

    Returns the text, notes for the user, and the UTF-8 bytes the text was decoded from when
    it is unchanged (so the parser need not encode it again), else None. UTF-8 (with or without BOM), UTF-16 and Windows-1252 are read. A file that mixes
    UTF-8 and Windows-1252 lines (an export appended to in Excel) is decoded per line,
    and UTF-8 text that was once read as Windows-1252 («MisfornÃ¸yd») is put right, so
    one answer never becomes two options. Anything else is refused.
    """
    for magic, refusal in _NOT_EXPORTS.items():
        if data.startswith(magic):
            raise BarometerError(refusal, name=name)
    notes: list[str] = []
    text = _utf16(data, name)
    if text is not None:
        if _CONTROL.search(text):
            raise _unknown_encoding(name)
        return text, notes, None
    if _has_control_bytes(data):
        raise _unknown_encoding(name)
    body: bytes | None = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text, note = _decode_per_line(body, name)
        notes += [note] if note else []
        body = None
    repaired, note = _repair_mojibake(text, name)
    if note:
        notes.append(note)
        return repaired, notes, None
    return text, notes, body


def _unknown_encoding(name: str) -> BarometerError:
    return BarometerError(
        "«{name}» er ikke en tekstfil i en kjent tegnkoding (UTF-8, UTF-16 eller Windows-1252). "
        "Lagre den på nytt som «CSV UTF-8» i Excel og prøv igjen.",
        name=name,
    )


_NOT_CONTROL = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))


def _has_control_bytes(data: bytes) -> bool:
    """Control bytes mean the same in UTF-8 and Windows-1252; bytes.translate finds them at memory speed."""
    return bool(data.translate(None, _NOT_CONTROL))


def _utf16(data: bytes, name: str) -> str | None:
    sample = data[:4096]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    elif sample.count(b"\x00") > len(sample) // 4:
        codec = "utf-16-le" if sample[1::2].count(b"\x00") > sample[::2].count(b"\x00") else "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise _unknown_encoding(name) from None


def _decode_per_line(data: bytes, name: str) -> tuple[str, str | None]:
    """Each line as UTF-8 if it is valid UTF-8, else as Windows-1252; warn when both occur."""
    lines = data.splitlines(keepends=True)
    decoded: list[str] = []
    utf8 = cp1252 = 0
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
            cp1252 += 1
        decoded.append(text)
    note = None
    if utf8 and cp1252:
        note = Message(
            "«{name}» blander tegnkodinger: {count} av {lines} linjer var i Windows-1252, resten i UTF-8. "
            "Linjene er lest hver for seg, så æ, ø og å blir riktige; kontroller svaralternativene.",
            name=name,
            count=cp1252,
            lines=len(lines),
        )
    return "".join(decoded), note


def _repair_mojibake(text: str, name: str) -> tuple[str, str | None]:
    examples: list[tuple[str, str]] = []

    def repair(match: re.Match[str]) -> str:
        wrong = match.group(0)
        try:
            right = bytes(ord(c) if ord(c) < 0x100 else c.encode("cp1252")[0] for c in wrong).decode("utf-8")
        except (UnicodeError, ValueError):
            return wrong
        examples.append((wrong, right))
        return right

    for _ in range(2):  # text read wrongly twice («Ã\x83Â¸») needs two rounds
        if not any(lead in text for lead in "ÃÂâ") or not _MOJIBAKE.search(text):
            break
        text = _MOJIBAKE.sub(repair, text)
    if not examples:
        return text, None
    wrong, right = examples[0]
    return text, Message(
        "«{name}»: {count} tegn med feil tegnkoding (som «{wrong}» for «{right}») er rettet; kontroller svaralternativene.",
        name=name,
        count=len(examples),
        wrong=wrong,
        right=right,
    )


def read_csv_table(
    path: Path, progress: Progress = no_progress, header: bool = True
) -> tuple[pd.DataFrame, list[str]]:
    """The table and what was noticed about its text and header (as for Excel sheets).

    Parsing is pandas' C reader, every cell as text; a file with rows of uneven length falls
    back to the csv module. Either way the cells are then worked on as codes into the file's
    distinct texts (a survey column repeats a few answers), so trimming and typing cost little
    beside the parse.
    """
    progress(0.05, t("Leser «{name}» …", name=path.name))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if len(data) > MAX_TEXT_BYTES:
        raise BarometerError(
            "«{name}» er for stor ({size} MB; grensen er {limit} MB). Del fila, eller fjern kolonner og rader du ikke trenger.",
            name=path.name,
            size=len(data) // 2**20,
            limit=MAX_TEXT_BYTES // 2**20,
        )
    text, notes, utf8 = decode_text(data, path.name)
    del data
    if not text or text.isspace():  # isspace stops at the first letter; strip() would copy the file
        raise BarometerError("«{name}» er tom.", name=path.name)
    delimiter = _sniff_delimiter(text)
    width = _first_record_width(text, delimiter, path.name)
    text, cut_note = _drop_partial_last_row(text, delimiter, width, path.name)
    unterminated = not text.endswith(("\n", "\r"))
    progress(0.2, t("Tolker «{name}» …", name=path.name))
    encoded = utf8 if utf8 is not None and cut_note is None else text.encode("utf-8")
    columns = _parse_fast(encoded, delimiter)
    del encoded, utf8
    if columns is None:
        columns = _parse_lenient(text, delimiter, path.name)
    del text
    cells = _without_blank_rows_and_columns(columns)
    del columns
    if cells.rows == 0:
        raise BarometerError("«{name}» er tom: den har bare skilletegn.", name=path.name)
    if not header:
        frame = _typed(cells, delimiter)
        frame.columns = list(range(frame.shape[1]))
        return frame, notes
    top = [[cell or None for cell in cells.row(index)] for index in range(min(cells.rows, 3))]
    names, header_rows, header_notes = clean_header(top, path.stem)
    cells = cells.select(slice(header_rows, None))
    if cut_note is None and unterminated:
        cells, cut_note = _drop_cut_answer(cells, path.name)
    frame = _typed(cells, delimiter)
    frame.columns = names
    return frame, notes + ([cut_note] if cut_note else []) + header_notes


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text[:65536].splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t|"}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def _first_record_width(text: str, delimiter: str, name: str) -> int:
    """Fields in the header line; a file wider than Excel allows is refused before it is parsed."""
    end = _line_end(text, 0)
    width = text.count(delimiter, 0, end) + 1  # an upper bound, exact without quoted separators
    if width > MAX_COLUMNS:
        raise too_wide(width, name)
    try:
        return len(next(csv.reader(io.StringIO(text[: _record_end(text)]), delimiter=delimiter)))
    except (csv.Error, StopIteration):
        raise _invalid_csv(name) from None


def _invalid_csv(name: str) -> BarometerError:
    return BarometerError(
        "«{name}» er ikke en gyldig CSV-fil. Lagre den på nytt som «CSV UTF-8» i Excel og prøv igjen.",
        name=name,
    )


def _line_end(text: str, start: int) -> int:
    ends = [i for i in (text.find("\n", start), text.find("\r", start)) if i >= 0]
    return min(ends) if ends else len(text)


def _record_end(text: str) -> int:
    """End of the first record: the first line break outside quotes (headers rarely hold one)."""
    end = _line_end(text, 0)
    while text.count('"', 0, end) % 2 and end < len(text):
        end = _line_end(text, end + 1)
    return end


def _drop_partial_last_row(text: str, delimiter: str, width: int, name: str) -> tuple[str, str | None]:
    """A file cut off mid-row (a stopped download, a full disk) ends in a partial row: drop it.

    The last row is partial when it ends inside a quoted field, or when the file does not end
    with a line break and the row has fewer fields than the header.
    """
    if text.endswith(("\n", "\r")):
        return text, None
    start = _last_record_start(text)
    last = text[start:]
    quote = text.rfind('"')
    unclosed = (
        quote >= start
        and text.count('"', start) % 2 == 1
        and (quote == start or text[quote - 1] in (delimiter, "\n", "\r"))
    )
    if not unclosed:
        try:
            fields = len(next(csv.reader(io.StringIO(last), delimiter=delimiter)))
        except (csv.Error, StopIteration):
            fields = 0
        if fields >= width or start == 0:
            return text, None
    shown = " ".join(last.split())[-40:]
    return text[:start], Message(
        "«{name}» slutter midt i en rad (fila er trolig avkuttet); den siste, ufullstendige raden "
        "(«…{shown}») er ikke tatt med. Eksporter fila på nytt hvis svar mangler.",
        name=name,
        shown=shown,
    )


def _last_record_start(text: str) -> int:
    """Start of the last record: after the last line break that is not inside a quoted field.

    A line break is inside quotes when an odd number of quotes precede it. The walk back is
    bounded, so a stray quote in an unquoted field cannot make most of the file one "record".
    """
    last_line = max(text.rfind("\n"), text.rfind("\r")) + 1
    start, before = last_line, text.count('"', 0, last_line)
    for _ in range(100):
        if start == 0 or before % 2 == 0:
            return start
        previous = max(text.rfind("\n", 0, start - 1), text.rfind("\r", 0, start - 1)) + 1
        before -= text.count('"', previous, start)
        start = previous
    return last_line


@dataclass
class _Cells:
    """A CSV file's cells, trimmed: per cell a code into the file's distinct texts."""

    codes: np.ndarray  # (rows, columns) of indices into texts
    texts: np.ndarray  # object array of str

    @property
    def rows(self) -> int:
        return self.codes.shape[0]

    def row(self, index: int) -> list[str]:
        return list(self.texts[self.codes[index]])

    def select(self, rows) -> _Cells:
        return _Cells(self.codes[rows], self.texts)


def _drop_cut_answer(cells: _Cells, name: str) -> tuple[_Cells, str | None]:
    """Cut after the last field's first letters («Hel» of «Helt enig»): the answer is a stump of another."""
    if cells.rows < 2:
        return cells, None
    column = cells.codes[:, -1]
    value = cells.texts[column[-1]]
    others = np.unique(column[:-1])
    if not value or column[-1] in others:
        return cells, None
    if not any(text.startswith(value) for text in cells.texts[others]):
        return cells, None
    return cells.select(slice(None, -1)), Message(
        "«{name}» slutter midt i et svar («{value}»; fila er trolig avkuttet); den siste raden er ikke "
        "tatt med. Eksporter fila på nytt hvis svar mangler.",
        name=name,
        value=value,
    )


def _parse_fast(data: bytes, delimiter: str) -> list[np.ndarray] | None:
    """pandas' C reader, every cell as text, by column; None when a row is longer than the first.

    Shorter rows are padded with empty cells, as the lenient path does. A row longer than the
    first, or a quote left open, makes the reader stop; then the csv module reads the file.
    """
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            sep=delimiter,
            header=None,
            dtype=object,
            na_filter=False,
            skip_blank_lines=True,
            engine="c",
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError):
        return None
    return [column.to_numpy() for _, column in frame.items()]


def _parse_lenient(text: str, delimiter: str, name: str) -> list[np.ndarray]:
    """The csv module, rows padded to the widest: for exports whose rows differ in length."""
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if row]
    except csv.Error:
        raise _invalid_csv(name) from None
    width = max((len(row) for row in rows), default=0)
    if width > MAX_COLUMNS:
        raise too_wide(width, name)
    grid = np.full((len(rows), width), "", dtype=object)
    for index, row in enumerate(rows):
        grid[index, : len(row)] = row
    return list(grid.T)


def _without_blank_rows_and_columns(columns: list[np.ndarray]) -> _Cells:
    """Cells trimmed; rows with only blanks are no respondents; an empty last column is no variable.

    The empty last column comes from a separator at the end of every line (SurveyXact's
    Structure CSV). Each column's distinct texts are trimmed once, here, for every later step,
    and become one list for the file (« Ja» and «Ja» one text).
    """
    parts = [pd.factorize(column) for column in columns]
    starts = np.cumsum([0] + [len(texts) for _, texts in parts])
    merged, texts = pd.factorize(
        np.array([text.strip() for _, column in parts for text in column], dtype=object)
    )
    codes = np.empty((len(columns[0]) if columns else 0, len(columns)), dtype=merged.dtype, order="F")
    for index, (column, _) in enumerate(parts):
        codes[:, index] = merged[starts[index] + column]
    blank = (texts == "")[codes]
    width = codes.shape[1]
    while width > 1 and blank[:, width - 1].all():
        width -= 1
    filled = ~blank[:, :width].all(axis=1)
    return _Cells(codes[:, :width] if filled.all() else codes[filled, :width], texts)


#: A number as the reader has always typed one (the grammar of Arrow's cast it used before pandas):
#: sign, digits, decimal point, exponent or inf; no spaces, no digit separators, no "nan".
_NUMBER = re.compile(
    r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf(?:inity)?)", re.IGNORECASE
)


def _typed(cells: _Cells, delimiter: str) -> pd.DataFrame:
    """Cells from CSV are (trimmed) text; a column becomes numbers when every filled cell is one.

    Blanks become missing. With ';' as separator the decimal mark is a comma ("1,5"), as
    Norwegian Excel writes it; non-breaking spaces group thousands.
    """
    blank = cells.texts == ""
    numbers = _as_numbers(cells.texts, delimiter == ";")
    number_or_blank = ~np.isnan(numbers) | blank
    numbers[blank] = np.nan
    texts = cells.texts.copy()
    texts[blank] = np.nan
    texts = pd.array(texts, dtype="str")
    columns = {}
    for index in range(cells.codes.shape[1]):
        codes = cells.codes[:, index]
        numeric = number_or_blank[codes].all() and not blank[codes].all()
        columns[index] = numbers[codes] if numeric else texts.take(codes)
    return pd.DataFrame(columns, index=pd.RangeIndex(cells.rows))


def _as_numbers(texts: np.ndarray, decimal_comma: bool) -> np.ndarray:
    """Each distinct text as a number; NaN where it is none."""
    match = _NUMBER.fullmatch
    numbers = []
    for text in texts:
        if "\u00a0" in text:
            text = text.replace("\u00a0", "")
        if decimal_comma and "," in text:
            text = text.replace(",", ".")
        numbers.append(float(text) if match(text) else np.nan)
    return np.array(numbers, dtype=np.float64)


SURVEYXACT_CSV = ("dataset", "structure", "labels")


def surveyxact_csv_folder(path: Path) -> Path | None:
    if path.stem.lower() in SURVEYXACT_CSV and all(_find(path.parent, n) for n in SURVEYXACT_CSV):
        return path.parent
    return None


def _find(folder: Path, stem: str) -> Path | None:
    for candidate in folder.iterdir():
        if (
            candidate.is_file()
            and candidate.stem.lower() == stem
            and candidate.suffix.lower() in {".csv", ".txt"}
        ):
            return candidate
    return None


def _read_csv_folder(folder: Path, progress: Progress) -> RawBook:
    found = {n: _find(folder, n) for n in SURVEYXACT_CSV}
    if not all(found.values()):
        raise BarometerError(
            "Mappa «{name}» har ikke CSV-filene dataset, structure og labels fra SurveyXact.",
            name=folder.name,
        )
    tables = {
        "Dataset": read_csv_table(found["dataset"], progress),
        "Structure": read_csv_table(found["structure"], progress),
        "Labels": read_csv_table(found["labels"], progress, header=False),
    }
    notes = [note for _, sheet_notes in tables.values() for note in sheet_notes]
    return RawBook("csv", {name: frame for name, (frame, _) in tables.items()}, notes)
