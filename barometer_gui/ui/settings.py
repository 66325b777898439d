"""Per-user settings (QSettings) and the recent-files list.

With BAROMETER_HOME set (tests, portable use) settings live in an .ini file there,
so tests never touch the user's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_LIMIT = 8


def settings() -> QSettings:
    home = os.environ.get("BAROMETER_HOME")
    if home:
        return QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings("Barometer", "Barometer")


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


def recent_files(store: QSettings) -> list[Path]:
    """Recent files that still exist, newest first, each once."""
    seen, found = set(), []
    for name in _as_list(store.value("recent_files")):
        path = Path(name)
        key = os.path.normcase(str(path.resolve())) if path.exists() else None
        if key and key not in seen:
            seen.add(key)
            found.append(path)
    return found[:RECENT_LIMIT]


def add_recent(store: QSettings, path: Path) -> list[Path]:
    key = os.path.normcase(str(Path(path).resolve()))
    rest = [p for p in recent_files(store) if os.path.normcase(str(p.resolve())) != key]
    files = [Path(path).resolve(), *rest][:RECENT_LIMIT]
    store.setValue("recent_files", [str(p) for p in files])
    return files
