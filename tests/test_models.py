"""qtmodeltester on every model the window shows, and the table layout read from the engine."""

from __future__ import annotations

import pytest

from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.ui.free_text import FreeTextModel, FreeTextPanel, text_answers
from barometer_gui.ui.question_browser import QuestionBrowser
from barometer_gui.ui.table_layout import build_grid
from barometer_gui.ui.table_model import TableModel
from tests.synthetic import make_survey


@pytest.mark.parametrize("transposed", [False, True])
@pytest.mark.parametrize("intervals", [False, True])
@pytest.mark.parametrize(
    "spec",
    [
        TableSpec("s", by="region", weight="w"),
        TableSpec("g"),
        TableSpec("g", by="region"),
        TableSpec("g", grid_summary=True, benchmark=("region", "Nord")),
        TableSpec("m", benchmark=("region", "Vest")),
        TableSpec("x", by="region"),
    ],
)
def test_table_model_layouts_pass_the_model_tester(qtmodeltester, spec, transposed, intervals):
    model = TableModel()
    model.set_table(tabulate(make_survey(), spec), transposed, intervals)
    qtmodeltester.check(model)
    model.sort(1)
    qtmodeltester.check(model)


def test_question_browser_models_pass_the_model_tester(qtmodeltester, qtbot, demo_survey):
    browser = QuestionBrowser()
    qtbot.addWidget(browser)
    browser.fill(demo_survey)
    qtmodeltester.check(browser.model)
    browser.search.setText("innovasjon")
    qtmodeltester.check(browser.proxy)
    assert 0 < len([i for i in browser.question_ids()]) == len(demo_survey.questions)


def test_free_text_models_pass_the_model_tester(qtmodeltester, qtbot, demo_survey):
    panel = FreeTextPanel()
    qtbot.addWidget(panel)
    panel.show_answers(demo_survey, demo_survey.question("q9"), ())
    qtmodeltester.check(panel.model)
    panel.search.setText("a")
    qtmodeltester.check(panel.proxy)
    qtmodeltester.check(FreeTextModel())


def test_question_browser_keeps_order_numbers_types_and_background_apart(qtbot, demo_survey):
    browser = QuestionBrowser()
    qtbot.addWidget(browser)
    browser.fill(demo_survey)
    root = browser.model.invisibleRootItem()
    questions, background = root.child(0), root.child(1)
    assert [questions.child(r).text().split(".")[0] for r in range(questions.rowCount())] == [
        str(n) for n in range(1, len(demo_survey.questions) + 1)
    ]
    assert not questions.child(0).icon().isNull()
    assert background.rowCount() == len(demo_survey.background)
    browser.search.setText("årsverk")
    visible = browser.proxy.index(0, 0)
    assert browser.proxy.rowCount(visible) == 1


def test_sections_group_the_questions_when_the_file_has_them(qtbot):
    survey = make_survey()
    for question, section in zip(
        survey.questions, ["Del A", "Del A", "Del B", "Del B", "Del B"], strict=True
    ):
        question.section = section
    browser = QuestionBrowser()
    qtbot.addWidget(browser)
    browser.fill(survey)
    questions = browser.model.invisibleRootItem().child(0)
    assert [questions.child(r).text() for r in range(questions.rowCount())] == ["Del A", "Del B"]
    assert browser.question_ids() == [q.id for q in survey.questions]


def test_grid_without_breakdown_is_items_by_scale():
    survey = make_survey()
    table = tabulate(survey, TableSpec("g"))
    grid = build_grid(table)
    assert [h.text for h in grid.rows] == ["Ledelse", "Økonomi"]
    assert [h.text for h in grid.columns][1:] == survey.question("g").options
    cell = next(c for c in table.groups[0].cells if c.item == "Økonomi" and c.option == "Nøytral")
    assert grid.cells[1][3].number == pytest.approx(cell.pct / 100)


def test_suppressed_cells_say_why():
    table = tabulate(make_survey(), TableSpec("s", by="region", min_base=1000))
    grid = build_grid(table)
    hidden = [c for row in grid.cells[1:] for c in row]
    assert hidden and all(c.text == ":" and "færre enn 1000" in c.tooltip for c in hidden)
    assert ": = for få svar" in table.footnote()  # the footnote explains the sign once, under the table
    table.groups[1].secondary = True  # hidden only to protect another group (the engine's flag)
    assert "beskytte" in build_grid(table).cells[1][1].tooltip


def test_weighted_tables_show_weighted_and_effective_base_rows():
    table = tabulate(make_survey(), TableSpec("s", by="region", weight="w"))
    grid = build_grid(table)
    assert [h.text for h in grid.rows[:3]] == ["Antall svar (n)", "Vektet base", "Effektiv base"]
    assert grid.fixed_rows == 3
    assert grid.cells[2][0].number == table.groups[0].effective_base


def test_free_text_answers_carry_the_background_and_follow_the_filter(demo_survey):
    headers, rows = text_answers(demo_survey, demo_survey.question("q9"))
    assert headers[0] == "Svar" and len(rows[0]) == len(headers)
    county = rows[0][headers.index("Fylke")]
    _, filtered = text_answers(demo_survey, demo_survey.question("q9"), (("fylke", county),))
    assert 0 < len(filtered) <= len(rows) and county in {r[headers.index("Fylke")] for r in filtered}
    # the engine's filter: a small county is widened to its safe block, exactly as the table counts it
    table = tabulate(demo_survey, TableSpec("q9", where=(("fylke", county),)))
    assert len(filtered) == table.groups[0].base


def test_own_area_against_the_country_shows_the_test_once():
    table = tabulate(make_survey(), TableSpec("s", benchmark=("region", "Nord")))
    grid = build_grid(table)
    assert [h.text.rstrip("*") for h in grid.columns[:3]] == ["Totalt", "Nord", "Resten av landet"]
    assert grid.columns[1].own_area and not grid.columns[2].own_area
    assert not any(c.text[-1:].isalpha() for row in grid.cells for c in row if c.text)
    assert "bokstav" not in table.footnote() and "mot resten av landet" in table.footnote()
