"""The .barometer project file: a small versioned JSON that brings a session back.

It holds a reference to the data file (absolute, and relative to the project so a
folder can be moved), the mapping used, the view's selections and the report
basket (a list of `TableSpec` dicts). Data are never copied into it. A file from
a newer Barometer, or a damaged one, gives a clear message and is never
overwritten: saving over a file that is not a readable project is refused.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.files import atomic_write_text, check_output_path

FORMAT = "barometer-project"
VERSION = 1
SUFFIX = ".barometer"


@dataclass
class Project:
    data_file: str
    mapping: dict | None = None
    selections: dict = field(default_factory=dict)
    report: list[dict] = field(default_factory=list)

    def to_json(self, location: Path) -> str:
        data = Path(self.data_file)
        try:
            relative = os.path.relpath(data, location.parent)
        except ValueError:  # another drive on Windows
            relative = None
        return json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "data_file": str(data),
                "data_file_relative": relative,
                "mapping": self.mapping,
                "selections": self.selections,
                "report": self.report,
            },
            ensure_ascii=False,
            indent=2,
        )


def load(path: str | Path) -> Project:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BarometerError("Fant ikke prosjektfila «{name}».", name=path.name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BarometerError(
            "Kan ikke lese prosjektfila «{name}» ({error}).", name=path.name, error=type(exc).__name__
        ) from None
    try:
        raw = json.loads(text)
    except ValueError:
        raise BarometerError("Prosjektfila «{name}» er skadet (ikke gyldig JSON).", name=path.name) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise BarometerError("«{name}» er ikke en Barometer-prosjektfil.", name=path.name)
    version = raw.get("version")
    if not isinstance(version, int) or version < 1:
        raise BarometerError("Prosjektfila «{name}» er skadet (mangler versjon).", name=path.name)
    if version > VERSION:
        raise BarometerError(
            "Prosjektfila «{name}» er laget med en nyere versjon av Barometer (format {version}). "
            "Oppdater Barometer for å åpne den; fila er ikke endret.",
            name=path.name,
            version=version,
        )
    data_file = raw.get("data_file")
    if not isinstance(data_file, str) or not data_file:
        raise BarometerError("Prosjektfila «{name}» er skadet (mangler datafil).", name=path.name)
    relative = raw.get("data_file_relative")
    if not Path(data_file).exists() and isinstance(relative, str):
        moved = (path.parent / relative).resolve()
        if moved.exists():
            data_file = str(moved)
    mapping, selections, report = raw.get("mapping"), raw.get("selections") or {}, raw.get("report") or []
    if not (
        (mapping is None or isinstance(mapping, dict))
        and isinstance(selections, dict)
        and isinstance(report, list)
        and all(isinstance(spec, dict) for spec in report)
    ):
        raise BarometerError("Prosjektfila «{name}» er skadet (ukjent innhold).", name=path.name)
    return Project(data_file, mapping, selections, report)


def save(project: Project, path: str | Path) -> Path:
    """Write atomically; refuse to replace a file that is not a project this version can read."""
    path = Path(path)
    if path.suffix.lower() != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    check_output_path(path, project.data_file or None)
    if path.exists():
        try:
            load(path)
        except BarometerError as exc:
            raise BarometerError(
                "Lagrer ikke over «{name}»: {reason}", name=path.name, reason=exc.message
            ) from None
    atomic_write_text(path, project.to_json(path))
    return path
