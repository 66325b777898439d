"""The model layers never import Qt (import-linter contract in pyproject.toml), and the CLI starts without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_FREE = ["core", "charts", "export"]


def test_import_linter_contract_holds():
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "core never imports Qt KEPT" in result.stdout


def test_no_qt_import_statement_in_model_layers():
    offenders = []
    for package in QT_FREE:
        for path in (ROOT / "barometer_gui" / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "qtpy"} for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_headless_commands_never_load_qt_or_pyplot():
    code = (
        "import sys, io, contextlib\n"
        "from barometer_gui.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    run(['table', '--demo', '-q', 'q1'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'matplotlib.pyplot'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.stdout.strip() == "[]", result.stderr
