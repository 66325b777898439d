"""Each supported export layout opens with the right questions, types, options and bases."""

from __future__ import annotations

import codecs
import shutil

import pandas as pd
import pytest

from barometer_gui.core.importer import open_survey, open_with_mapping
from barometer_gui.core.mapping import Mapping
from barometer_gui.core.tabulate import TableSpec, tabulate
from tests.builders import codebook_book, forms_frame, headers_book, surveyxact_book
from tests.conftest import REAL_EXPORTS


def _question(survey, qid):
    return next(q for q in survey.questions if q.id == qid)


def test_real_surveyxact_xlsx_has_16_option_multi_and_single_choice(real_xlsx):
    survey = open_survey(real_xlsx, use_saved_mapping=False)
    assert survey.layout == "surveyxact"
    assert survey.respondents == 425  # 999 rows, 574 of them invited and never answered
    multi = _question(survey, "v_1")
    assert multi.type == "multi" and len(multi.options) == 16
    assert multi.options[0] == "Design og redesign"  # trailing space and line break removed
    single = _question(survey, "s_2")
    assert single.type == "single"
    assert single.options == [
        "Idrettsfag",
        "Kunst, design og arkitektur",
        "Medier og kommunikasjon",
        "Musikk, dans og drama",
        "Studiespesialisering",
        "Annet, spesifiser:",
    ]
    raw = pd.read_excel(real_xlsx, sheet_name="Dataset", engine="openpyxl")
    raw = raw[(raw["stato_3"] == 1) | (raw["stato_4"] == 1)]  # Noen svar, Gjennomført
    counts = raw["s_2"].value_counts()
    table = tabulate(survey, TableSpec("s_2"))
    total = table.groups[0]
    assert total.base == raw["s_2"].notna().sum()
    assert total.cells[4].count == counts[5.0]


def test_real_surveyxact_csv_variant_matches_xlsx(real_xlsx):
    folder = REAL_EXPORTS / "surveyxact-nifu" / "ex_survey2_semicolon_ansi"
    from_csv = open_survey(folder / "dataset.csv", use_saved_mapping=False)
    from_xlsx = open_survey(real_xlsx, use_saved_mapping=False)
    assert [q.as_dict() for q in from_csv.questions] == [q.as_dict() for q in from_xlsx.questions]
    a = tabulate(from_csv, TableSpec("v_1")).as_dict()["groups"][0]["cells"]
    b = tabulate(from_xlsx, TableSpec("v_1")).as_dict()["groups"][0]["cells"]
    assert a == b


def test_surveyxact_small_export(tmp_path):
    survey = open_survey(surveyxact_book(tmp_path / "sx.xlsx"), use_saved_mapping=False)
    assert survey.layout == "surveyxact"
    assert [q.type for q in survey.questions] == ["single", "multi", "grid", "text"]
    assert _question(survey, "s_1").options == ["Ja", "Nei", "Vet ikke"]
    assert _question(survey, "m_2").options == ["Andre kommuner", "Private virksomheter", "Ingen"]
    grid = _question(survey, "g")
    assert grid.items == ["Ledelse", "Økonomi"] and grid.options == ["Hemmer", "Nøytral", "Fremmer"]
    assert {b.id for b in survey.background} >= {"fylke", "landsdel", "type"}
    fylke = survey.data[survey.variable("fylke").column].astype(object).tolist()
    assert fylke == ["Oslo", "Vestland", "Vestland", "Rogaland", "Rogaland", "Trøndelag"]
    kind = survey.data[survey.variable("type").column].astype(object).tolist()
    assert kind[2] == "Fylkeskommune" and kind[0] == "Kommune"


def test_surveyxact_dataset_split_over_sheets(tmp_path):
    whole = open_survey(surveyxact_book(tmp_path / "a.xlsx"), use_saved_mapping=False)
    split = open_survey(surveyxact_book(tmp_path / "b.xlsx", parts=2), use_saved_mapping=False)
    assert [q.as_dict() for q in whole.questions] == [q.as_dict() for q in split.questions]


def test_codebook_layout(tmp_path):
    survey = open_survey(codebook_book(tmp_path / "cb.xlsx"), use_saved_mapping=False)
    assert survey.layout == "codebook"
    funds = survey.question("q1")
    assert funds.type == "single" and funds.options == ["Ja", "Nei", "Vet ikke"]
    purposes = survey.question("q2")
    assert purposes.type == "multi" and purposes.options == ["Kompetanse", "Teknologi", "Annet"]
    assert purposes.text == "Hva brukes midlene til?"
    assert survey.question("q3").type == "numeric"
    assert survey.weights == ["vekt"]
    assert "kommunestorrelse" in {b.id for b in survey.background}
    table = tabulate(survey, TableSpec("q2"))
    assert table.groups[0].base == 3  # blank row was not asked


