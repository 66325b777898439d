"""Find the files in the top-level `resources/` folder (demo data, templates, guide, icons).

One rule for the three ways Barometer runs, so a resource that works from source works everywhere:
- a PyInstaller bundle unpacks them to `<bundle>/_internal/resources` (build.spec: `sys._MEIPASS`);
- a source checkout has them beside the package, `<checkout>/resources`;
- an installed wheel carries them as data files, `<prefix>/share/barometer/resources`
  (pyproject.toml `[tool.setuptools.data-files]`), located through the package metadata so a
  `--user` or virtual-environment install is found as well as a system one.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from barometer_gui.core.errors import BarometerError

_WHEEL_FOLDER = "share/barometer/resources"


def resource(*parts: str) -> Path:
    """The path of `resources/<parts…>`; a clear Norwegian error when the installation lacks it."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise BarometerError(
            "Programfila «{name}» mangler i installasjonen ({folder}). Installer Barometer på nytt.",
            name="/".join(parts),
            folder=resources_dir(),
        )
    return path


@cache
def resources_dir() -> Path:
    """The resources folder of this installation (the first of bundle, checkout, installed wheel)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parent.parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    installed = _installed_dir()
    if installed is not None:
        return installed
    raise BarometerError(
        "Barometer finner ikke mappa med programfiler (resources). Installer Barometer på nytt."
    )


def _installed_dir() -> Path | None:
    from importlib import metadata

    try:
        distribution = metadata.distribution("barometer")
    except metadata.PackageNotFoundError:
        return None
    for file in distribution.files or []:
        text = file.as_posix()
        if _WHEEL_FOLDER in text:
            return Path(
                distribution.locate_file(text[: text.index(_WHEEL_FOLDER) + len(_WHEEL_FOLDER)])
            ).resolve()
    return None
