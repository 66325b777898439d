"""Generated hostile inputs, each opened in a subprocess capped at ~2 GB of address space.

A blow-up (a native abort, a MemoryError, a runaway allocation) fails the test instead of the
machine. Every case must end as a clean import or a one-line Norwegian BarometerError, fast.
Issue 12 items 4 (far-corner cells), 5 (zip bombs), 6 (encodings), 7 (truncation),
10 (hostile mapping files) and 11 (sparse sheets, absurd widths).
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT_BYTES = 2 * 1024**3

_RUNNER = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import open_survey
try:
    survey = open_survey(sys.argv[1])
except BarometerError as exc:
    print(json.dumps({{"refused": exc.message}}))
else:
    print(json.dumps({{"respondents": survey.respondents, "warnings": survey.warnings,
                      "options": [o for q in survey.questions for o in q.options]}}))
"""


def open_limited(path: Path, home: Path, timeout: float = 60) -> dict:
    """Open `path` in a fresh process under RLIMIT_AS; return what it reported."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER.format(limit=LIMIT_BYTES), str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={"BAROMETER_HOME": str(home), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, f"crashed with status {result.returncode}: {result.stderr[-800:]}"
    report = json.loads(result.stdout.strip().splitlines()[-1])
    report["seconds"] = time.perf_counter() - start
    return report


# --------------------------------------------------------------------------- raw workbook parts

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Svar" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="{dimension}"/><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"


def _data_rows(count: int = 100) -> str:
    header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Kommunenummer</t></is></c><c r="B1" t="inlineStr"><is><t>Har dere en strategi?</t></is></c></row>'
    answers = ("Ja", "Nei", "Vet ikke")
    body = "".join(
        f'<row r="{r}"><c r="A{r}"><v>301</v></c><c r="B{r}" t="inlineStr"><is><t>{answers[r % 3]}</t></is></c></row>'
        for r in range(2, count + 2)
    )
    return header + body


def write_workbook(path: Path, sheet_xml: str | bytes) -> Path:
    """A minimal .xlsx with one sheet «Svar» holding exactly the given worksheet XML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


def _sheet(rows: str, dimension: str) -> str:
    return _SHEET_HEAD.format(dimension=dimension) + rows + _SHEET_TAIL


def write_raw_zip(path: Path, members: list[tuple[str, bytes, int, int, int]]) -> Path:
    """A zip written byte by byte: (name, raw deflate data, declared size, true size, crc) per member.

    zipfile cannot write lies; this can, so the declared uncompressed size may understate.
    """
    local_parts, central, offset = [], [], 0
    for name, data, declared, _true, crc in members:
        encoded = name.encode()
        local = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), declared, len(encoded), 0
        )
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(data),
                declared,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
        local_parts.append(local + encoded + data)
        offset += len(local) + len(encoded) + len(data)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), offset, 0)
    path.write_bytes(b"".join(local_parts) + directory + end)
    return path


def _deflate(text: str) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(text.encode()) + compressor.flush()


def _padded_deflate(head: str, pad_bytes: int, tail: str, pad: bytes = b" ") -> tuple[bytes, int, int]:
    """Deflate of head + pad_bytes of padding + tail, built from one repeated flushed block (fast)."""
    block = pad * (16 * 2**20)
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    start = compressor.compress(head.encode()) + compressor.flush(zlib.Z_FULL_FLUSH)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.compress(tail.encode()) + compressor.flush()
    repeats = pad_bytes // len(block)
    crc = zlib.crc32(head.encode())
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail.encode(), crc)
    size = len(head.encode()) + repeats * len(block) + len(tail.encode())
    return start + piece * repeats + end, size, crc


def _bomb_workbook(path: Path, pad_bytes: int, declared: int | None, pad: bytes = b" ") -> Path:
    head = _SHEET_HEAD.format(dimension="A1:B101") + _data_rows()
    data, size, crc = _padded_deflate(head, pad_bytes, _SHEET_TAIL, pad)
    parts = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _RELS),
        ("xl/workbook.xml", _WORKBOOK),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
    ]
    members = [
        (name, _deflate(text), len(text.encode()), len(text.encode()), zlib.crc32(text.encode()))
        for name, text in parts
    ]
    members.append(("xl/worksheets/sheet1.xml", data, declared or size, size, crc))
    return write_raw_zip(path, members)


# --------------------------------------------------------------------------- cases


