"""Entry point: no arguments (or a file) opens the window; a sub-command runs headless.

Only the light front door (`cli.front_door`) runs before the decision, so a
misspelt command is an error with a suggestion, never a window opening a file
called "tabel", and `--help` answers without loading pandas or Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
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
