"""Update the window's translation catalogues from the code, then compile them: `python scripts/make_translations.py`.

1. `pyside6-lupdate` reads every `self.tr("…")`, `QCoreApplication.translate("Context", "…")` and
   `QT_TRANSLATE_NOOP("Context", "…")` in barometer_gui/ui/ and updates
   resources/translations/barometer_<lang>.ts: new texts arrive as unfinished, translations of texts
   that still exist are kept, texts gone from the code are dropped (-no-obsolete).
2. Translate the unfinished entries (Qt Linguist, or by hand in the XML: fill <translation> and
   remove type="unfinished"); tests/test_i18n_ui.py fails while one is left.
3. `pyside6-lrelease` compiles each .ts into the .qm that ui/main.py loads.

No line numbers are written into the .ts (-locations none), so moving code does not touch it.
Run it again after step 2 to compile (it is safe to run any number of times).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "barometer_gui" / "ui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("en",)


def tool(name: str) -> str:
    """The Qt tool beside this Python (the project's .venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the project's environment (uv sync) first")
    return found


def update(language: str) -> Path:
    ts = FOLDER / f"barometer_{language}.ts"
    sources = sorted(str(path.relative_to(ROOT)) for path in UI.glob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "nb_NO",
            "-target-language",
            language,
            "-ts",
            str(ts.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )
    return ts


def compile_catalogue(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
    return qm


def main() -> None:
    for language in LANGUAGES:
        compile_catalogue(update(language))


if __name__ == "__main__":
    main()
