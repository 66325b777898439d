"""Saved mappings, one JSON file per survey, found again by the survey's columns.

Next year's export of the same survey usually keeps most variable codes, so a
saved mapping is reused when it covers the new file's columns, even if the
exact column set differs a little.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.files import atomic_write_text
from barometer_gui.core.mapping import Mapping


def store_dir() -> Path:
    """Per-user folder: %APPDATA%\\Barometer on Windows, ~/.config/barometer elsewhere."""
    override = os.environ.get("BAROMETER_HOME")
    if override:
        return Path(override) / "mappings"
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "Barometer" / "mappings"
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "barometer" / "mappings"


def save(mapping: Mapping) -> Path:
    path = store_dir() / f"{mapping.signature}.json"
    atomic_write_text(path, mapping.to_json())
    return path


def find(signature: str, columns: list[str]) -> Mapping | None:
    """The saved mapping for these columns: exact signature first, else one whose columns all exist."""
    folder = store_dir()
    exact = folder / f"{signature}.json"
    if exact.is_file():
        return _load(exact)
    if not folder.is_dir():
        return None
    available = set(columns)
    for candidate in sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True):
        mapping = _load(candidate)
        if mapping is None:
            continue
        needed = {c for q in mapping.questions for c in q.columns} | {b.column for b in mapping.background}
        if needed and needed <= available:
            return mapping
    return None


def _load(path: Path) -> Mapping | None:
    try:
        return Mapping.load(path)
    except BarometerError:
        return None
