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
from barometer_gui.core.i18n import t, using_language
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
        text = t(
            "Lagret {paths} ({count} spørsmål).",
            paths=", ".join(str(p) for p in self.paths),
            count=self.items,
        )
        if self.skipped:
            text += " " + t(
                "Hoppet over {count}: {items}", count=len(self.skipped), items="; ".join(self.skipped)
            )
        return text


def output_format(out: str | Path) -> str:
    suffix = Path(out).suffix.lower()
    if suffix not in FORMATS:
        raise BarometerError(
            "Ukjent rapportformat «{suffix}». Bruk {formats}.",
            suffix=suffix or Path(out).name,
            formats=", ".join(FORMATS),
        )
    return suffix


def run_report(
    survey: Survey, spec: ReportSpec, out: str | Path | Sequence[str | Path], progress: Progress = no_progress
) -> ReportResult:
    """Tabulate the spec's items on `survey` once and write `out` (one path, or several formats at once).

    Every output is built in a hidden staging folder beside the first target and moved into place
    only when all are complete: a cancel or failure leaves no file and replaces nothing.
    Items that cannot be matched are skipped and listed in the result.
    """
    targets = [Path(out)] if isinstance(out, str | Path) else [Path(o) for o in out]
    if not targets:
        raise BarometerError("Velg minst ett format for rapporten.")
    suffixes = [output_format(target) for target in targets]
    source = Path(survey.source).resolve() if survey.source else None
    if source is not None and any(x.resolve() in (source, source.with_suffix("")) for x in targets):
        raise BarometerError("Rapporten kan ikke skrives over datafila.")
    with using_language(spec.settings.language):  # the report is written in its own language
        return _run(survey, spec, targets, suffixes, progress)


def _run(
    survey: Survey, spec: ReportSpec, targets: list[Path], suffixes: list[str], progress: Progress
) -> ReportResult:
    report = prepare(survey, spec, lambda f, m: progress(f * 0.5, m))
    if not report.contents:
        if report.skipped:
            raise BarometerError(
                "Rapporten har ingen spørsmål som kan lages. {skipped}", skipped="; ".join(report.skipped)
            )
        raise BarometerError("Rapporten har ingen spørsmål som kan lages.")
    parent = targets[0].parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".barometer-rapport-", dir=parent))
    except OSError as exc:
        raise BarometerError(
            "Kan ikke skrive til «{folder}»: {reason}.", folder=parent, reason=exc.strerror or exc
        ) from None
    try:
        staged = []
        share = 0.5 / len(targets)
        for index, (target, suffix) in enumerate(zip(targets, suffixes, strict=True)):
            part = _part(progress, 0.5 + index * share, share)
            staged.append(write(report, spec, stage / f"{index}-{target.name}", suffix, part))
        progress(1.0, t("Flytter filene på plass …"))
        paths = [
            _move(path, target, suffix)
            for path, target, suffix in zip(staged, targets, suffixes, strict=True)
        ]
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    skipped = list(report.skipped)
    if any(s in (".png", ".svg") for s in suffixes):
        skipped += [
            t(
                "«{item}»: fritekst blir ikke bilde (bildene er diagrammer); svarene står i PowerPoint, Excel og PDF",
                item=b.title,
            )
            for b in report.blocks
            if b.kind == "freetext"
        ]
    return ReportResult(paths, len(report.contents), skipped)


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
        raise BarometerError(
            "Kunne ikke lagre «{name}»: {reason}.", name=target.name, reason=exc.strerror or exc
        ) from None
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
