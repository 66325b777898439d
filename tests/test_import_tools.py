"""Every survey tool's export (fixtures from scripts/make_fixtures.py) opens with the right questions and
numbers; each table is compared with a pandas computation on the file read directly."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from barometer_gui.core.importer import open_survey
from barometer_gui.core.tabulate import TableSpec, tabulate

DATA = Path(__file__).resolve().parent / "data"
OPTIONS = ["Andre kommuner", "Private, sivile og frivillige", "Staten"]
SCALE = ["Helt uenig", "Delvis uenig", "Verken enig eller uenig", "Delvis enig", "Helt enig"]


def _open(name: str, **kwargs):
    return open_survey(DATA / name, use_saved_mapping=False, **kwargs)


def _total(survey, question: str):
    group = tabulate(survey, TableSpec(question, min_base=1)).groups[0]
    return group.base, {c.option: c.count for c in group.cells}


def _shape(survey) -> list[tuple[str, str]]:
    return [(q.id, str(q.type)) for q in survey.questions]


def test_qualtrics_three_header_rows_metadata_and_finished():
    survey = _open("qualtrics.csv")
    assert survey.layout == "qualtrics"
    assert _shape(survey) == [
        ("q1", "single"),
        ("q2", "multi"),
        ("q2_4_text", "text"),
        ("q3", "grid"),
        ("q4", "numeric"),
    ]
    assert survey.question("q3").options == SCALE and survey.question("q3").items == [
        "Vi prøver nytt",
        "Vi lærer av feil",
    ]
    raw = pd.read_csv(DATA / "qualtrics.csv", skiprows=[1, 2])
    rows = raw[raw["Progress"] > 0]  # Finished, or started and answered something
    assert survey.respondents == len(rows) == 10
    options = ["Q2_1", "Q2_2", "Q2_3", "Q2_4"]
    asked = rows[options].notna().any(axis=1)
    base, counts = _total(survey, "q2")
    assert base == asked.sum()
    assert [counts[o] for o in [*OPTIONS, "Annet"]] == [int(rows[c].notna().sum()) for c in options]
    base, counts = _total(survey, "q1")
    assert base == rows["Q1"].notna().sum()
    assert counts == {k: int(v) for k, v in rows["Q1"].value_counts().items()}


def test_surveymonkey_two_header_rows_select_all_and_other():
    survey = _open("surveymonkey.csv")
    assert survey.layout == "surveymonkey"
    assert [str(q.type) for q in survey.questions] == ["single", "multi", "text", "grid", "numeric"]
    assert survey.questions[1].options == OPTIONS
    assert "Response" not in {o for q in survey.questions for o in q.options}
    raw = pd.read_csv(DATA / "surveymonkey.csv", skiprows=[1])
    assert survey.respondents == len(raw)
    multi = raw.iloc[:, 10:13]
    base, counts = _total(survey, survey.questions[1].id)
    assert base == multi.notna().any(axis=1).sum()
    assert [counts[o] for o in OPTIONS] == multi.notna().sum().tolist()


def test_google_forms_checkboxes_with_commas_and_times():
    survey = _open("google_forms.xlsx")
    assert survey.layout == "google_forms"
    multi = survey.question("Hvilke satsinger har dere?")
    options = [
        "Innovasjon, forskning og utvikling",
        "Digitalisering",
        "Samarbeid med næringsliv, frivillige og andre",
    ]
    assert str(multi.type) == "multi" and multi.options == options
    raw = pd.read_excel(DATA / "google_forms.xlsx")
    cells = raw["Hvilke satsinger har dere?"]
    base, counts = _total(survey, multi.id)
    assert base == cells.notna().sum()
    assert [counts[o] for o in options] == [int(cells.str.contains(o, regex=False).sum()) for o in options]
    times = survey.question("Når starter møtet?")
    assert str(times.type) == "text"
    assert set(survey.data[times.columns[0]].dropna()) == {"09:30", "10:30", "11:30"}
    dates = survey.data[survey.question("Når ble strategien vedtatt?").columns[0]].dropna()
    assert dates.iloc[0] == "15.01.2023" and not any("1899" in d for d in dates)


def test_nettskjema_tab_separated_with_innsendt():
    survey = _open("nettskjema.txt")
    assert survey.layout == "nettskjema"
    raw = pd.read_csv(DATA / "nettskjema.txt", sep="\t", dtype={"Kommunenummer": str})
    answers = raw.columns[5:]
    rows = raw[raw["Innsendt"].notna() | raw[answers].notna().any(axis=1)]
    assert survey.respondents == len(rows) == 10
    assert {"NR", "Opprettet", "Endret", "Innsendt"}.isdisjoint(
        {c for q in survey.questions for c in q.columns}
    )
    collab = [c for c in raw.columns if " :: " in c]
    base, counts = _total(survey, "Hvem samarbeider dere med?")
    assert base == rows[collab].notna().any(axis=1).sum()
    assert [counts[o] for o in OPTIONS] == rows[collab].sum().astype(int).tolist()
    assert {b.id for b in survey.background} >= {"fylke", "type"}


def test_limesurvey_subquestions_end_labelled_scale_and_submitdate():
    survey = _open("limesurvey.csv")
    assert survey.layout == "limesurvey"
    assert _shape(survey) == [("q1", "single"), ("q2", "multi"), ("q2_other", "text"), ("q3", "grid")]
    assert survey.question("q3").options == ["1 - Helt uenig", "2", "3", "4", "Helt enig - 5"]
    raw = pd.read_csv(DATA / "limesurvey.csv", dtype=str)
    questions = [c for c in raw.columns if c.startswith("Q")]
    rows = raw[raw["submitdate"].notna() | raw[questions].notna().any(axis=1)]
    assert survey.respondents == len(rows)
    subs = ["Q2[SQ001]", "Q2[SQ002]", "Q2[SQ003]"]
    base, counts = _total(survey, "q2")
    assert base == (rows[subs] == "Y").any(axis=1).sum()
    assert [counts[s] for s in ["SQ001", "SQ002", "SQ003"]] == (rows[subs] == "Y").sum().tolist()


def test_kobo_main_sheet_metadata_and_select_multiple():
    survey = _open("kobo.xlsx")
    assert survey.layout == "kobo"
    assert _shape(survey) == [("grp_strategi", "single"), ("grp_samarbeid", "multi"), ("ansatte", "numeric")]
    columns = {c for q in survey.questions for c in q.columns}
    assert "grp/samarbeid" not in columns and not any(c.startswith("_") for c in columns)
    raw = pd.read_excel(DATA / "kobo.xlsx", sheet_name="Innovasjon")
    children = ["grp/samarbeid/andre_kommuner", "grp/samarbeid/private", "grp/samarbeid/staten"]
    base, counts = _total(survey, "grp_samarbeid")
    assert base == len(raw) and list(counts.values()) == raw[children].sum().astype(int).tolist()


def test_kobo_with_its_xlsform_as_codebook():
    survey = _open("kobo.xlsx", codebook=DATA / "kobo_xlsform.xlsx")
    assert survey.question("grp_strategi").options == ["Ja", "Nei", "Vet ikke"]
    assert survey.question("grp_samarbeid").options == OPTIONS
    assert survey.question("grp_samarbeid").text == "Hvem samarbeider dere med?"


def test_sosci_label_row_checkboxes_and_values_codebook():
    survey = _open("sosci.csv", codebook=DATA / "sosci_values.csv")
    assert survey.layout == "sosci"
    assert _shape(survey) == [("AB01", "single"), ("AB02", "multi"), ("AB03", "grid"), ("AB04_01", "numeric")]
    raw = pd.read_csv(DATA / "sosci.csv", sep="\t", encoding="utf-16", skiprows=[1])
    assert survey.respondents == len(raw) == 10  # the label row is not a respondent
    boxes = ["AB02_01", "AB02_02", "AB02_03"]
    base, counts = _total(survey, "AB02")
    assert base == raw[boxes].isin([1, 2]).any(axis=1).sum()
    assert [counts[o] for o in OPTIONS] == (raw[boxes] == 2).sum().tolist()
    base, counts = _total(survey, "AB01")
    assert base == (raw["AB01"] > 0).sum()  # -9 = not answered
    assert counts["Ja"] == (raw["AB01"] == 1).sum()


def test_sosci_without_codebook_warns_that_codes_lack_labels():
    survey = _open("sosci.csv")
    assert any("--codebook" in w for w in survey.warnings)
    assert "MAILSENT" not in {c for q in survey.questions for c in q.columns}


@pytest.mark.parametrize("name", ["spss.sav", "stata.dta"])
def test_spss_and_stata_labels_and_missing_codes(name):
    import pyreadstat

    survey = _open(name)
    assert survey.layout == ("spss" if name.endswith("sav") else "stata")
    assert survey.question("q1").text == "Har dere en innovasjonsstrategi?"
    assert survey.question("q2").options == OPTIONS
    raw, _ = (pyreadstat.read_sav if name.endswith("sav") else pyreadstat.read_dta)(str(DATA / name))
    base, counts = _total(survey, "q2")
    assert [counts[o] for o in OPTIONS] == raw[["q2_1", "q2_2", "q2_3"]].sum().astype(int).tolist()
    base, counts = _total(survey, "q1")
    assert counts["Ja"] == (raw["q1"] == 1).sum()
    if name.endswith("sav"):  # 99 is a user-missing code in SPSS: blank, not an option
        assert survey.question("q1").options == ["Ja", "Nei", "Vet ikke"] and base == raw["q1"].notna().sum()
    groups = tabulate(survey, TableSpec("q1", by="type", min_base=1)).groups
    assert [g.label for g in groups] == ["Totalt", "Kommune", "Fylkeskommune"]


def test_spss_multiple_response_set_becomes_one_question(tmp_path):
    """pyreadstat cannot write mr_sets, so the set is given as read from a real .sav's metadata."""
    import pyreadstat

    from barometer_gui.core.importers import spss

    frame, _ = pyreadstat.read_sav(str(DATA / "spss.sav"))
    frame = frame.rename(columns={"q2_1": "sam_a", "q2_2": "sam_b", "q2_3": "sam_c"})
    frame.attrs["readstat"] = {
        "variable_labels": {"sam_a": "Kommuner", "sam_b": "Private", "sam_c": "Staten"},
        "value_labels": {},
        "mr_sets": {
            "samarbeid": {
                "type": "D",
                "is_dichotomy": True,
                "counted_value": 1,
                "label": "Hvem samarbeider dere med?",
                "variable_list": ["sam_a", "sam_b", "sam_c"],
            }
        },
    }
    mapping = spss.mapping(frame, "spss")
    spec = next(q for q in mapping.questions if q.id == "samarbeid")
    assert str(spec.type) == "multi" and spec.options == ["Kommuner", "Private", "Staten"]


