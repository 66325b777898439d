"""Entry point: no arguments (or a file) opens the window; a sub-command runs headless.

Only the light front door (`cli.front_door`) runs before the decision, so a
misspelt command is an error with a suggestion, never a window opening a file
called "tabel", and `--help` answers without loading pandas or Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def keep_matplotlib_cache() -> None:
    """Frozen bundle: matplotlib's font list is kept between starts, in the user's cache folder.

    PyInstaller's matplotlib hook points MPLCONFIGDIR at a new, empty temporary folder on every
    start (a one-file bundle unpacks to a new place each time), so each start, window or report,
    scanned the fonts again: seconds. A one-folder bundle stays where it is installed; if it
    moves, matplotlib rebuilds its list when a font file it names is missing.
    """
    if not getattr(sys, "frozen", False):
        return
    home = os.environ.get("BAROMETER_HOME")
    if home:
        folder = Path(home) / "cache" / "matplotlib"
    else:
        from platformdirs import user_cache_dir

        folder = Path(user_cache_dir("Barometer", appauthor=False)) / "matplotlib"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # the temporary folder still works, only slower
    os.environ["MPLCONFIGDIR"] = str(folder)


def main(argv: list[str] | None = None) -> int:
    keep_matplotlib_cache()
    from barometer_gui.cli import front_door, run, take_language
    from barometer_gui.core.errors import BarometerError

    argv, lang = take_language(list(sys.argv[1:] if argv is None else argv))
    if argv[:1] == ["--version"]:  # installers, IT inventory and the bundle smoke test ask this
        from barometer_gui import __version__

        print(f"barometer {__version__}")
        return 0
    try:
        face, rest = front_door(argv)
    except BarometerError as exc:
        print(f"barometer: {exc.message}", file=sys.stderr)
        return 2
    if face == "cli":
        return run(rest)
    from barometer_gui.ui.main import run_gui

    return run_gui(rest[0] if rest else None, lang=lang)


if __name__ == "__main__":
    sys.exit(main())