def far_corner(folder: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["B1"], sheet["A2"], sheet["B2"] = "Kommunenummer", "Strategi", 301, "Ja"
    sheet["XFD1048576"] = "x"
    workbook.save(folder / "hjorne.xlsx")
    return folder / "hjorne.xlsx"


def far_corner_understated_dimension(folder: Path) -> Path:
    rows = _data_rows(3) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return write_workbook(folder / "lyver.xlsx", _sheet(rows, "A1:B4"))


def far_corner_first_in_file(folder: Path) -> Path:
    """The far cell comes first and the data after it: "the last row in the file" would be row 101."""
    rows = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' + _data_rows()
    return write_workbook(folder / "forst.xlsx", _sheet(rows, "A1:B101"))


def far_row_first_in_file(folder: Path) -> Path:
    rows = '<row r="1048576"><c r="B1048576"><v>1</v></c></row>' + _data_rows()
    return write_workbook(folder / "radforst.xlsx", _sheet(rows, "A1:B101"))


def excel_width_sheet(folder: Path) -> Path:
    """All 16 384 columns of Excel in use: a header and one answer in each."""
    from barometer_gui.core.archive import column_letters

    letters = [column_letters(i) for i in range(1, 16_385)]
    header = "".join(f'<c r="{c}1" t="inlineStr"><is><t>v{c}</t></is></c>' for c in letters)
    answers = "".join(f'<c r="{c}2"><v>1</v></c>' for c in letters)
    rows = f'<row r="1">{header}</row><row r="2">{answers}</row>'
    return write_workbook(folder / "bredt.xlsx", _sheet(rows, "A1:XFD2"))


def _ods(path: Path, rows: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Svar">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def _ods_cell(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def _ods_rows() -> str:
    header = f"<table:table-row>{_ods_cell('Kommunenummer')}{_ods_cell('Strategi')}</table:table-row>"
    answers = ("Ja", "Nei", "Vet ikke")
    return header + "".join(
        f"<table:table-row>{_ods_cell('301')}{_ods_cell(answers[i % 3])}</table:table-row>"
        for i in range(100)
    )


def ods_repeated_value(folder: Path) -> Path:
    """1.5 KB asking for 6 000 × 16 384 cells: under calamine's own limit, over any laptop's memory."""
    bomb = (
        '<table:table-row table:number-rows-repeated="6000"><table:table-cell '
        'table:number-columns-repeated="16384" office:value-type="float" office:value="1">'
        "<text:p>1</text:p></table:table-cell></table:table-row>"
    )
    return _ods(folder / "gjentatt.ods", _ods_rows() + bomb)


def ods_libreoffice_tail(folder: Path) -> Path:
    """LibreOffice ends every sheet with a huge repeat of empty cells; that is no data."""
    tail = (
        '<table:table-row table:number-rows-repeated="1048475">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    return _ods(folder / "libreoffice.ods", _ods_rows() + tail)


def sparse_formatted(folder: Path) -> Path:
    rows = _data_rows() + '<row r="1048576"><c r="A1048576" s="1"/><c r="B1048576" s="1"/></row>'
    return write_workbook(folder / "formatert.xlsx", _sheet(rows, "A1:B1048576"))


def sparse_empty_strings(folder: Path) -> Path:
    rows = _data_rows() + "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t></t></is></c></row>' for r in (5000, 1048576)
    )
    return write_workbook(folder / "tomme.xlsx", _sheet(rows, "A1:B1048576"))


def sparse_stray_value(folder: Path) -> Path:
    rows = _data_rows() + '<row r="1048576"><c r="B1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return write_workbook(folder / "streif.xlsx", _sheet(rows, "A1:B1048576"))


def understated_zip_bomb(folder: Path) -> Path:
    return _bomb_workbook(folder / "bombe.xlsx", 3 * 1024**3, declared=100 * 1024, pad=b"\0")


def space_padded_sheet(folder: Path) -> Path:
    return _bomb_workbook(folder / "mellomrom.xlsx", 1536 * 2**20, declared=None)


def mixed_encoding_csv(folder: Path) -> Path:
    lines = ["Kommunenummer;Hvor fornøyd er du?\n"] + [
        f"{301 + i};{('Fornøyd', 'Misfornøyd')[i % 2]}\n" for i in range(40)
    ]
    data = b"".join(line.encode("cp1252" if i % 5 == 1 else "utf-8") for i, line in enumerate(lines))
    (folder / "blandet.csv").write_bytes(data)
    return folder / "blandet.csv"


def truncated_csv(folder: Path) -> Path:
    text = "Kommunenummer;Strategi;Enig?\n" + "".join(
        f"{301 + i};{('Ja', 'Nei')[i % 2]};{('Helt enig', 'Helt uenig')[i % 2]}\n" for i in range(40)
    )
    (folder / "kuttet.csv").write_text(text + "341;Ja;Hel", encoding="utf-8")
    return folder / "kuttet.csv"


def very_wide_csv(folder: Path) -> Path:
    (folder / "bred.csv").write_text(";".join(f"v{i}" for i in range(2_000_000)) + "\n1\n", encoding="utf-8")
    return folder / "bred.csv"


def hostile_mapping_folder(folder: Path) -> Path:
    """Every kind of broken saved mapping in the store, then an ordinary survey is opened."""
    from tests.test_hostile_mappings import HOSTILE

    store = folder / "home" / "mappings"
    store.mkdir(parents=True)
    for number, data in enumerate(HOSTILE.values()):
        (store / f"{number}.json").write_bytes(data)
    with (store / "stor.json").open("wb") as handle:
        handle.truncate(177 * 2**20)
    return truncated_csv(folder)


CASES = {
    "far-corner cell": (far_corner, {"refused": "XFD1048576"}),
    "far-corner cell, understated dimension": (far_corner_understated_dimension, {"refused": "XFD1048576"}),
    "far-corner cell first in the file": (far_corner_first_in_file, {"refused": "XFD1048576"}),
    "far row first in the file": (far_row_first_in_file, {"respondents": 100}),
    "ods, a value repeated over 98 million cells": (ods_repeated_value, {"refused": "XFD6101"}),
    "ods, LibreOffice's empty tail": (ods_libreoffice_tail, {"respondents": 100}),
    "sparse sheet, formatted to the last row": (sparse_formatted, {"respondents": 100}),
    "sparse sheet, empty strings to the last row": (sparse_empty_strings, {"respondents": 100}),
    "sparse sheet, a stray value in the last row": (sparse_stray_value, {"respondents": 100}),
    "zip bomb with understated size": (understated_zip_bomb, {"refused": "feil størrelse"}),
    "sheet padded with 1.5 GB of spaces": (space_padded_sheet, {"refused": "zip-bombe"}),
    "mixed encodings": (mixed_encoding_csv, {"respondents": 40}),
    "truncated csv": (truncated_csv, {"respondents": 40}),
    "two million columns": (very_wide_csv, {"refused": "kolonner"}),
    "16 384 columns in a sheet": (excel_width_sheet, {"refused": "kolonner"}),
    "hostile saved mappings": (hostile_mapping_folder, {"respondents": 40}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_input_is_handled_within_memory_and_time(tmp_path, case):
    make, expected = CASES[case]
    path = make(tmp_path)
    report = open_limited(path, tmp_path / "home")
    if "refused" in expected:
        assert "refused" in report, report
        assert expected["refused"] in report["refused"]
        assert "\n" not in report["refused"]
    else:
        assert report.get("respondents") == expected["respondents"], report
    assert report["seconds"] < 20


def test_mixed_encodings_give_one_option_each(tmp_path):
    report = open_limited(mixed_encoding_csv(tmp_path), tmp_path / "home")
    assert sorted(report["options"]) == ["Fornøyd", "Misfornøyd"]
    assert any("Windows-1252" in w for w in report["warnings"])


def test_truncated_answer_is_no_option(tmp_path):
    report = open_limited(truncated_csv(tmp_path), tmp_path / "home")
    assert "Hel" not in report["options"]
    assert any("avkuttet" in w for w in report["warnings"])


@pytest.mark.parametrize("make", [understated_zip_bomb, sparse_stray_value])
def test_prefetching_inflater_gives_the_same_verdict(tmp_path, monkeypatch, make):
    """Big sheets are inflated in a second thread; a refusal there must stop that thread too."""
    import threading

    from barometer_gui.core import archive
    from barometer_gui.core.errors import BarometerError

    path = make(tmp_path)
    monkeypatch.setattr(archive, "PREFETCH_BYTES", 0)
    try:
        verdict = archive.check_workbook_zip(path)["Svar"].rows_to_read()
    except BarometerError as exc:
        verdict = exc.message
    assert verdict == 101 or "feil størrelse" in verdict
    assert not [t for t in threading.enumerate() if t.name == "barometer-inflate"]
