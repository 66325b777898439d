"""Open a survey export: read, detect the layout, apply (saved) mapping, build the `Survey`.

This is the one entry point the GUI worker, the CLI and the tests call.
"""

from __future__ import annotations

from pathlib import Path

from barometer_gui.core import mapping_store
from barometer_gui.core.detect import detect
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.mapping import Mapping, apply_mapping
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.readers import read_book
from barometer_gui.core.resources import resource
from barometer_gui.core.schema import Survey

DEMO_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "demo_innovasjonsbarometer.xlsx"


def demo_path() -> Path:
    """The built-in demo export (also inside a frozen bundle, see build.spec)."""
    return resource(DEMO_FILE.name)


def open_survey(
    path: str | Path,
    sheet: str | None = None,
    mapping: Mapping | str | Path | None = None,
    progress: Progress = no_progress,
    use_saved_mapping: bool = True,
) -> Survey:
    """Read an export and return the canonical survey.

    The mapping is, in order of precedence: the one given, one saved earlier
    for a survey with the same columns, or the one detection proposes.
    """
    survey, _ = open_with_mapping(path, sheet, mapping, progress, use_saved_mapping)
    return survey


def open_with_mapping(
    path: str | Path,
    sheet: str | None = None,
    mapping: Mapping | str | Path | None = None,
    progress: Progress = no_progress,
    use_saved_mapping: bool = True,
) -> tuple[Survey, Mapping]:
    path = Path(path)
    book = read_book(path, sheet, progress)
    progress(0.75, "Gjenkjenner spørsmålene …")
    raw, proposed = detect(book)
    if isinstance(mapping, str | Path):
        mapping = Mapping.load(mapping)
    if mapping is None and use_saved_mapping:
        mapping = mapping_store.find(proposed.signature, list(raw.columns))
    chosen = mapping or proposed
    progress(0.85, "Bygger spørsmålsmodellen …")
    survey = apply_mapping(raw, chosen, source=str(path))
    survey.warnings = book.notes + survey.warnings
    if not survey.questions:
        raise BarometerError(f"Fant ingen spørsmål i «{path.name}».")
    progress(1.0, "Ferdig")
    return survey, chosen
