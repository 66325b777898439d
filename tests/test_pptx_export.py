"""PowerPoint export: native charts equal the engine's numbers, templates are used, writes are atomic."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.report import Settings, question_item, run_report
from barometer_gui.core.report.spec import spec_from_views
from barometer_gui.core.tabulate import TableSpec, tabulate


def write_report(survey, specs, out, template=None):
    """The deck of these views, made the one way reports are made (run_report); returns its path."""
    spec = spec_from_views([question_item(s, Settings()) for s in specs])
    spec.settings.template = str(template) if template else None
    return run_report(survey, spec, out).path


def _charted(path):
    return [slide for slide in Presentation(str(path)).slides if any(s.has_chart for s in slide.shapes)]


def _chart(slide):
    return next(s for s in slide.shapes if s.has_chart).chart


def test_grid_is_stacked_100_with_one_series_per_option(demo_survey, tmp_path):
    table = tabulate(demo_survey, TableSpec("q6"))
    out = write_report(demo_survey, [table.spec], tmp_path / "grid.pptx")
    chart = _chart(_charted(out)[0])
    assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED_100
    assert [s.name for s in chart.plots[0].series] == demo_survey.question("q6").options
    assert list(chart.plots[0].categories) == demo_survey.question("q6").items
    first = chart.plots[0].series[0]
    expected = [c.pct / 100 for c in table.groups[0].cells if c.option == first.name]
    assert list(first.values) == pytest.approx(expected)
    assert chart.category_axis.reverse_order


def test_percent_number_format_and_small_groups_merged(demo_survey, tmp_path):
    table = tabulate(demo_survey, TableSpec("q1", by="fylke"))
    merged = [g.label for g in table.groups if " + " in g.label]
    assert merged, "demo has small fylker to merge"
    out = write_report(demo_survey, [table.spec], tmp_path / "fylke.pptx")
    slide = _charted(out)[0]
    chart = _chart(slide)
    assert len(table.groups) > 8, "so many fylker that the groups are the dot plot's rows"
    xml = chart._chartSpace.xml  # a dot plot's rows are named by data labels
    assert all(f">{name}" in xml for name in merged)
    assert xml.count("Oslo") == xml.count("Oslo + Østfold"), "Oslo only inside its merged block"
    assert 'formatCode="0 %"' in chart._chartSpace.xml
    notes = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "slått sammen" in notes


def test_user_template_is_used(demo_survey, tmp_path):
    template = Presentation()
    template.slide_width = 9144000
    template.save(str(tmp_path / "mal.pptx"))
    out = write_report(demo_survey, [TableSpec("q2")], tmp_path / "ut.pptx", template=tmp_path / "mal.pptx")
    deck = Presentation(str(out))
    assert deck.slide_width == 9144000 and len(_charted(out)) == 1


def test_failed_export_leaves_no_file(demo_survey, tmp_path):
    (tmp_path / "ødelagt.pptx").write_bytes(b"ikke en presentasjon")
    out = tmp_path / "ut.pptx"
    with pytest.raises(BarometerError, match="Malen"):
        write_report(demo_survey, [TableSpec("q2")], out, template=tmp_path / "ødelagt.pptx")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "ødelagt.pptx"]


def test_existing_file_is_replaced_whole(demo_survey, tmp_path):
    out = tmp_path / "rapport.pptx"
    out.write_bytes(b"old")
    write_report(demo_survey, [TableSpec("q2")], out)
    assert len(_charted(out)) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pptx"]


def test_significance_letters_reach_the_slide(demo_survey, tmp_path):
    table = tabulate(demo_survey, TableSpec("q5", by="type"))
    marked = [(g, c) for g in table.groups for c in g.cells if c.sig]
    assert marked, "demo has a significant difference between kommuner and fylkeskommuner"
    out = write_report(demo_survey, [table.spec], tmp_path / "sig.pptx")
    chart = _chart(_charted(out)[0])
    labels = [
        point.data_label.text_frame.text
        for series in chart.plots[0].series
        for point in series.points
        if point.data_label.has_text_frame
    ]
    for _group, cell in marked:
        assert any(label.endswith(cell.sig) for label in labels)


def test_a_crowded_grid_continues_over_several_slides(real_xlsx, tmp_path):
    from barometer_gui.core.importer import open_survey

    survey = open_survey(real_xlsx, use_saved_mapping=False)
    table = tabulate(survey, TableSpec("p"))  # 58 items
    out = write_report(survey, [table.spec], tmp_path / "rutenett.pptx")
    slides = _charted(out)
    assert len(slides) == 4
    categories = [c for slide in slides for c in _chart(slide).plots[0].categories]
    assert categories == survey.question("p").items
    first_option = survey.question("p").options[0]
    values = [v for slide in slides for v in _chart(slide).plots[0].series[0].values]
    expected = [
        None if c.pct is None else c.pct / 100 for c in table.groups[0].cells if c.option == first_option
    ]
    assert [v is None for v in values] == [e is None for e in expected]
    assert [v for v in values if v is not None] == pytest.approx([e for e in expected if e is not None])
    assert slides[3].shapes.title.text.endswith("(4/4)")
