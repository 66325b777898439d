"""Hostile saved-mapping files never break opening a survey (issue 12 item 10)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from barometer_gui.core import mapping_store
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import open_survey, open_with_mapping
from tests.builders import codebook_book, forms_frame

VALID = {
    "layout": "joined",
    "questions": [
        {"id": "q1", "text": "Strategi?", "type": "single", "columns": ["Strategi"], "encoding": "labels"}
    ],
}


def _wrong(path: list, value: object) -> bytes:
    document = json.loads(json.dumps(VALID))
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(document).encode()


HOSTILE = {
    "corrupt bytes": bytes(range(256)) * 4,
    "truncated json": json.dumps(VALID).encode()[:40],
    "utf-16": json.dumps(VALID).encode("utf-16"),
    "deeply nested": b"[" * 200_000 + b"]" * 200_000,
    "questions not a list": _wrong(["questions"], "abc"),
    "columns a number": _wrong(["questions", 0, "columns"], 5),
    "columns empty": _wrong(["questions", 0, "columns"], []),
    "codes a list": _wrong(["questions", 0, "codes"], [1, 2]),
    "size bounds text": _wrong(["size_bounds"], ["stor"]),
    "layout a number": _wrong(["layout"], 7),
    "unknown field": _wrong(["questions", 0, "hacked"], True),
    "question a string": _wrong(["questions", 0], "q1"),
    "json null": b"null",
}


def _store() -> Path:
    folder = mapping_store.store_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "svar.csv"
    forms_frame().to_csv(path, index=False, sep=";")
    return path


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_bad_file_in_the_folder_is_skipped_with_a_note(tmp_path, case):
    (_store() / "odelagt.json").write_bytes(HOSTILE[case])
    notes: list[str] = []
    assert mapping_store.find("0123456789abcdef", ["Strategi", "Annet"], notes) is None
    assert len(notes) == 1 and "«odelagt.json»" in notes[0]
    assert "\n" not in notes[0]
    survey = open_survey(_csv(tmp_path))  # opening any survey still works
    assert survey.respondents == 5


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_bad_mapping_file_given_by_name_is_a_clear_error(tmp_path, case):
    path = tmp_path / "kobling.json"
    path.write_bytes(HOSTILE[case])
    with pytest.raises(BarometerError, match=r"(?i)kobling") as caught:
        mapping_store.load_file(path)
    assert "kobling.json" in caught.value.message and "\n" not in caught.value.message


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_cli_mapping_option_with_a_bad_file_is_one_line_and_status_2(tmp_path, capsys, case):
    from barometer_gui.cli import run

    path = tmp_path / "kobling.json"
    path.write_bytes(HOSTILE[case])
    assert run(["inspect", str(_csv(tmp_path)), "--mapping", str(path)]) == 2
    error = capsys.readouterr().err
    assert "kobling.json" in error and error.count("\n") == 1 and "intern feil" not in error


def test_bad_file_under_the_exact_name_falls_back_to_detection(tmp_path):
    source = _csv(tmp_path)
    _, proposed = open_with_mapping(source, use_saved_mapping=False)
    (_store() / mapping_store.file_name(proposed.signature)).write_bytes(HOSTILE["truncated json"])
    notes: list[str] = []
    assert mapping_store.find(proposed.signature, ["x"], notes) is None
    assert notes
    assert open_survey(source).respondents == 5


def test_a_huge_stray_file_is_skipped_without_reading_it(tmp_path):
    stray = _store() / "stor.json"
    with stray.open("wb") as handle:
        handle.truncate(177 * 2**20)  # sparse: 177 MB on paper, instant to make
    notes: list[str] = []
    start = time.perf_counter()
    assert mapping_store.find("0123456789abcdef", ["a"], notes) is None
    assert time.perf_counter() - start < 1
    assert "for stor" in notes[0]


def test_saved_mapping_is_found_again(tmp_path):
    path = codebook_book(tmp_path / "cb.xlsx")
    _, mapping = open_with_mapping(path, use_saved_mapping=False)
    mapping.questions[0].text = "Rettet tekst"
    saved = mapping_store.save(mapping)
    assert saved.parent == mapping_store.store_dir()
    reopened = open_survey(path)
    assert reopened.questions[0].text == "Rettet tekst"


@pytest.mark.parametrize("signature", ["../../utenfor", "/tmp/absolutt", "..\\..\\windows", "a/../../b"])
def test_signature_cannot_place_a_file_outside_the_folder(tmp_path, signature):
    _, mapping = open_with_mapping(_csv(tmp_path), use_saved_mapping=False)
    mapping.signature = signature
    saved = mapping_store.save(mapping)
    assert saved.parent == mapping_store.store_dir()
    assert saved.name == mapping_store.file_name(signature)
    assert mapping_store.find(signature, []) is not None


def test_store_is_the_platform_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("BAROMETER_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert mapping_store.store_dir() == tmp_path / "data" / "Barometer" / "mappings"
