"""Render every chart type from the demo data into docs/gallery/: matplotlib PNGs and native PowerPoint slides.

    python scripts/make_gallery.py            # PNGs, gallery.pptx, and the slides as PNG (needs LibreOffice)
    python scripts/make_gallery.py --no-pptx-png

The slides are converted with `soffice --headless --convert-to pdf` and `pdftoppm`; without them the
script says so and keeps the matplotlib pictures. The line chart needs several waves: the demo has one,
so three simulated waves are drawn from the demo generator with different seeds (marked as such).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matplotlib.figure import Figure  # noqa: E402

from barometer_gui.charts.model import KIND_LABELS, ChartData, chart_model, group_keys, wave_chart  # noqa: E402
from barometer_gui.charts.mpl import draw, save  # noqa: E402
from barometer_gui.charts.style import Style  # noqa: E402
from barometer_gui.core.importer import demo_path, open_survey  # noqa: E402
from barometer_gui.core.tabulate import TableSpec, tabulate  # noqa: E402

OUT = ROOT / "docs" / "gallery"
SOURCE = "KS Innovasjonsbarometeret 2024 (demodata)"
DPI = 100

#: name, table, chart type, chart options, what it shows
ENTRIES = [
    (
        "01-bars-sorted",
        TableSpec("q5"),
        "bars",
        {"order": "size"},
        "Liggende søyler, sortert etter størrelse",
    ),
    (
        "02-bars-grouped",
        TableSpec("q1", by="type"),
        "bars",
        {},
        "Grupperte søyler etter kommune/fylkeskommune",
    ),
    (
        "03-bars-benchmark",
        TableSpec("q5", benchmark=("fylke", "Vestland")),
        "bars",
        {},
        "Eget område, resten av landet og hele landet, med Wilson-intervaller",
    ),
    (
        "04-stacked-single",
        TableSpec("q1", by="landsdel"),
        "stacked",
        {},
        "100 % stablede søyler, «vet ikke» grå",
    ),
    ("05-stacked-grid", TableSpec("q6"), "stacked", {}, "100 % stablede søyler for et rutenett"),
    (
        "06-diverging-grid",
        TableSpec("q6"),
        "diverging",
        {},
        "Hemmer/fremmer, nøytral og «vet ikke» ved siden av",
    ),
    (
        "07-diverging-summary",
        TableSpec("q6", grid_summary=True),
        "diverging",
        {},
        "Hemmer/fremmer-oppsummering (vet ikke utenfor basen)",
    ),
    (
        "08-multiples-summary-by-type",
        TableSpec("q6", grid_summary=True, by="type"),
        "multiples",
        {},
        "Rutenett etter kommune/fylkeskommune: ett panel per gruppe",
    ),
    (
        "09-multiples-grid-by-type",
        TableSpec("q6", by="type"),
        "multiples",
        {},
        "Hele skalaen etter kommune/fylkeskommune",
    ),
    (
        "10-dots-fylke",
        TableSpec("q2", by="fylke"),
        "dots",
        {},
        "Punktdiagram: alle fylker sortert, hele landet som linje",
    ),
    (
        "11-dots-summary-landsdel",
        TableSpec("q6", grid_summary=True, by="landsdel"),
        "dots",
        {},
        "Punktdiagram for hemmer/fremmer per forhold og landsdel",
    ),
    ("12-numeric", TableSpec("q8", by="kommunestorrelse"), "bars", {}, "Gjennomsnitt per gruppe"),
    ("13-table", TableSpec("q1", by="type"), "table", {}, "Liten tabell"),
]


def models() -> list[tuple[str, str, ChartData]]:
    survey = open_survey(demo_path(), use_saved_mapping=False)
    out = []
    for name, spec, kind, options, what in ENTRIES:
        keys = group_keys(survey, spec)  # a group's colour follows its place in the whole breakdown
        out.append(
            (
                name,
                what,
                chart_model(tabulate(survey, spec), kind, source=SOURCE, colour_keys=keys, **options),
            )
        )
    out.append(("14-line-waves", "Linje over målinger (simulerte målinger fra demogeneratoren)", _waves()))
    return out


def _waves() -> ChartData:
    from barometer_gui.demo_data import write_demo

    waves = ["2020", "2022", "2024"]
    with tempfile.TemporaryDirectory() as folder:
        tables = []
        for wave in waves:
            path = write_demo(Path(folder) / f"demo{wave}.xlsx", seed=int(wave))
            tables.append(tabulate(open_survey(path, use_saved_mapping=False), TableSpec("q2")))
    data = wave_chart(tables, waves)
    data.source = "simulerte målinger (demodata)"
    return data


def render_png(entries: list[tuple[str, str, ChartData]]) -> None:
    style = Style(size="slide")
    for name, _what, data in entries:
        figure = Figure(figsize=style.figsize)
        draw(figure, data, style)
        save(figure, OUT / f"{name}.png", style, dpi=DPI)


def render_pptx(entries: list[tuple[str, str, ChartData]]) -> Path:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    from barometer_gui.export.pptx_charts import add_chart

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    for data in [page for _name, _what, chart in entries for page in chart.pages()]:  # as decks split them
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        for text, top, size, bold in (
            (data.title, 0.25, 20, True),
            (data.subtitle, 1.0, 13, False),
            (data.footer, 6.85, 10, False),
        ):
            box = slide.shapes.add_textbox(Inches(0.5), Inches(top), Inches(12.3), Inches(0.5))
            box.text_frame.word_wrap = True
            box.text_frame.text = text
            for run in box.text_frame.paragraphs[0].runs:
                run.font.size, run.font.bold = Pt(size), bold
        add_chart(slide, data, Inches(0.5), Inches(1.35), Inches(12.3), Inches(5.4))
    path = OUT / "gallery.pptx"
    deck.save(str(path))
    return path


def slides_to_png(deck: Path, entries: list[tuple[str, str, ChartData]]) -> bool:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("LibreOffice (soffice) or pdftoppm missing: the slides are not converted to PNG.")
        return False
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", folder, str(deck)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        pdf = Path(folder) / (deck.stem + ".pdf")
        subprocess.run([pdftoppm, "-png", "-r", "80", str(pdf), str(Path(folder) / "slide")], check=True)
        pages = iter(sorted(Path(folder).glob("slide-*.png"), key=lambda p: int(p.stem.split("-")[-1])))
        for name in slide_names(entries):
            shutil.move(str(next(pages)), OUT / f"{name}.png")
    return True


def slide_names(entries: list[tuple[str, str, ChartData]]) -> list[str]:
    """One picture per slide: "pptx-10-dots-fylke", and "-2", "-3" for the further slides of a split chart."""
    return [
        f"pptx-{name}" + (f"-{number}" if number > 1 else "")
        for name, _what, data in entries
        for number in range(1, len(data.pages()) + 1)
    ]


def write_index(entries: list[tuple[str, str, ChartData]], slides: bool) -> None:
    lines = [
        "# Diagramgalleri",
        "",
        "Alle diagramtypene tegnet fra demodataene med `python scripts/make_gallery.py`: først matplotlib "
        "(skjerm, PNG/SVG/PDF, rapportbilder), så samme diagram som redigerbart PowerPoint-diagram "
        "(gallery.pptx, vist gjennom LibreOffice).",
        "",
    ]
    for name, what, data in entries:
        lines += [f"## {what}", "", f"Type: {KIND_LABELS[data.kind]}.", "", f"![{what}]({name}.png)", ""]
        if slides:
            shown = slide_names([(name, what, data)])
            lines += [f"![{what} – PowerPoint]({n}.png)" for n in shown] + [""]
    (OUT / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pptx-png", action="store_true", help="do not convert the slides to PNG")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    entries = models()
    render_png(entries)
    deck = render_pptx(entries)
    slides = False if args.no_pptx_png else slides_to_png(deck, entries)
    write_index(entries, slides)
    print(f"{len(entries)} diagrammer i {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
