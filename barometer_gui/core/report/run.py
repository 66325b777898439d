"""`run_report`: the one function that turns a survey and a ReportSpec into a finished file.

The CLI and the wizard both call it. The extension of `out` picks the format; the writers are
imported only for the format asked for (python-pptx, XlsxWriter and matplotlib stay unloaded
otherwise). Everything is built before anything is written, and written through a temporary file
or folder renamed into place, so a cancel or a failure leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.report.content import Report, prepare
from barometer_gui.core.report.spec import ReportSpec
from barometer_gui.core.schema import Survey

FORMATS = {".pptx": "PowerPoint", ".xlsx": "Excel", ".pdf": "PDF", ".png": "PNG-bilder", ".svg": "SVG-bilder"}


@dataclass
class ReportResult:
    path: Path
    items: int
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"Lagret {self.path} ({self.items} spørsmål)."
        if self.skipped:
            text += f" Hoppet over {len(self.skipped)}: " + "; ".join(self.skipped)
        return text


def output_format(out: str | Path) -> str:
    suffix = Path(out).suffix.lower()
    if suffix not in FORMATS:
        raise BarometerError(f"Ukjent rapportformat «{suffix or Path(out).name}». Bruk {', '.join(FORMATS)}.")
    return suffix


def run_report(
    survey: Survey, spec: ReportSpec, out: str | Path, progress: Progress = no_progress
) -> ReportResult:
    """Tabulate the spec's items on `survey` and write `out`; unmatched items are skipped and listed."""
    suffix = output_format(out)
    if Path(out).resolve() == Path(survey.source).resolve() if survey.source else False:
        raise BarometerError("Rapporten kan ikke skrives over datafila.")
    report = prepare(survey, spec, progress)
    if not report.questions:
        detail = (" " + "; ".join(report.skipped)) if report.skipped else ""
        raise BarometerError("Rapporten har ingen spørsmål som kan lages." + detail)
    path = write(report, spec, out, suffix, progress)
    progress(1.0, "Ferdig")
    return ReportResult(path, len(report.questions), report.skipped)


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