def test_demo_is_codebook_layout_with_all_question_types(demo_survey):
    types = {q.type for q in demo_survey.questions}
    assert types == {"single", "multi", "grid", "numeric", "text"}
    assert 150 <= demo_survey.respondents <= 260
    assert demo_survey.weights == ["vekt"]


@pytest.mark.parametrize("merged", [False, True])
def test_question_text_headers(tmp_path, merged):
    survey = open_survey(headers_book(tmp_path / "h.xlsx", merged=merged), use_saved_mapping=False)
    assert survey.layout == "question_headers"
    types = [(q.text, q.type) for q in survey.questions]
    assert types == [
        ("Har dere en strategi?", "single"),
        ("Hvem samarbeider dere med?", "multi"),
        ("Hvor enig er du?", "grid"),
    ]
    grid = survey.questions[2]
    assert grid.options == [
        "Helt uenig",
        "Delvis uenig",
        "Verken enig eller uenig",
        "Delvis enig",
        "Helt enig",
        "Vet ikke",
    ]
    multi = tabulate(survey, TableSpec(survey.questions[1].id, min_base=1)).groups[0]
    assert multi.base == 4  # the respondent with no marks was not asked
    assert [c.count for c in multi.cells] == [3, 2, 1]
    assert "fylke" in {b.id for b in survey.background}
    if merged:
        assert any("to rader" in w for w in survey.warnings)


def test_joined_cells_forms_style(tmp_path):
    path = tmp_path / "forms.xlsx"
    forms_frame().to_excel(path, index=False)
    survey, mapping = open_with_mapping(path, use_saved_mapping=False)
    assert survey.layout == "joined"
    assert [q.text for q in survey.questions] == ["Hvem samarbeider dere med?", "Har dere en strategi?"]
    multi = survey.questions[0]
    assert multi.type == "multi"
    # The user corrects the option that contains the separator; splitting then uses the known labels.
    spec = mapping.questions[0]
    spec.options = ["Andre kommuner", "Private", "Staten", "Frivillige; lag og foreninger"]
    fixed = open_survey(path, mapping=Mapping.from_json(mapping.to_json()))
    table = tabulate(fixed, TableSpec(fixed.questions[0].id, min_base=1)).groups[0]
    assert table.base == 4
    assert {c.option: c.count for c in table.cells} == {
        "Andre kommuner": 2,
        "Private": 1,
        "Staten": 1,
        "Frivillige; lag og foreninger": 2,
    }


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_encodings(tmp_path, encoding):
    frame = forms_frame()
    path = tmp_path / f"forms-{encoding}.csv"
    text = frame.to_csv(index=False, sep=";")
    path.write_bytes(text.encode(encoding))
    survey = open_survey(path, use_saved_mapping=False)
    assert [q.text for q in survey.questions] == ["Hvem samarbeider dere med?", "Har dere en strategi?"]
    assert "Frivillige" in survey.questions[0].options[3]


def test_csv_with_bom_and_trailing_separator(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"Kommunenr;Strategi;\n301;Ja;\n4601;Nei;\n1101;Ja;\n")
    survey = open_survey(path, use_saved_mapping=False)
    assert [q.text for q in survey.questions] == ["Strategi"]
    assert survey.data[survey.variable("fylke").column].astype(object).tolist() == [
        "Oslo",
        "Vestland",
        "Rogaland",
    ]


