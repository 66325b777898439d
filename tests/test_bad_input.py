"""Every kind of bad file gives one clear Norwegian message: BarometerError in core, exit 2 on the CLI."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import open_survey
from tests.builders import codebook_book, write_xlsx

ROOT = Path(__file__).resolve().parent.parent


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 2**20))
    return path


def _billion_laughs(path: Path, source: Path) -> Path:
    entities = (
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as bomb:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                declaration_end = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
                data = data[:declaration_end] + entities.encode() + data[declaration_end:]
            bomb.writestr(item, data)
    return path


def _encrypted(path: Path) -> Path:
    # An OLE2 compound file whose directory names the streams of an encrypted OOXML package.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\0" * 50 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(header + directory + b"\0" * 2048)
    return path


CASES = {
    "empty file": (lambda d: _write(d / "tom.xlsx", b""), "tom"),
    "random bytes": (lambda d: _write(d / "x.xlsx", bytes(range(256)) * 40), "tekstfil"),
    "truncated xlsx": (
        lambda d: _write(d / "kort.xlsx", codebook_book(d / "full.xlsx").read_bytes()[:900]),
        "skadet",
    ),
    "png renamed": (lambda d: _write(d / "bilde.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 300), "bilde"),
    "docx as xlsx": (lambda d: _docx(d / "brev.xlsx"), "ikke en Excel-arbeidsbok"),
    "password protected": (lambda d: _encrypted(d / "hemmelig.xlsx"), "passordbeskyttet"),
    "zip bomb": (lambda d: _zip_bomb(d / "bombe.xlsx"), "zip-bombe"),
    "billion laughs": (lambda d: _billion_laughs(d / "latter.xlsx", codebook_book(d / "ok.xlsx")), "DTD"),
    "empty workbook": (lambda d: write_xlsx(d / "tomt.xlsx", {"Ark1": []}), "tomme"),
    "header but no data": (
        lambda d: write_xlsx(d / "hode.xlsx", {"Ark1": [["Kommunenr", "Strategi"]]}),
        "ingen svar",
    ),
    "missing file": (lambda d: d / "finnes-ikke.xlsx", "Fant ikke fila"),
    "folder": (lambda d: d, "SurveyXact"),
    "unknown encoding": (lambda d: _write(d / "rar.csv", b"a;b\n\x01\x02\x03;\x81\x8d\n"), "tegnkoding"),
    "only whitespace csv": (lambda d: _write(d / "blank.csv", b"  \n\n \n"), "tom"),
    "only separators csv": (lambda d: _write(d / "semikolon.csv", b";;;\n;;;\n"), "bare skilletegn"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_gives_clear_message(tmp_path, case):
    make, expected = CASES[case]
    path = make(tmp_path)
    before = _digest(path)
    with pytest.raises(BarometerError) as caught:
        open_survey(path, use_saved_mapping=False)
    assert expected.lower() in caught.value.message.lower()
    assert "\n" not in caught.value.message
    assert _digest(path) == before


def test_wrong_sheet_name(tmp_path):
    path = codebook_book(tmp_path / "cb.xlsx")
    with pytest.raises(BarometerError, match="har ikke arket «Finnes»"):
        open_survey(path, sheet="Finnes")


@pytest.mark.parametrize("case", ["truncated xlsx", "password protected", "zip bomb", "missing file"])
def test_cli_reports_bad_input_in_one_line_with_status_2(tmp_path, case):
    path = CASES[case][0](tmp_path)
    out = tmp_path / "ut.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "table", str(path), "--question", "q1", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("barometer: ")
    assert "Traceback" not in result.stderr
    assert not out.exists()


def _digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()
