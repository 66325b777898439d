"""Saved mappings, one JSON file per survey, found again by the survey's columns.

Next year's export of the same survey usually keeps most variable codes, so a
saved mapping is reused when it covers the new file's columns, even if the
exact column set differs a little.

The folder is the user's to edit and to break, so nothing in it is trusted:
each file is size-capped, decoded and checked against the mapping schema with
strict types before `Mapping.from_json` sees it, and a bad file is skipped with
a note that names it, never failing the survey being opened. File names are a
hash of the survey's signature, so no signature (an absolute path, `../`) can
place a file outside the folder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import sys
import types
import typing
from pathlib import Path

from barometer_gui.core.errors import BarometerError, Message
from barometer_gui.core.files import atomic_write_text
from barometer_gui.core.mapping import Mapping

#: The largest mapping file read: a 5 000-column survey with code lists is well under 1 MB.
MAX_MAPPING_BYTES = 4 * 2**20
#: Saved mappings looked through for a survey without an exact match, newest first.
MAX_CANDIDATES = 200
_MAX_TEXT = 20_000
_MAX_ITEMS = 100_000


def store_dir() -> Path:
    """Per-user data folder (platformdirs): %LOCALAPPDATA%\\Barometer on Windows, ~/.local/share/Barometer on Linux.

    BAROMETER_HOME points it elsewhere (tests, portable installs).
    """
    override = os.environ.get("BAROMETER_HOME")
    if override:
        return Path(override) / "mappings"
    import platformdirs

    return Path(platformdirs.user_data_dir("Barometer", appauthor=False)) / "mappings"


def _legacy_dir() -> Path | None:
    """Where versions before 0.2 saved mappings; still read, never written."""
    if os.environ.get("BAROMETER_HOME"):
        return None
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "Barometer" / "mappings"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "barometer" / "mappings"


def file_name(signature: str) -> str:
    """The storage name: a hash of the signature, whatever characters the signature holds."""
    return hashlib.sha256(str(signature).encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".json"


def save(mapping: Mapping) -> Path:
    path = store_dir() / file_name(mapping.signature)
    atomic_write_text(path, mapping.to_json())
    return path


def find(signature: str, columns: list[str], notes: list[str] | None = None) -> Mapping | None:
    """The saved mapping for these columns: exact signature first, else one whose columns all exist.

    Files that cannot be used are skipped; what was wrong with each is appended to `notes`.
    """
    notes = notes if notes is not None else []
    folders = [f for f in (store_dir(), _legacy_dir()) if f is not None and f.is_dir()]
    names = [file_name(signature)] + ([f"{signature}.json"] if _is_plain_name(signature) else [])
    tried: set[Path] = set()
    for folder in folders:
        for name in names:
            exact = folder / name
            if exact.is_file():
                tried.add(exact)
                mapping = _load_quietly(exact, notes)
                if mapping is not None:
                    return mapping
    available = set(columns)
    for candidate in _candidates(folders):
        mapping = None if candidate in tried else _load_quietly(candidate, notes)
        if mapping is None:
            continue
        needed = {c for q in mapping.questions for c in q.columns} | {b.column for b in mapping.background}
        if needed and needed <= available:
            return mapping
    return None


def load_file(path: str | Path) -> Mapping:
    """A mapping file the user names (CLI --mapping, the window): checked as strictly as saved ones."""
    path = Path(path)
    text = _checked_text(path)
    try:
        return Mapping.from_json(text)
    except BarometerError as exc:
        raise BarometerError("«{name}»: {reason}", name=path.name, reason=exc) from None


def _is_plain_name(signature: str) -> bool:
    return bool(re.fullmatch(r"[0-9a-f]{16}", str(signature)))


def _candidates(folders: list[Path]) -> list[Path]:
    found: list[tuple[float, Path]] = []
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not entry.name.endswith(".json"):
                continue
            try:
                if entry.is_file():
                    found.append((entry.stat().st_mtime, Path(entry.path)))
            except OSError:
                continue
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [path for _, path in found[:MAX_CANDIDATES]]


def _load_quietly(path: Path, notes: list[str]) -> Mapping | None:
    try:
        return Mapping.from_json(_checked_text(path))
    except BarometerError as exc:
        notes.append(
            Message(
                "Lagret kobling «{name}» i «{folder}» ble hoppet over: {reason}",
                name=path.name,
                folder=path.parent,
                reason=exc,
            )
        )
        return None


def _checked_text(path: Path) -> str:
    """The file's text after size, encoding and schema checks; BarometerError says what is wrong."""
    try:
        size = path.stat().st_size
        if size > MAX_MAPPING_BYTES:
            raise BarometerError(
                "Koblingsfila «{name}» er for stor ({size} MB; grensen er {limit} MB). "
                "Slett den eller lagre koblingen på nytt.",
                name=path.name,
                size=size // 2**20,
                limit=MAX_MAPPING_BYTES // 2**20,
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_MAPPING_BYTES + 1)
    except OSError as exc:
        raise BarometerError(
            "Kunne ikke lese koblingsfila «{name}»: {reason}.", name=path.name, reason=exc.strerror or exc
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BarometerError(
            "Koblingsfila «{name}» er ikke UTF-8-tekst. Lagre koblingen på nytt fra Barometer.",
            name=path.name,
        ) from None
    try:
        raw = json.loads(text)
    except RecursionError:
        raise BarometerError(
            "Koblingsfila «{name}» er for dypt nøstet til å være en kobling.", name=path.name
        ) from None
    except ValueError as exc:
        raise BarometerError(
            "Koblingsfila «{name}» er ikke gyldig JSON (linje {line}); den kan være avkuttet. Lagre koblingen på nytt.",
            name=path.name,
            line=getattr(exc, "lineno", "?"),
        ) from None
    problem = schema_problem(raw)
    if problem:
        raise BarometerError(
            "Koblingsfila «{name}» er ikke en gyldig kobling: {problem}.", name=path.name, problem=problem
        )
    return text


# --------------------------------------------------------------------------- schema


def schema_problem(value: object, schema: object = Mapping, where: str = "") -> Message | None:
    """What in `value` breaks the mapping schema (strict types, no unknown keys), or None.

    The schema is read from the `Mapping` dataclasses themselves, so it cannot drift from what
    `Mapping.from_json` builds. `from_json` accepts anything its dataclasses can be built from;
    a hand-edited or damaged file can hold a number where a list of columns belongs, which only
    fails later, deep in apply_mapping. This check runs first and names the place.
    """
    if dataclasses.is_dataclass(schema):
        if not isinstance(value, dict):
            return (
                Message("{place} skal være et objekt", place=where)
                if where
                else Message("fila er ikke et JSON-objekt")
            )
        fields = {f.name: f for f in dataclasses.fields(schema) if f.compare}
        unknown = sorted(set(value) - set(fields))
        if unknown:
            if not where:
                return Message("fila har ukjent felt «{field}»", field=unknown[0][:40])
            return Message("{place} har ukjent felt «{field}»", place=where, field=unknown[0][:40])
        required = {
            name
            for name, f in fields.items()
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        }
        missing = sorted(required - set(value))
        if missing:
            if not where:
                return Message("fila mangler feltet «{field}»", field=missing[0])
            return Message("{place} mangler feltet «{field}»", place=where, field=missing[0])
        hints = typing.get_type_hints(schema)
        for key, item in value.items():
            problem = schema_problem(item, hints[key], f"{where}.{key}" if where else key)
            if problem:
                return problem
        return None
    origin, args = typing.get_origin(schema), typing.get_args(schema)
    if origin in (types.UnionType, typing.Union):  # X | None
        if value is None and type(None) in args:
            return None
        return schema_problem(value, next(a for a in args if a is not type(None)), where)
    if origin is dict:
        if not isinstance(value, dict) or len(value) > _MAX_ITEMS:
            return Message("{place} skal være en kodeliste (kode: etikett)", place=where)
        if not all(isinstance(v, str) and len(v) <= _MAX_TEXT for v in value.values()):
            return Message("{place} skal ha tekst som etiketter", place=where)
        return None
    if origin is list:
        if not isinstance(value, list) or len(value) > _MAX_ITEMS:
            return Message("{place} skal være en liste", place=where)
        for index, item in enumerate(value):
            problem = schema_problem(item, args[0], f"{where}[{index}]")
            if problem:
                return problem
        return None
    if schema is bool:
        return None if isinstance(value, bool) else Message("{place} skal være sann eller usann", place=where)
    if schema is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return None
        return Message("{place} skal være et heltall", place=where)
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        return Message("{place} skal være tekst", place=where)
    return None