def test_legacy_xls(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Svar")
    rows = [["Kommunenummer", "Har dere en strategi?"], [301, "Ja"], [4601, "Nei"], [1101, "Ja"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp_path / "old.xls"
    book.save(str(path))
    survey = open_survey(path, use_saved_mapping=False)
    assert survey.questions[0].options == ["Ja", "Nei"]
    assert tabulate(survey, TableSpec("Har dere en strategi?", min_base=1)).groups[0].cells[0].count == 2


def test_numbers_stored_as_text_and_duplicate_blank_headers(tmp_path):
    from tests.builders import write_xlsx

    rows = [
        ["Kommunenr", "Antall årsverk", "Antall årsverk", None],
        ["0301", "12,5", "1", "x"],
        ["1101", "3", "2", "y"],
    ]
    survey = open_survey(write_xlsx(tmp_path / "t.xlsx", {"Ark1": rows}), use_saved_mapping=False)
    numeric = survey.questions[0]
    assert numeric.type == "numeric"
    assert survey.data[numeric.columns[0]].tolist() == [12.5, 3.0]
    assert any("flere ganger" in w for w in survey.warnings)
    assert any("mangler overskrift" in w for w in survey.warnings)


def test_input_file_is_never_modified(tmp_path, real_xlsx):
    copy = tmp_path / real_xlsx.name
    shutil.copy(real_xlsx, copy)
    before = copy.read_bytes()
    open_survey(copy, use_saved_mapping=False)
    assert copy.read_bytes() == before


def test_formulas_are_read_as_their_values(tmp_path):
    import xlsxwriter

    path = tmp_path / "formler.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Svar")
    sheet.write_row(0, 0, ["Kommunenummer", "Antall årsverk", "Strategi"])
    for row, (knr, fte, answer) in enumerate([(301, 2, "Ja"), (4601, 3, "Nei"), (1101, 4, "Ja")], start=1):
        sheet.write_number(row, 0, knr)
        sheet.write_formula(row, 1, f"={fte}*1", None, fte)
        sheet.write_string(row, 2, answer)
    sheet.write_string(4, 2, "=IKKE EN FORMEL")
    workbook.close()
    survey = open_survey(path, use_saved_mapping=False)
    fte = survey.question("Antall årsverk")
    assert fte.type == "numeric"
    assert survey.data[fte.columns[0]].tolist()[:3] == [2.0, 3.0, 4.0]
    assert "=IKKE EN FORMEL" in survey.question("Strategi").options


def test_commas_inside_single_answers_are_not_a_multi_select(tmp_path):
    path = tmp_path / "strategi.csv"
    rows = ["Kommunenr,Strategi"] + [
        f'{knr},"{answer}"'
        for knr, answer in zip(
            [301, 1101, 4601, 1103, 5001, 1804],
            [
                "Ja, politisk vedtatt",
                "Nei",
                "Ja, administrativt vedtatt",
                "Nei",
                "Ja, politisk vedtatt",
                "Under utarbeiding",
            ],
            strict=True,
        )
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    question = open_survey(path, use_saved_mapping=False).questions[0]
    assert question.type == "single"
    assert question.options == [
        "Ja, politisk vedtatt",
        "Nei",
        "Ja, administrativt vedtatt",
        "Under utarbeiding",
    ]


def test_comma_joined_multi_select_with_whole_answers_elsewhere(tmp_path):
    path = tmp_path / "samarbeid.csv"
    cells = [
        "Kommuner,Staten",
        "Kommuner",
        "Staten",
        "Private,Kommuner",
        "Private",
        "Kommuner,Staten,Private",
    ]
    path.write_text("Samarbeid\n" + "\n".join(f'"{c}"' for c in cells) + "\n", encoding="utf-8")
    question = open_survey(path, use_saved_mapping=False).questions[0]
    assert question.type == "multi"
    assert question.options == ["Kommuner", "Staten", "Private"]


def test_codebook_in_one_spss_variable_view_sheet(tmp_path):
    from tests.builders import write_xlsx

    data = [["knr", "q1", "q2_1", "q2_2"], [301, 1, 1, 0], [1101, 2, 0, 1], [4601, 1, 1, 1]]
    view = [
        ["Variabel", "Etikett", "Verdi", "Verdietikett"],
        ["knr", "Kommunenummer", None, None],
        ["q1", "Har dere en strategi?", 1, "Ja"],
        [None, None, 2, "Nei"],
        [None, None, 9, "Vet ikke"],
        ["q2_1", "Hvem samarbeider dere med?: Kommuner", None, None],
        ["q2_2", "Hvem samarbeider dere med?: Staten", None, None],
    ]
    survey = open_survey(
        write_xlsx(tmp_path / "spss.xlsx", {"Data": data, "Kodebok": view}), use_saved_mapping=False
    )
    assert survey.layout == "codebook"
    assert survey.question("q1").options == ["Ja", "Nei", "Vet ikke"]
    assert survey.question("q2").options == ["Kommuner", "Staten"]
    assert survey.question("q2").text == "Hvem samarbeider dere med?"


def test_csv_header_notes_and_text_weights(tmp_path):
    path = tmp_path / "vekt.csv"
    path.write_text(
        "Kommunenr;Strategi;Strategi;Vekt;\n301;Ja;Nei;1,5;\n4601;Nei;Ja;0,5;\n", encoding="utf-8"
    )
    survey = open_survey(path, use_saved_mapping=False)
    assert any("flere ganger" in w for w in survey.warnings)
    assert not any(
        "mangler overskrift" in w for w in survey.warnings
    )  # the trailing separator is not a column
    assert survey.weight("Vekt").tolist() == [1.5, 0.5]
