"""The engine against independent computations: pandas, numpy, statsmodels and scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency
from statsmodels.stats.proportion import proportion_confint

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.tabulate import Role, TableSpec, tabulate
from tests.synthetic import GROUPS, OPTIONS, make_survey

TOTAL, REST = "Totalt", "Resten av landet"  # the bokmål words the engine gives these roles


@pytest.fixture(scope="module")
def survey():
    return make_survey()


def _cell(group, option, item=None):
    return next(c for c in group.cells if c.option == option and c.item == item)


def test_single_choice_matches_pandas_crosstab(survey):
    table = tabulate(survey, TableSpec("s", by="region"))
    data = survey.data
    counts = pd.crosstab(data["s"], data["bg::region"])
    shares = pd.crosstab(data["s"], data["bg::region"], normalize="columns") * 100
    assert [g.label for g in table.groups] == [TOTAL, *GROUPS]
    assert [g.role for g in table.groups] == [Role.TOTAL] + [Role.GROUP] * len(GROUPS)
    assert table.groups[0].base == data["s"].notna().sum()
    for group in table.groups[1:]:
        assert group.base == counts[group.label].sum()
        for option in OPTIONS:
            cell = _cell(group, option)
            assert cell.count == counts.loc[option, group.label]
            assert cell.pct == pytest.approx(shares.loc[option, group.label])


def test_weighted_percentages_effective_base_and_wilson(survey):
    table = tabulate(survey, TableSpec("s", by="region", weight="w"))
    data = survey.data
    answered = data["s"].notna()
    for group in table.groups[1:]:
        rows = answered & (data["bg::region"] == group.label)
        w = data.loc[rows, "w"]
        assert group.weighted_base == pytest.approx(w.sum())
        n_eff = w.sum() ** 2 / (w**2).sum()
        assert group.effective_base == pytest.approx(n_eff)
        for option in OPTIONS:
            share = w[data.loc[rows, "s"] == option].sum() / w.sum()
            cell = _cell(group, option)
            assert cell.pct == pytest.approx(share * 100)
            low, high = proportion_confint(share * n_eff, n_eff, method="wilson")
            assert cell.ci_low == pytest.approx(low * 100)
            assert cell.ci_high == pytest.approx(high * 100)
    assert table.weighted and "Vektet med «w»" in table.footnote()


def test_chi_square_matches_scipy_unweighted(survey):
    table = tabulate(survey, TableSpec("s", by="region"))
    observed = pd.crosstab(survey.data["bg::region"], survey.data["s"]).to_numpy()
    expected = chi2_contingency(observed, correction=False).pvalue
    assert table.p_value == pytest.approx(expected)
    assert table.method.describe().startswith("Kjikvadrattest og parvise z-tester (Holm")
    assert "korrigert med Holm" in table.footnote()


def test_pairwise_letters_follow_holm_adjusted_z_tests():
    survey = make_survey(group_sizes={"Nord": 300, "Sør": 300, "Vest": 300}, seed=3)
    data = survey.data
    data.loc[data["bg::region"] == "Nord", "s"] = "Ja"  # Nord says Ja far more often
    table = tabulate(survey, TableSpec("s", by="region"))
    letters = {g.label: g.letter for g in table.groups}
    assert letters == {TOTAL: "", "Nord": "A", "Sør": "B", "Vest": "C"}
    nord = _cell(table.groups[1], "Ja")
    assert set(nord.sig) == {"B", "C"}
    assert _cell(table.groups[2], "Ja").sig == ""


def test_multi_choice_base_is_those_asked(survey):
    table = tabulate(survey, TableSpec("m"))
    total = table.groups[0]
    asked = survey.data["m::1"].notna()
    assert total.base == asked.sum()
    assert _cell(total, "Kommuner").count == survey.data.loc[asked, "m::1"].sum()
    assert _cell(total, "Kommuner").pct == pytest.approx(survey.data.loc[asked, "m::1"].mean() * 100)
    assert table.p_value is None  # options are not exclusive: tested one by one


def test_grid_items_and_summary_leave_dont_know_out(survey):
    table = tabulate(survey, TableSpec("g"))
    column = survey.data["g::1"]
    assert _cell(table.groups[0], "Vet ikke", "Ledelse").pct == pytest.approx(
        (column == "Vet ikke").sum() / column.notna().sum() * 100
    )
    summary = tabulate(survey, TableSpec("g", grid_summary=True))
    substantive = column[column.notna() & (column != "Vet ikke")]
    low = substantive.isin(["Hemmer mye", "Hemmer litt"]).mean() * 100
    high = substantive.isin(["Fremmer litt", "Fremmer mye"]).mean() * 100
    assert _cell(summary.groups[0], "Hemmer", "Ledelse").pct == pytest.approx(low)
    assert _cell(summary.groups[0], "Fremmer", "Ledelse").pct == pytest.approx(high)
    assert _cell(summary.groups[0], "Fremmer", "Ledelse").base == len(substantive)


def test_numeric_mean_median(survey):
    table = tabulate(survey, TableSpec("x", by="region", weight="w"))
    data = survey.data
    rows = data["x"].notna()
    total = table.groups[0]
    assert _cell(total, "Gjennomsnitt").value == pytest.approx(
        np.average(data.loc[rows, "x"], weights=data.loc[rows, "w"])
    )
    assert _cell(total, "Median").value == pytest.approx(data.loc[rows, "x"].median())
    assert total.base == rows.sum()


def test_nobody_answered_and_empty_filter(survey):
    table = tabulate(survey, TableSpec("blank", by="region"))
    assert all(g.base == 0 and g.suppressed for g in table.groups)
    assert all(c.pct is None for g in table.groups for c in g.cells)
    assert table.p_value is None


def test_group_of_one_and_one_row():
    survey = make_survey(group_sizes={"Nord": 40, "Sør": 1})
    table = tabulate(survey, TableSpec("s", by="region", min_base=0, low_base=30))
    one = table.groups[2]
    assert one.label == "Sør" and one.base in (0, 1)
    tiny = make_survey(group_sizes={"Nord": 1})
    result = tabulate(tiny, TableSpec("m", by="region", min_base=1))
    assert len(result.groups) == 2


def test_filters_or_within_variable_and_unknown_values(survey):
    nord = tabulate(survey, TableSpec("s", where=(("region", "nord"),)))
    both = tabulate(survey, TableSpec("s", where=(("region", "Nord"), ("region", "Sør"))))
    data = survey.data
    assert nord.groups[0].base == (data["s"].notna() & (data["bg::region"] == "Nord")).sum()
    assert both.groups[0].base == (data["s"].notna() & data["bg::region"].isin(["Nord", "Sør"])).sum()
    assert "Region = Nord" in nord.footnote()
    with pytest.raises(BarometerError, match="ikke en verdi"):
        tabulate(survey, TableSpec("s", where=(("region", "Øst"),)))
    with pytest.raises(BarometerError, match="bakgrunnsvariabelen"):
        tabulate(survey, TableSpec("s", by="finnes-ikke"))


def test_small_group_is_merged_with_its_neighbour_not_hidden_here_and_shown_there():
    survey = make_survey(group_sizes={"Nord": 60, "Sør": 40, "Vest": 3})
    table = tabulate(survey, TableSpec("m", by="region", min_base=5))
    assert [g.label for g in table.groups] == [TOTAL, "Nord", "Sør + Vest"]
    assert not any(g.suppressed for g in table.groups)
    assert table.groups[2].base == table.groups[0].base - table.groups[1].base
    assert "Region: Sør og Vest er slått sammen" in table.footnote()
    vest = tabulate(survey, TableSpec("m", where=(("region", "Vest"),), min_base=5))
    assert vest.groups[0].base == table.groups[2].base
    assert vest.filters == ["Region = Vest (utvidet til Sør og Vest for å verne små grupper)"]


def test_low_base_flag():
    survey = make_survey(group_sizes={"Nord": 100, "Sør": 20})
    table = tabulate(survey, TableSpec("m", by="region", low_base=30))
    flags = {g.label: g.low_base for g in table.groups}
    assert flags == {TOTAL: False, "Nord": False, "Sør": True}


def test_benchmark_own_area_against_rest_and_total():
    survey = make_survey(group_sizes={"Nord": 200, "Sør": 150, "Vest": 150}, seed=5)
    data = survey.data
    data.loc[data["bg::region"] == "Nord", "m::2"] = data.loc[data["bg::region"] == "Nord", "m::2"].where(
        data["m::2"].isna(), 1.0
    )
    table = tabulate(survey, TableSpec("m", benchmark=("region", "Nord")))
    assert [g.label for g in table.groups] == [TOTAL, "Nord", REST]
    assert [g.role for g in table.groups] == [Role.TOTAL, Role.OWN, Role.REST]
    rest_rows = data["bg::region"] != "Nord"
    assert table.groups[2].base == data.loc[rest_rows, "m::1"].notna().sum()
    private = next(c for c in table.comparisons if c.option == "Private")
    total, own, rest = (_cell(g, "Private").pct for g in table.groups)
    assert private.diff_rest == pytest.approx(own - rest)
    assert private.diff_total == pytest.approx(own - total)
    assert private.significant and private.p_value < 0.001


def test_bad_spec_values(survey):
    with pytest.raises(BarometerError):
        tabulate(survey, TableSpec("s", min_base=-1))
    with pytest.raises(BarometerError):
        tabulate(survey, TableSpec("s", correction="magic"))
    with pytest.raises(BarometerError, match="Fant ikke vektvariabelen"):
        tabulate(survey, TableSpec("s", weight="nope"))


def test_empty_groups_and_empty_data():
    survey = make_survey(group_sizes={"Nord": 30, "Vest": 12})  # "Sør" has nobody: no empty column
    table = tabulate(survey, TableSpec("s", by="region", min_base=1))
    assert [g.label for g in table.groups] == [TOTAL, "Nord", "Vest"]
    either = tabulate(
        survey, TableSpec("s", by="region", where=(("region", "Nord"), ("region", "Vest")), min_base=1)
    )
    assert either.groups[0].base == table.groups[0].base
    data = survey.data
    data_copy = survey.data.copy()
    survey.data = data.iloc[0:0]
    try:
        with pytest.raises(BarometerError, match="ikke en verdi"):
            tabulate(survey, TableSpec("s", where=(("region", "Nord"),)))
        empty = tabulate(survey, TableSpec("m", by="region"))
        assert len(empty.groups) == 1 and empty.groups[0].base == 0 and empty.groups[0].suppressed
    finally:
        survey.data = data_copy


def test_filter_value_typed_with_plain_spaces_matches_a_label_with_non_breaking_ones(demo_survey):
    table = tabulate(demo_survey, TableSpec("q1", where=(("kommunestorrelse", "20 000 og over"),)))
    assert table.groups[0].base == 34


def test_grid_summary_footnote_states_the_per_item_bases_its_percentages_use(demo_survey):
    table = tabulate(demo_survey, TableSpec("q6", grid_summary=True))
    bases = [c.base for c in table.groups[0].cells]
    low, high = min(bases), max(bases)
    assert low < high < table.groups[0].base  # 'vet ikke' differs per item; none is the group's n
    footnote = table.footnote()
    assert f"Antall svar per delspørsmål (vet ikke holdt utenfor): Totalt {low}–{high}." in footnote
    assert f"Totalt {table.groups[0].base}" not in footnote
    whole = tabulate(demo_survey, TableSpec("q6")).footnote()
    assert f"Antall svar: Totalt {table.groups[0].base}." in whole
    assert "andelen av dem som svarte på minst ett delspørsmål" in whole
