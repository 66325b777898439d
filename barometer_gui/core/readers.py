"""Reading raw tables from survey exports, safely.

Every file is sniffed by its bytes (not its extension), checked against size
and zip-bomb limits, and read with the fastest reader that handles it:
fastexcel (calamine, Rust) for .xlsx/.xls/.ods, the csv module's sniffer plus
pandas for text files. Cells stay as the survey tool wrote them; headers are
cleaned (merged/two-row headers joined, blanks and duplicates named).
Nothing here writes to disk, and input files are opened read-only.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.progress import Progress, no_progress

MAX_FILE_BYTES = 400 * 1024 * 1024
MAX_UNPACKED_BYTES = 3 * 1024 * 1024 * 1024
MAX_ZIP_RATIO = 200
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
        raise BarometerError(f"«{path.name}» er en skadet eller ufullstendig Excel-fil.")
    sibling_folder = _surveyxact_csv_folder(path)
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
        raise BarometerError(f"Fant ikke fila «{path}».") from None
    except PermissionError:
        raise BarometerError(f"Har ikke tilgang til å lese «{path.name}».") from None
    except OSError as exc:
        raise BarometerError(f"Kunne ikke lese «{path.name}»: {exc.strerror or exc}.") from None
    if size == 0:
        raise BarometerError(f"«{path.name}» er tom (0 byte).")
    if size > MAX_FILE_BYTES:
        raise BarometerError(
            f"«{path.name}» er for stor ({size // 2**20} MB; grensen er {MAX_FILE_BYTES // 2**20} MB)."
        )
    return head


# --------------------------------------------------------------------------- Excel


def _check_zip(path: Path) -> None:
    """Refuse zip bombs, non-workbook zips and XML with entity declarations before parsing."""
    from defusedxml import ElementTree as SafeET
    from defusedxml.common import DefusedXmlException

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            total = sum(m.file_size for m in members)
            if total > MAX_UNPACKED_BYTES:
                raise BarometerError(
                    f"«{path.name}» pakker seg ut til over {MAX_UNPACKED_BYTES // 2**30} GB og blir ikke åpnet."
                )
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > 20 * 2**20 and ratio > MAX_ZIP_RATIO:
                    raise BarometerError(
                        f"«{path.name}» ser ut som en zip-bombe (unormalt høy komprimering) og blir ikke åpnet."
                    )
            if (
                "xl/workbook.xml" not in names
                and "xl/workbook.bin" not in names
                and "content.xml" not in names
            ):
                raise BarometerError(f"«{path.name}» er en zip-fil, men ikke en Excel-arbeidsbok.")
            for member in members:
                if not member.filename.endswith((".xml", ".rels")):
                    continue
                with archive.open(member) as handle:
                    head = handle.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise BarometerError(
                        f"«{path.name}» inneholder XML-konstruksjoner (DTD/entiteter) som ikke er tillatt i Excel-filer."
                    )
            if "xl/workbook.xml" in names:
                SafeET.fromstring(archive.read("xl/workbook.xml"))
    except zipfile.BadZipFile:
        raise BarometerError(f"«{path.name}» er en skadet eller ufullstendig Excel-fil.") from None
    except (DefusedXmlException, SafeET.ParseError):
        raise BarometerError(f"«{path.name}» har en ugyldig arbeidsbok-del (xl/workbook.xml).") from None
    except (OSError, EOFError, NotImplementedError, RuntimeError, ValueError, zlib.error):
        raise BarometerError(f"«{path.name}» er en skadet eller ufullstendig Excel-fil.") from None


def _refuse_encrypted(path: Path) -> None:
    """Password-protected .xlsx files are OLE containers with an EncryptedPackage stream."""
    with path.open("rb") as handle:
        blob = handle.read(8 * 2**20)
    for marker in ("EncryptedPackage", "EncryptionInfo"):
        if marker.encode("utf-16-le") in blob:
            raise BarometerError(
                f"«{path.name}» er passordbeskyttet. Fjern passordet i Excel (Fil › Info › Beskytt arbeidsbok) og prøv igjen."
            )


def _read_excel(path: Path, sheet: str | None, progress: Progress, zipped: bool) -> RawBook:
    import fastexcel

    if zipped:
        _check_zip(path)
    progress(0.05, "Åpner arbeidsboka …")
    try:
        reader = fastexcel.read_excel(str(path))
    except Exception as exc:  # calamine reports broken files in many ways
        raise BarometerError(_excel_failure(path, exc)) from None
    names = list(reader.sheet_names)
    if sheet is not None:
        if sheet not in names:
            raise BarometerError(f"Arbeidsboka har ikke arket «{sheet}». Ark: {', '.join(names)}.")
        names = [sheet]
    sheets: dict[str, pd.DataFrame] = {}
    notes: list[str] = []
    for index, name in enumerate(names):
        progress(0.1 + 0.6 * index / max(len(names), 1), f"Leser arket «{name}» …")
        try:
            # SurveyXact's Labels sheet (variable, code, label) has no header row.
            frame, sheet_notes = _load_sheet(reader, name, header=name.strip().lower() != "labels")
        except BarometerError:
            raise
        except Exception as exc:
            raise BarometerError(_excel_failure(path, exc, name)) from None
        sheets[name] = frame
        notes += sheet_notes
    return RawBook("excel", sheets, notes)


def _excel_failure(path: Path, exc: Exception, sheet: str | None = None) -> str:
    text = str(exc).lower()
    where = f" (arket «{sheet}»)" if sheet else ""
    if "password" in text or "encrypt" in text:
        return f"«{path.name}» er passordbeskyttet. Fjern passordet i Excel og prøv igjen."
    return (
        f"«{path.name}» kunne ikke leses som Excel-fil{where}; den kan være skadet eller i et ukjent format."
    )


def _load_sheet(reader, name: str, header: bool) -> tuple[pd.DataFrame, list[str]]:
    """Load a sheet once when its header is clean; peek at the first rows only when it is not."""
    if not header:
        frame = reader.load_sheet(name, header_row=None).to_pandas()
        frame.columns = list(range(frame.shape[1]))
        return frame, []
    sheet = reader.load_sheet(name, header_row=0)
    columns = sheet.available_columns()
    names = [c.name for c in columns]
    if not any(c.column_name_from == "generated" for c in columns) and not _renamed_duplicates(names):
        return sheet.to_pandas(), []
    peek = reader.load_sheet(name, header_row=None, n_rows=3).to_pandas()
    if peek.shape[1] == 0 or peek.dropna(how="all").empty:
        return pd.DataFrame(), []
    rows = [list(peek.iloc[i]) for i in range(min(len(peek), 3))]
    names, header_rows, notes = clean_header(rows, name)
    frame = reader.load_sheet(name, header_row=None, column_names=names, skip_rows=header_rows).to_pandas()
    frame.columns = names[: frame.shape[1]]
    return frame, notes


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
            f"Arket «{sheet}» har overskrift over to rader (sammenslåtte celler); de er slått sammen."
        )
    else:
        names = first
    cleaned: list[str] = []
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name:
            name = f"Kolonne {_column_letter(index)}"
            notes.append(f"Arket «{sheet}»: kolonne {_column_letter(index)} mangler overskrift.")
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            notes.append(f"Arket «{sheet}»: overskriften «{name}» står flere ganger.")
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
_NOT_EXPORTS = {
    b"%PDF": "en PDF-fil",
    b"\x89PNG": "et bilde",
    b"\xff\xd8\xff": "et bilde",
    b"GIF8": "et bilde",
}


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 or Windows-1252; refuse anything else."""
    for magic, what in _NOT_EXPORTS.items():
        if data.startswith(magic):
            raise BarometerError(
                f"«{name}» er {what}, ikke en eksport fra en spørreundersøkelse (tekstfil eller Excel)."
            )
    for candidate in _decodings(data):
        if not _CONTROL.search(candidate):
            return candidate
    raise BarometerError(
        f"«{name}» er ikke en tekstfil i en kjent tegnkoding (UTF-8, UTF-16 eller Windows-1252)."
    )


