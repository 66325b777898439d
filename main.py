"""Barometer. `python main.py` opens the window; `python main.py --help` lists the commands."""

import sys

from barometer_gui.app import main

if __name__ == "__main__":
    sys.exit(main())
