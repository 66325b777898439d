"""Write the shipped demo export: python scripts/make_demo.py [OUT.xlsx]"""

import sys
from pathlib import Path

from barometer_gui.core.importer import DEMO_FILE
from barometer_gui.demo_data import write_demo

if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEMO_FILE
    write_demo(out)
    print(out)
