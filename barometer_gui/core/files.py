"""Writing files so a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from barometer_gui.core.errors import BarometerError


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it into place only if the block succeeds."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise BarometerError(f"Kan ikke skrive til «{target.parent}»: {exc.strerror or exc}.") from None
    temp_path = Path(temp)
    try:
        yield temp_path
        os.chmod(temp_path, 0o666 & ~_umask())
        os.replace(temp_path, target)
    except OSError as exc:
        raise BarometerError(f"Kunne ikke lagre «{target.name}»: {exc.strerror or exc}.") from None
    finally:
        temp_path.unlink(missing_ok=True)


def atomic_write_text(target: str | Path, text: str) -> None:
    with atomic_path(target) as temp:
        temp.write_text(text, encoding="utf-8")


def atomic_write(target: str | Path, writer: Callable[[Path], None]) -> None:
    """Run `writer(temp_path)` and move the result to `target` when it completes."""
    with atomic_path(target) as temp:
        writer(temp)


def _umask() -> int:
    """mkstemp makes files private (0600); give finished files the user's normal permissions."""
    current = os.umask(0)
    os.umask(current)
    return current
