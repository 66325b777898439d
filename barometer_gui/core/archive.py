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

from barometer_gui.core.errors import BarometerError, Message
from barometer_gui.core.formatting import fmt_int

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
#: Members compressed larger than this are inflated in a second thread while being scanned.
PREFETCH_BYTES = 4 * 2**20
#: Missing rows after which rows further down are stray cells rather than more respondents.
GAP_ROWS = 1000
EXCEL_MAX_COLUMNS = 16_384
#: Columns read at most. Reading is linear, but detecting and mapping cost several milliseconds per
#: column, so 16 384 columns would take minutes; real survey exports have a few hundred.
MAX_COLUMNS = 5_000
EXCEL_MAX_ROWS = 1_048_576

_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)\b([^>]*)>")
_ODS_REPEAT = re.compile(rb'number-(?:rows|columns)-repeated="(\d{1,10})"')
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Za-z0-9:$]{1,40})"')
_CELL_LETTERS = re.compile(rb' r="([A-Z]{1,3})[0-9]')
_ROW_DIGITS = re.compile(rb' r="[A-Z]{1,3}([0-9]{1,8})"')
_ROW_TAG_DIGITS = re.compile(rb'<row r="([0-9]{1,8})"')
#: Cell references reduced to their shape: every capital letter becomes A, every digit 0.
_SHAPE = bytes.maketrans(bytes(range(65, 91)) + b"0123456789", b"A" * 26 + b"0" * 10)


