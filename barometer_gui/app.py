"""Entry point: no arguments (or a file) opens the window; a sub-command runs headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--version"]:  # installers, IT inventory and the bundle smoke test ask this
        from barometer_gui import __version__

        print(f"barometer {__version__}")
        return 0
    if argv and (argv[0] in ("inspect", "table", "report") or argv[0] in ("-h", "--help")):
        from barometer_gui.cli import run

        return run(argv)
    from barometer_gui.ui.main import run_gui

    return run_gui(argv[0] if argv else None)


if __name__ == "__main__":
    sys.exit(main())
