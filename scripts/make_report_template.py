"""Write resources/templates/barometer-16x9.pptx: the clean 16:9 template reports use by default.

Made from python-pptx's own default (4:3, Office layouts) by widening every master and layout
placeholder to 16:9 and giving titles a calm, left-aligned dark-blue style. Run:
    python scripts/make_report_template.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "templates" / "barometer-16x9.pptx"
BLUE = "1F4E79"
GREY = "404040"
#: «Title and Content»: title and content placeholder boxes (inches) on the 13.33 × 7.5 slide.
BOXES = {0: (0.6, 0.3, 12.13, 1.1), 1: (0.6, 1.45, 12.13, 5.6)}


def main() -> int:
    deck = Presentation()
    old_width = deck.slide_width
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    factor = deck.slide_width / old_width
    master = deck.slide_master
    for shapes in [master.shapes, *(layout.shapes for layout in deck.slide_layouts)]:
        for shape in shapes:
            if shape._element.xpath(
                "./p:spPr/a:xfrm"
            ):  # only own positions; inherited ones follow the master
                shape.left, shape.width = Emu(int(shape.left * factor)), Emu(int(shape.width * factor))
    styles = master._element.find(qn("p:txStyles"))
    _style(styles.find(qn("p:titleStyle")), size=2800, colour=BLUE, bold=True, align="l")
    _style(styles.find(qn("p:bodyStyle")), size=1800, colour=GREY, bold=False, align=None)
    for layout in deck.slide_layouts:
        for shape in layout.placeholders:
            if shape.placeholder_format.type in (1, 3):  # titles: left-aligned, higher up
                for paragraph in shape.text_frame.paragraphs:
                    paragraph.alignment = 1
            if layout.name == "Title and Content" and shape.placeholder_format.idx in BOXES:
                _place(shape, BOXES[shape.placeholder_format.idx])
    _title_slide(next(lay for lay in deck.slide_layouts if lay.name == "Title Slide"))
    for layout in deck.slide_layouts:
        for element in layout._element.iter(qn("a:lvl1pPr")):
            if element.get("algn") == "ctr":
                element.set("algn", "l")  # everything left-aligned, as the content slides are
        for element in layout._element.iter(qn("a:defRPr")):
            element.attrib.pop("cap", None)  # section titles in normal case, not capitals
    OUT.parent.mkdir(parents=True, exist_ok=True)
    deck.save(str(OUT))
    print(OUT)
    return 0


def _place(shape, box: tuple[float, float, float, float]) -> None:
    """Give a placeholder its own position (left, top, width, height in inches)."""
    shape.left, shape.top, shape.width, shape.height = (Inches(v) for v in box)


def _title_slide(layout) -> None:
    """A large title and the subtitle under it, both from the same left edge."""
    title, subtitle = layout.placeholders[0], layout.placeholders[1]
    _place(title, (0.9, 2.2, 11.5, 1.6))
    _place(subtitle, (0.9, 3.9, 11.5, 1.2))
    body = title._element.get_or_add_txBody()
    styles = body.find(qn("a:lstStyle"))
    if styles is None:
        styles = body.makeelement(qn("a:lstStyle"), {})
        body.find(qn("a:bodyPr")).addnext(styles)
    level = styles.find(qn("a:lvl1pPr"))
    if level is None:
        level = styles.makeelement(qn("a:lvl1pPr"), {})
        styles.append(level)
    level.set("algn", "l")
    props = level.find(qn("a:defRPr"))
    if props is None:
        props = level.makeelement(qn("a:defRPr"), {})
        level.append(props)
    props.set("sz", "4000")


def _style(style, size: int, colour: str, bold: bool, align: str | None) -> None:
    """Set level-1 size/colour (and alignment) in a master text style, as PowerPoint's own editor does."""
    level = style.find(qn("a:lvl1pPr"))
    if align:
        level.set("algn", align)
    run = level.find(qn("a:defRPr"))
    run.set("sz", str(size))
    if bold:
        run.set("b", "1")
    for old in run.findall(qn("a:solidFill")):
        run.remove(old)
    fill = run.makeelement(qn("a:solidFill"), {})
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": colour}))
    run.insert(0, fill)


if __name__ == "__main__":
    sys.exit(main())
