"""The size report charges every file of a bundle to the library that brought it, symlinks once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from bundle_sizes import main, sizes


def _file(root: Path, relative: str, size: int) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    return path


@pytest.fixture
def bundle(tmp_path) -> Path:
    root = tmp_path / "barometer"
    _file(root, "barometer", 100)
    _file(root, "_internal/PySide6/QtCore.abi3.so", 10)
    _file(root, "_internal/libQt6Core.so.6", 20)
    _file(root, "_internal/libicudata.so.73", 30)
    real = _file(root, "_internal/shiboken6/libshiboken6.abi3.so.6.8", 40)
    if hasattr(os, "symlink"):  # PyInstaller's top-level link: counted once
        os.symlink(real, root / "_internal/libshiboken6.abi3.so.6.8")
    _file(root, "_internal/numpy.libs/libscipy_openblas64_.so", 50)
    _file(root, "_internal/numpy/_core/_multiarray_umath.so", 5)
    _file(root, "_internal/libpython3.11.so.1.0", 7)
    _file(root, "_internal/libX11.so.6", 3)
    return root


def test_files_are_charged_to_their_library(bundle):
    table = sizes(bundle)
    assert table["PySide6 (Qt)"] == 100
    assert table["numpy"] == 55
    assert table["Python runtime"] == 7
    assert table["launchers (program + Python archive)"] == 100
    assert table["system libraries (X11/xcb, glib, fontconfig, …)"] == 3
    assert sum(table.values()) == 265


def test_limit_fails_the_build_and_target_only_reports(bundle, capsys):
    assert main([str(bundle), "--target-mb", "0.0001"]) == 0
    assert "OVER the 0 MB target" in capsys.readouterr().out
    assert main([str(bundle), "--limit-mb", "0.0001"]) == 1
    assert main([str(bundle), "--limit-mb", "1"]) == 0
