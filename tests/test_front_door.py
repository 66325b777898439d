"""The command line's front door: misspelt commands, Norwegian argparse, fast help, no display, OS errors."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from barometer_gui import app
from barometer_gui.cli import run
from barometer_gui.core.i18n import set_language
from barometer_gui.core.i18n.messages import explain_os_error

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _bokmal():
    set_language("nb")
    yield
    set_language("nb")


@pytest.fixture
def no_window(monkeypatch):
    import barometer_gui.ui.main as gui

    opened = []
    monkeypatch.setattr(gui, "run_gui", lambda *args, **kwargs: opened.append(args) or 0)
    return opened


def test_misspelt_command_is_an_error_with_a_suggestion_not_a_window(no_window, capsys):
    assert app.main(["tabel", "--demo", "-q", "q1"]) == 2
    err = capsys.readouterr().err
    assert "Ukjent kommando «tabel». Mente du «table»?" in err
    assert no_window == []


def test_missing_file_is_an_error_and_an_existing_one_opens_the_window(no_window, capsys, tmp_path):
    assert app.main(["finnes-ikke.xlsx"]) == 2
    assert "Fant ikke fila «finnes-ikke.xlsx»" in capsys.readouterr().err
    data = tmp_path / "data.xlsx"
    data.write_bytes(b"x")
    assert app.main([str(data)]) == 0
    assert no_window == [(str(data),)]


def test_help_and_argument_errors_are_norwegian(capsys):
    assert run(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("bruk: barometer") and "vis denne hjelpeteksten og avslutt" in out
    assert run(["table", "--demo"]) == 2
    err = capsys.readouterr().err
    assert "disse argumentene mangler: --question/-q" in err and len(err.strip().splitlines()) == 1
    assert run(["inspect", "--demo", "--sheet"]) == 2
    assert "mangler en verdi" in capsys.readouterr().err


def test_lang_en_gives_english_help_and_errors(capsys):
    assert run(["--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: barometer") and "show this help message" in out
    assert "Without a command" in out
    assert run(["table", "--demo", "--lang=en"]) == 2
    err = capsys.readouterr().err
    assert "Invalid command" in err and "the following arguments are required" in err


def _subprocess(code: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env
    )


def test_help_and_errors_answer_without_pandas_or_qt():
    code = (
        "import sys\n"
        "from barometer_gui.app import main\n"
        "codes = [main(['--help']), main(['tabel']), main(['table', '--demo'])]\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'numpy', 'PySide6', 'matplotlib'})\n"
        "print(codes, heavy, file=sys.stderr)\n"
    )
    result = _subprocess(code)
    assert result.stderr.strip().splitlines()[-1] == "[0, 2, 2] []"


def test_without_a_display_one_norwegian_line_not_qt_abort():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "kan ikke åpne vinduet" in lines[0] and "barometer inspect" in lines[0]


def test_when_qt_cannot_start_one_norwegian_line():
    env = {**os.environ, "QT_QPA_PLATFORM": "finnes-ikke", "BAROMETER_HOME": "/tmp/barometer-no-qt"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("barometer: Barometer kan ikke åpne vinduet")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOENT, "Fant ikke"),
        (errno.EACCES, "Ingen tilgang"),
        (errno.ENOSPC, "Disken er full"),
        (errno.EIO, "Operativsystemet meldte en feil"),
    ],
)
def test_os_errors_are_explained_in_norwegian(code, words):
    message = explain_os_error(OSError(code, os.strerror(code), "rapport.xlsx"))
    assert words in message and "rapport.xlsx" in message


def test_cli_turns_os_errors_into_one_line(monkeypatch, capsys):
    import barometer_gui.cli as cli

    def denied(_args):
        raise PermissionError(errno.EACCES, "Permission denied", "låst.xlsx")

    monkeypatch.setattr(cli, "_dispatch", denied)
    assert run(["inspect", "--demo"]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err
        == "barometer: Ingen tilgang til «låst.xlsx». Er fila åpen i et annet program, eller mangler du rettigheter?"
    )
