"""Which files beside a data file look like its codebook, for the window to offer before it reads.

Outside `core.importers` on purpose: the window asks this on the GUI thread when a file is opened,
and the importers package loads pandas, which would hold the window still for a third of a second
right after it first shows. Only file names are looked at here.
"""

from __future__ import annotations

import re
from pathlib import Path

_CODEBOOK_NAME = re.compile(
    r"(values|variables|codebook|kodebok|kodeliste|variabler|verdier|xlsform|skjema_?def)", re.I
)


def codebook_beside(path: str | Path) -> list[Path]:
    """Codebook-shaped files next to a data file (SoSci values.csv, *_kodebok.xlsx, an XLSForm), for the GUI to offer."""
    path = Path(path)
    return sorted(
        p
        for p in path.parent.iterdir()
        if p != path
        and p.is_file()
        and p.suffix.lower() in {".csv", ".txt", ".xlsx", ".xls"}
        and _CODEBOOK_NAME.search(p.stem)
    )
