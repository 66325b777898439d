"""Respondents are people who answered: the real SurveyXact export's numbers, checked with pandas."""

from __future__ import annotations

import pandas as pd
import pytest

from barometer_gui.core.importer import open_survey, open_with_mapping
from barometer_gui.core.mapping import Respondents, apply_mapping
from barometer_gui.core.tabulate import TableSpec, tabulate

V1 = [f"v_1_{i}" for i in range(1, 17)]


@pytest.fixture(scope="module")
def real(real_xlsx):
    return open_with_mapping(real_xlsx, use_saved_mapping=False)


@pytest.fixture(scope="module")
def dataset(real_xlsx):
    return pd.read_excel(real_xlsx, sheet_name="Dataset", engine="openpyxl")


def test_status_variable_decides_who_is_a_respondent(real, dataset):
    survey, _ = real
    answered = (dataset["stato_3"] == 1) | (dataset["stato_4"] == 1)
    assert survey.respondents == answered.sum() == 425
    assert survey.status_counts == {"completed": 340, "partial": 85, "not_answered": 574}
    assert not any(c.startswith("stato") for q in survey.questions for c in q.columns)
    assert "statoverall" not in {q.id for q in survey.questions}
    assert "425 av 999" in survey.population


def test_multi_select_base_is_those_who_reached_it(real, dataset):
    """v_1 is the first question: reached = chose an option in it or answered anything at all after it."""
    survey, mapping = real
    rows = dataset[(dataset["stato_3"] == 1) | (dataset["stato_4"] == 1)]
    question_columns = [c for q in mapping.questions for c in q.columns if c not in V1]
    multi_columns = [c for q in mapping.questions if q.type == "multi" for c in q.columns]
    later = rows[[c for c in question_columns if c not in multi_columns]].notna().any(axis=1)
    later |= (rows[[c for c in multi_columns if c not in V1]] == 1).any(axis=1)
    reached = (rows[V1] == 1).any(axis=1) | later
    table = tabulate(survey, TableSpec("v_1", by="b_1"))
    total = table.groups[0]
    assert total.base == reached.sum()
    assert [c.count for c in total.cells] == [int(rows.loc[reached, v].sum()) for v in V1]
    assert total.cells[0].pct == pytest.approx(100 * rows.loc[reached, "v_1_1"].sum() / reached.sum())
    assert total.cells[0].pct > 15  # not 8,1 % computed on all 999 invited
    labels = {1: "Jente", 2: "Gutt", 3: "Annet/vil ikke svare"}
    for group in table.groups[1:]:
        code = next(k for k, v in labels.items() if v == group.label)
        in_group = reached & (rows["b_1"] == code)
        assert group.base == in_group.sum()
    assert sum(g.base for g in table.groups[1:]) <= total.base
    assert "Respondenter: de som har svart (fullført eller delvis), 425 av 999" in table.footnote()


def test_respondent_rule_is_settable(real_xlsx, real, dataset):
    _, mapping = real
    raw = dataset
    mapping.respondents = Respondents.COMPLETED
    assert apply_mapping(raw, mapping).respondents == 340
    mapping.respondents = Respondents.ALL
    everyone = apply_mapping(raw, mapping)
    assert everyone.respondents == 999 and "alle rader" in everyone.population
    mapping.respondents = Respondents.ANSWERED


def test_csv_variant_has_the_same_respondents(real_xlsx):
    from tests.conftest import REAL_EXPORTS

    survey = open_survey(
        REAL_EXPORTS / "surveyxact-nifu" / "ex_survey2_semicolon_ansi" / "dataset.csv",
        use_saved_mapping=False,
    )
    assert survey.respondents == 425