@dataclass
class SheetExtent:
    """The real size of one worksheet, as far as reading it costs memory.

    The streaming scan trusts nothing the file states (not `<dimension>`, not row order) for the
    bound it computes: column letters and row-number digit counts are looked for anywhere in the
    sheet. Where that bound is too coarse to accept, or the sheet is odd (rows without numbers,
    columns past ZZ), `measure_exactly` reads every reference once more.
    """

    member: str
    declared: str = ""
    last_row: int = 0  # the row of the last cell value in file order, even an empty string
    value_row: int = 0  # the row of the last non-empty value in file order
    letters: int = 1  # letters in the widest cell reference anywhere
    row_digits: int = 0  # digits of the longest row number anywhere, when 5 or more
    odd: bool = False  # rows or cells without a number: only an exact count bounds them
    exact_rows: int = 0
    exact_columns: int = 0
    gap_after: int = 0  # the last row before the first run of GAP_ROWS or more missing rows
    rows_below_gap: int = 0
    _last_tag_row: int = field(default=0, repr=False)
    _tail: bytes = field(default=b"", repr=False)

    def feed(self, chunk: bytes) -> None:
        data = self._tail + chunk
        if not self.declared and b"<dimension" in data:
            match = _DIMENSION.search(data)
            self.declared = match.group(1).decode() if match else "?"
        self._follow_rows(data)
        value_end = _last_value_end(data, allow_empty=True)
        if value_end >= 0:
            self.last_row = max(self.last_row, self._row_before(data, value_end))
            nonempty = _last_value_end(data, allow_empty=False)
            if nonempty >= 0:
                self.value_row = max(self.value_row, self._row_before(data, nonempty))
        self._measure_shape(data.translate(_SHAPE))
        if b"<row>" in data or b"<c>" in data:
            self.odd = True  # unnumbered rows or cells: their position is their count
        self._tail = data[-256:]

    def _row_number(self, data: bytes, tag: int) -> int:
        match = _ROW_NUMBER.match(data, tag)
        if match is None:
            self.odd = True
            return self._last_tag_row
        return int(match.group(1))

    def _row_before(self, data: bytes, position: int) -> int:
        tag = data.rfind(b"<row ", 0, position)
        return self._row_number(data, tag) if tag >= 0 else self._last_tag_row

    def _follow_rows(self, data: bytes) -> None:
        """Note the first long run of missing rows: rows far below it are stray cells, not respondents.

        Only the first and last row of each chunk are parsed, unless their numbers are further
        apart than the chunk could hold densely; then that chunk's rows are read one by one.
        """
        first_tag, last_tag = data.find(b"<row "), data.rfind(b"<row ")
        if first_tag < 0:
            return
        if self.gap_after:
            self.rows_below_gap += data.count(b"<row")
        first, last = self._row_number(data, first_tag), self._row_number(data, last_tag)
        if not self.gap_after and (last - first > len(data) // 12 or first - self._last_tag_row > GAP_ROWS):
            previous = self._last_tag_row
            for match in _ROW_NUMBER.finditer(data):
                row = int(match.group(1))
                if self.gap_after:
                    self.rows_below_gap += 1
                elif previous and row - previous > GAP_ROWS:
                    self.gap_after, self.rows_below_gap = previous, 1
                previous = max(previous, row)
        self._last_tag_row = max(self._last_tag_row, last)

    def _measure_shape(self, shape: bytes) -> None:
        """Column letters and row digits from the references' shape (A for a letter, 0 for a digit).

        A false hit (a long number in some other attribute) only makes the bound coarser, which
        sends the sheet to `measure_exactly`: slower, never wrong.
        """
        if self.letters < 4 and shape.find(b' r="AAA') >= 0:
            self.letters = 4 if shape.find(b' r="AAAA') >= 0 else 3
        elif self.letters < 2 and shape.find(b' r="AA0') >= 0:
            self.letters = 2
        if self.row_digits < 7:
            lowest = 5 if self.last_row < 10_000 else 6  # five digits matter only when rows look fewer
            for digits in range(max(lowest, self.row_digits + 1), 8):
                if shape.find(b"0" * digits + b'"') < 0:
                    break
                self.row_digits = digits

    @property
    def columns(self) -> int:
        if self.exact_columns:
            return self.exact_columns
        return {1: 26, 2: 702, 3: EXCEL_MAX_COLUMNS}.get(self.letters, EXCEL_MAX_COLUMNS + 1)

    @property
    def rows(self) -> int:
        """The last row in file order, unless a longer row number elsewhere says rows are out of order."""
        if self.exact_rows:
            return self.exact_rows
        estimate = max(self.last_row, 1)
        if self.row_digits > len(str(estimate)):
            return min(10**self.row_digits - 1, EXCEL_MAX_ROWS)
        return estimate

    def needs_exact_size(self) -> bool:
        coarse = self.odd or self.letters == 3 or self.rows * self.columns > MAX_CELLS
        return coarse and self.letters < 4 and not self.exact_rows

    def rows_to_read(self) -> int:
        """The rows worth reading: up to the last value, and not past a long gap with little below it."""
        if self.gap_after and self.value_row > self.gap_after and self.rows_below_gap < self.gap_after:
            return self.gap_after
        return self.value_row


@dataclass
class OdsExtent:
    """The real size of an OpenDocument spreadsheet's tables, from content.xml's repeat counts.

    One `<table:table-cell table:number-columns-repeated="16384" office:value-type="float">` in a
    row repeated a million times is 17 billion cells to calamine. Only repeats of cells that hold
    a value count: LibreOffice itself writes huge repeats of empty cells at the end of every sheet.
    """

    member: str = "content.xml"
    declared: str = ""
    value_rows: int = 0
    value_columns: int = 0
    _row: int = field(default=0, repr=False)
    _row_repeat: int = field(default=1, repr=False)
    _column: int = field(default=0, repr=False)
    _row_columns: int = field(default=0, repr=False)
    _rest: bytes = field(default=b"", repr=False)

    def feed(self, chunk: bytes) -> None:
        data = self._rest + chunk
        cut = data.rfind(b"<")
        if cut >= 0 and data.find(b">", cut) < 0 and len(data) - cut < 65536:
            data, self._rest = data[:cut], data[cut:]
        else:
            self._rest = b""
        for closing, name, attributes in _ODS_TAG.findall(data):
            self._tag(closing == b"/", name, attributes)

    def _tag(self, closing: bool, name: bytes, attributes: bytes) -> None:
        if name == b"table":
            self._row = 0
            return
        repeat = _repeat(attributes)
        if name == b"table-row":
            if not closing:
                self._row_repeat, self._column, self._row_columns = repeat, 0, 0
            if closing or attributes.endswith(b"/"):
                if self._row_columns:
                    self.value_rows = max(self.value_rows, self._row + self._row_repeat)
                    self.value_columns = max(self.value_columns, self._row_columns)
                self._row += self._row_repeat
            return
        if not closing:
            if b"value-type" in attributes:
                self._row_columns = self._column + repeat
            self._column += repeat

    @property
    def rows(self) -> int:
        return max(self.value_rows, 1)

    @property
    def columns(self) -> int:
        return max(self.value_columns, 1)

    def needs_exact_size(self) -> bool:
        return False

    def rows_to_read(self) -> int:
        return self.value_rows


Extent = SheetExtent | OdsExtent


def _repeat(attributes: bytes) -> int:
    match = _ODS_REPEAT.search(attributes)
    return int(match.group(1)) if match else 1


def _last_value_end(data: bytes, allow_empty: bool) -> int:
    """Position of the last closing </v> or </t> (a cell value, an inline string), or -1.

    The last 64 KB are searched first: in a sheet with data a value is always that close to the
    end, and a sheet of numbers has no </t> at all, which would otherwise cost a full scan.
    """
    for start in (max(len(data) - 65536, 0), 0):
        end = len(data)
        for _ in range(256):
            position = max(data.rfind(b"</v>", start, end), data.rfind(b"</t>", start, end))
            if position < 0 or allow_empty or data[position - 1 : position] != b">":
                break
            end = position
        if position >= 0 or start == 0:
            return position
    return -1


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


def check_workbook_zip(path: Path) -> dict[str, Extent]:
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
                    "«{name}» har {count} deler; det er ikke en vanlig Excel-fil og blir ikke åpnet. {next}",
                    name=path.name,
                    count=len(members),
                    next=_next(),
                )
            names = {m.filename for m in members}
            if not names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}:
                raise BarometerError(
                    "«{name}» er en zip-fil, men ikke en Excel-arbeidsbok. Velg eksporten (.xlsx eller .csv).",
                    name=path.name,
                )
            extents = _inflate_all(path, members)
            # Only now, with every size verified, may zipfile read a member by its declared size.
            sheet_names = _sheet_members(archive) if "xl/workbook.xml" in names else {}
    except zipfile.BadZipFile:
        raise _corrupt(path) from None
    except (DefusedXmlException, ParseError):
        raise BarometerError(
            "«{name}» har en ugyldig arbeidsbok-del (xl/workbook.xml). {next}", name=path.name, next=_next()
        ) from None
    except (OSError, EOFError, NotImplementedError, RuntimeError, ValueError, KeyError, zlib.error):
        raise _corrupt(path) from None
    for extent in extents.values():
        if extent.needs_exact_size():
            measure_exactly(path, extent)
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


