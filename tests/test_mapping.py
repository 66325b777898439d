"""Mappings: JSON round trip, regrouping for the mapping dialog, and reuse for next year's export."""

from __future__ import annotations

import pytest

from barometer_gui.core import mapping_store
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import open_survey, open_with_mapping
from barometer_gui.core.mapping import Mapping, apply_mapping, merge_questions, split_question
from barometer_gui.core.tabulate import TableSpec, tabulate
from tests.builders import codebook_book, surveyxact_book


def test_json_round_trip(tmp_path):
    _, mapping = open_with_mapping(codebook_book(tmp_path / "cb.xlsx"), use_saved_mapping=False)
    assert Mapping.from_json(mapping.to_json()) == mapping


def test_invalid_mapping_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "kobling.json"
    bad.write_text("{ikke json", encoding="utf-8")
    with pytest.raises(BarometerError, match="Koblingsfila"):
        open_survey(codebook_book(tmp_path / "cb.xlsx"), mapping=bad)


@pytest.mark.parametrize(
    ("field", "value"),
    [("type", "matrix"), ("encoding", "morse"), ("columns", [])],
)
def test_hand_edited_mapping_with_unknown_values_is_refused(tmp_path, field, value):
    import json

    _, mapping = open_with_mapping(codebook_book(tmp_path / "cb.xlsx"), use_saved_mapping=False)
    raw = json.loads(mapping.to_json())
    raw["questions"][0][field] = value
    with pytest.raises(BarometerError, match="Koblingsfila er ikke gyldig"):
        Mapping.from_json(json.dumps(raw))


def test_mapping_that_does_not_fit_the_file(tmp_path):
    _, mapping = open_with_mapping(codebook_book(tmp_path / "cb.xlsx"), use_saved_mapping=False)
    with pytest.raises(BarometerError, match="passer ikke"):
        open_survey(surveyxact_book(tmp_path / "sx.xlsx"), mapping=mapping)


def test_split_multi_into_singles_and_merge_back(tmp_path):
    path = codebook_book(tmp_path / "cb.xlsx")
    _, mapping = open_with_mapping(path, use_saved_mapping=False)
    split = split_question(mapping, "q2")
    ids = [q.id for q in split.questions]
    assert ids[:4] == ["q1", "q2_1", "q2_2", "q2_3"]
    survey = open_survey(path, mapping=split)
    first = tabulate(survey, TableSpec("q2_1", min_base=1)).groups[0]
    assert {c.option: c.count for c in first.cells} == {"Ikke valgt": 1, "Valgt": 2}
    merged = merge_questions(split, ["q2_1", "q2_2", "q2_3"], "multi")
    assert [q.id for q in merged.questions] == [q.id for q in mapping.questions]
    again = open_survey(path, mapping=merged)
    assert again.question("q2").options == ["Kompetanse", "Teknologi", "Annet"]


def test_split_grid_and_merge_as_grid(tmp_path):
    path = surveyxact_book(tmp_path / "sx.xlsx")
    _, mapping = open_with_mapping(path, use_saved_mapping=False)
    split = split_question(mapping, "g")
    assert [q.text for q in split.questions if q.id.startswith("g_")] == [
        "Hva fremmer innovasjon? - Ledelse",
        "Hva fremmer innovasjon? - Økonomi",
    ]
    merged = merge_questions(split, ["g_1", "g_2"], "grid")
    grid = next(q for q in merged.questions if q.type == "grid")
    assert grid.items == ["Ledelse", "Økonomi"] and grid.text == "Hva fremmer innovasjon?"


def test_regrouping_refuses_what_cannot_work(tmp_path):
    _, mapping = open_with_mapping(codebook_book(tmp_path / "cb.xlsx"), use_saved_mapping=False)
    with pytest.raises(BarometerError, match="én kolonne"):
        split_question(mapping, "q1")
    with pytest.raises(BarometerError, match="minst to"):
        merge_questions(mapping, ["q1"], "grid")
    with pytest.raises(BarometerError, match="Bare spørsmål med én kolonne"):
        merge_questions(mapping, ["q1", "q2"], "grid")


def test_saved_mapping_is_found_for_next_years_export(tmp_path):
    path = codebook_book(tmp_path / "2024.xlsx")
    _, mapping = open_with_mapping(path, use_saved_mapping=False)
    mapping.questions[0].text = "Øremerkede midler (rettet)"
    mapping_store.save(mapping)
    # Next year: the same variables plus one new column; the saved mapping still covers the file.
    import openpyxl

    book = openpyxl.load_workbook(path)
    book["Data"].cell(row=1, column=9, value="q9_ny")
    book.save(tmp_path / "2025.xlsx")
    survey = open_survey(tmp_path / "2025.xlsx")
    assert survey.question("q1").text == "Øremerkede midler (rettet)"


def test_apply_mapping_keeps_unknown_codes_as_options(tmp_path):
    _, mapping = open_with_mapping(codebook_book(tmp_path / "cb.xlsx"), use_saved_mapping=False)
    spec = next(q for q in mapping.questions if q.id == "q1")
    spec.codes.pop("3")
    import pandas as pd

    raw = pd.read_excel(tmp_path / "cb.xlsx", sheet_name="Data")
    survey = apply_mapping(raw, mapping)
    assert "3" in survey.question("q1").options
    assert any("uten etikett" in w for w in survey.warnings)
