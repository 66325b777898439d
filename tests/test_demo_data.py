"""The shipped demo export is the generator's output and looks like KS' published results."""

from __future__ import annotations

import pandas as pd
import pytest

from barometer_gui.core.importer import DEMO_FILE, open_survey
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.demo_data import write_demo


def test_shipped_demo_equals_a_fresh_run_of_the_generator(tmp_path):
    fresh = write_demo(tmp_path / "demo.xlsx")
    for sheet in ("Data", "Variabler", "Verdier"):
        shipped = pd.read_excel(DEMO_FILE, sheet_name=sheet, engine="openpyxl")
        pd.testing.assert_frame_equal(shipped, pd.read_excel(fresh, sheet_name=sheet, engine="openpyxl"))


def _share(survey, question, option, **spec):
    table = tabulate(survey, TableSpec(question, **spec))
    return {g.label: next(c.pct for c in g.cells if c.option == option) for g in table.groups}


def test_distributions_resemble_published_results(demo_survey):
    assert 180 <= demo_survey.respondents <= 230
    written = sum(
        _share(demo_survey, "q1", o, where=(("type", "Kommune"),))["Totalt"]
        for o in ("Ja, politisk vedtatt", "Ja, administrativt vedtatt")
    )
    assert 7 <= written <= 15  # about one in ten kommuner
    political = _share(demo_survey, "q1", "Ja, politisk vedtatt")["Totalt"]
    assert political > _share(demo_survey, "q1", "Ja, administrativt vedtatt")["Totalt"]
    by_size = _share(demo_survey, "q1", "Ja, politisk vedtatt", by="kommunestorrelse")
    assert by_size["20\u00a0000 og over"] > by_size["Under 5\u00a0000"]
    assert 15 <= _share(demo_survey, "q2", "Ja")["Totalt"] <= 25  # one in five with earmarked funds
    partners = tabulate(demo_survey, TableSpec("q5")).groups[0].cells
    top = max(partners, key=lambda c: c.pct)
    assert top.option == "Andre kommuner" and top.pct == pytest.approx(80, abs=5)


def test_grid_economy_splits_about_40_40(demo_survey):
    summary = tabulate(demo_survey, TableSpec("q6", grid_summary=True)).groups[0].cells
    economy = {c.option: c.pct for c in summary if c.item == "Økonomiske rammer"}
    assert economy["Hemmer"] == pytest.approx(40, abs=5)
    assert economy["Fremmer"] == pytest.approx(40, abs=5)


def test_demo_kommunenummer_look_real(demo_survey):
    raw = open_survey(DEMO_FILE, use_saved_mapping=False).data
    fylker = raw[demo_survey.variable("fylke").column].astype(object)
    assert fylker.notna().all()
    assert set(fylker) <= {
        "Oslo",
        "Rogaland",
        "Møre og Romsdal",
        "Nordland",
        "Østfold",
        "Akershus",
        "Buskerud",
        "Innlandet",
        "Vestfold",
        "Telemark",
        "Agder",
        "Vestland",
        "Trøndelag",
        "Troms",
        "Finnmark",
    }