def _inflate_all(path: Path, members: list[zipfile.ZipInfo]) -> dict[str, Extent]:
    extents: dict[str, Extent] = {}
    total = 0
    with path.open("rb") as raw:
        for member in members:
            extent = _extent_for(member.filename)
            total += _inflate(raw, member, path, MAX_UNPACKED_BYTES - total, extent)
            if extent is not None:
                extents[member.filename] = extent
    return extents


def _extent_for(name: str) -> Extent | None:
    if _WORKSHEET.match(name):
        return SheetExtent(name)
    return OdsExtent() if name == "content.xml" else None


def _inflate(raw, member: zipfile.ZipInfo, path: Path, budget: int, sink: Extent | None) -> int:
    """Inflate one member from its raw stream; stop at the first byte past the declared size or cap."""
    raw.seek(member.header_offset)
    local = raw.read(30)
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        raise _corrupt(path)
    name_length, extra_length = struct.unpack("<HH", local[26:30])
    raw.seek(member.header_offset + 30 + name_length + extra_length)
    if member.compress_type == zipfile.ZIP_STORED:
        chunks = _stored(raw, member.compress_size)
    elif member.compress_type == zipfile.ZIP_DEFLATED:
        chunks = _deflated(raw, path)
        if sink is not None and member.compress_size > PREFETCH_BYTES:
            chunks = _prefetched(chunks)  # inflate the next chunk while this one is scanned
    else:
        raise BarometerError(
            "«{name}» bruker en uvanlig komprimering og blir ikke åpnet. Lagre den på nytt i Excel.",
            name=path.name,
        )
    produced = 0
    first = True
    for chunk, consumed in chunks:
        produced += len(chunk)
        if produced > member.file_size:
            raise BarometerError(
                "«{name}» oppgir feil størrelse på innholdet sitt (mulig zip-bombe) og blir ikke åpnet. {next}",
                name=path.name,
                next=_next(),
            )
        if produced > budget:
            raise BarometerError(
                "«{name}» pakker seg ut til over {limit} GB og blir ikke åpnet. {next}",
                name=path.name,
                limit=MAX_UNPACKED_BYTES // 2**30,
                next=_next(),
            )
        if produced > RATIO_FREE_BYTES and produced > MAX_ZIP_RATIO * max(consumed, 1):
            raise BarometerError(
                "«{name}» ser ut som en zip-bombe (unormalt høy komprimering) og blir ikke åpnet. {next}",
                name=path.name,
                next=_next(),
            )
        if first and member.filename.endswith((".xml", ".rels")):
            _refuse_dtd(chunk, path)
            first = False
        if sink is not None:
            sink.feed(chunk)
    if produced != member.file_size:
        raise _corrupt(path)
    return produced


def _prefetched(chunks, depth: int = 4):
    """Run a chunk generator in a thread, `depth` chunks ahead; stop it when the consumer stops.

    zlib and file reads release the GIL, so a big sheet is inflated on one core while the
    extent scan runs on another: the check then costs about one inflate, not inflate plus scan.
    """
    import queue
    import threading

    items: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                items.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in chunks:
                if not put(item):
                    return
            put(done)
        except BaseException as exc:  # handed to the consumer, raised there
            put(exc)

    thread = threading.Thread(target=produce, name="barometer-inflate", daemon=True)
    thread.start()
    try:
        while True:
            item = items.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


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
                    raise _corrupt(path)
                consumed += len(pending)
            chunk = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            if chunk:
                yield chunk, consumed
    except zlib.error:
        raise _corrupt(path) from None