def test_codebook_files_beside_the_data_are_offered():
    from barometer_gui.core.importers import codebook_beside

    found = codebook_beside(DATA / "sosci.csv")
    assert found == [DATA / "kobo_xlsform.xlsx", DATA / "nettskjema_kodebok.csv", DATA / "sosci_values.csv"]


def test_nettskjema_codes_with_its_codebook():
    survey = _open("nettskjema_koder.txt", codebook=DATA / "nettskjema_kodebok.csv")
    assert survey.layout == "nettskjema"
    assert _shape(survey) == [("strategi", "single"), ("samarbeid", "multi")]
    assert survey.question("strategi").options == ["Ja", "Nei", "Vet ikke"]
    assert survey.question("samarbeid").options == OPTIONS
    raw = pd.read_csv(DATA / "nettskjema_koder.txt", sep="\t")
    rows = raw[raw["Innsendt"].notna() | raw[["strategi", "samarbeid.1"]].notna().any(axis=1)]
    base, counts = _total(survey, "strategi")
    assert counts["Ja"] == (rows["strategi"] == 1).sum() and base == rows["strategi"].notna().sum()


def test_codebook_that_does_not_fit_is_refused():
    from barometer_gui.core.errors import BarometerError

    with pytest.raises(BarometerError, match="ser ikke ut som en kodebok"):
        _open("qualtrics.csv", codebook=DATA / "sosci_values.csv")


