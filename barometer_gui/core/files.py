"""Writing files so a crash, a kill or a full disk never leaves a half-written file behind.

Every write goes to a temp file beside the target, named recognisably
(`.<name>.barometer-tmp-XXXXXXXX<suffix>`), flushed to disk and renamed into
place. A kill during a save can still leave such a temp file; the next write
to the same folder removes ours once they are old enough that no save can
still be using them. Outputs are also checked against the inputs, so a
command can never write over the file (or SurveyXact folder) it reads.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from barometer_gui.core.errors import BarometerError

TEMP_MARK = ".barometer-tmp-"
#: A temp file untouched this long belongs to a save that was killed; no save takes this long.
STALE_SECONDS = 30 * 60
_OURS = re.compile(rf"^\..+{re.escape(TEMP_MARK)}[A-Za-z0-9_]{{8}}(\.[A-Za-z0-9]+)?$")


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it into place only if the block succeeds."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temp_files(target.parent, target)
        handle, temp = tempfile.mkstemp(
            prefix=f".{target.stem}{TEMP_MARK}", suffix=target.suffix, dir=target.parent
        )
        os.close(handle)
    except OSError as exc:
        raise BarometerError(
            "Kan ikke skrive til «{folder}»: {reason}. Velg en annen mappe.",
            folder=target.parent,
            reason=exc.strerror or exc,
        ) from None
    temp_path = Path(temp)
    try:
        yield temp_path
        _flush_to_disk(temp_path)
        os.chmod(temp_path, _mode_for(target))
        os.replace(temp_path, target)
    except OSError as exc:
        raise BarometerError(
            "Kunne ikke lagre «{name}»: {reason}. Fila er ikke endret; sjekk ledig plass og skrivetilgang og prøv igjen.",
            name=target.name,
            reason=exc.strerror or exc,
        ) from None
    finally:
        temp_path.unlink(missing_ok=True)


def atomic_write_text(target: str | Path, text: str) -> None:
    with atomic_path(target) as temp:
        temp.write_text(text, encoding="utf-8")


def atomic_write(target: str | Path, writer: Callable[[Path], None]) -> None:
    """Run `writer(temp_path)` and move the result to `target` when it completes."""
    with atomic_path(target) as temp:
        writer(temp)


def remove_stale_temp_files(folder: Path, target: Path | None = None, now: float | None = None) -> list[Path]:
    """Delete our own temp files in `folder` left by a killed save; others' files are never touched.

    Besides today's naming, versions before 0.2 named a temp file `.<stem>-XXXXXXXX<suffix>`; those
    are recognised only beside a target of the same name, where nothing else would make them.
    """
    now = time.time() if now is None else now
    legacy = (
        re.compile(rf"^\.{re.escape(target.stem)}-[a-z0-9_]{{8}}{re.escape(target.suffix)}$")
        if target is not None
        else None
    )
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (_OURS.match(entry.name) or (legacy and legacy.match(entry.name))):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # in use (Windows), already gone, or not ours to delete
    return removed


def check_output_path(output: str | Path, *inputs: str | Path | None) -> None:
    """Refuse an output that is one of the inputs, or lies inside a SurveyXact input folder.

    Paths are compared after resolving symlinks and `..`, and as the same file on disk
    (hard links), so no spelling of the input path lets a command write over it.
    """
    out = Path(output).resolve()
    for given in inputs:
        if given is None:
            continue
        source = Path(given).resolve()
        folder = _input_folder(source)
        if folder is not None and out.is_relative_to(folder):
            raise BarometerError(
                "Utfila «{name}» ligger i inndatamappa «{folder}». "
                "Velg en utfil utenfor mappa, så inndataene ikke blir endret.",
                name=Path(output).name,
                folder=folder.name,
            )
        if out == source or _same_file(out, source):
            raise BarometerError(
                "Utfila «{name}» er samme fil som inndataene. Velg et annet filnavn, så inndataene ikke blir overskrevet.",
                name=Path(output).name,
            )


def _input_folder(source: Path) -> Path | None:
    from barometer_gui.core.readers import surveyxact_csv_folder

    if source.is_dir():
        return source
    return surveyxact_csv_folder(source) if source.is_file() else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _flush_to_disk(path: Path) -> None:
    """Without fsync a power cut right after the rename can leave an empty file in the target's place."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _mode_for(target: Path) -> int:
    """Keep a replaced file's permissions; a new file gets the user's normal ones (mkstemp makes 0600)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
