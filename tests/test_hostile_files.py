"""Output handling under hostile use: never write over an input, never leave temp files piling up.

Issue 12 items 8 (leftover temp files after a kill, permissions) and 9 (output over input).
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from barometer_gui.cli import run
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.files import (
    STALE_SECONDS,
    atomic_write,
    atomic_write_text,
    check_output_path,
    remove_stale_temp_files,
)
from tests.builders import forms_frame

ROOT = Path(__file__).resolve().parent.parent


def _csv(path: Path) -> Path:
    forms_frame().to_csv(path, index=False, sep=";")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- item 9: output over input


def _spellings(tmp_path: Path, source: Path) -> dict[str, Path]:
    (tmp_path / "sub").mkdir()
    link = tmp_path / "lenke.csv"
    link.symlink_to(source)
    hard = tmp_path / "hard.csv"
    os.link(source, hard)
    return {
        "same path": source,
        "dot-dot": tmp_path / "sub" / ".." / source.name,
        "symlink": link,
        "hard link": hard,
    }


@pytest.mark.parametrize("spelling", ["same path", "dot-dot", "symlink", "hard link"])
def test_table_out_over_input_is_refused(tmp_path, capsys, spelling):
    source = _csv(tmp_path / "svar.csv")
    out = _spellings(tmp_path, source)[spelling]
    before = _digest(source)
    status = run(["table", str(source), "-q", "q1", "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 2
    assert "samme fil som inndataene" in err
    assert _digest(source) == before


def test_report_out_over_input_is_refused(tmp_path, capsys):
    source = _csv(tmp_path / "svar.csv")
    before = _digest(source)
    status = run(["report", str(source), "-q", "q1", "--out", str(source)])
    assert status == 2
    assert "samme fil som inndataene" in capsys.readouterr().err
    assert _digest(source) == before


def test_out_inside_surveyxact_folder_is_refused(tmp_path):
    folder = tmp_path / "eksport"
    folder.mkdir()
    for name in ("dataset", "structure", "labels"):
        (folder / f"{name}.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    for given in (folder, folder / "dataset.csv"):
        with pytest.raises(BarometerError, match="ligger i inndatamappa"):
            check_output_path(folder / "structure.csv", given)
        with pytest.raises(BarometerError, match="ligger i inndatamappa"):
            check_output_path(folder / "ny" / "tabell.json", given)
    check_output_path(tmp_path / "tabell.json", folder)  # beside the folder is fine


def test_out_over_mapping_file_is_refused(tmp_path):
    mapping = tmp_path / "kobling.json"
    mapping.write_text("{}", encoding="utf-8")
    with pytest.raises(BarometerError, match="samme fil"):
        check_output_path(mapping, tmp_path / "svar.csv", mapping, None)


def test_other_output_is_written(tmp_path, capsys):
    source = _csv(tmp_path / "svar.csv")
    out = tmp_path / "tabell.json"
    assert run(["table", str(source), "-q", "Har dere en strategi", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("{")


# --------------------------------------------------------------------------- item 8: temp files


_KILLED_SAVE = """
import os, signal, sys
from barometer_gui.core.files import atomic_write

def writer(temp):
    temp.write_bytes(b"half a presentation")
    os.kill(os.getpid(), signal.SIGKILL)

atomic_write(sys.argv[1], writer)
"""


def test_killed_save_leaves_target_intact_and_its_temp_is_cleaned_next_time(tmp_path):
    target = tmp_path / "rapport.pptx"
    target.write_bytes(b"the old report")
    result = subprocess.run([sys.executable, "-c", _KILLED_SAVE, str(target)], cwd=ROOT, timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert target.read_bytes() == b"the old report"
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    assert len(leftovers) == 1 and ".barometer-tmp-" in leftovers[0].name

    atomic_write_text(tmp_path / "annen.json", "{}")  # a fresh temp file may belong to a running save
    assert leftovers[0].exists()
    old = time.time() - STALE_SECONDS - 60
    os.utime(leftovers[0], (old, old))
    atomic_write_text(tmp_path / "annen.json", "{}")
    assert not leftovers[0].exists()


def test_only_our_stale_temp_files_are_removed(tmp_path):
    old = time.time() - STALE_SECONDS - 60
    ours = tmp_path / ".rapport.barometer-tmp-ab12cd34.pptx"
    legacy = tmp_path / ".rapport-k2j4h5g6.pptx"  # naming before 0.2, beside its target
    users = [tmp_path / ".rapport.pptx", tmp_path / ".notater-k2j4h5g6.pptx", tmp_path / "rapport.pptx"]
    for path in [ours, legacy, *users]:
        path.write_bytes(b"x")
        os.utime(path, (old, old))
    removed = remove_stale_temp_files(tmp_path, tmp_path / "rapport.pptx")
    assert sorted(removed) == sorted([ours, legacy])
    assert all(path.exists() for path in users)


def test_replacing_keeps_the_targets_permissions(tmp_path):
    target = tmp_path / "tabell.csv"
    target.write_text("gammel", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "ny")
    assert target.read_text(encoding="utf-8") == "ny"
    assert (target.stat().st_mode & 0o777) == 0o640


def test_failed_write_leaves_no_file(tmp_path):
    target = tmp_path / "tabell.csv"

    def broken(temp: Path) -> None:
        temp.write_text("halv", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(BarometerError, match="Fila er ikke endret"):
        atomic_write(target, broken)
    assert list(tmp_path.iterdir()) == []
