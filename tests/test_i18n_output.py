"""Tables, footnotes and exports in bokmål and English: the same numbers, the words and formats of the language.

Every `t()` source in the output modules has an English entry; no user-visible literal in them
bypasses `t()`; a table or report made under `using_language("en")` has English words and number
formats and exactly the numbers of the bokmål one.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from barometer_gui.core.formatting import fmt_diff, fmt_int, fmt_number, fmt_p, fmt_pct
from barometer_gui.core.i18n import catalogue, language, set_language, using_language
from barometer_gui.core.tabulate import Role, Stat, TableSpec, tabulate

PACKAGE = Path(__file__).resolve().parent.parent / "barometer_gui"
MODULES = [
    "core/tabulate.py",
    "core/disclosure.py",
    "core/stats.py",
    "core/formatting.py",
    "core/footnote.py",
    "export/pptx.py",
    "export/xlsx.py",
    "export/pdf.py",
    "export/images.py",
    "export/tables.py",
    "cli.py",
]
#: a literal that reads as words: Norwegian letters, a capitalised word, or two words
PROSE = re.compile(r"[æøåÆØÅ]|^[A-ZÆØÅ][a-zæøå]{2,}|[A-Za-zæøå]{2,} [A-Za-zæøå]{2,}")
#: literals that look like words but are not shown as written, with the reason
NOT_SHOWN = {
    ("core/tabulate.py", "Gjennomsnitt"): "Stat value: the catalogue key, shown through Stat.label()",
    ("core/tabulate.py", "Median"): "Stat value: the catalogue key, shown through Stat.label()",
    ("core/tabulate.py", "Antall svar"): "Stat value: the catalogue key, shown through Stat.label()",
    ("core/stats.py", "Holm"): "a method's proper name, the same in every language",
    ("core/stats.py", "Bonferroni"): "a method's proper name",
    ("core/stats.py", "Benjamini-Hochberg (FDR)"): "a method's proper name",
    ("core/stats.py", "ingen korreksjon"): "catalogue source, shown through correction_name()",
    ("export/pptx.py", "title slide"): "a template layout's name to look for",
    ("export/pptx.py", "section header"): "a template layout's name to look for",
    ("export/pptx.py", "title and content"): "a template layout's name to look for",
    ("export/pptx.py", "tittel og innhold"): "a template layout's name to look for",
    ("export/xlsx.py", "Calibri"): "font name",
    ("export/pdf.py", "DejaVu Sans"): "font name",
    ("export/pdf.py", "Barometer"): "the program's name (PDF metadata)",
}
NORWEGIAN = re.compile(
    r"\b(totalt|kilde|vektet|uvektede?|respondenter|antall|metode|resten av landet|gruppene|svar|andel)\b",
    re.IGNORECASE,
)


def _tree(module: str) -> ast.Module:
    return ast.parse((PACKAGE / module).read_text(encoding="utf-8"))


#: calls whose first argument is a catalogue source (BarometerError translates its key when read)
KEYED = {"t", "BarometerError", "Message", "N_"}


def _t_sources(tree: ast.Module) -> list[ast.Constant]:
    return [
        node.args[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in KEYED
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def _not_user_text(tree: ast.Module) -> set[int]:
    """Docstrings, t() sources, dict keys, subscripts and developer errors (raise ValueError …)."""
    skip = {id(node) for node in _t_sources(tree)}
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))
        if isinstance(node, ast.Dict):
            skip.update(id(key) for key in node.keys if key is not None)
        if isinstance(node, ast.Subscript):
            skip.add(id(node.slice))
        developer_error = isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
        if developer_error and getattr(node.exc.func, "id", "") != "BarometerError":
            skip.update(id(inner) for inner in ast.walk(node.exc))
    return skip


@pytest.mark.parametrize("module", MODULES)
def test_every_output_string_has_an_english_entry(module):
    missing = [n.value for n in _t_sources(_tree(module)) if n.value not in catalogue("en")]
    assert missing == [], f"add to core/i18n/en_output.py: {missing}"


@pytest.mark.parametrize("module", MODULES)
def test_no_user_visible_literal_bypasses_t(module):
    tree = _tree(module)
    skip = _not_user_text(tree)
    offenders = [
        f"line {node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and PROSE.search(node.value)
        and (module, node.value) not in NOT_SHOWN
    ]
    assert offenders == []


def test_the_scan_catches_a_bypassing_literal():
    """The check above can fail: an f-string label and a plain sentence are both found."""
    tree = ast.parse('x = f"Kilde: {s}"\ny = t("Totalt")\nz = "Ingen data å vise."\n')
    skip = _not_user_text(tree)
    found = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in skip]
    assert sorted(v for v in found if PROSE.search(v)) == ["Ingen data å vise.", "Kilde: "]


def test_number_formats_follow_the_language():
    assert (fmt_pct(12.5), fmt_int(12000), fmt_number(1234.56, 1)) == (
        "12,5\u00a0%",
        "12\u202f000",
        "1\u202f234,6",
    )
    assert (fmt_p(0.0123), fmt_p(0.0001), fmt_diff(-1.54), fmt_diff(3.2)) == (
        "0,012",
        "< 0,001",
        "−1,5",
        "+3,2",
    )
    with using_language("en"):
        assert (fmt_pct(12.5), fmt_int(12000), fmt_number(1234.56, 1)) == ("12.5%", "12,000", "1,234.6")
        assert (fmt_p(0.0123), fmt_p(0.0001), fmt_diff(-1.54)) == ("0.012", "< 0.001", "−1.5")
    assert fmt_pct(None) == fmt_int(None) == ":"


SPECS = [
    TableSpec("q1", by="kommunestorrelse", weight="vekt"),
    TableSpec("q5", benchmark=("fylke", "Vestland")),
    TableSpec("q6", grid_summary=True, by="type"),
    TableSpec("q8", by="landsdel"),
    TableSpec("q1", where=(("fylke", "Oslo"),)),
]


def _numbers(table) -> list:
    groups = [
        (g.role, g.base, g.weighted_base, g.effective_base, g.suppressed, g.low_base, g.letter)
        for g in table.groups
    ]
    cells = [
        (c.item, c.count, c.pct, c.ci_low, c.ci_high, c.sig, c.base, c.value, c.stat)
        for g in table.groups
        for c in g.cells
    ]
    return [
        groups,
        cells,
        table.p_value,
        list(table.p_values.values()),
        table.method,
        [replace(c, option="") for c in table.comparisons],
    ]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.question + (s.by or "") + str(bool(s.benchmark)))
def test_english_table_has_the_same_numbers_and_english_words(demo_survey, spec):
    norwegian = tabulate(demo_survey, spec)
    with using_language("en"):
        english = tabulate(demo_survey, spec)
        note = english.footnote()
        assert english.groups[0].label == "Total"
    assert _numbers(english) == _numbers(norwegian)
    assert english.groups[0].label == norwegian.groups[0].label == "Totalt"  # the word is made when shown
    assert [g.label for g in english.groups if g.role is Role.GROUP] == [
        g.label for g in norwegian.groups if g.role is Role.GROUP
    ]  # categories are data: the same in both
    assert "Method:" in note or not english.method
    assert not NORWEGIAN.search(note.replace("Vestland", "")), note
    assert "Source: demo_innovasjonsbarometer.xlsx." in note


def test_rest_and_statistics_are_identifiers_with_words_at_the_edge(demo_survey):
    compared = tabulate(demo_survey, TableSpec("q5", benchmark=("fylke", "Vestland")))
    with using_language("en"):
        numeric = tabulate(demo_survey, TableSpec("q8"))
        labels = [c.label for c in numeric.groups[0].cells]
        rest = compared.groups[2].label  # a table made in bokmål, shown in English
    assert compared.groups[2].role is Role.REST and rest == "Rest of the country"
    assert compared.groups[2].label == "Resten av landet"
    assert [c.stat for c in numeric.groups[0].cells] == [Stat.MEAN, Stat.MEDIAN]
    assert labels == ["Mean", "Median"]
    assert [c.label for c in numeric.groups[0].cells] == ["Gjennomsnitt", "Median"]


def test_plain_footnote_says_what_the_signs_mean_and_the_method_in_one_line(demo_survey):
    table = tabulate(demo_survey, TableSpec("q1", by="landsdel"))
    text = table.footnote()
    plain, method = text.split("\n")
    assert plain.startswith("Antall svar: Totalt 206 · Østlandet 73 · Sørlandet 13*")
    assert "* ved antall svar: færre enn 30 svar" in plain and "Kilde: " in plain
    assert (
        method
        == "Metode: Parvise z-tester mellom gruppene (5 %-nivå, korrigert med Holm); 95 % konfidensintervall (Wilson)."
    )
    lettered = tabulate(demo_survey, TableSpec("q2", by="kommunestorrelse"))
    assert any(c.sig for g in lettered.groups for c in g.cells)
    assert "Forskjeller merket med bokstav er statistisk sikre" in lettered.footnote()
    assert "Ingen av forskjellene" not in lettered.footnote()
    compared = tabulate(demo_survey, TableSpec("q5", benchmark=("landsdel", "Vestlandet")))
    note = compared.footnote()
    assert not any(g.letter or c.sig for g in compared.groups for c in g.cells)  # one way of showing the test
    assert "bokstav" not in note and "resten av landet" in note
    assert "Metode: Eget område mot resten av landet med z-test (5 %-nivå)" in note


def test_cli_table_in_english_keeps_its_keys_and_numbers(capsys):
    from barometer_gui.cli import run

    def table(*extra):
        assert run(["table", "--demo", "-q", "q1", "--by", "landsdel", *extra]) == 0
        return json.loads(capsys.readouterr().out)

    try:
        english = table("--lang", "en")
    finally:
        set_language("nb")
    norwegian = table()
    assert english["groups"][0]["label"] == "Total" and english["groups"][0]["role"] == "total"
    assert set(english) == set(norwegian) and set(english["test"]) == set(norwegian["test"])
    assert english["test"]["method"] == norwegian["test"]["method"] == "chi_square"
    assert [[c["pct"] for c in g["cells"]] for g in english["groups"]] == [
        [c["pct"] for c in g["cells"]] for g in norwegian["groups"]
    ]
    assert "Answers: Total 206" in english["footnote"] and not NORWEGIAN.search(english["footnote"])
    assert language() == "nb"


@pytest.fixture(scope="module")
def english_report(demo_survey, tmp_path_factory):
    """One English deck, workbook, PDF and SVG pictures from a bokmål program (the report's own language)."""
    from barometer_gui.core.report import Settings, question_item, run_report
    from barometer_gui.core.report.spec import spec_from_views

    views = [
        TableSpec("q1", by="landsdel"),
        TableSpec("q5", benchmark=("fylke", "Vestland")),
        TableSpec("q8"),
    ]
    items = [question_item(v, Settings(), demo_survey.question(v.question).text) for v in views]
    items[0] = replace(items[0], table=True)
    spec = spec_from_views(items, "Report", {"file": "demo"})
    spec.settings.language = "en"
    folder = tmp_path_factory.mktemp("english")
    run_report(demo_survey, spec, [folder / "r.pptx", folder / "r.xlsx", folder / "r.pdf", folder / "r.svg"])
    assert language() == "nb"
    return folder


def test_english_deck_footnotes_have_no_norwegian_words(english_report):
    from pptx import Presentation

    deck = Presentation(str(english_report / "r.pptx"))
    footnotes = [
        shape.text_frame.text
        for slide in deck.slides
        if slide.shapes.title is None or slide.shapes.title.text != "About the figures"  # the method slide
        for shape in slide.shapes
        if shape.has_text_frame and "Source: " in shape.text_frame.text
    ]
    assert len(footnotes) >= 3
    for text in footnotes:
        assert "Method: " in text or "Mean" in text or "Answers:" in text
        assert not NORWEGIAN.search(text.replace("Vestland", "")), text
    assert any(
        "Answers: Total 206 · Eastern Norway" in f or "Answers: Total 206 · Østlandet 73" in f
        for f in footnotes
    )


def test_english_workbook_has_english_heads_footnotes_and_number_formats(english_report):
    from openpyxl import load_workbook

    book = load_workbook(english_report / "r.xlsx")
    assert book.sheetnames[0] == "Contents"
    sheet = book.worksheets[1]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert {"Answer option", "Share", "Lower 95%", "Answers (n)"} <= set(texts)
    notes = [v for v in texts if v.startswith(("Answers:", "Method:"))]
    assert notes and not any(NORWEGIAN.search(v) for v in notes), notes
    formats = {c.number_format for row in sheet.iter_rows() for c in row if isinstance(c.value, float)}
    assert "0.0%" in formats and "0.0 %" not in formats


def test_english_pdf_has_english_footnotes_and_page_numbers(english_report):
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(english_report / "r.pdf").pages]
    assert "Page 2 of" in pages[1] and "About the figures" in pages[-1]
    lines = [line for page in pages for line in page.splitlines() if line.startswith(("Answers:", "Method:"))]
    assert any(line.startswith("Method: Pairwise z-tests") for line in lines)
    assert lines and not any(NORWEGIAN.search(line) for line in lines), lines
    assert any(re.search(r"\b\d+%", page) for page in pages), "the tables' English percentages: 9%"


def test_english_pictures_carry_the_english_footnote(english_report):
    import html

    pictures = sorted((english_report / "r").glob("*.svg"))
    assert len(pictures) == 3
    text = html.unescape(pictures[0].read_text(encoding="utf-8"))
    words = " ".join(re.findall(r"<!-- (.*?) -->", text)) or text  # matplotlib keeps each line's text
    assert "Answers: Total 206" in words and "Method: Pairwise z-tests" in words
    assert "Antall svar" not in words and "Metode" not in words and "Kilde" not in words
