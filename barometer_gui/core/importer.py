"""Open a survey export: read, detect the layout, apply (saved) mapping, build the `Survey`.

This is the one entry point the GUI worker, the CLI and the tests call.
"""

from __future__ import annotations

from pathlib import Path

from barometer_gui.core import mapping_store
from barometer_gui.core.errors import BarometerError, Message
from barometer_gui.core.i18n import t
from barometer_gui.core.importers import detect, plausibility, read_codebook
from barometer_gui.core.importers.refusals import reexport
from barometer_gui.core.mapping import Mapping, apply_mapping
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.readers import RawBook, read_book
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
    codebook: str | Path | None = None,
) -> Survey:
    """Read an export and return the canonical survey.

    The mapping is, in order of precedence: the one given, one saved earlier
    for a survey with the same columns, or the one detection proposes.
    """
    survey, _ = open_with_mapping(path, sheet, mapping, progress, use_saved_mapping, codebook)
    return survey


def open_with_mapping(
    path: str | Path,
    sheet: str | None = None,
    mapping: Mapping | str | Path | None = None,
    progress: Progress = no_progress,
    use_saved_mapping: bool = True,
    codebook: str | Path | None = None,
) -> tuple[Survey, Mapping]:
    path = Path(path)
    book = _read(path, sheet, progress)
    progress(0.75, t("Gjenkjenner spørsmålene …"))
    extra = None
    if codebook is not None:
        first = next(iter(book.sheets.values()), None)
        extra = read_codebook(codebook, [] if first is None else list(first.columns))
    raw, proposed = detect(book, path.name, extra)
    saved = ""
    store_notes: list[str] = []  # saved mappings that could not be used, and why
    if isinstance(mapping, str | Path):
        saved = str(mapping)
        mapping = mapping_store.load_file(mapping)
    if mapping is None and use_saved_mapping:
        mapping = mapping_store.find(proposed.signature, list(raw.columns), store_notes)
        if mapping is not None:
            saved = str(mapping_store.store_dir() / mapping_store.file_name(mapping.signature))
    chosen = mapping or proposed
    progress(0.85, t("Bygger spørsmålsmodellen …"))
    survey = apply_mapping(raw, chosen, source=str(path))
    notes = (
        [Message("Lagret kobling brukt: {path} (åpne uten den med --no-saved-mapping).", path=saved)]
        if saved
        else []
    )
    if book.kind == "csv" and path.suffix.lower() in {".xlsx", ".xlsm", ".xls"}:
        notes.append(
            Message(
                "«{name}» heter {suffix}, men er en tekstfil (CSV); den er lest som tekst.",
                name=path.name,
                suffix=path.suffix,
            )
        )
    survey.warnings = (
        notes + store_notes + book.notes + (proposed.notes if chosen is proposed else []) + survey.warnings
    )
    survey.warnings += plausibility.full_share(survey)
    survey.saved_mapping = saved
    if not survey.questions:
        raise BarometerError("Fant ingen spørsmål i «{name}». {next}", name=path.name, next=reexport())
    progress(1.0, t("Ferdig"))
    return survey, chosen


def _read(path: Path, sheet: str | None, progress: Progress) -> RawBook:
    """Read the file; when its extension lies (text or random bytes named .xlsx) say what it is."""
    try:
        return read_book(path, sheet, progress)
    except BarometerError as exc:
        claimed = path.suffix.lower() in {".xlsx", ".xlsm", ".xls"}
        if not claimed or not path.is_file() or _head(path).startswith((b"PK", b"\xd0\xcf")):
            raise
        said = {"name": path.name, "suffix": path.suffix, "reason": exc, "next": reexport()}
        if _is_text(path):
            raise BarometerError(
                "«{name}» heter {suffix}, men er en tekstfil. {reason} {next}", **said
            ) from None
        raise BarometerError(
            "«{name}» heter {suffix}, men er verken en Excel-fil eller en tekstfil (ukjente binære data). {reason} {next}",
            **said,
        ) from None


def _head(path: Path, size: int = 4096) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


def _is_text(path: Path) -> bool:
    head = _head(path)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return not any(b < 9 for b in head)
    return b"\x00" not in head
