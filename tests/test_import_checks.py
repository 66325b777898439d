"""Plausibility checks fire, header rows are not respondents, non-data is refused, breakdowns need groups."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from barometer_gui.core import mapping_store
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import open_survey, open_with_mapping
from barometer_gui.core.importers import plausibility
from barometer_gui.core.mapping import Encoding, Layout, Mapping, QuestionSpec
from barometer_gui.core.schema import QType
from barometer_gui.core.tabulate import TableSpec, tabulate
from tests.builders import codebook_book, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
KNR = [301, 1103, 4601, 5001, 1804, 3201, 4204, 1508]


def test_grid_whose_items_each_hold_one_value_is_a_multi_select(tmp_path):
    rows = [["Kommunenr", "Samarbeid - 1", "Samarbeid - 2", "Samarbeid - 3"]]
    rows += [
        [k, "Andre kommuner" if i % 2 else None, "Staten" if i % 3 else None, "Private" if i % 4 else None]
        for i, k in enumerate(KNR)
    ]
    survey = open_survey(write_xlsx(tmp_path / "g.xlsx", {"Svar": rows}), use_saved_mapping=False)
    question = survey.questions[0]
    assert question.type is QType.MULTI and question.options == ["Andre kommuner", "Staten", "Private"]
    assert any("bare ett svar" in w for w in survey.warnings)
    counts = {c.option: c.count for c in tabulate(survey, TableSpec(question.id, min_base=1)).groups[0].cells}
    assert counts == {"Andre kommuner": 4, "Staten": 5, "Private": 6}


def test_option_in_every_question_is_flagged_as_header_artefact(tmp_path):
    rows = [["Kommunenr", "Strategi", "Budsjett", "Ledelse"]]
    rows += [
        [k, a, b, c]
        for k, a, b, c in zip(
            KNR,
            ["Ja", "Nei", "Response", "Ja", "Nei", "Ja", "Response", "Ja"],
            ["Økt", "Response", "Likt", "Økt", "Likt", "Response", "Økt", "Likt"],
            ["God", "Dårlig", "Response", "God", "God", "Response", "Dårlig", "God"],
            strict=True,
        )
    ]
    survey = open_survey(write_xlsx(tmp_path / "r.xlsx", {"Svar": rows}), use_saved_mapping=False)
    assert any("«Response» står i alle spørsmålene" in w for w in survey.warnings)


def test_single_choice_with_too_many_answers_becomes_text():
    answers = [f"Svar nummer {i}" for i in range(300)] * 2
    raw = pd.DataFrame({"q": answers})
    mapping = Mapping(
        Layout.QUESTION_HEADERS,
        [QuestionSpec("q", "Hva gjør dere?", QType.SINGLE, ["q"], Encoding.LABELS, sorted(set(answers)))],
    )
    plausibility.review(raw, mapping)
    assert mapping.questions[0].type is QType.TEXT and mapping.questions[0].options == []
    assert "300 ulike svar" in mapping.notes[0]


def test_many_distinct_answers_in_a_large_file_never_become_options(tmp_path):
    path = tmp_path / "stor.csv"
    frame = pd.DataFrame(
        {"Kommunenr": [301] * 20_000, "Hva gjør dere?": [f"Tiltak {i % 1000}" for i in range(20_000)]}
    )
    frame.to_csv(path, index=False, sep=";")
    question = open_survey(path, use_saved_mapping=False).question("Hva gjør dere?")
    assert question.type is QType.TEXT and question.options == []


def test_one_option_with_every_answer_is_flagged(tmp_path):
    rows = [["Kommunenr", "Har dere en strategi?", "Antall"]] + [[k, "Ja", i] for i, k in enumerate(KNR)]
    survey = open_survey(write_xlsx(tmp_path / "ja.xlsx", {"Svar": rows}), use_saved_mapping=False)
    assert any("100 %" in w and "«Ja»" in w for w in survey.warnings)


def test_text_row_under_codes_is_a_header_row_not_a_respondent(tmp_path):
    rows = [
        ["knr", "q1", "q2_1", "q2_2"],
        ["Kommunenummer", "Har dere en strategi?", "Samarbeid: Kommuner", "Samarbeid: Staten"],
    ]
    rows += [[k, 1 + i % 2, i % 2, (i + 1) % 2] for i, k in enumerate(KNR)]
    survey = open_survey(write_xlsx(tmp_path / "koder.xlsx", {"Data": rows}), use_saved_mapping=False)
    assert survey.respondents == len(KNR)
    assert survey.question("q1").text == "Har dere en strategi?"
    assert survey.question("q2").type is QType.MULTI and survey.question("q2").options == [
        "Kommuner",
        "Staten",
    ]
    assert any("lest som overskrift" in w for w in survey.warnings)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "LICENSE.csv",
            "MIT License\n\nCopyright (c) 2024 NIFU\n\nPermission is hereby granted, free of charge, to any person "
            "obtaining a copy\nof this software, to deal in the Software without restriction\nTHE SOFTWARE IS PROVIDED AS IS, "
            "WITHOUT WARRANTY OF ANY KIND\n",
            "lisenstekst",
        ),
        (
            "README.csv",
            "# Barometer\n\nAnalyse av innovasjonsbarometeret for kommunal sektor i Norge.\n\n## Installering\n\n"
            "- Last ned installasjonsprogrammet og kjør det som vanlig bruker\n- Åpne eksporten fra SurveyXact\n",
            "README",
        ),
        (
            "kode.csv",
            "import pandas as pd\nfrom pathlib import Path\n\ndef main(path):\n    frame = pd.read_csv(path)\n"
            "    return frame\n\nclass Reader:\n    pass\n",
            "programkode",
        ),
    ],
)
def test_text_that_is_not_response_data_is_refused(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BarometerError) as caught:
        open_survey(path, use_saved_mapping=False)
    assert expected in caught.value.message and "Eksporter svarene på nytt" in caught.value.message


def test_codebook_and_form_definition_alone_are_refused(tmp_path):
    book = write_xlsx(
        tmp_path / "kodebok.xlsx",
        {"Variabler": [["Variabel", "Etikett"], ["q1", "Strategi"], ["q2", "Budsjett"], ["q3", "Ledelse"]]},
    )
    with pytest.raises(BarometerError, match=r"kodebok.*--codebook"):
        open_survey(book, use_saved_mapping=False)
    with pytest.raises(BarometerError, match="skjemadefinisjon"):
        open_survey(Path(__file__).parent / "data" / "kobo_xlsform.xlsx", use_saved_mapping=False)


def test_extension_that_lies_is_named(tmp_path):
    text = tmp_path / "svar.xlsx"
    text.write_text("Kommunenr;Strategi\n301;Ja\n1103;Nei\n4601;Ja\n", encoding="utf-8")
    survey = open_survey(text, use_saved_mapping=False)
    assert any("er en tekstfil (CSV)" in w for w in survey.warnings)
    noise = tmp_path / "rot.xlsx"
    noise.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(BarometerError) as caught:
        open_survey(noise, use_saved_mapping=False)
    assert "verken en Excel-fil eller en tekstfil" in caught.value.message
    assert "Eksporter svarene på nytt som Excel (.xlsx)" in caught.value.message


def _coded_type_book(path: Path, codes: list[int], labelled: bool) -> Path:
    data = [["knr", "type", "q1"]] + [
        [k, c, 1 + i % 2] for i, (k, c) in enumerate(zip([*KNR, 4600], codes, strict=True))
    ]
    values = [["q1", 1, "Ja"], ["q1", 2, "Nei"]]
    if labelled:
        values += [["type", 1, "Kommune"], ["type", 2, "Fylkeskommune"]]
    variables = [["knr", "Kommunenummer"], ["type", "Type"], ["q1", "Strategi"]]
    return write_xlsx(path, {"Data": data, "Variabler": variables, "Verdier": values})


def test_coded_type_column_uses_its_value_labels(tmp_path):
    survey = open_survey(_coded_type_book(tmp_path / "t.xlsx", [1] * 8 + [2], True), use_saved_mapping=False)
    groups = tabulate(survey, TableSpec("q1", by="type", min_base=1)).groups
    assert [(g.label, g.base) for g in groups] == [("Totalt", 9), ("Kommune", 8), ("Fylkeskommune", 1)]


def test_unreadable_type_column_keeps_the_kommunenummer_type(tmp_path):
    survey = open_survey(_coded_type_book(tmp_path / "t.xlsx", [7] * 9, False), use_saved_mapping=False)
    groups = tabulate(survey, TableSpec("q1", by="type", min_base=1)).groups
    assert [(g.label, g.base) for g in groups] == [("Totalt", 9), ("Kommune", 8), ("Fylkeskommune", 1)]


def test_breakdown_without_groups_is_one_line_with_status_2(tmp_path):
    rows = [["Kommunenr", "Sektor", "Strategi"]] + [
        [k, None, "Ja" if i % 2 else "Nei"] for i, k in enumerate(KNR)
    ]
    path = write_xlsx(tmp_path / "s.xlsx", {"Svar": rows})
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "table", str(path), "-q", "Strategi", "--by", "sektor"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "ingen verdier" in result.stderr


def test_saved_mapping_is_named_and_can_be_ignored(tmp_path, capsys):
    from barometer_gui import cli

    path = codebook_book(tmp_path / "cb.xlsx")
    _, mapping = open_with_mapping(path, use_saved_mapping=False)
    mapping.questions[0].text = "Rettet tekst"
    saved = mapping_store.save(mapping)
    survey = open_survey(path)
    assert survey.saved_mapping == str(saved) and survey.describe()["saved_mapping"] == str(saved)
    assert survey.question("q1").text == "Rettet tekst"
    assert cli.run(["inspect", str(path), "--no-saved-mapping"]) == 0
    described = capsys.readouterr().out
    assert '"saved_mapping": ""' in described and "Rettet tekst" not in described


def test_mapping_words_are_enums_with_display_names(tmp_path):
    _, mapping = open_with_mapping(codebook_book(tmp_path / "cb.xlsx"), use_saved_mapping=False)
    again = Mapping.from_json(mapping.to_json())
    assert isinstance(again.layout, Layout) and again.layout.display == "Kodede data med kodebok"
    assert all(isinstance(q.type, QType) and isinstance(q.encoding, Encoding) for q in again.questions)
    assert QType.MULTI.display == "Flere svar" and Encoding.JOINED.display


def test_question_ids_are_stable_across_exports(tmp_path):
    rows = [["Kommunenr", "Har dere en strategi?", "Hvor mange ansatte?"]]
    rows += [[k, "Ja" if i % 2 else "Nei", i] for i, k in enumerate(KNR)]
    moved = [["Ny: Har dere et budsjett?", "Kommunenr", "Hvor mange ansatte?", "Har dere en strategi?"]]
    moved += [["Ja", k, i, "Ja" if i % 2 else "Nei"] for i, k in enumerate(KNR)]
    first = open_survey(write_xlsx(tmp_path / "2024.xlsx", {"Svar": rows}), use_saved_mapping=False)
    second = open_survey(write_xlsx(tmp_path / "2025.xlsx", {"Svar": moved}), use_saved_mapping=False)
    ids = {q.text: q.id for q in first.questions}
    assert ids == {q.text: q.id for q in second.questions if q.text in ids}
    assert ids["Har dere en strategi?"] == "har_dere_en_strategi"


def test_questback_efs_metadata_and_dispcode(tmp_path):
    rows = [["lfdn", "dispcode", "quality", "datetime", "Kommunenr", "Har dere en strategi?"]]
    codes = [31, 31, 22, 20, 32, 31, 20, 22]
    answers = ["Ja", "Nei", "Ja", None, "Nei", "Ja", None, None]
    rows += [
        [i, c, 1, "01.03.2024", k, a] for i, (c, k, a) in enumerate(zip(codes, KNR, answers, strict=True))
    ]
    survey = open_survey(write_xlsx(tmp_path / "qb.xlsx", {"Data": rows}), use_saved_mapping=False)
    assert [q.text for q in survey.questions] == ["Har dere en strategi?"]
    # 31/32 completed, 22 with an answer partial; 20 (not started) and 22 without answers are not respondents
    assert survey.status_counts == {"completed": 4, "partial": 1, "not_answered": 3}
    assert survey.respondents == 5