def _decodings(data: bytes):
    """Plausible decodings, most specific first; the caller rejects ones full of control characters."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            yield from _try(data, codec)
            return
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:
        yield from _try(
            data, "utf-16-le" if sample[1::2].count(b"\x00") > sample[::2].count(b"\x00") else "utf-16-be"
        )
        return
    yield from _try(data, "utf-8")
    yield from _try(data, "cp1252")


def _try(data: bytes, codec: str):
    try:
        yield data.decode(codec)
    except UnicodeDecodeError:
        return


def read_csv_table(
    path: Path, progress: Progress = no_progress, header: bool = True
) -> tuple[pd.DataFrame, list[str]]:
    """The table and what was noticed about its header (as for Excel sheets)."""
    progress(0.05, f"Leser «{path.name}» …")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BarometerError(f"Kunne ikke lese «{path.name}»: {exc.strerror or exc}.") from None
    if len(data) > MAX_TEXT_BYTES:
        raise BarometerError(f"«{path.name}» er for stor.")
    text = decode_text(data, path.name)
    if not text.strip():
        raise BarometerError(f"«{path.name}» er tom.")
    delimiter = _sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise BarometerError(f"«{path.name}» er ikke en gyldig CSV-fil.") from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise BarometerError(f"«{path.name}» er tom: den har bare skilletegn.")
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    # A trailing separator on every line gives an empty last column without a header: drop it.
    while width > 1 and not any(r[width - 1].strip() for r in rows):
        width -= 1
        rows = [r[:width] for r in rows]
    if not header:
        return _typed(pd.DataFrame(rows), delimiter), []
    names, header_rows, notes = clean_header([[c or None for c in r] for r in rows[:3]], path.stem)
    return _typed(pd.DataFrame(rows[header_rows:], columns=names), delimiter), notes


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t|"}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def _typed(frame: pd.DataFrame, delimiter: str) -> pd.DataFrame:
    """Cells from CSV are text; make columns numeric where every filled cell is a number."""
    decimal = "," if delimiter == ";" else "."
    out = {}
    for column in frame.columns:
        values = frame[column].map(lambda v: v.strip() if isinstance(v, str) else v).replace("", None)
        candidate = values.str.replace("\u00a0", "", regex=False) if values.dtype == object else values
        if decimal == ",":
            candidate = candidate.str.replace(",", ".", regex=False)
        numbers = pd.to_numeric(candidate, errors="coerce")
        filled = values.notna()
        out[column] = (
            numbers.astype(float) if filled.any() and numbers[filled].notna().all() else values.astype(object)
        )
    return pd.DataFrame(out, index=frame.index)


SURVEYXACT_CSV = ("dataset", "structure", "labels")


def _surveyxact_csv_folder(path: Path) -> Path | None:
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
            f"Mappa «{folder.name}» har ikke CSV-filene dataset, structure og labels fra SurveyXact."
        )
    tables = {
        "Dataset": read_csv_table(found["dataset"], progress),
        "Structure": read_csv_table(found["structure"], progress),
        "Labels": read_csv_table(found["labels"], progress, header=False),
    }
    notes = [note for _, sheet_notes in tables.values() for note in sheet_notes]
    return RawBook("csv", {name: frame for name, (frame, _) in tables.items()}, notes)