def _refuse_dtd(head: bytes, path: Path) -> None:
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise BarometerError(
            "«{name}» inneholder XML-konstruksjoner (DTD/entiteter) som ikke er tillatt i Excel-filer. {next}",
            name=path.name,
            next=_next(),
        )


def measure_exactly(path: Path, extent: SheetExtent) -> None:
    """Read every row and cell reference of one sheet once more, for its exact size.

    Only sheets whose quick bound is too coarse pay for this: tens of thousands of rows with
    two-letter columns, a stray cell far below the data, columns past ZZ, unnumbered rows.
    """
    rows = columns = unnumbered = 0
    with zipfile.ZipFile(path) as archive, path.open("rb") as raw:
        member = archive.getinfo(extent.member)
        for chunk in _member_chunks(raw, member, path):
            letters = set(_CELL_LETTERS.findall(chunk))
            if letters:
                columns = max(columns, *(column_number(text.decode()) for text in letters))
            numbers = _ROW_DIGITS.findall(chunk) + _ROW_TAG_DIGITS.findall(chunk)
            if numbers:
                rows = max(rows, int(max(numbers, key=lambda text: (len(text), text))))
            unnumbered += chunk.count(b"<row>") + chunk.count(b"<row ") - chunk.count(b'<row r="')
            if extent.odd:  # unnumbered cells sit one after another: a row is as wide as its cell count
                columns = max(columns, *(row.count(b"<c") for row in chunk.split(b"</row>")))
    extent.exact_rows = max(rows + max(unnumbered, 0), 1)
    extent.exact_columns = max(columns, 1)


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
        tail = chunk[-32:]


def _next() -> Message:
    return Message(
        "Be om en ny eksport fra undersøkelsesverktøyet, eller åpne fila i Excel og lagre den på nytt."
    )


def _corrupt(path: Path) -> BarometerError:
    return BarometerError(
        "«{name}» er en skadet eller ufullstendig Excel-fil. Lagre den på nytt i Excel og prøv igjen.",
        name=path.name,
    )


def too_wide(columns: int, name: str, sheet: str | None = None) -> BarometerError:
    """A file (or one of its sheets) with more columns than Barometer reads."""
    said = {"name": name, "columns": fmt_int(columns), "limit": fmt_int(MAX_COLUMNS)}
    if sheet is not None:
        return BarometerError(
            "Arket «{sheet}» i «{name}» har {columns} kolonner; Barometer leser høyst {limit}. "
            "Fjern kolonner du ikke trenger (eller del fila i flere) og prøv igjen.",
            sheet=sheet,
            **said,
        )
    return BarometerError(
        "«{name}» har {columns} kolonner; Barometer leser høyst {limit}. "
        "Fjern kolonner du ikke trenger (eller del fila i flere) og prøv igjen.",
        **said,
    )


def refuse_oversized(extent: Extent, sheet: str, path: Path) -> None:
    """Refuse a sheet whose rectangle from A1 to its last cell would not fit in memory."""
    columns = extent.columns
    if columns > EXCEL_MAX_COLUMNS:
        raise BarometerError(
            "Arket «{sheet}» i «{name}» har cellereferanser utenfor Excels grenser og blir ikke åpnet. {next}",
            sheet=sheet,
            name=path.name,
            next=_next(),
        )
    cells = extent.rows * columns
    if cells > MAX_CELLS:
        said = {
            "sheet": sheet,
            "name": path.name,
            "corner": f"{column_letters(columns)}{extent.rows}",
            "rows": fmt_int(extent.rows),
            "columns": fmt_int(columns),
            "limit": fmt_int(MAX_CELLS),
        }
        if extent.declared:
            raise BarometerError(
                "Arket «{sheet}» i «{name}» strekker seg til celle {corner} (oppgitt område {declared}): "
                "{rows} rader × {columns} kolonner er mer enn Barometer kan lese ({limit} celler). Slett tomme "
                "rader og kolonner under og til høyre for dataene i Excel (eller kopier dataene til et nytt ark) "
                "og lagre fila på nytt.",
                declared=extent.declared,
                **said,
            )
        raise BarometerError(
            "Arket «{sheet}» i «{name}» strekker seg til celle {corner}: {rows} rader × {columns} kolonner er "
            "mer enn Barometer kan lese ({limit} celler). Slett tomme rader og kolonner under og til høyre for "
            "dataene i Excel (eller kopier dataene til et nytt ark) og lagre fila på nytt.",
            **said,
        )
    if columns > MAX_COLUMNS:
        raise too_wide(columns, path.name, sheet)
