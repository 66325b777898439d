"""The report's content wired to the charts and the engine by identifiers, so English reports say it all."""

from __future__ import annotations

import re
import zipfile

from barometer_gui.charts.model import chart_model
from barometer_gui.core.i18n import using_language
from barometer_gui.core.report import Settings, question_item, run_report
from barometer_gui.core.report.content import Report, alt_text, question_block, table_lines
from barometer_gui.core.report.spec import ReportSpec
from barometer_gui.core.tabulate import TableSpec


def _block(survey, spec: TableSpec, settings: Settings | None = None, chart: str = "auto"):
    settings = settings or Settings()
    item = question_item(spec, settings, survey.question(spec.question).text)
    item.chart = chart
    return question_block(survey, ReportSpec(settings=settings, items=[item]), item)


def _colours(data) -> dict[str, str]:
    return {s.name.split(" (")[0].rstrip("*"): s.colour for s in data.series}


def test_a_report_chart_keeps_a_groups_colour_when_a_filter_removes_the_others(demo_survey):
    whole = _colours(_block(demo_survey, TableSpec("q1", by="landsdel"), chart="bars").chart())
    settings = Settings(where=[["fylke", "Vestland"]])
    block = _block(
        demo_survey, TableSpec("q1", by="landsdel", where=(("fylke", "Vestland"),)), settings, "bars"
    )
    part = _colours(block.chart())
    assert set(part) == {"Totalt", "Vestlandet"}
    assert part["Vestlandet"] == whole["Vestlandet"]
    # the keys are what keeps it: without them the one group left takes the first colour
    assert _colours(chart_model(block.table, "bars"))["Vestlandet"] != whole["Vestlandet"]


def test_an_english_report_keeps_the_whiskers_note_and_names_the_mean(demo_survey):
    words = {
        "en": ("The lines show 95% confidence intervals (Wilson).", "Mean for all:", "Mean", "Answers (n)"),
        "nb": (
            "Strekene viser 95 % konfidensintervall (Wilson).",
            "Gjennomsnitt for alle:",
            "Gjennomsnitt",
            None,
        ),
    }
    for language, (whiskers, alt, mean, answers) in words.items():
        with using_language(language):
            settings = Settings(benchmark=["fylke", "Vestland"], language=language)
            shares = _block(demo_survey, TableSpec("q5", benchmark=("fylke", "Vestland")), settings)
            numeric = _block(demo_survey, TableSpec("q8", by="landsdel"), Settings(language=language), "bars")
            assert whiskers in shares.note
            assert alt in alt_text(numeric)
            assert [s.name for s in numeric.chart().series] == [mean]
            _, body = table_lines(numeric.grid())
            assert [row[0] for row in body] == [mean, "Median", answers or "Antall svar (n)"]


def test_the_method_page_names_the_correction_in_the_reports_language(demo_survey):
    settings = Settings(correction="none")
    block = _block(demo_survey, TableSpec("q1", by="landsdel", correction="none"), settings)
    report = Report("Report", "", [block])
    with using_language("en"):
        assert any("(no correction for many comparisons" in line for line in report.method_text())
    with using_language("nb"):
        assert any("(ingen korreksjon for mange sammenligninger" in line for line in report.method_text())


def test_the_method_page_promises_letters_only_where_tables_have_them(demo_survey):
    settings = Settings(benchmark=["fylke", "Vestland"])
    own_area = _block(demo_survey, TableSpec("q5", benchmark=("fylke", "Vestland")), settings)
    with using_language("en"):
        text = " ".join(Report("Report", "", [own_area]).method_text())
    assert "compared with the rest of the country by z-test" in text
    assert "letter" not in text and "pairwise" not in text
    with using_language("en"):
        broken_down = " ".join(
            Report(
                "Report", "", [own_area, _block(demo_survey, TableSpec("q1", by="landsdel"))]
            ).method_text()
        )
    assert "letter" in broken_down and "compared with the rest" in broken_down


def test_the_whiskers_note_stands_only_under_charts_that_draw_whiskers(demo_survey):
    settings = Settings(benchmark=["fylke", "Vestland"])
    spec = TableSpec("q6", benchmark=("fylke", "Vestland"))
    stacked = _block(demo_survey, spec, settings, "multiples")
    assert not stacked.chart().whiskers and "Strekene" not in stacked.note
    bars = _block(demo_survey, TableSpec("q5", benchmark=("fylke", "Vestland")), settings, "bars")
    assert bars.chart().whiskers and "Strekene viser" in bars.note


def test_a_bokmal_survey_reported_in_english_names_its_derived_breakdown_in_english(demo_survey):
    with using_language("en"):
        block = _block(demo_survey, TableSpec("q1", by="landsdel"), Settings(language="en"), "bars")
        assert block.subtitle.startswith("By region") and block.chart().subtitle.startswith("By region")


def test_the_workbooks_chart_colours_each_group_as_the_deck_does(demo_survey, tmp_path):
    settings = Settings(where=[["fylke", "Vestland"]])
    spec = TableSpec("q1", by="landsdel", where=(("fylke", "Vestland"),))
    item = question_item(spec, settings, demo_survey.question("q1").text)
    report = ReportSpec(settings=settings, items=[item])
    block = question_block(demo_survey, report, item)
    path = run_report(demo_survey, report, tmp_path / "farger.xlsx").path
    with zipfile.ZipFile(path) as book:
        chart = book.read("xl/charts/chart1.xml").decode()
    drawn = ["#" + c for c in re.findall(r'<c:ser>.*?<a:srgbClr val="([0-9A-F]{6})"', chart, re.S)]
    assert drawn == [c.upper() for c in block.group_colours()]
    assert drawn == [_colours(block.chart())[g.label].upper() for g in block.grid().groups]


def test_the_method_page_states_the_level_the_items_were_tested_at(demo_survey):
    strict = _block(demo_survey, TableSpec("q1", by="landsdel", alpha=0.01), Settings(alpha=0.01))
    with using_language("en"):
        text = " ".join(Report("Report", "", [strict]).method_text())
    assert "1% level" in text and "5% level" not in text
