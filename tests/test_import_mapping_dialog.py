"""The mapping dialog shows and sets who counts as a respondent; types and roles use their display names."""

from __future__ import annotations

from pathlib import Path

from barometer_gui.core.importer import open_with_mapping
from barometer_gui.core.mapping import Respondents

DATA = Path(__file__).resolve().parent / "data"


def test_respondent_rule_is_shown_and_settable(qtbot):
    from barometer_gui.ui.mapping_dialog import MappingDialog

    survey, mapping = open_with_mapping(DATA / "qualtrics.csv", use_saved_mapping=False)
    dialog = MappingDialog(mapping, survey.raw_columns)
    qtbot.addWidget(dialog)
    assert dialog.respondents.isEnabled()
    assert dialog.respondents.currentText() == Respondents.ANSWERED.display
    assert dialog.questions_table.cellWidget(1, 2).currentText() == "Flere svar"
    dialog.respondents.setCurrentIndex(dialog.respondents.findText(Respondents.COMPLETED.display))
    edited = dialog.mapping()
    assert edited.respondents == Respondents.COMPLETED


def test_without_status_field_the_rule_is_fixed(qtbot):
    from barometer_gui.ui.mapping_dialog import MappingDialog

    survey, mapping = open_with_mapping(DATA / "google_forms.xlsx", use_saved_mapping=False)
    dialog = MappingDialog(mapping, survey.raw_columns)
    qtbot.addWidget(dialog)
    assert not dialog.respondents.isEnabled()
