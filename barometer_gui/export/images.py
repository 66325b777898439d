"""The report's charts as image files: PNG at 300 dpi or SVG with text kept as text.

One file per question item, named after the item, in a folder named after the output
(`rapport.png` → folder `rapport/`). The folder is written as a hidden temporary folder beside it
and renamed into place when complete; an existing folder is replaced only if it holds nothing but
images (so a wrong name can never wipe someone's documents).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from barometer_gui.charts.model import ChartData
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.footnote import footnote
from barometer_gui.core.i18n import t
from barometer_gui.core.progress import Progress, no_progress
from barometer_gui.core.report.content import Report
from barometer_gui.export.pdf import draw_chart_only

DPI = 300


def write_images(report: Report, out: str | Path, suffix: str, progress: Progress = no_progress) -> Path:
    from matplotlib import rc_context

    folder = Path(out).with_suffix("")
    _check_replaceable(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError as exc:
        raise BarometerError(
            "Kan ikke skrive til «{folder}»: {reason}.", folder=folder.parent, reason=exc.strerror or exc
        ) from None
    try:
        with rc_context({"text.parse_math": False}):  # survey text is text, never mathtext (see pdf.FONTS)
            _draw_all(report, temp, suffix, progress)
        replace_folder(folder, temp)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return folder


def _draw_all(report: Report, temp: Path, suffix: str, progress: Progress) -> None:
    """One file per question item, named after the item."""
    from matplotlib.figure import Figure

    from barometer_gui.charts.mpl import draw, save
    from barometer_gui.charts.style import Style

    questions = report.questions
    for number, (block, name) in enumerate(zip(questions, file_names(questions), strict=True), start=1):
        progress(
            0.5 + 0.45 * number / len(questions),
            t("Lager bilde {n} av {total} …", n=number, total=len(questions)),
        )
        style = Style(size="slide")
        figure = Figure(figsize=style.figsize)
        draw(figure, with_footnote(block), style)
        save(figure, temp / f"{name}{suffix}", style, dpi=DPI)


def with_footnote(block) -> ChartData:
    """The item's chart with the report's title and subtitle, and the one footnote (core.footnote, with
    the report's note on the item, which says when whiskers are drawn) in place of the chart's own
    base, weighting, notes and source, exactly as the deck and the PDF say it."""
    note = footnote(block.table)
    text, *method = note.lines(block.note)
    return replace(
        block.chart(),
        title=block.title,
        subtitle=block.subtitle,
        base=text,
        weighting="",
        notes=method,
        source="",
    )


def file_names(blocks) -> list[str]:
    """«01 Har kommunen en skriftlig innovasjonsstrategi» – safe on Windows, numbered in report order."""
    names = []
    for number, block in enumerate(blocks, start=1):
        text = re.sub(r'[<>:"/\\|?*\x00-\x1f]', " ", block.title)
        text = " ".join(text.split()).rstrip(". ")
        if len(text) > 60:
            text = text[:61].rsplit(" ", 1)[0]  # whole words only
        names.append(f"{number:02d} {text}")
    return names


def _only_images(folder: Path) -> bool:
    return folder.is_dir() and all(
        p.is_file() and p.suffix.lower() in (".png", ".svg") for p in folder.iterdir()
    )


def _check_replaceable(folder: Path) -> None:
    if folder.exists() and not _only_images(folder):
        raise BarometerError(
            "Mappa «{name}» finnes og inneholder andre filer; velg et annet navn.", name=folder.name
        )


def replace_folder(folder: Path, temp: Path) -> None:
    """Move the finished folder into place; an old folder is moved aside first and removed after."""
    _check_replaceable(folder)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o777 & ~umask)  # mkdtemp made it private; a finished folder gets normal rights
    old = None
    try:
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}-old-", dir=folder.parent))
            os.replace(folder, old / folder.name)
        os.replace(temp, folder)
    except OSError as exc:
        if old is not None and not folder.exists():
            os.replace(old / folder.name, folder)
        raise BarometerError(
            "Kunne ikke lagre «{name}»: {reason}.", name=folder.name, reason=exc.strerror or exc
        ) from None
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def chart_png(block, size: tuple[float, float] = (4.8, 3.0), dpi: int = 80) -> bytes:
    """A small PNG of an item's chart alone, for previews in the wizard."""
    import io

    from matplotlib import rc_context
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=dpi)
    with rc_context({"text.parse_math": False}):
        draw_chart_only(figure, block, (0, 0, 1, 1), size="screen")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
