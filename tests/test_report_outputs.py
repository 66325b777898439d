"""Every report format opened and checked: deck, workbook, PDF, images; atomic writes and cancel."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches

from barometer_gui.core.errors import BarometerError, Cancelled
from barometer_gui.core.report import Item, Settings, question_item, run_report
from barometer_gui.core.report.spec import spec_from_views
from barometer_gui.core.tabulate import TableSpec, tabulate

VIEWS = [
    TableSpec("q1", by="kommunestorrelse"),
    TableSpec("q5", benchmark=("fylke", "Vestland")),
    TableSpec("q6"),
    TableSpec("q8", by="type"),
]


@pytest.fixture(scope="module")
def spec(demo_survey):
    items = [question_item(v, Settings(), demo_survey.question(v.question).text) for v in VIEWS]
    items[0] = replace(items[0], table=True)
    report = spec_from_views(items, "Testrapport", {"file": "demo"})
    report.items[1:1] = [Item("section", "Strategi")]
    report.items.append(Item("text", "Neste steg", "Drøft resultatene."))
    return report


def custom_template(path, potx: bool = False):
    """A 4:3 template with a red background and the content box in the right half, title at the bottom."""
    deck = Presentation()
    master = deck.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor(0xFF, 0xEE, 0xEE)
    layout = next(lay for lay in deck.slide_layouts if lay.name == "Title and Content")
    layout.name = "Min innholdsside"
    title, body = layout.placeholders[0], layout.placeholders[1]
    title.left, title.top, title.width, title.height = Inches(0.5), Inches(6.2), Inches(9), Inches(1)
    body.left, body.top, body.width, body.height = Inches(4), Inches(0.5), Inches(5.5), Inches(5.5)
    deck.slides.add_slide(layout)  # an example slide the report must not keep
    buffer = io.BytesIO()
    deck.save(buffer)
    data = buffer.getvalue()
    if potx:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                content = source.read(info)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(b"presentation.main+xml", b"template.main+xml")
                target.writestr(info, content)
        data = out.getvalue()
    path.write_bytes(data)
    return path


def _charts(deck):
    return [(slide, shape) for slide in deck.slides for shape in slide.shapes if shape.has_chart]


def test_deck_has_native_charts_equal_to_the_engine_with_notes_alt_text_and_numbers(
    demo_survey, spec, tmp_path
):
    result = run_report(demo_survey, spec, tmp_path / "rapport.pptx")
    deck = Presentation(str(result.path))
    slides = list(deck.slides)
    assert slides[0].shapes.title.text == "Testrapport"
    assert slides[1].shapes.title.text == "Strategi"
    assert slides[-1].shapes.title.text == "Om tallene"
    charts = _charts(deck)
    assert len(charts) == 4
    assert not [s for slide in slides for s in slide.shapes if s.shape_type == 13], "no pictures: all native"
    table = tabulate(demo_survey, TableSpec("q1", by="kommunestorrelse"))
    chart = charts[0][1].chart
    drawn = {
        s.name.split(" (")[0].rstrip("*"): s for s in chart.plots[0].series
    }  # bars are written bottom-up
    for group in [g for g in table.groups if not g.suppressed]:
        by_option = dict(zip(chart.plots[0].categories, drawn[group.label].values, strict=True))
        assert by_option == pytest.approx({c.option: c.pct / 100 for c in group.cells})
    for slide, shape in charts:
        assert shape._element.xpath("./*[1]/p:cNvPr/@descr")[0].startswith("Diagram:")
        assert "Antall svar (n)" in slide.notes_slide.notes_text_frame.text
    texts = [" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides]
    q5 = next(t for t in texts if "samarbeidet" in t)
    assert "Vestland mot resten av landet" in q5 and "Antall svar: Totalt" in q5 and "Vestland 22" in q5
    assert "Strekene viser 95 % konfidensintervall" in q5, "the benchmark chart draws intervals and says so"
    assert not any("Strekene" in t for t in texts if "innovasjonsstrategi" in t), "no intervals, no note"
    assert "p = <" not in " ".join(texts) and "Kjikvadrattest" not in " ".join(texts)
    tables = [s for slide in slides for s in slide.shapes if s.has_table]
    assert len(tables) == 1 and tables[0]._element.xpath("./*[1]/p:cNvPr/@descr")[0]
    assert tables[0].table.cell(1, 1).text.replace("\u00a0", " ").endswith("%")
    for slide in slides[1:]:
        assert slide.shapes._spTree.xpath(".//a:fld[@type='slidenum']"), (
            "slide number on every slide but the title"
        )


@pytest.mark.parametrize("potx", [False, True])
def test_user_template_layouts_and_placeholders_are_used(demo_survey, spec, tmp_path, potx):
    template = custom_template(tmp_path / ("mal.potx" if potx else "mal.pptx"), potx)
    custom = replace(spec, settings=replace(spec.settings, template=str(template)))
    deck = Presentation(str(run_report(demo_survey, custom, tmp_path / "egen.pptx").path))
    assert deck.slide_width == Inches(10) and "FFEEEE" in deck.slide_master.background._cSld.xml.upper()
    for slide, shape in _charts(deck):
        assert slide.slide_layout.name == "Min innholdsside"
        assert slide.shapes.title.top == Inches(6.2), "title in the layout's own title placeholder"
        assert shape.left == Inches(4) and shape.width == Inches(5.5)
        assert Inches(0.5) <= shape.top and shape.top + shape.height <= Inches(6)
    assert deck.slides[0].shapes.title.text == "Testrapport", "the template's example slide is gone"


def test_workbook_sheets_numbers_and_no_formulas(demo_survey, spec, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    hostile = replace(demo_survey.question("q1"), options=list(demo_survey.question("q1").options))
    assert hostile.options
    survey = replace(demo_survey, data=demo_survey.data.copy())
    column = hostile.columns[0]
    renamed = {"Nei": '=HYPERLINK("http://x","klikk")', "Vet ikke": "+47 lykke", "Under utarbeiding": "@navn"}
    survey.data[column] = survey.data[column].cat.rename_categories(lambda c: renamed.get(c, c))
    survey.questions = [
        replace(q, options=[renamed.get(o, o) for o in q.options]) if q.id == "q1" else q
        for q in survey.questions
    ]
    out = run_report(survey, spec, tmp_path / "rapport.xlsx").path
    book = load_workbook(out)
    assert book.sheetnames[0] == "Innhold" and len(book.sheetnames) == 1 + 4
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
    first = book.worksheets[1]
    labels = [first.cell(r, 1).value for r in range(1, first.max_row + 1)]
    assert '=HYPERLINK("http://x","klikk")' in labels and "@navn" in labels
    table = tabulate(survey, TableSpec("q1", by="kommunestorrelse"))
    row = labels.index(table.options[0]) + 1
    assert first.cell(row, 2).value == pytest.approx(table.groups[0].cells[0].pct / 100)
    assert isinstance(first.cell(row, 3).value, float) and "%" in first.cell(row, 2).number_format
    assert first.freeze_panes == "B7"
    assert first._charts, "a native Excel chart beside the table"
    assert "Effektivt antall (vektet)" not in labels, "an unweighted table has no effective-base row"
    contents = book["Innhold"]
    assert any(c.hyperlink is not None and c.hyperlink.location for c in contents["A"])


def test_weighted_workbook_gives_the_effective_base(demo_survey, spec, tmp_path):
    from openpyxl import load_workbook

    weighted = replace(spec, settings=replace(spec.settings, weight="vekt"))
    sheet = load_workbook(run_report(demo_survey, weighted, tmp_path / "vektet.xlsx").path).worksheets[1]
    labels = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    row = labels.index("Effektivt antall (vektet)") + 1
    table = tabulate(demo_survey, TableSpec("q1", by="kommunestorrelse", weight="vekt"))
    assert sheet.cell(row, 2).value == pytest.approx(round(table.groups[0].effective_base, 1))


def test_pdf_pages_text_and_embedded_fonts(demo_survey, spec, tmp_path):
    from pypdf import PdfReader

    reader = PdfReader(run_report(demo_survey, spec, tmp_path / "rapport.pdf").path)
    # title, section, q1 (chart, then its 6-column table), q5 (table beside), q6 (chart, then 40 rows on 2 pages),
    # q8 (beside), text, method
    assert len(reader.pages) == 11
    text = [page.extract_text() for page in reader.pages]
    assert "Testrapport" in text[0]
    assert (
        "Har kommunen/fylkeskommunen en skriftlig innovasjonsstrategi?" in text[2]
        and "Side 3 av 11" in text[2]
    )
    assert "Antall svar" in text[2] and "Om tallene" in text[-1]
    fonts = reader.pages[2]["/Resources"]["/Font"]
    for font in fonts.values():
        descriptor = (
            font.get_object().get("/FontDescriptor")
            or font.get_object()["/DescendantFonts"][0]["/FontDescriptor"]
        )
        assert "/FontFile2" in descriptor.get_object(), "TrueType font embedded"


def test_images_one_file_per_item_png_300_dpi_and_svg_text(demo_survey, spec, tmp_path):
    from PIL import Image

    result = run_report(demo_survey, spec, [tmp_path / "bilder.png", tmp_path / "vektor.svg"])
    pngs = sorted((tmp_path / "bilder").iterdir())
    assert [p.name[:3] for p in pngs] == ["01 ", "02 ", "03 ", "04 "] and pngs[0].name.startswith(
        "01 Har kommunen"
    )
    assert round(Image.open(pngs[0]).info["dpi"][0]) == 300
    svg = sorted((tmp_path / "vektor").iterdir())[0].read_text(encoding="utf-8")
    assert "<text" in svg and "Ja, politisk vedtatt" in svg
    assert result.paths == [tmp_path / "bilder", tmp_path / "vektor"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bilder", "vektor"]


def test_cancel_or_failure_leaves_nothing_and_keeps_the_old_file(demo_survey, spec, tmp_path):
    old = tmp_path / "rapport.pptx"
    old.write_bytes(b"forrige rapport")
    calls = []

    def cancel_late(fraction, message):
        calls.append(fraction)
        if fraction > 0.8:
            raise Cancelled()

    with pytest.raises(Cancelled):
        run_report(demo_survey, spec, [old, tmp_path / "rapport.xlsx", tmp_path / "rapport.png"], cancel_late)
    assert (
        sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pptx"]
        and old.read_bytes() == b"forrige rapport"
    )
    broken = replace(spec, settings=replace(spec.settings, template=str(old)))
    with pytest.raises(BarometerError, match="Malen"):
        run_report(demo_survey, broken, tmp_path / "ny.pptx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pptx"]
    with pytest.raises(BarometerError, match="format"):
        run_report(demo_survey, spec, tmp_path / "rapport.docx")


@pytest.mark.parametrize(
    ("kind", "chart_type", "charts"),
    [
        ("stacked", "BAR_STACKED_100", 1),
        ("dots", "XY_SCATTER", 5),
        ("table", None, 0),
        ("diverging", "BAR_CLUSTERED", 1),
    ],
)
def test_item_chart_kind_is_drawn_natively_and_a_kind_that_does_not_fit_falls_back(
    demo_survey, tmp_path, kind, chart_type, charts
):
    from pptx.enum.chart import XL_CHART_TYPE

    text = demo_survey.question("q1").text
    item = replace(question_item(TableSpec("q1", by="landsdel"), Settings(), text), chart=kind)
    spec = spec_from_views([item], "Typer", {"file": "demo"})
    deck = Presentation(str(run_report(demo_survey, spec, tmp_path / "typer.pptx").path))
    slide = next(s for s in deck.slides if s.shapes.title.text == text)
    found = [s.chart for s in slide.shapes if s.has_chart]
    assert len(found) == charts
    if chart_type is None:  # the chart kind "table" is a native table in the chart's place
        assert [s for s in slide.shapes if s.has_table]
        return
    if kind == "diverging":  # fits grids only: q1 falls back to the best fitting kind (bars)
        assert found[0].chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert all(c.chart_type == getattr(XL_CHART_TYPE, chart_type) for c in found)
    pdf = run_report(demo_survey, spec, tmp_path / "typer.pdf").path
    assert pdf.stat().st_size > 10000
