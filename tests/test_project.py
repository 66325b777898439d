"""The .barometer project file: round trip, moved folders, newer and damaged files never overwritten."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from barometer_gui.core import project
from barometer_gui.core.errors import BarometerError


def test_round_trip_and_suffix(tmp_path):
    data = tmp_path / "data.xlsx"
    data.write_bytes(b"x")
    saved = project.Project(
        str(data), {"layout": "flat"}, {"question": "q1", "by": "fylke"}, [{"question": "q2"}]
    )
    path = project.save(saved, tmp_path / "analyse")
    assert path.name == "analyse.barometer"
    assert project.load(path) == saved


def test_a_moved_folder_still_finds_its_data(tmp_path):
    folder = tmp_path / "før"
    folder.mkdir()
    (folder / "data.xlsx").write_bytes(b"x")
    project.save(project.Project(str(folder / "data.xlsx")), folder / "p.barometer")
    moved = shutil.move(str(folder), str(tmp_path / "etter"))
    loaded = project.load(f"{moved}/p.barometer")
    assert loaded.data_file == str((tmp_path / "etter" / "data.xlsx").resolve())


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{", "skadet (ikke gyldig JSON)"),
        ('{"format": "noe annet"}', "ikke en Barometer-prosjektfil"),
        ('{"format": "barometer-project", "version": 2, "data_file": "x"}', "nyere versjon"),
        ('{"format": "barometer-project", "version": 1}', "mangler datafil"),
        ('{"format": "barometer-project", "version": 1, "data_file": "x", "report": [1]}', "ukjent innhold"),
    ],
)
def test_bad_files_are_explained_and_never_overwritten(tmp_path, content, words):
    path = tmp_path / "p.barometer"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BarometerError, match=re.escape(words)):
        project.load(path)
    with pytest.raises(BarometerError, match="Lagrer ikke over"):
        project.save(project.Project("data.xlsx"), path)
    assert path.read_text(encoding="utf-8") == content


def test_the_file_is_small_versioned_json(tmp_path):
    path = project.save(project.Project("data.xlsx", selections={"by": None}), tmp_path / "p.barometer")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == "barometer-project" and raw["version"] == project.VERSION
    assert set(raw) == {
        "format",
        "version",
        "data_file",
        "data_file_relative",
        "mapping",
        "selections",
        "report",
    }
