"""Report words in English: every report string has an entry, and a report set to English is written in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from barometer_gui.core.i18n import catalogue, t
from barometer_gui.core.report import Settings, question_item, run_report
from barometer_gui.core.report.spec import free_text_item, spec_from_views
from barometer_gui.core.tabulate import TableSpec
from tests.test_i18n import translated_strings

PACKAGE = Path(__file__).resolve().parent.parent / "barometer_gui"
MODULES = [*sorted((PACKAGE / "core" / "report").glob("*.py")), PACKAGE / "core" / "free_text.py"]


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.name)
def test_every_report_string_has_an_english_entry(module):
    missing = [s for s in translated_strings(module) if s not in catalogue("en")]
    assert missing == [], f"add to core/i18n/en_report.py: {missing}"


def test_a_report_set_to_english_is_written_in_english_and_the_program_keeps_its_language(
    demo_survey, tmp_path
):
    items = [
        question_item(TableSpec("q1", by="landsdel"), Settings(), demo_survey.question("q1").text),
        free_text_item(TableSpec("q9"), Settings(), demo_survey.question("q9").text),
    ]
    spec = spec_from_views(items, "Report", {"demo": True})
    spec.settings.language = "en"
    deck = Presentation(str(run_report(demo_survey, spec, tmp_path / "en.pptx").path))
    text = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert "By region" in text and "Free-text answers are shown as written" in text
    assert deck.slides[-1].shapes.title.text == "About the figures"
    assert "Antall svar:" not in text and "vektet" not in text
    assert t("Andre") == "Andre", "the window's language is untouched"
