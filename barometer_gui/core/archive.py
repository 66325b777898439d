"""Zip workbooks checked by what they really hold, before a native reader touches them.

A zip archive states each member's sizes, and a hostile file can lie: a member
that declares 100 KB may inflate to 3 GB. A worksheet can also place one cell
at XFD1048576, and calamine (the Rust reader behind fastexcel) then allocates
the dense rectangle from A1 to that cell: 17 billion cells, 512 GB, a native
abort that no Python `except` catches. So every member is inflated here first,
from its raw deflate stream and with a cap on the bytes that actually come out
(not the declared ones), and every worksheet's real extent is measured while it
streams past: its last row with a value and its widest cell reference. The scan
works on 1 MB chunks with bytes methods (`rfind`, `translate`, `find`) rather
than an XML parser, so it costs about as much as inflating the sheet once.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from barometer_gui.core.errors import BarometerError

#: Inflated bytes over all members; a 100 MB workbook of survey data inflates to well under this.
MAX_UNPACKED_BYTES = 2 * 1024**3
#: Inflated/compressed ratio above which a large member is a bomb (padding, repeated bytes).
MAX_ZIP_RATIO = 200
#: Members may exceed the ratio up to this size: small XML parts compress very well.
RATIO_FREE_BYTES = 20 * 2**20
MAX_MEMBERS = 10_000
#: Cells in the rectangle from A1 to a sheet's last cell: calamine allocates ~32 bytes for each.
MAX_CELLS = 20_000_000
CHUNK = 2**20
#: Missing rows after which rows further down are stray cells rather than more respondents.
GAP_ROWS = 1000
EXCEL_MAX_COLUMNS = 16_384

_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Za-z0-9:$]{1,40})"')
_THREE_LETTERS = re.compile(rb' r="([A-Z]{3})[0-9]')
_SHORT_COLUMN = re.compile(rb' r="([A-Z]{1,2})[0-9]')
#: Cell references reduced to their shape: every capital letter becomes A, every digit 0.
_SHAPE = bytes.maketrans(bytes(range(65, 91)) + b"0123456789", b"A" * 26 + b"0" * 10)


@dataclass
class SheetExtent:
    """The real size of one worksheet, as far as reading it costs memory."""

    member: str
    declared: str = ""
    last_row: int = 0  # the last row holding any cell value, even an empty string
    value_row: int = 0  # the last row holding a non-empty value
    rows_seen: int = 0
    letters: int = 1  # letters in the widest cell reference
    widest: bytes = b""  # the widest 3-letter column seen, for an exact width
    exact_width: int = 0
    gap_after: int = 0  # the last row before the first run of GAP_ROWS or more missing rows
    rows_below_gap: int = 0
    _previous_row: int = field(default=0, repr=False)
    _tail: bytes = field(default=b"", repr=False)
    _open_row: int = field(default=0, repr=False)  # the row still open at the end of the last chunk

    def feed(self, chunk: bytes) -> None:
        data = self._tail + chunk
        if not self.declared and b"<dimension" in data:
            match = _DIMENSION.search(data)
            if match:
                self.declared = match.group(1).decode()
        self.rows_seen += chunk.count(b"<row")
        value_end = _last_value_end(data, allow_empty=True)
        if value_end >= 0:
            self.last_row = max(self.last_row, self._row_at(data, value_end))
            nonempty = _last_value_end(data, allow_empty=False)
            if nonempty >= 0:
                self.value_row = max(self.value_row, self._row_at(data, nonempty))
        last_tag = data.rfind(b"<row")
        if last_tag >= 0:
            match = _ROW_NUMBER.match(data, last_tag)
            self._open_row = int(match.group(1)) if match else self.rows_seen
        self._measure_columns(data)
        self._follow_rows(chunk)
        self._tail = data[-256:]

    def _follow_rows(self, chunk: bytes) -> None:
        """Note the first long run of missing rows: rows far below it are stray cells, not respondents."""
        for match in _ROW_NUMBER.finditer(self._tail[-64:] + chunk):
            row = int(match.group(1))
            if row <= self._previous_row:
                continue
            if self.gap_after:
                self.rows_below_gap += 1
            elif row - self._previous_row > GAP_ROWS and self._previous_row:
                self.gap_after = self._previous_row
                self.rows_below_gap = 1
            self._previous_row = row

    def rows_to_read(self) -> int:
        """The rows worth reading: up to the last value, and not past a long gap with little below it."""
        if self.gap_after and self.value_row > self.gap_after and self.rows_below_gap < self.gap_after:
            return self.gap_after
        return self.value_row

    def _row_at(self, data: bytes, position: int) -> int:
        tag = data.rfind(b"<row", 0, position)
        if tag < 0:
            return self._open_row or self.rows_seen
        match = _ROW_NUMBER.match(data, tag)
        return int(match.group(1)) if match else self.rows_seen

    def _measure_columns(self, data: bytes) -> None:
        shape = data.translate(_SHAPE)
        if shape.find(b' r="AAAA') >= 0:
            self.letters = max(self.letters, 4)
        elif shape.find(b' r="AAA0') >= 0:
            self.letters = max(self.letters, 3)
            self.widest = max([self.widest, *_THREE_LETTERS.findall(data)])
        elif self.letters < 3 and shape.find(b' r="AA0') >= 0:
            self.letters = 2

    @property
    def columns(self) -> int:
        """Exact when the widest reference has three letters; else the most its letter count allows."""
        if self.letters >= 4:
            return EXCEL_MAX_COLUMNS + 1
        if self.letters == 3:
            return column_number(self.widest.decode())
        if self.exact_width:
            return self.exact_width
        return 702 if self.letters == 2 else 26

    @property
    def rows(self) -> int:
        return max(self.last_row, 1)

    def needs_exact_width(self) -> bool:
        return self.letters < 3 and not self.exact_width and self.rows * self.columns > MAX_CELLS


def _last_value_end(data: bytes, allow_empty: bool) -> int:
    """Position of the last closing </v> or </t> (a cell value, an inline string), or -1."""
    end = len(data)
    for _ in range(256):
        position = max(data.rfind(b"</v>", 0, end), data.rfind(b"</t>", 0, end))
        if position < 0 or allow_empty or data[position - 1 : position] != b">":
            return position
        end = position
    return end  # a long run of empty values: count the position as a value (reads more, never less)


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def check_workbook_zip(path: Path) -> dict[str, SheetExtent]:
    """Inflate every member with a cap and measure every worksheet; refuse bombs and corrupt zips.

    Returns each worksheet's extent by its sheet name (by member name where the workbook's
    own index does not name it).
    """
    from defusedxml.common import DefusedXmlException
    from defusedxml.ElementTree import ParseError

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise BarometerError(
                    f"«{path.name}» har {len(members)} deler; det er ikke en vanlig Excel-fil og blir ikke åpnet."
                )
            names = {m.filename for m in members}
            if not names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}:
                raise BarometerError(f"«{path.name}» er en zip-fil, men ikke en Excel-arbeidsbok.")
            extents = _inflate_all(path, members)
            # Only now, with every size verified, may zipfile read a member by its declared size.
            sheet_names = _sheet_members(archive) if "xl/workbook.xml" in names else {}
    except zipfile.BadZipFile:
        raise BarometerError(_corrupt(path)) from None
    except (DefusedXmlException, ParseError):
        raise BarometerError(f"«{path.name}» har en ugyldig arbeidsbok-del (xl/workbook.xml).") from None
    except (OSError, EOFError, NotImplementedError, RuntimeError, ValueError, KeyError, zlib.error):
        raise BarometerError(_corrupt(path)) from None
    for extent in extents.values():
        if extent.needs_exact_width():
            _exact_width(path, extent)
    named = {sheet_names.get(member, member): extent for member, extent in extents.items()}
    return named


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """member name → sheet name, from xl/workbook.xml and its relationships."""
    from defusedxml.ElementTree import fromstring

    workbook = fromstring(archive.read("xl/workbook.xml"))
    try:
        relations = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in relations.iter() if r.get("Id")}
    found: dict[str, str] = {}
    for element in workbook.iter():
        if not element.tag.endswith("}sheet"):
            continue
        target = targets.get(element.get(f"{{{_RELATIONSHIPS}}}id"), "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        found[member] = element.get("name", member)
    return found


def _inflate_all(path: Path, members: list[zipfile.ZipInfo]) -> dict[str, SheetExtent]:
    extents: dict[str, SheetExtent] = {}
    total = 0
    with path.open("rb") as raw:
        for member in members:
            extent = SheetExtent(member.filename) if _WORKSHEET.match(member.filename) else None
            total += _inflate(raw, member, path, MAX_UNPACKED_BYTES - total, extent)
            if extent is not None:
                extents[member.filename] = extent
    return extents


def _inflate(raw, member: zipfile.ZipInfo, path: Path, budget: int, sink: SheetExtent | None) -> int:
    """Inflate one member from its raw stream; stop at the first byte past the declared size or cap."""
    raw.seek(member.header_offset)
    local = raw.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise BarometerError(_corrupt(path))
    name_length, extra_length = struct.unpack("<HH", local[26:30])
    raw.seek(member.header_offset + 30 + name_length + extra_length)
    if member.compress_type == zipfile.ZIP_STORED:
        chunks = _stored(raw, member.compress_size)
    elif member.compress_type == zipfile.ZIP_DEFLATED:
        chunks = _deflated(raw, path)
    else:
        raise BarometerError(
            f"«{path.name}» bruker en uvanlig komprimering og blir ikke åpnet. Lagre den på nytt i Excel."
        )
    produced = 0
    first = True
    for chunk, consumed in chunks:
        produced += len(chunk)
        if produced > member.file_size:
            raise BarometerError(
                f"«{path.name}» oppgir feil størrelse på innholdet sitt (mulig zip-bombe) og blir ikke åpnet."
            )
        if produced > budget:
            raise BarometerError(
                f"«{path.name}» pakker seg ut til over {MAX_UNPACKED_BYTES // 2**30} GB og blir ikke åpnet."
            )
        if produced > RATIO_FREE_BYTES and produced > MAX_ZIP_RATIO * max(consumed, 1):
            raise BarometerError(
                f"«{path.name}» ser ut som en zip-bombe (unormalt høy komprimering) og blir ikke åpnet."
            )
        if first and member.filename.endswith((".xml", ".rels")):
            _refuse_dtd(chunk, path)
            first = False
        if sink is not None:
            sink.feed(chunk)
    if produced != member.file_size:
        raise BarometerError(_corrupt(path))
    return produced


def _stored(raw, size: int):
    left = size
    while left > 0:
        chunk = raw.read(min(CHUNK, left))
        if not chunk:
            return
        left -= len(chunk)
        yield chunk, size - left


def _deflated(raw, path: Path):
    """The member's deflate stream, read until its own end marker: declared sizes are not trusted."""
    inflater = zlib.decompressobj(-15)
    consumed = 0
    pending = b""
    try:
        while not inflater.eof:
            if not pending:
                pending = raw.read(CHUNK // 4)
                if not pending:
                    raise BarometerError(_corrupt(path))
                consumed += len(pending)
            chunk = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            if chunk:
                yield chunk, consumed
    except zlib.error:
        raise BarometerError(_corrupt(path)) from None


def _refuse_dtd(head: bytes, path: Path) -> None:
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise BarometerError(
            f"«{path.name}» inneholder XML-konstruksjoner (DTD/entiteter) som ikke er tillatt i Excel-filer."
        )


def _exact_width(path: Path, extent: SheetExtent) -> None:
    """A long sheet with short column letters: read its references once more for the exact width.

    Only sheets whose row count times the widest width their letters allow passes MAX_CELLS
    pay for this second pass (tens of thousands of rows, or a stray cell far below the data).
    """
    with zipfile.ZipFile(path) as archive, path.open("rb") as raw:
        member = archive.getinfo(extent.member)
        widest = 1
        for chunk in _member_chunks(raw, member, path):
            found = set(_SHORT_COLUMN.findall(chunk))
            if found:
                widest = max(widest, *(column_number(letters.decode()) for letters in found))
        extent.exact_width = widest


def _member_chunks(raw, member: zipfile.ZipInfo, path: Path):
    raw.seek(member.header_offset)
    local = raw.read(30)
    name_length, extra_length = struct.unpack("<HH", local[26:30])
    raw.seek(member.header_offset + 30 + name_length + extra_length)
    source = (
        _stored(raw, member.compress_size)
        if member.compress_type == zipfile.ZIP_STORED
        else _deflated(raw, path)
    )
    tail = b""
    for chunk, _ in source:
        yield tail + chunk
        tail = chunk[-16:]


def _corrupt(path: Path) -> str:
    return (
        f"«{path.name}» er en skadet eller ufullstendig Excel-fil. Lagre den på nytt i Excel og prøv igjen."
    )


def refuse_oversized(extent: SheetExtent, sheet: str, path: Path) -> None:
    """Refuse a sheet whose rectangle from A1 to its last cell would not fit in memory."""
    columns = extent.columns
    if columns > EXCEL_MAX_COLUMNS:
        raise BarometerError(
            f"Arket «{sheet}» i «{path.name}» har cellereferanser utenfor Excels grenser og blir ikke åpnet."
        )
    cells = extent.rows * columns
    if cells > MAX_CELLS:
        corner = f"{column_letters(columns)}{extent.rows}"
        declared = f" (oppgitt område {extent.declared})" if extent.declared else ""
        raise BarometerError(
            f"Arket «{sheet}» i «{path.name}» strekker seg til celle {corner}{declared}: "
            f"{extent.rows:,} rader × {columns:,} kolonner er mer enn Barometer kan lese "
            f"({MAX_CELLS:,} celler). Slett tomme rader og kolonner under og til høyre for dataene "
            "i Excel (eller kopier dataene til et nytt ark) og lagre fila på nytt.".replace(",", " ")
        )
