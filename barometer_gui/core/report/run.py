"""`run_report`: the one function that turns a survey and a ReportSpec into a finished file.

The CLI and the wizard both call it. The extension of `out` picks the format; the writers are
imported only for the format asked for (python-pptx, XlsxWriter and matplotlib stay unloaded
otherwise). Everything is built before anything is written, and written through a temporary file
or folder renamed into place, so a cancel or a failure leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.i18n import using_language
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.report.content import Report, prepare
from barometer_gui.core.report.spec import ReportSpec
from barometer_gui.core.schema import Survey

FORMATS = {".pptx": "PowerPoint", ".xlsx": "Excel", ".pdf": "PDF", ".png": "PNG-bilder", ".svg": "SVG-bilder"}


@dataclass
class ReportResult:
    paths: list[Path]
    items: int
    skipped: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.paths[0]

    def summary(self) -> str:
        text = f"Lagret {', '.join(str(p) for p in self.paths)} ({self.items} spørsmål)."
        if self.skipped:
            text += f" Hoppet over {len(self.skipped)}: " + "; ".join(self.skipped)
        return text


def output_format(out: str | Path) -> str:
    suffix = Path(out).suffix.lower()
    if suffix not in FORMATS:
        raise BarometerError(f"Ukjent rapportformat «{suffix or Path(out).name}». Bruk {', '.join(FORMATS)}.")
    return suffix


def run_report(
    survey: Survey, spec: ReportSpec, out: str | Path | Sequence[str | Path], progress: Progress = no_progress
) -> ReportResult:
    """Tabulate the spec's items on `survey` once and write `out` (one path, or several formats at once).

    Every output is built in a hidden staging folder beside the first target and moved into place
    only when all are complete: a cancel or failure leaves no file and replaces nothing.
    Items that cannot be matched are skipped and listed in the result.
    """
    with using_language(spec.settings.language):  # the whole report in the spec's language
        return _run_report(survey, spec, out, progress)


def _run_report(survey: Survey, spec: ReportSpec, out, progress: Progress) -> ReportResult:
    targets = [Path(out)] if isinstance(out, str | Path) else [Path(o) for o in out]
    if not targets:
        raise BarometerError("Velg minst ett format for rapporten.")
    suffixes = [output_format(t) for t in targets]
    source = Path(survey.source).resolve() if survey.source else None
    if source is not None and any(t.resolve() in (source, source.with_suffix("")) for t in targets):
        raise BarometerError("Rapporten kan ikke skrives over datafila.")
    report = prepare(survey, spec, lambda f, m: progress(f * 0.5, m))
    if not report.questions:
        detail = (" " + "; ".join(report.skipped)) if report.skipped else ""
        raise BarometerError("Rapporten har ingen spørsmål som kan lages." + detail)
    parent = targets[0].parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".barometer-rapport-", dir=parent))
    except OSError as exc:
        raise BarometerError(f"Kan ikke skrive til «{parent}»: {exc.strerror or exc}.") from None
    try:
        staged = []
        share = 0.5 / len(targets)
        for index, (target, suffix) in enumerate(zip(targets, suffixes, strict=True)):
            part = _part(progress, 0.5 + index * share, share)
            staged.append(write(report, spec, stage / f"{index}-{target.name}", suffix, part))
        progress(1.0, "Flytter filene på plass …")
        paths = [
            _move(path, target, suffix)
            for path, target, suffix in zip(staged, targets, suffixes, strict=True)
        ]
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return ReportResult(paths, len(report.questions), report.skipped)


def _part(progress: Progress, start: float, share: float) -> Progress:
    """A writer reports 0.5 → 1 for its own work; map that onto its share of the whole run."""
    return lambda fraction, message: progress(start + max(fraction - 0.5, 0.0) * 2 * share, message)


def _move(staged: Path, target: Path, suffix: str) -> Path:
    if suffix in (".png", ".svg"):
        from barometer_gui.export.images import replace_folder

        folder = target.with_suffix("")
        replace_folder(folder, staged)
        return folder
    try:
        os.replace(staged, target)
    except OSError as exc:
        raise BarometerError(f"Kunne ikke lagre «{target.name}»: {exc.strerror or exc}.") from None
    return target


def write(report: Report, spec: ReportSpec, out: str | Path, suffix: str, progress: Progress) -> Path:
    if suffix == ".pptx":
        from barometer_gui.export.pptx import write_deck

        return write_deck(report, out, spec.settings.template, progress)
    if suffix == ".xlsx":
        from barometer_gui.export.xlsx import write_workbook

        return write_workbook(report, out, progress)
    if suffix == ".pdf":
        from barometer_gui.export.pdf import write_pdf

        return write_pdf(report, out, progress)
    from barometer_gui.export.images import write_images

    return write_images(report, out, suffix, progress)
