"""Files out: images at 300 dpi / SVG text / embedded PDF fonts in slide and A4 sizes; CSV and JSON text
without control characters or live formulas."""

from __future__ import annotations

import json

import pytest
from matplotlib.figure import Figure
from PIL import Image

from barometer_gui.charts.mpl import render, save
from barometer_gui.charts.style import SIZES
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.export.tables import to_csv, to_json
from tests.test_charts import wide_survey


@pytest.mark.parametrize("size", ["slide", "a4"])
def test_png_svg_pdf_exports(demo_survey, tmp_path, size):
    figure = Figure()
    render(figure, tabulate(demo_survey, TableSpec("q1", by="type")), "bars", size=size)
    assert tuple(figure.get_size_inches()) == pytest.approx(SIZES[size])
    png = save(figure, tmp_path / "figur.png")
    with Image.open(png) as image:
        assert image.info["dpi"] == pytest.approx((300, 300), abs=0.5)
        assert image.size == pytest.approx((SIZES[size][0] * 300, SIZES[size][1] * 300), abs=1)
    svg = save(figure, tmp_path / "figur.svg").read_text(encoding="utf-8")
    assert "<text" in svg and "Har kommunen" in svg  # text kept as text, not paths
    pdf = save(figure, tmp_path / "figur.pdf").read_bytes()
    assert b"/FontFile2" in pdf  # TrueType font embedded
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figur.pdf", "figur.png", "figur.svg"]


def test_unknown_image_format_is_refused(demo_survey, tmp_path):
    figure = Figure()
    render(figure, tabulate(demo_survey, TableSpec("q2")))
    with pytest.raises(ValueError):
        save(figure, tmp_path / "figur.bmp")


def test_csv_and_json_carry_no_control_characters_or_live_formulas():
    survey = wide_survey(groups=3, labels=['=HYPERLINK("http://x","klikk")', "Ja\x01 takk", "@navn"], n=120)
    table = tabulate(survey, TableSpec("s", by="fylke"))
    text = to_csv(table)
    assert "\x01" not in text and "Ja\ufffd takk" in text
    assert "'=HYPERLINK" in text and "'@navn" in text
    for line in text.splitlines()[1:]:
        assert all(not field.startswith(("=", "+", "@")) for field in line.split(","))
    data = json.loads(to_json(table))
    options = {c["option"] for g in data["groups"] for c in g["cells"]}
    assert "Ja\ufffd takk" in options and not any("\x01" in o for o in options)
