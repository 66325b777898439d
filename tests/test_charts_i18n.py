"""Chart texts speak the chosen language: every word a chart draws goes through `t()`, with its English
entry in core/i18n/en_charts.py, and an English chart shows none of the bokmål words."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from pptx import Presentation
from pptx.util import Inches

from barometer_gui.charts.model import KIND_LABELS, Kind, chart_model, wave_chart
from barometer_gui.charts.mpl import draw
from barometer_gui.charts.style import PALETTE_NAMES
from barometer_gui.core.formatting import excel_percent_format
from barometer_gui.core.i18n import catalogue, en_charts, t, using_language
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.export.pptx_charts import add_chart

PACKAGE = Path(__file__).resolve().parent.parent / "barometer_gui"
MODULES = [*sorted((PACKAGE / "charts").glob("*.py")), PACKAGE / "export" / "pptx_charts.py"]
#: this branch's modules: their English lives in en_charts.py (other chart modules keep their own part)
OWN = {"model.py", "style.py", "mpl.py", "pptx_charts.py"}
#: literals that are words but never shown to a reader: font names, matplotlib and Excel keywords, and
#: the engine's row names of a numeric question, used only to look its cells up
TECHNICAL = {
    "DejaVu Sans", "Arial", "Liberation Sans", "General",
    "upper left", "upper right", "upper center", "offset points",
    "Gjennomsnitt", "Median",
}  # fmt: skip
#: a word for a reader: a letter outside ASCII (æøå), two words, or a capitalised word; hex colours are not
WORDY = re.compile(r"(?![\x00-\x7f])[^\W\d_]|[A-Za-z]\s+[A-Za-z]|^[A-Z][a-z]+")
HEX = re.compile(r"^#?[0-9A-Fa-f]{6}$")


def _t_literals(tree) -> list[ast.Constant]:
    return [
        node.args[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "t"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def _not_for_readers(tree) -> set[int]:
    """Docstrings, `t()`'s own argument, and texts of `raise` and `assert` (messages for developers)."""
    skip = {id(node) for node in _t_literals(tree)}
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.Raise | ast.Assert):
            skip |= {id(inner) for inner in ast.walk(node)}
    return skip


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_every_chart_text_has_an_english_entry_in_en_charts(module):
    sources = [node.value for node in _t_literals(ast.parse(module.read_text(encoding="utf-8")))]
    english = en_charts.EN if module.name in OWN else catalogue("en")
    missing = [s for s in sources if s not in english]
    assert missing == [], f"add to the English catalogue (core/i18n/en_charts.py for this branch): {missing}"


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_no_literal_word_in_charts_bypasses_t(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    skip = _not_for_readers(tree)
    offenders = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and node.value.strip() not in TECHNICAL
        and not HEX.match(node.value)
        and WORDY.search(node.value)
    ]
    assert offenders == [], f"wrap in t() (or, if never shown, add to TECHNICAL): {offenders}"


def test_the_checks_can_fail():
    """A bokmål literal passed straight to a drawing call is caught; the same text inside t() is not."""
    tree = ast.parse('axes.set_xlabel("Hele landet")\naxes.set_xlabel(t("Hele landet"))\n')
    skip = _not_for_readers(tree)
    flagged = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in skip]
    assert flagged == [1]
    assert WORDY.search("Hele landet") and WORDY.search("Uvektet") and WORDY.search("måling")
    assert not WORDY.search("offset") and not WORDY.search(" · ")


def _bokmal_words() -> list[str]:
    """Each catalogue entry's fixed text (placeholders cut out) that English changes."""
    parts = []
    for source, english in en_charts.EN.items():
        if source == english:
            continue
        parts += [p.strip(" .,:;()") for p in re.split(r"\{\w+\}", source)]
    return sorted({p for p in parts if len(p) >= 4 and p not in " ".join(en_charts.EN.values())})


SPECS = [
    (TableSpec("q1", by="type"), "bars", {}),
    (TableSpec("q5", benchmark=("fylke", "Vestland"), weight="vekt"), "bars", {}),
    (TableSpec("q1", by="landsdel"), "stacked", {}),
    (TableSpec("q6"), "diverging", {}),
    (TableSpec("q6", grid_summary=True, by="type"), "multiples", {}),
    (TableSpec("q2", by="fylke"), "dots", {}),
    (TableSpec("q8", by="type"), "bars", {}),
]


def _figure_texts(figure) -> list[str]:
    texts = [t.get_text() for t in figure.texts]
    for legend in figure.legends:
        texts += [t.get_text() for t in legend.get_texts()]
    for axes in figure.axes:
        texts += [t.get_text() for t in axes.texts] + [axes.get_xlabel(), axes.get_title(loc="left")]
        texts += [t.get_text() for t in axes.get_xticklabels()]
    return texts


def test_an_english_chart_draws_no_bokmal_chart_word(demo_survey, tmp_path):
    words = _bokmal_words()
    assert {"Uvektet", "Kilde", "Hele landet", "per delspørsmål", "Grupper"} <= set(words)
    tables = [(tabulate(demo_survey, spec), kind, options) for spec, kind, options in SPECS]
    with using_language("en"):
        models = [chart_model(table, kind, source="KS 2024", **options) for table, kind, options in tables]
        models.append(wave_chart([tables[0][0], tables[0][0]], ["2022", "2024"]))
        texts = []
        for data in models:
            figure = Figure(figsize=(13.333, 7.5))
            draw(figure, data)
            texts += [*_figure_texts(figure), data.alt_text]
        deck = Presentation()
        for data in models:
            add_chart(deck.slides.add_slide(deck.slide_layouts[6]), data, 0, 0, Inches(12), Inches(6))
        deck.save(str(tmp_path / "english.pptx"))
    for slide in Presentation(str(tmp_path / "english.pptx")).slides:
        for shape in slide.shapes:
            if shape.has_chart:
                chart = shape.chart
                texts += [s.name for s in chart.plots[0].series]
                texts += [x.text for x in chart._chartSpace.iter("{*}t")]
    drawn = "\n".join(texts)
    assert "Source: KS 2024." in drawn and "Unweighted" in drawn and "Weighted (vekt)" in drawn
    assert "Whole country" in drawn and "◀ Hinders" in drawn
    answers = " ".join(  # the survey's own texts stay as they are ("Under utarbeiding")
        " ".join([q.text, *q.options, *[i or "" for i in q.items]]) for q in demo_survey.questions
    )
    found = [w for w in words if w in drawn and w not in answers]
    assert found == [], f"bokmål chart words in an English chart: {found}"


def test_names_of_chart_types_and_palettes_follow_the_language():
    assert KIND_LABELS[Kind.BARS] == "Liggende søyler" and set(KIND_LABELS) == set(Kind)
    with using_language("en"):
        assert KIND_LABELS[Kind.BARS] == "Horizontal bars"
        assert PALETTE_NAMES["tol"] == "Tol (muted)"
        assert excel_percent_format(1) == "0.0%"
        assert t("Hele landet {values}", values="9 %") == "Whole country 9 %"
    assert excel_percent_format(1) == "0.0 %"