def test_qualtrics_numeric_export_warns_that_codes_lack_labels(tmp_path):
    frame = pd.read_csv(DATA / "qualtrics.csv", header=None, dtype=object)
    codes = {"Ja": "1", "Nei": "2", "Vet ikke": "3", **{o: "1" for o in OPTIONS}}
    codes |= {s: str(i + 1) for i, s in enumerate(SCALE)}
    frame.iloc[3:] = frame.iloc[3:].map(lambda v: codes.get(v, v))
    path = tmp_path / "numeric.csv"
    frame.to_csv(path, header=False, index=False)
    survey = open_survey(path, use_saved_mapping=False)
    assert survey.layout == "qualtrics" and any("Use choice text" in w for w in survey.warnings)
    assert str(survey.question("q2").type) == "multi"


def test_kobo_parent_dot_option_with_true_false():
    from barometer_gui.core.importers import detect
    from barometer_gui.core.mapping import apply_mapping
    from barometer_gui.core.readers import RawBook

    frame = pd.DataFrame(
        {
            "_id": [1, 2, 3, 4],
            "_uuid": ["a", "b", "c", "d"],
            "tiltak": ["digital skole", "skole", "", "digital"],
            "tiltak.digital": ["TRUE", "FALSE", "FALSE", "TRUE"],
            "tiltak.skole": ["TRUE", "TRUE", "FALSE", "FALSE"],
        }
    )
    raw, mapping = detect(RawBook("excel", {"svar": frame}))
    assert [(q.id, str(q.type), q.options) for q in mapping.questions] == [
        ("tiltak", "multi", ["digital", "skole"])
    ]
    survey = apply_mapping(raw, mapping)
    base, counts = _total(survey, "tiltak")
    assert base == 4 and counts == {"digital": 2, "skole": 2}


def test_spss_category_set_becomes_one_multi_select():
    from barometer_gui.core.importers import spss
    from barometer_gui.core.mapping import apply_mapping

    frame = pd.DataFrame({"nevn1": [1.0, 2.0, None, 3.0], "nevn2": [3.0, None, None, 1.0]})
    frame.attrs["readstat"] = {
        "variable_labels": {"nevn1": "Første", "nevn2": "Andre"},
        "value_labels": {"nevn1": {"1": "Kommuner", "2": "Private", "3": "Staten"}},
        "mr_sets": {
            "samarbeid": {
                "type": "C",
                "is_dichotomy": False,
                "label": "Hvem samarbeider dere med?",
                "variable_list": ["nevn1", "nevn2"],
            }
        },
    }
    spss.expand_category_sets(frame)
    mapping = spss.mapping(frame, "spss")
    assert [(q.id, str(q.type), q.options) for q in mapping.questions] == [
        ("samarbeid", "multi", ["Kommuner", "Private", "Staten"])
    ]
    base, counts = _total(apply_mapping(frame, mapping), "samarbeid")
    assert base == 3 and counts == {"Kommuner": 2, "Private": 1, "Staten": 2}
