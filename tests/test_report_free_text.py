"""Free-text report items: the answers listed in every format, as written, never from too few, never with background."""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pypdf import PdfReader

from barometer_gui.core.report import Settings, question_item, run_report
from barometer_gui.core.report.spec import free_text_item, spec_from_views
from barometer_gui.core.tabulate import TableSpec

LONG = "Vi samlet tjenestene rundt familien og lærte mye underveis. " * 60
HOSTILE = "=1+1 skulle vært en formel"
DOLLARS = r"Kostet $5 \frac{ og sparte $10"  # not mathtext: matplotlib would stop on it


@pytest.fixture(scope="module")
def survey(demo_survey):
    data = demo_survey.data.copy()
    column = demo_survey.question("q9").columns[0]
    answers = data[column].astype(object)
    first, second, third = answers.dropna().index[:3]
    answers[first], answers[second], answers[third] = HOSTILE, LONG, DOLLARS
    data[column] = answers
    return replace(demo_survey, data=data)


def _spec(survey, min_base=5, limit=0):
    items = [
        question_item(TableSpec("q1"), Settings(), survey.question("q1").text),
        free_text_item(TableSpec("q9"), Settings(), survey.question("q9").text, limit),
    ]
    spec = spec_from_views(items, "Fritekst", {"file": "demo"})
    spec.settings.min_base = min_base
    return spec


def _slide_texts(path, title):
    deck = Presentation(str(path))
    return [
        (
            " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame),
            slide.notes_slide.notes_text_frame.text,
        )
        for slide in deck.slides
        if slide.shapes.title is not None and slide.shapes.title.text.startswith(title)
    ]


def test_answers_listed_as_written_in_deck_workbook_pdf_and_left_out_of_images(survey, tmp_path):
    targets = [tmp_path / "r.pptx", tmp_path / "r.xlsx", tmp_path / "r.pdf", tmp_path / "r.png"]
    result = run_report(survey, _spec(survey), targets)
    slides = _slide_texts(targets[0], "Beskriv kort")
    assert len(slides) >= 2, "a long list continues on the next slide"
    text = " ".join(body for body, _ in slides)
    assert HOSTILE in text and "(1/" in slides[0][0]
    assert "Vi samlet tjenestene" in text and "…" in text, "the long answer is cut between slides, marked"
    background = {
        str(v)
        for b in survey.background
        if b.kind != "numeric"
        for v in survey.data[b.column].dropna().unique()
    }
    assert not [v for v in background if len(v) > 3 and v in text], "no respondent background beside answers"
    assert all("slik de ble skrevet" in notes for _, notes in slides)
    sheet = load_workbook(targets[1]).worksheets[2]
    cells = [c for c in sheet["A"] if c.value]
    assert any(c.value == HOSTILE and c.data_type == "s" for c in cells), (
        "an answer starting with = stays text"
    )
    assert any(c.value == LONG.strip() for c in cells)
    pages = [p.extract_text() for p in PdfReader(targets[2]).pages]
    assert any(HOSTILE in p for p in pages) and any("slik de ble skrevet" in p for p in pages)
    assert any("Kostet $5" in p for p in pages)
    assert [p.name[:3] for p in (tmp_path / "r").iterdir()] == ["01 "], "images: the chart only"
    assert any("fritekst blir ikke bilde" in s for s in result.skipped)


def test_too_few_answers_are_never_listed_and_a_limit_is_a_stated_sample(survey, tmp_path):
    run_report(survey, _spec(survey, min_base=500), [tmp_path / "få.pptx", tmp_path / "få.xlsx"])
    ((body, notes),) = _slide_texts(tmp_path / "få.pptx", "Beskriv kort")
    assert "Svarene vises ikke: færre enn 500" in body and HOSTILE not in body + notes
    sheet = load_workbook(tmp_path / "få.xlsx").worksheets[2]
    assert HOSTILE not in [c.value for c in sheet["A"]]
    run_report(survey, _spec(survey, limit=3), tmp_path / "utvalg.pptx")
    ((body, _),) = _slide_texts(tmp_path / "utvalg.pptx", "Beskriv kort")
    assert "Viser 3 av 80 svar, trukket tilfeldig." in body and body.count("•") <= 3
