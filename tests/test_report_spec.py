"""Report specs: JSON round trip, clear refusals, and a rerun on next year's export with shifted ids."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import open_survey
from barometer_gui.core.report import Item, Ref, ReportSpec, Settings, load_spec, question_item, save_spec
from barometer_gui.core.report.content import fold, prepare
from barometer_gui.core.report.resolve import find_question
from barometer_gui.core.report.spec import free_text_item, item_from_dict, spec_from_views
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.demo_data import write_demo


def _spec(survey) -> ReportSpec:
    views = [
        question_item(
            TableSpec("q1", by="kommunestorrelse", weight="vekt"), Settings(), survey.question("q1").text
        ),
        question_item(
            TableSpec("q5", benchmark=("fylke", "Vestland"), weight="vekt"),
            Settings(),
            survey.question("q5").text,
        ),
        question_item(
            TableSpec("q6", grid_summary=True, weight="vekt", min_base=10),
            Settings(),
            survey.question("q6").text,
        ),
    ]
    spec = spec_from_views(views, "Rapport", {"file": "demo.xlsx"})
    spec.items[1:1] = [Item("section", "Strategi"), Item("text", "Om rapporten", "Første linje\nAndre linje")]
    spec.items[-1] = replace(spec.items[-1], table=True, title="Hemmer og fremmer")
    text = survey.question("q9").text
    spec.items.insert(
        -1, free_text_item(TableSpec("q9", where=(("type", "Kommune"),)), spec.settings, text, 20)
    )
    return spec


def test_table_spec_dict_round_trip():
    spec = TableSpec(
        "q5", by=None, where=(("fylke", "Agder"), ("type", "Kommune")), benchmark=("fylke", "Agder")
    )
    assert TableSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    with pytest.raises(BarometerError, match="Ukjente felt"):
        TableSpec.from_dict({"question": "q1", "colour": "red"})
    with pytest.raises(BarometerError, match="feil form"):
        TableSpec.from_dict({"question": "q1", "min_base": "fem"})


def test_load_save_load_is_identical(demo_survey, tmp_path):
    spec = _spec(demo_survey)
    assert spec.settings.weight == "vekt" and spec.items[-1].overrides == {
        "grid_summary": True,
        "min_base": 10,
    }
    save_spec(spec, tmp_path / "a.json")
    loaded = load_spec(tmp_path / "a.json")
    save_spec(loaded, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == (tmp_path / "b.json").read_text(
        encoding="utf-8"
    )
    assert load_spec(tmp_path / "b.json") == loaded == spec
    assert '"Hemmer og fremmer"' in (tmp_path / "a.json").read_text(encoding="utf-8")  # readable, not escaped


def test_newer_or_damaged_spec_is_refused_and_never_overwritten(demo_survey, tmp_path):
    newer = tmp_path / "ny.json"
    data = _spec(demo_survey).to_dict() | {"version": 99}
    newer.write_text(json.dumps(data), encoding="utf-8")
    before = newer.read_bytes()
    with pytest.raises(BarometerError, match="nyere Barometer"):
        load_spec(newer)
    with pytest.raises(BarometerError, match="blir ikke overskrevet"):
        save_spec(_spec(demo_survey), newer)
    assert newer.read_bytes() == before
    damaged = tmp_path / "skadet.json"
    damaged.write_text('{"format": "barometer-rapport", "version": 1, "items": [', encoding="utf-8")
    with pytest.raises(BarometerError, match="skadet"):
        load_spec(damaged)
    with pytest.raises(BarometerError, match="ikke et rapportoppsett"):
        save_spec(_spec(demo_survey), damaged)
    assert damaged.read_text(encoding="utf-8").endswith("[")
    bad = _spec(demo_survey).to_dict()
    bad["items"][2]["chart"] = "kake"
    with pytest.raises(BarometerError, match="chart"):
        ReportSpec.from_dict(bad)
    bad["items"][2]["chart"] = "diverging"  # the charts' kinds are the item's choices
    assert ReportSpec.from_dict(bad).items[2].chart == "diverging"


@pytest.fixture(scope="module")
def next_year(tmp_path_factory):
    """Another year's export: other numbers, every id changed, order reversed, one question gone."""
    path = write_demo(tmp_path_factory.mktemp("neste") / "neste.xlsx", seed=7)
    survey = open_survey(path, use_saved_mapping=False)
    kept = [q for q in survey.questions if q.id != "q2"]
    survey.questions = [replace(q, id=f"sp{len(kept) - i}") for i, q in enumerate(reversed(kept))]
    return survey


def test_rerun_on_shifted_ids_gives_the_same_structure_with_new_numbers(demo_survey, next_year):
    spec = _spec(demo_survey)
    spec.items.append(question_item(TableSpec("q2"), spec.settings, demo_survey.question("q2").text))
    this_year, later = prepare(demo_survey, spec), prepare(next_year, spec)
    assert [b.kind for b in later.blocks] == [b.kind for b in this_year.blocks][:-1]
    assert len(later.skipped) == 1 and "øremerkede midler" in later.skipped[0]
    for old, new in zip(this_year.questions, later.questions, strict=False):
        assert new.table.question.text == old.table.question.text
        assert new.table.question.id != old.table.question.id and "ny id" in new.note
        assert [g.label for g in new.table.groups] == [g.label for g in old.table.groups]
        assert new.table.options == old.table.options
        expected = tabulate(next_year, replace(new.table.spec))
        assert [c.pct for c in new.table.groups[0].cells] == [c.pct for c in expected.groups[0].cells]
    assert [c.pct for c in later.questions[0].table.groups[0].cells] != [
        c.pct for c in this_year.questions[0].table.groups[0].cells
    ]


def test_an_id_that_now_means_another_question_is_not_used(demo_survey):
    question, note = find_question(demo_survey, Ref("q1", "Et spørsmål som ikke finnes lenger"))
    assert question is None and "annet spørsmål" in note
    question, _ = find_question(demo_survey, Ref("zz", demo_survey.question("q7").text.upper()))
    assert question.id == "q7"


def test_small_options_fold_into_andre_with_the_engines_numbers(demo_survey):
    table = tabulate(demo_survey, TableSpec("q1"))
    small = [c for c in table.groups[0].cells if c.pct < 8]
    folded, text = fold(table, 8, "andre")
    assert small and "Andre" in folded.options and "lagt sammen" in text
    other = next(c for c in folded.groups[0].cells if c.option == "Andre")
    assert other.pct == pytest.approx(sum(c.pct for c in small)) and other.ci_low is None
    multi = tabulate(demo_survey, TableSpec("q5"))
    omitted, text = fold(multi, 10, "andre")
    assert "Andre" not in omitted.options and "utelatt" in text
    assert len(omitted.options) == len([c for c in multi.groups[0].cells if c.pct >= 10])


def test_free_text_item_keeps_filters_and_limit_and_never_a_lower_minimum_base():
    item = item_from_dict({"kind": "freetext", "question": {"id": "q9", "text": "Beskriv"}, "limit": 20})
    assert item.limit == 20 and item.table_spec(Settings(min_base=8), "q9", None).min_base == 8
    with pytest.raises(BarometerError, match="ukjente overstyringer: min_base"):
        item_from_dict({"kind": "freetext", "question": {"id": "q9"}, "overrides": {"min_base": 1}})
    with pytest.raises(BarometerError, match="limit"):
        item_from_dict({"kind": "freetext", "question": {"id": "q9"}, "limit": -1})
